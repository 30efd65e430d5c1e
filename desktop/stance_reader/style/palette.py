"""Colour-blind-safe colours for speakers and tone, in a light and a dark variant.

Speakers take the Okabe–Ito categorical hues, softened into highlight backgrounds so body
text keeps WCAG contrast ≥ 4.5:1 (black text on the light variant, near-white text on the
dark variant). Speakers are handed colours by share of voice (the caller orders them), so
the main voices always have their own; those beyond the palette share one tail colour,
violet, which is not the grey of neutral tone, and keep their label.
Tone uses a diverging, colour-blind-safe pair (Paul Tol's blue/red) whose strength
follows the score; neutral is grey.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

Theme = Literal["light", "dark"]

# Page and text colours of the two themes.
PAGE = {"light": "#fbfaf7", "dark": "#1e1f22"}
TEXT = {"light": "#1a1a1a", "dark": "#ececec"}

# Okabe–Ito hues (black dropped: it cannot be a background), in an order that keeps
# neighbouring speakers far apart.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
OKABE_ITO_NAMES = ("orange", "sky blue", "bluish green", "yellow", "blue", "vermillion",
                   "reddish purple")
# The one grey: quotations without a speaker, speakers beyond the palette, terms, neutral.
GREY = NEUTRAL_HUE = "#999999"

# Tol's diverging pair: negative red, positive blue; neutral grey.
TONE_HUES = {"negative": "#CC3311", "positive": "#0077BB", "neutral": GREY}


@dataclass(frozen=True, slots=True)
class SpeakerColor:
    """A speaker's highlight colours; `name` describes the hue in words (for legends)."""

    hue: str
    light: str
    dark: str
    name: str

    def for_theme(self, theme: Theme) -> str:
        return self.light if theme == "light" else self.dark


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def mix(a: str, b: str, t: float) -> str:
    """Blend colour `a` toward `b` by fraction t (0 = a, 1 = b)."""
    ra, rb = _rgb(a), _rgb(b)
    return _hex(x + (y - x) * t for x, y in zip(ra, rb))


def relative_luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _readable(hue: str, page: str, text: str, start: float) -> str:
    """The strongest blend of `hue` into `page` that keeps `text` at ≥ 4.5:1 (with margin)."""
    t = start
    while t < 1.0:
        colour = mix(hue, page, t)
        if contrast_ratio(colour, text) >= 4.8:
            return colour
        t += 0.02
    return page


def _make(hue: str, name: str) -> SpeakerColor:
    return SpeakerColor(hue=hue, name=name,
                        light=_readable(hue, PAGE["light"], TEXT["light"], 0.45),
                        dark=_readable(hue, PAGE["dark"], TEXT["dark"], 0.35))


SPEAKER_COLORS: tuple[SpeakerColor, ...] = tuple(
    _make(h, n) for h, n in zip(OKABE_ITO, OKABE_ITO_NAMES))
NEUTRAL_SPEAKER_COLOR = _make(NEUTRAL_HUE, "grey")
# Speakers beyond the palette: a violet, told apart from the neutral-tone grey and
# from every Okabe–Ito hue in both themes.
TAIL_HUE = "#673699"
TAIL_SPEAKER_COLOR = _make(TAIL_HUE, "violet")


def speaker_colors(speaker_ids: Iterable[str],
                   overrides: dict[str, str] | None = None) -> dict[str, SpeakerColor]:
    """Assign palette colours in order (most quoted first); the rest share the tail colour.

    `overrides` maps a speaker id to a hue a person chose ("#rrggbb"); it is softened the
    same way, so contrast still holds.
    """
    overrides = overrides or {}
    result: dict[str, SpeakerColor] = {}
    for i, sid in enumerate(speaker_ids):
        if sid in overrides:
            result[sid] = _make(overrides[sid], "custom")
        elif i < len(SPEAKER_COLORS):
            result[sid] = SPEAKER_COLORS[i]
        else:
            result[sid] = TAIL_SPEAKER_COLOR
    return result


def readable_text(hue: str, background: str, minimum: float = 4.5) -> str:
    """`hue` as text on `background` with WCAG contrast ≥ `minimum` (with a small margin):
    darkened toward black on a light background, lightened toward white on a dark one, no
    more than needed, so red stays red and blue stays blue."""
    extreme = "#000000" if relative_luminance(background) > 0.18 else "#ffffff"
    t = 0.0
    while t <= 1.0:
        colour = mix(hue, extreme, t)
        if contrast_ratio(colour, background) >= minimum + 0.1:
            return colour
        t += 0.02
    return extreme


def tone_color(label: str, compound: float, theme: Theme) -> str:
    """The tone mark's colour: the hue for the label, stronger with |compound|."""
    hue = TONE_HUES.get(label, TONE_HUES["neutral"])
    strength = 0.45 + 0.55 * min(1.0, abs(compound)) if label != "neutral" else 0.6
    return mix(PAGE[theme], hue, strength)
