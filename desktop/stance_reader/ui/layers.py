"""Layer state: which layers are on, and any narrowing to speakers or one tone.

A view state over the same Analysis: changing it re-styles the text, never re-analyses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

LAYERS: tuple[str, ...] = ("speakers", "tone", "speaker_names", "cues", "reported", "terms")
TITLES = {"speakers": "Speakers", "tone": "Tone", "speaker_names": "Speaker names",
          "cues": "Cues", "reported": "Reported speech", "terms": "Terms"}
SHORTCUTS = {"speakers": "Alt+1", "tone": "Alt+2", "speaker_names": "Alt+3", "cues": "Alt+4",
             "reported": "Alt+5", "terms": "Alt+6"}


@dataclass(frozen=True, slots=True)
class LayerState:
    on: frozenset[str] = frozenset(LAYERS)
    speakers: frozenset[str] | None = None  # None: every speaker
    tone: str | None = None  # None: every tone

    def toggled(self, layer: str, enabled: bool | None = None) -> LayerState:
        want = (layer not in self.on) if enabled is None else enabled
        return replace(self, on=self.on | {layer} if want else self.on - {layer})

    def shows_speaker(self, speaker: str | None) -> bool:
        return self.speakers is None or (speaker or "") in self.speakers

    def shows_tone(self, label: str) -> bool:
        return self.tone is None or self.tone == label

    def to_dict(self) -> dict[str, Any]:
        return {"on": sorted(self.on), "speakers": sorted(self.speakers) if self.speakers
                is not None else None, "tone": self.tone}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None, default: LayerState | None = None) -> LayerState:
        base = default or cls()
        if not isinstance(d, dict):
            return base
        on = frozenset(x for x in d.get("on", base.on) if x in LAYERS)
        speakers = d.get("speakers")
        return cls(on, frozenset(speakers) if isinstance(speakers, list) else None,
                   d.get("tone") if d.get("tone") in ("negative", "neutral", "positive") else None)
