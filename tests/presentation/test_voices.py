"""Voices and stance figures: shares, mean tones and labels by the person's thresholds."""

from __future__ import annotations

from stance_reader.presentation.tone import Thresholds
from stance_reader.presentation.voices import stance, voices

DEFAULT = Thresholds(0.05, -0.05)


def test_voices_rank_by_quoted_words_with_shares_and_tone(small) -> None:  # type: ignore[no-untyped-def]
    ann, bob = voices(small)
    assert (ann.speaker.name, bob.speaker.name) == ("Ann", "Bob")
    assert (ann.quotes, ann.reported, ann.quoted_words, bob.quoted_words) == (1, 1, 6, 1)
    assert abs(ann.share - 6 / 7) < 1e-9 and abs(bob.share - 1 / 7) < 1e-9
    assert ann.tone == round((0.6 - 0.04) / 2, 4)
    assert (ann.positive, ann.neutral, ann.negative) == (1, 1, 0)


def test_terms_count_for_nobody(small) -> None:  # type: ignore[no-untyped-def]
    assert sum(v.quotes for v in voices(small)) == 2


def test_stance_cells_follow_the_persons_thresholds(small) -> None:  # type: ignore[no-untyped-def]
    figures = stance(small, DEFAULT)
    assert [s.name for s in figures.speakers] == ["Ann"] and figures.targets == ("Bob",)
    cell = figures.cells[("s1", "Bob")]
    assert (cell.label, cell.quote_ids, cell.mentions) == ("neutral", ("q1",), 1)
    assert stance(small, Thresholds(0.01, -0.01)).cells[("s1", "Bob")].label == "negative"


def test_a_speaker_is_not_their_own_target(small) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    own = replace(small.quotes[0], speaker="s2")
    figures = stance(replace(small, quotes=(own, *small.quotes[1:])), DEFAULT)
    assert figures.cells == {} and figures.speakers == ()
