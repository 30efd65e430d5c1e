"""An article's date as a reader sees it: the date written at the top of the article, in
words, not the file's conversion timestamp nor a raw ISO string."""

from __future__ import annotations

from stance_reader.core.loaders import load_bytes
from stance_reader.core.loaders.dates import readable_date
from tests.core.pdf_pages import paragraph, printed_pdf
from tests.core.test_loaders import docx_bytes, epub_bytes

BODY = ["The council voted on Tuesday to expand the bus network to the northern suburbs, "
        "after two years of debate over the cost of the new routes and depots."]


def test_docx_date_comes_from_the_text_not_the_file_timestamp() -> None:
    article = load_bytes(docx_bytes(["By Ann Reporter", "March 5, 2024", *BODY]), "a.docx")
    assert article.date == "5 March 2024"


def test_docx_without_a_written_date_has_none() -> None:
    # python-docx stamps "created" with the time of saving: it is not the article's date.
    assert load_bytes(docx_bytes(BODY), "a.docx").date is None


def _epub(dc_date: str, first_paragraph: str) -> bytes:
    return epub_bytes([first_paragraph, BODY[0]], date=dc_date)


def test_epub_date_is_readable_and_prefers_the_text() -> None:
    assert load_bytes(_epub("2024-03-05T10:00:00+00:00", "Local news"), "b.epub").date \
        == "5 March 2024"
    assert load_bytes(_epub("2026-11-26T19:00:00Z", "Published 4 March 2024"), "b.epub").date \
        == "4 March 2024"
    assert load_bytes(_epub("0101-01-01T00:00:00+00:00", "Local news"), "b.epub").date is None


def test_printed_pdf_date_is_the_dateline_not_the_print_time() -> None:
    page = [(25, 770, 8, "11/26/26, 7:33 PM Buses for the north"),
            *paragraph(40, 700, ["By Ann Reporter", "March 5, 2024"]),
            *paragraph(40, 640, ["The council voted on Tuesday to expand the bus network",
                                 "to the northern suburbs, after two years of debate over",
                                 "the cost of the new routes and depots in the north."]),
            (25, 18, 8, "https://citypost.example/buses 1/1")]
    article = load_bytes(printed_pdf([page]), "buses.pdf")
    assert article.date == "5 March 2024"
    assert article.byline == "Ann Reporter"


def test_iso_strings_never_reach_the_reader() -> None:
    assert readable_date("2024-03-05") == "5 March 2024"
    assert readable_date("Tuesday evening") == "Tuesday evening"
