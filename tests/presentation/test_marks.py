"""The marks: what each layer highlights, what narrowing hides, how pieces are cut."""

from __future__ import annotations

from stance_reader.presentation.layers import LAYER_NAMES, LayerState
from stance_reader.presentation.marks import all_marks, layer_counts, paragraph_pieces, visible
from stance_reader.presentation.paint import paint, piece_paint
from stance_reader.style.palette import NEUTRAL_SPEAKER_COLOR, speaker_colors


def test_each_item_is_marked_by_its_layers(small) -> None:  # type: ignore[no-untyped-def]
    by_item: dict[str, set[str]] = {}
    for m in all_marks(small):
        by_item.setdefault(f"{m.kind}:{m.item}", set()).add(m.layer)
    assert by_item["quote:q1"] == {"speakers", "tone"}
    assert by_item["term:q3"] == {"terms"} and by_item["reported:r1"] == {"reported"}
    assert by_item["cue:q1"] == by_item["cue:r1"] == {"cues"}
    assert by_item["mention:s2"] == {"speaker_names"}
    assert layer_counts(all_marks(small)) == {"speakers": 2, "tone": 2, "reported": 1, "terms": 1,
                                   "cues": 3, "speaker_names": 3}


def test_narrowing_hides_other_speakers_tones_and_terms(small) -> None:  # type: ignore[no-untyped-def]
    everything = LayerState()
    only_bob = LayerState(speakers=frozenset({"s2"}))
    only_positive = LayerState(tone="positive")
    shown = {state: {(m.layer, m.item) for m in all_marks(small) if visible(m, state)}
             for state in (everything, only_bob, only_positive)}
    assert ("terms", "q3") in shown[everything] and ("terms", "q3") not in shown[only_bob]
    assert {item for _, item in shown[only_bob]} == {"q2", "s2"}
    assert ("tone", "q1") in shown[only_positive] and ("tone", "q2") not in shown[only_positive]
    off = LayerState(on=frozenset(LAYER_NAMES) - {"speakers"})
    assert not any(m.layer == "speakers" and visible(m, off) for m in all_marks(small))


def test_pieces_cover_the_paragraph_and_later_layers_paint_over(small) -> None:  # type: ignore[no-untyped-def]
    (pieces,) = paragraph_pieces(small)
    assert "".join(text for text, _ in pieces) == small.text
    colors = speaker_colors(["s1", "s2"])
    bob_name_in_quote = next(marks for text, marks in pieces if text == "Bob" and marks)
    p = piece_paint(bob_name_in_quote, colors, "light")
    assert p.background == colors["s1"].light and p.line == "solid"
    assert p.line_colour is not None and p.line_colour.lower() != colors["s1"].hue.lower()


def test_a_quote_without_speaker_gets_the_one_grey(small) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    nobody = replace(small, quotes=(replace(small.quotes[0], speaker=None), *small.quotes[1:]))
    fill = next(m for m in all_marks(nobody) if m.layer == "speakers" and m.item == "q1")
    assert paint(fill, speaker_colors(["s1", "s2"]), "dark").background == NEUTRAL_SPEAKER_COLOR.dark
