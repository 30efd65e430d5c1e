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


def _crowded(small):  # type: ignore[no-untyped-def]
    """Eight silent people named before Ann and Bob, and a target who is no speaker."""
    from dataclasses import replace

    from stance_reader.core.analysis import Speaker, Target, Tone

    silent = tuple(Speaker(f"m{i}", f"Silent {i}", "person") for i in range(8))
    carl = Target(0, 3, "Carl", None, "Carl", Tone(0.0, "neutral"))
    q1 = replace(small.quotes[0], targets=(*small.quotes[0].targets, carl))
    return replace(small, speakers=(*silent, *small.speakers), quotes=(q1, *small.quotes[1:]))


def test_colours_go_by_share_of_voice_and_the_tail_is_not_neutral_grey(small) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.presentation.voices import analysis_colors, colour_order
    from stance_reader.style.palette import (
        NEUTRAL_SPEAKER_COLOR, SPEAKER_COLORS, TAIL_SPEAKER_COLOR, TONE_HUES)

    crowded = _crowded(small)
    assert colour_order(crowded)[:2] == ["s1", "s2"]  # the voices first, most quoted first
    colors = analysis_colors(crowded)
    assert colors["s1"] == SPEAKER_COLORS[0] and colors["s2"] == SPEAKER_COLORS[1]
    tail = [sid for sid, c in colors.items() if c == TAIL_SPEAKER_COLOR]
    assert tail == ["m5", "m6", "m7"]  # silent ones beyond the seven colours
    assert TAIL_SPEAKER_COLOR.hue not in (NEUTRAL_SPEAKER_COLOR.hue, TONE_HUES["neutral"])


def test_only_voices_speak_the_rest_are_mentioned(small) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.presentation.voices import mentioned, speaks

    crowded = _crowded(small)
    assert [v.speaker.name for v in voices(crowded) if speaks(v)] == ["Ann", "Bob"]
    names = [m.name for m in mentioned(crowded)]
    assert "Carl" in names and {f"Silent {i}" for i in range(8)} <= set(names)
    assert "Ann" not in names and "Bob" not in names


def test_signed_tone_never_shows_minus_zero() -> None:
    from stance_reader.presentation.tone import signed

    assert [signed(x) for x in (-0.001, 0.0, -0.004, 0.42, -0.3)] == [
        "0.00", "0.00", "0.00", "+0.42", "-0.30"]
