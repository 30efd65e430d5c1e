"""A paragraph over spaCy's 1,000,000-character limit (error E088) is parsed in pieces."""

from __future__ import annotations

import random
import string

import pytest

from stance_reader.core import nlp as nlp_module

from stance_reader.core.loaders import load_bytes
from stance_reader.core.nlp import MAX_PARSE_CHARS, pipe_bounded, split_for_parser
from tests.core.test_loaders import docx_bytes

# Few tokens, many characters: parsing stays quick while the paragraph is over the limit;
# letters drawn at random, so a DOCX of it compresses like text, not like a zip bomb.
_RANDOM = random.Random(11)
LONG = ('The minister said "we will '
        + " ".join("".join(_RANDOM.choices(string.ascii_lowercase, k=9_999)) for _ in range(101))
        + ' win." Then she left.')


def test_pieces_join_back_to_the_text_and_cut_after_sentences() -> None:
    text = "He said it. " * 30_000
    pieces = split_for_parser(text)
    assert "".join(pieces) == text
    assert all(len(p) <= MAX_PARSE_CHARS for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert "".join(split_for_parser("z" * 250_001)) == "z" * 250_001


@pytest.mark.model
def test_a_long_text_becomes_one_doc_with_the_same_offsets(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(nlp_module, "MAX_PARSE_CHARS", 2_000)
    text = ("Maria Lopez said the plan would fail. " * 300)[:-1]
    short = "Officials met on Monday."
    docs = list(pipe_bounded(nlp, [short, text, short], batch_size=4))
    assert [d.text for d in docs] == [short, text, short]
    assert docs[1].has_annotation("DEP")
    ents = [e for e in docs[1].ents if e.label_ == "PERSON"]
    assert len(ents) > 250 and all(text[e.start_char:e.end_char] == e.text for e in ents)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_a_paragraph_over_a_million_characters_is_analysed(nlp, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.core.pipeline import analyse

    assert len(LONG) > 1_000_000
    data = {"txt": f"Title\n\n{LONG}\n".encode(), "md": f"# Title\n\n{LONG}\n".encode(),
            "html": f"<html><body><h1>Title</h1><p>{LONG}</p></body></html>".encode(),
            "docx": docx_bytes(["Title", LONG])}[fmt]
    analysis = analyse(load_bytes(data, f"long.{fmt}"), nlp=nlp)
    assert len(analysis.quotes) == 1
    speaker = analysis.speaker_by_id(analysis.quotes[0].speaker) if analysis.quotes[0].speaker else None
    assert speaker is not None and "minister" in speaker.name.lower()
