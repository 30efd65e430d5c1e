"""The quotation-mark scanner: marks, apostrophes, nesting, paragraphs, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance_reader.core.article import split_paragraphs
from stance_reader.core.quotes import scan


def quotes_of(text: str, depth: int | None = 0) -> list[str]:
    return [text[s.start:s.end] for s in scan(text, split_paragraphs(text))
            if depth is None or s.depth == depth]


@pytest.mark.parametrize("text, expected", [
    ("He said “we’re here.” Then left.", ["“we’re here.”"]),
    ('She said "it is fine" and "ok".', ['"it is fine"', '"ok"']),
    ("They played ‘rock ’n’ roll’ in the ’90s.", ["‘rock ’n’ roll’"]),
    ("Taiwan’s defence and the Clintons’ house stay apostrophes.", []),
    ("«Bonjour», dit-il, „Hallo“ und 「日本」 and ‹x›.", ["«Bonjour»", "„Hallo“", "「日本」", "‹x›"]),
    ("»Guten Tag«, sagte er.", ["»Guten Tag«"]),
    ("Trump -- ''That makes me smart'' -- said.", ["''That makes me smart''"]),
    ("``Hello,'' he said.", ["``Hello,''"]),
    ("A 5'10\" man said \"hi.\"", ['"hi."']),
    ("Stray “ mark here and “real quote” after.", ["“real quote”"]),
])
def test_scanner_finds_quotations(text: str, expected: list[str]) -> None:
    assert quotes_of(text) == expected


def test_nested_quotation_is_inside_its_parent() -> None:
    text = "“Outer ‘inner’ end,” he said."
    assert quotes_of(text) == ["“Outer ‘inner’ end,”"]
    assert quotes_of(text, depth=1) == ["‘inner’"]


def test_quotation_over_several_paragraphs() -> None:
    text = "“First paragraph of a long quote.\n\n“Second paragraph ends it,” he said.\n\nAfter."
    spans = scan(text, split_paragraphs(text))
    assert [text[s.start:s.end] for s in spans] == [
        "“First paragraph of a long quote.", "“Second paragraph ends it,”"]
    assert spans[0].continues and not spans[0].closed
    assert spans[1].continued and spans[1].closed


def test_unclosed_mark_stays_in_its_paragraph() -> None:
    text = "He said “this never closes.\n\nNext paragraph has “a real one” here."
    found = quotes_of(text)
    assert found[-1] == "“a real one”"
    assert all("\n" not in q for q in found)


def test_odd_number_of_marks_does_not_drop_the_paragraph() -> None:
    text = "“One,” he said, and “two” and then a stray ” and “three.”"
    assert "“three.”" in quotes_of(text)
    assert "“One,”" in quotes_of(text)


MARKS = "\"'“”‘’«»„‹›「」` \n.,a"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(MARKS)) | st.characters(), max_size=400))
def test_any_text_gives_in_bounds_non_crossing_spans(text: str) -> None:
    paragraphs = split_paragraphs(text)
    spans = scan(text, paragraphs)
    assert spans == scan(text, paragraphs)  # deterministic
    for s in spans:
        para = paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end
    for a in spans:
        for b in spans:
            crossing = a.start < b.start < a.end < b.end
            assert not crossing
