"""Printed pages by kind: a sidebar painted between two of the article's paragraphs, an
article set in two columns written across, a table, a standfirst, a banner over every
page, readers' comments, an author's note. PDFs are written here."""

from __future__ import annotations

from stance_reader.core.loaders import load_bytes
from tests.core.pdf_pages import Placed, paragraph, printed_pdf

LEFT = 40
NARROW = [  # the article's column, 300 points wide (Helvetica 11)
    "The city council voted on Tuesday to expand the bus network to",
    "the northern suburbs, after two years of debate over the cost of",
    "the new routes and the depots that the buses will need.",
]
LATER = [
    "\"We have waited far too long for a bus that reaches our streets,\"",
    "said Amal Hassan, who leads the residents' association in the",
    "north, on the steps of the town hall after the vote on Tuesday.",
]
SIDEBAR = [  # a "most read" box at the right: prose teasers in a narrow column
    "Most read this week on the site",
    "A baker in the old town wins the",
    "national prize for the third year",
    "running with a loaf of rye bread",
    "Flooding closes the river path",
    "again as the spring rains arrive",
    "early and the council is blamed",
]


def _text(pages: list[list[Placed]]) -> str:
    return load_bytes(printed_pdf(pages), "printed.pdf").text


def test_a_sidebar_painted_between_paragraphs_is_left_out_and_the_article_stays_whole() -> None:
    page = [*paragraph(LEFT, 700, NARROW), *paragraph(400, 700, SIDEBAR, size=9, leading=11),
            *paragraph(LEFT, 640, LATER)]
    text = _text([page])
    assert "Most read" not in text and "baker" not in text and "Flooding" not in text
    assert "the depots that the buses will need." in text
    assert "said Amal Hassan, who leads the residents' association" in text


def test_two_columns_written_across_are_read_down_each_column() -> None:
    left = ["The council voted on Tuesday", "to expand the bus network to",
            "the northern suburbs after a", "long debate about its cost."]
    right = ["Residents had campaigned for", "better connections since the",
             "old tram line closed, and they", "welcomed the vote at once."]
    across: list[Placed] = []
    for i, (a, b) in enumerate(zip(left, right)):  # row by row: left, then right
        across += [(LEFT, 700 - i * 14, 11, a), (LEFT + 250, 700 - i * 14, 11, b)]
    text = _text([across])
    assert " ".join(left) in text
    assert " ".join(right) in text


def test_a_table_in_the_article_keeps_every_cell() -> None:
    rows = [("file", "ours", "theirs"), ("apache_builds", "2.3 GB/s", "0.098 GB/s"),
            ("github_events", "2.5 GB/s", "0.093 GB/s"), ("gsoc-2018", "3.3 GB/s", "0.091 GB/s")]
    table: list[Placed] = []
    for i, row in enumerate(rows):
        table += [(LEFT + 150 * j, 620 - i * 18, 11, cell) for j, cell in enumerate(row)]
    text = _text([[*paragraph(LEFT, 700, NARROW), *table, *paragraph(LEFT, 520, LATER)]])
    assert "gsoc-2018 3.3 GB/s 0.091 GB/s" in text
    assert "file ours theirs" in text


def test_the_standfirst_under_the_headline_is_kept() -> None:
    page = [(LEFT, 740, 24, "Council expands the bus network"),
            (LEFT, 712, 15, "Northern suburbs get four new routes by the spring"),
            (LEFT, 690, 9, "By Ann Lee, 5 March 2024"),
            *paragraph(LEFT, 660, NARROW), *paragraph(LEFT, 600, LATER)]
    text = _text([page])
    assert text.startswith("Northern suburbs get four new routes by the spring")
    assert "The city council voted on Tuesday" in text


BANNER = ["Live coverage of the council elections goes on all evening on our front",
          "page, with the results from every ward of the city as they come in."]


def test_a_banner_printed_over_every_page_is_left_out() -> None:
    """A fixed banner is printed over each page wherever the page is cut, not always at
    its edge (where running headers and footers are found)."""
    middle = ["Residents had campaigned for better connections since the old tram",
              "line closed, and many of them came to the meeting to hear the vote."]
    closing = ["The first of the new routes opens in the spring, the council said, and",
               "the rest follow before the end of the year if the budget allows it."]
    costs = ["The plan will cost about four million pounds over five years, most of",
             "it paid by the regional transport fund rather than by the city itself."]
    pages = [[*paragraph(LEFT, 700, first), *paragraph(LEFT, y, BANNER, size=10),
              *paragraph(LEFT, y - 60, second)]
             for first, y, second in ((NARROW, 420, LATER), (middle, 500, closing),
                                      (costs, 360, ["It was approved by 31 votes to 9."]))]
    text = _text(pages)
    assert "Live coverage" not in text
    assert "the depots that the buses will need." in text and "said Amal Hassan" in text
    assert "the regional transport fund" in text


def test_readers_comments_after_the_article_are_left_out() -> None:
    comment = ["I have lived in the north for thirty years and I have never seen",
               "a bus there; I will believe it when I see one at my own stop, frankly."]
    page = [*paragraph(LEFT, 700, NARROW), *paragraph(LEFT, 640, LATER),
            (LEFT, 570, 16, "3 thoughts on \"Council expands the bus network\""),
            (LEFT, 545, 9, "Pat says: 5 March 2024 at 9:14 am"),
            *paragraph(LEFT, 525, comment), *paragraph(LEFT, 480, comment[::-1])]
    text = _text([page])
    assert "said Amal Hassan" in text
    assert "thirty years" not in text and "thoughts on" not in text


def test_a_page_of_thousands_of_pieces_side_by_side_is_read_within_a_budget() -> None:
    """Hostile layout: every word apart from the next on one band. Columns are looked for
    within a fixed number of comparisons, and the words still come out in order."""
    from stance_reader.core.loaders.pdf_columns import MAX_COMPARISONS, _pairs
    from stance_reader.core.loaders.pdf_layout import Line

    row = [Line(text=f"w{i}", left=i * 30.0, bottom=700, right=i * 30.0 + 12, top=708,
                size=11, page=0, baseline=700) for i in range(3000)]
    assert len(_pairs(row)) <= MAX_COMPARISONS
    words = [(LEFT + (i % 20) * 28, 700 - (i // 20) * 0.5, 11, f"w{i}") for i in range(3000)]
    text = _text([[*paragraph(LEFT, 760, NARROW), *words]])
    assert "the depots that the buses will need." in text


def test_the_article_ends_at_the_authors_note_near_its_end() -> None:
    note = ["Ann Lee is a senior reporter for the City Post, covering transport and",
            "housing. She was previously an editor at the Northern Times for years."]
    about = ["The City Post is where the city is explained. It is the essential source",
             "of news and ideas that make sense of a city in constant change, daily."]
    more = [["Residents had campaigned for better connections since the old tram",
             "line closed, and many came to the meeting on Tuesday to hear the vote."],
            ["The plan will cost about four million pounds over five years, most of",
             "it paid by the regional transport fund rather than by the city itself."],
            ["The first of the new routes opens in the spring, the council said, and",
             "the rest follow before the end of the year if the budget allows it."]]
    body = [line for i, lines in enumerate(more) for line in paragraph(LEFT, 580 - 40 * i, lines)]
    page = [*paragraph(LEFT, 700, NARROW), *paragraph(LEFT, 640, LATER), *body,
            *paragraph(LEFT, 440, note), *paragraph(LEFT, 400, about)]
    text = _text([page])
    assert "said Amal Hassan" in text and "if the budget allows it." in text
    assert "senior reporter" not in text and "essential source" not in text


def test_a_box_of_related_links_inside_the_article_does_not_cut_it() -> None:
    """"RELATED STORIES" and a few headlines between two paragraphs (links cannot be
    drawn here, so the headlines are marked as links after the layout is read)."""
    from stance_reader.core.loaders import pdf_article
    from stance_reader.core.loaders.pdf_paragraphs import Block

    body = [Block(" ".join(NARROW), 11, False), Block(" ".join(LATER), 11, False)]
    box = [Block("RELATED STORIES", 13, False),
           Block("Trams return to the old town Night buses cut in the south", 11, True)]
    closing = Block("The first of the new routes opens in the spring, the council said, "
                    "and the rest follow before the end of the year.", 11, False)
    menu = Block("Home News Sport Business Culture Opinion Weather Contact Us", 11, True)
    chosen = pdf_article.article_blocks([menu, *body, *box, closing, menu])
    assert chosen == [*body, closing]
