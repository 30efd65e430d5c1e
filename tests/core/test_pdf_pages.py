"""Browser-printed PDFs: running headers and footers, ligatures, line-end hyphens,
menus, owner passwords and pages without text. PDFs are written in the tests."""

from __future__ import annotations

import pytest

from stance_reader.core.loaders import load_bytes
from stance_reader.core.loaders.pdf_layout import Line, is_margin_furniture, join_rows
from stance_reader.core.notices import NO_TEXT
from stance_reader.errors import EncryptedDocument
from tests.core.pdf_pages import Placed, paragraph, printed_pdf, scanned_pdf

HEADER = "11/26/26, 7:33 PM Council votes to expand the northern bus network"
MENU = ["Home News Sport Business Culture Opinion Weather", "Subscribe Sign in Search"]
STORY_1 = [
    "The city council voted on Tuesday to expand the bus network to the",
    "northern suburbs, after two years of debate over the cost of the de-",
    "fence of the old depots and the \x1frst new routes.",
]
STORY_2 = [
    "Residents had campaigned for better connections since the old tram",
    "line closed, and some blamed neo-",
    "Nazis for vandalising the stops, which the police denied last week.",
]
QUOTE = [
    "\"We have waited far too long for a bus that reaches our streets,\" said",
    "Amal Hassan, who leads the residents' association in the north.",
]


def _page(number: int, total: int, body: list[Placed]) -> list[Placed]:
    return [(25, 770, 8, HEADER), *body, (25, 18, 8, f"https://citypost.example/buses {number}/{total}")]


def _printed_article() -> bytes:
    first = _page(1, 2, [*paragraph(40, 720, MENU, size=9), *paragraph(40, 650, STORY_1),
                         *paragraph(40, 590, QUOTE)])
    second = _page(2, 2, [*paragraph(40, 720, STORY_2),
                          *paragraph(40, 640, ["Terms of Service Privacy Cookies Contact"],
                                     size=9)])
    return printed_pdf([first, second])


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    text = load_bytes(_printed_article(), "buses.pdf").text
    assert "7:33 PM" not in text and "citypost.example" not in text
    assert "1/2" not in text and "2/2" not in text
    assert "The city council voted on Tuesday" in text


def test_ligatures_unfold_and_hyphens_join_only_into_words() -> None:
    text = load_bytes(_printed_article(), "buses.pdf").text
    assert "first new routes" in text and "\ufb01" not in text
    assert "defence of the old depots" in text
    assert "neo-Nazis" in text


def test_paragraphs_are_rebuilt_and_menus_left_out() -> None:
    article = load_bytes(_printed_article(), "buses.pdf")
    paragraphs = [article.text[p.start:p.end] for p in article.paragraphs]
    assert any(p.startswith("\"We have waited") and p.endswith("in the north.")
               for p in paragraphs)
    assert "Subscribe Sign in" not in article.text
    assert "Terms of Service" not in article.text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_pdf_opens(algorithm: str) -> None:
    """Printing restrictions only (an owner password, an empty user password): every viewer
    opens such a PDF, and PDFium decrypts RC4 and AES itself (no extra package)."""
    data = printed_pdf([paragraph(40, 700, STORY_1 + STORY_2)], owner_password="owner",
                       algorithm=algorithm)
    assert b"/Encrypt" in data
    assert (b"/AESV2" in data) == (algorithm == "AES-128")
    assert (b"/AESV3" in data) == (algorithm == "AES-256")
    assert "The city council voted on Tuesday" in load_bytes(data, "locked.pdf").text


def test_user_password_aes_pdf_says_it_needs_its_password() -> None:
    data = printed_pdf([paragraph(40, 700, STORY_1)], owner_password="owner",
                       algorithm="AES-256", user_password="secret")
    with pytest.raises(EncryptedDocument, match="needs its password"):
        load_bytes(data, "locked.pdf")


def test_a_scan_opens_empty_with_a_notice_and_is_named_after_its_file() -> None:
    article = load_bytes(scanned_pdf(2), "letter.pdf")
    assert article.text == "" and article.paragraphs == ()
    assert [n.kind for n in article.notices] == ["no-text"]
    assert "this PDF has no text (a scan?)" in article.notices[0].message
    assert article.title is None  # not the scanning tool's "ScanSnap Manager #S1300"


def test_a_printed_scan_with_only_header_and_footer_opens_with_the_notice() -> None:
    article = load_bytes(printed_pdf([_page(1, 2, []), _page(2, 2, [])]), "scan.pdf")
    assert article.text == "" and article.notices == (NO_TEXT,)


def _piece(text: str, left: float, width: float, size: float = 10.7,
           bottom: float = 769.5, spaced_end: bool = False) -> Line:
    return Line(text=text, left=left, bottom=bottom, right=left + width, top=bottom + 6,
                size=size, page=0, baseline=bottom, spaced_end=spaced_end)


def test_pieces_of_one_printed_line_are_joined_with_spaces_only_between_words() -> None:
    # A browser's header that PDFium gives one character per line ("1", "1", "/", …).
    x = 25.0
    pieces = []
    for ch in "11/26/26,":
        pieces.append(_piece(ch, x, 3.4))
        x += 3.4 + 1.6  # letter spacing
    pieces.append(_piece("8:13", x + 3.0, 15.0))  # after a word space
    pieces.append(_piece("PM", x + 22.0, 9.0))
    body = [_piece("Hinton.", 40, 40, 16, 600), _piece("[1]", 81.5, 10, 13.3, 602),
            _piece("It is a", 96, 26, 16, 600), _piece("next line", 40, 50, 16, 585),
            # PDFium ended the first piece with a space: a word ends there, however close.
            _piece("35. Lajon", 40, 40, 16, 560, spaced_end=True),
            _piece("Witherspoon", 83, 60, 16, 560)]
    joined = join_rows(pieces + body)
    assert [line.text for line in joined] == ["11/26/26, 8:13 PM", "Hinton.[1] It is a",
                                              "next line", "35. Lajon Witherspoon"]
    assert is_margin_furniture(joined[0].text)
