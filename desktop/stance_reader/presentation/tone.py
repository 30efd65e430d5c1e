"""Tone in words and colours, by the person's thresholds (Preferences), never a fixed rule.

The analysis stores a compound score per quotation; the label a reader sees follows the
thresholds in the settings (`tone_positive`, `tone_negative`). Mean tones (a speaker's, a
stance cell's) are labelled the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from stance_reader.core.analysis import TONE_LABELS, ToneLabel
from stance_reader.style.palette import TONE_HUES

__all__ = ["TONE_LABELS", "Thresholds", "signed", "tone_hue"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Positive from `positive`, negative up to `negative` (compound scores)."""

    positive: float
    negative: float

    def label(self, compound: float) -> ToneLabel:
        if compound >= self.positive:
            return "positive"
        if compound <= self.negative:
            return "negative"
        return "neutral"

    def as_tuple(self) -> tuple[float, float]:
        return (self.positive, self.negative)


def tone_hue(label: str) -> str:
    """The hue of a tone label (legends, tone bars)."""
    return TONE_HUES[label]


def lean_hue(mean: float) -> str:
    """The hue of a mean tone's bar in the exports, which know no thresholds: its sign."""
    return TONE_HUES["negative" if mean < 0 else "positive" if mean > 0 else "neutral"]


def signed(value: float) -> str:
    """A tone score for people: "+0.42", "-0.30", and "0.00" (never "-0.00")."""
    rounded = round(value, 2)
    return "0.00" if rounded == 0 else f"{rounded:+.2f}"
