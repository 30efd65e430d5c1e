"""A mark's look in colours for one theme: what the window and the Word and PDF copies draw.

(The HTML copy keeps colours in CSS variables, so one page serves both themes; it maps the
same `Look` fields to the same palette entries, see `export/html.py`.)
"""

from __future__ import annotations

from dataclasses import dataclass

from stance_reader.presentation.marks import Line, Mark, Weight
from stance_reader.style.palette import (
    GREY, NEUTRAL_SPEAKER_COLOR, PAGE, SpeakerColor, Theme, mix, tone_color)

LIGHTER = 0.55  # how far a lighter shading (reported speech) is blended into the page


@dataclass(frozen=True, slots=True)
class Paint:
    """A look with its colours; None: leave as it is (the page, the text colour)."""

    background: str | None = None
    line: Line | None = None
    line_colour: str | None = None
    weight: Weight = "normal"

    def over(self, below: Paint) -> Paint:
        """This paint drawn over `below`: what is set here wins."""
        return Paint(self.background or below.background, self.line or below.line,
                     self.line_colour if self.line else below.line_colour,
                     self.weight if self.weight != "normal" else below.weight)


def speaker_fill(speaker: str | None, colors: dict[str, SpeakerColor], theme: Theme) -> str:
    """A speaker's shading; quotations without a speaker share the one grey."""
    return colors.get(speaker or "", NEUTRAL_SPEAKER_COLOR).for_theme(theme)


def paint(mark: Mark, colors: dict[str, SpeakerColor], theme: Theme) -> Paint:
    look = mark.look
    background = None
    if look.fill is not None:
        background = speaker_fill(mark.speaker, colors, theme)
        if look.fill == "speaker_light":
            background = mix(background, PAGE[theme], LIGHTER)
    colour = None
    if look.line is not None:
        if look.line_colour == "tone" and mark.tone is not None:
            colour = tone_color(mark.tone.label, mark.tone.compound, theme)
        elif look.line_colour == "speaker_hue":
            chosen = colors.get(mark.speaker or "")
            colour = chosen.hue if chosen else GREY
        elif look.line_colour == "grey":
            colour = GREY
    return Paint(background, look.line, colour, look.weight)


def piece_paint(marks: tuple[Mark, ...], colors: dict[str, SpeakerColor], theme: Theme) -> Paint:
    """The paint of a text piece under several marks, later layers over earlier ones."""
    result = Paint()
    for m in sorted(marks, key=lambda m: m.paint_order):
        result = paint(m, colors, theme).over(result)
    return result
