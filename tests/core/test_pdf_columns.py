"""Printed pages with columns: a sidebar painted between two of the article's paragraphs,
an article set in two columns written across, a table, a standfirst. PDFs are written here."""

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
