"""The layers: every one declared once (name, title, shortcut, paint order), and the layer
state (which are on, and any narrowing to speakers or one tone).

A new layer is one `Layer` here plus its marking rule in `presentation/marks.py`; the
window's menus, toolbar, panel and Preferences, the command line's help, the settings and
every export take the list from here. Layer state is a view over the same Analysis:
changing it re-styles the text, never re-analyses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from stance_reader.core.analysis import TONE_LABELS

Narrowing = Literal["speaker", "tone"]


@dataclass(frozen=True, slots=True)
class Layer:
    """One switchable layer of highlighting."""

    name: str
    title: str
    shortcut: str
    paint_order: int  # lower layers are painted first; later ones paint over them
    shows: str  # how it looks, in words, for legends ("lighter shading")
    narrows: Narrowing | None = None  # the panel lists its values to narrow by


LAYERS: tuple[Layer, ...] = (
    Layer("speakers", "Speakers", "Alt+1", 1, "quotations shaded in the speaker's colour",
          "speaker"),
    Layer("tone", "Tone", "Alt+2", 2, "quotations underlined in the colour of their tone",
          "tone"),
    Layer("speaker_names", "Speaker names", "Alt+3", 4,
          "names of speakers semi-bold, underlined in their colour"),
    Layer("cues", "Cues", "Alt+4", 5, "reporting words in bold, dotted underline"),
    Layer("reported", "Reported speech", "Alt+5", 0,
          "reported speech in lighter shading, dotted underline for its tone"),
    Layer("terms", "Terms", "Alt+6", 3, "terms or names in quotation marks, dashed grey underline"),
)
LAYER_NAMES: tuple[str, ...] = tuple(layer.name for layer in LAYERS)
BY_NAME: dict[str, Layer] = {layer.name: layer for layer in LAYERS}
PAINT_ORDER: tuple[str, ...] = tuple(x.name for x in sorted(LAYERS, key=lambda x: x.paint_order))


@dataclass(frozen=True, slots=True)
class LayerState:
    on: frozenset[str] = frozenset(LAYER_NAMES)
    speakers: frozenset[str] | None = None  # None: every speaker
    tone: str | None = None  # None: every tone

    def toggled(self, layer: str, enabled: bool | None = None) -> LayerState:
        want = (layer not in self.on) if enabled is None else enabled
        return replace(self, on=self.on | {layer} if want else self.on - {layer})

    def shows_speaker(self, speaker: str | None) -> bool:
        return self.speakers is None or (speaker or "") in self.speakers

    def shows_tone(self, label: str) -> bool:
        return self.tone is None or self.tone == label

    @property
    def narrowed(self) -> bool:
        return self.speakers is not None or self.tone is not None

    def to_dict(self) -> dict[str, Any]:
        return {"on": sorted(self.on), "speakers": sorted(self.speakers) if self.speakers
                is not None else None, "tone": self.tone}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, default: LayerState | None = None) -> LayerState:
        base = default or cls()
        if not isinstance(d, dict):
            return base
        on = frozenset(x for x in d.get("on", base.on) if x in BY_NAME)
        speakers = d.get("speakers")
        return cls(on, frozenset(speakers) if isinstance(speakers, list) else None,
                   d.get("tone") if d.get("tone") in TONE_LABELS else None)
