"""Who "I" is: signed letters, closing taglines, bylines (core/authorship.py)."""

from __future__ import annotations

import pytest

from stance_reader.core.article import Article, split_paragraphs
from stance_reader.core.authorship import writer_at, writers
from stance_reader.core.pipeline import analyse

LETTERS = ("Letters to the editor.\n\n"
           "I cannot understand why the council voted for the tower.\n\n"
           "Margaret Holloway.\n\nSpringfield.\n\n"
           "I support the tower, and I said so at the meeting.\n\n"
           "Daniel Ortiz.\n\nShelbyville.")


def _writers(text: str, byline: str | None = None):  # type: ignore[no-untyped-def]
    return writers(text, split_paragraphs(text), byline)


def test_each_signed_letter_is_written_by_its_signature() -> None:
    found = _writers(LETTERS)
    assert [w.name for w in found] == ["Margaret Holloway", "Daniel Ortiz"]
    assert writer_at(found, LETTERS.index("I cannot")).name == "Margaret Holloway"  # type: ignore[union-attr]
    assert writer_at(found, LETTERS.index("I support")).name == "Daniel Ortiz"  # type: ignore[union-attr]


def test_a_place_line_or_a_short_heading_is_not_a_signature() -> None:
    text = "Springfield.\n\nI walked home.\n\nBreaking News.\n\nMore later."
    assert _writers(text) == ()


def test_closing_tagline_names_the_writer_of_an_unsigned_opinion_piece() -> None:
    text = ("I grew up in a small town.\n\nI know what closing the mill means.\n\n"
            "Rebecca Lindqvist is a historian at a state university.")
    assert [w.name for w in _writers(text)] == ["Rebecca Lindqvist"]


def test_the_byline_writes_the_whole_article() -> None:
    found = _writers("I was there.\n\nJohn Smith is a reporter.", byline="By Ann Lee")
    assert [w.name for w in found] == ["By Ann Lee"]


@pytest.mark.model
def test_first_person_in_a_letter_is_its_signer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Letters to the editor.\n\n"
            "I hope the mayor says, “We will fix the roads.”\n\n"
            "I believe the council should act now.\n\n"
            "Margaret Holloway.\n\nSpringfield.\n\n"
            "I think the tower is a mistake.\n\nDaniel Ortiz.\n\nShelbyville.")
    a = analyse(Article(text, split_paragraphs(text), "txt", "0" * 64), nlp=nlp)
    by_text = {text[r.start:r.end]: a.speaker_by_id(r.speaker).name  # type: ignore[union-attr]
               for r in a.reported if r.speaker}
    assert by_text.get("the council should act now") == "Margaret Holloway"
    assert by_text.get("the tower is a mistake") == "Daniel Ortiz"
