"""The layers are declared once; the rest of the program takes them from the registry."""

from __future__ import annotations

import re
from pathlib import Path

from stance_reader.presentation.layers import BY_NAME, LAYER_NAMES, LAYERS, PAINT_ORDER, LayerState

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "stance_reader"


def test_layer_names_are_written_out_in_at_most_two_files() -> None:
    """A file writes the layers out when it names a layer that is nothing else ("cues",
    "terms", "speaker_names"), or four layer names at once (a list, a table, rules).
    "tone", "speakers" and "reported" alone are also words of the analysis."""
    only_layers = {"cues", "terms", "speaker_names"}
    written = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named = {n for n in LAYER_NAMES if re.search(rf"[\"']{n}[\"']", text)}
        if named & only_layers or len(named) >= 4:
            written.add(path.relative_to(PACKAGE).as_posix())
    assert written <= {"presentation/layers.py", "presentation/marks.py"}, written


def test_every_layer_has_a_distinct_shortcut_and_paint_order() -> None:
    assert len({x.shortcut for x in LAYERS}) == len({x.paint_order for x in LAYERS}) == len(LAYERS)
    assert sorted(PAINT_ORDER) == sorted(LAYER_NAMES) and set(BY_NAME) == set(LAYER_NAMES)


def test_state_round_trips_and_drops_unknown_layers() -> None:
    state = LayerState(on=frozenset(LAYER_NAMES[:2]), speakers=frozenset({"s1"}), tone="negative")
    assert LayerState.from_dict(state.to_dict()) == state
    odd = LayerState.from_dict({"on": ["nonsense", LAYER_NAMES[0]], "tone": "furious"})
    assert odd.on == {LAYER_NAMES[0]} and odd.tone is None and not odd.narrowed
