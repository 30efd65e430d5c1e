"""The marks: what each layer highlights in an article, and how it looks.

The one set of rules behind the reader view and every export, so they cannot disagree:
the window draws `visible` marks, the HTML, Word and PDF copies draw `paragraph_pieces`
(the same marks cut into flat pieces, so each format nests its styling without crossing
tags). A mark's `look` says how it is drawn in words any renderer maps (a fill, a line, a
weight); `presentation/paint.py` turns it into colours for a theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

from stance_reader.core.analysis import Analysis, Offsets, Quote, ReportedSpan, Speaker, Tone
from stance_reader.presentation.layers import BY_NAME, LayerState
from stance_reader.presentation.tone import signed

MarkKind = Literal["quote", "term", "reported", "mention", "cue"]
Fill = Literal["speaker", "speaker_light"]
Line = Literal["solid", "dotted", "dashed"]
LineColour = Literal["tone", "speaker_hue", "grey", "text"]
Weight = Literal["normal", "demibold", "bold"]


@dataclass(frozen=True, slots=True)
class Look:
    """How a mark is drawn, independent of theme and toolkit."""

    fill: Fill | None = None
    line: Line | None = None
    line_colour: LineColour = "text"
    weight: Weight = "normal"


# What each layer draws, and how: the layer's marking rule.
LOOKS: dict[str, Look] = {
    "speakers": Look(fill="speaker"),
    "tone": Look(line="solid", line_colour="tone"),
    "reported": Look(fill="speaker_light", line="dotted", line_colour="tone"),
    "terms": Look(line="dashed", line_colour="grey"),
    "speaker_names": Look(line="solid", line_colour="speaker_hue", weight="demibold"),
    "cues": Look(line="dotted", line_colour="text", weight="bold"),
}
KIND_WORDS: dict[str, str] = {"direct": "direct quotation", "partial": "partial quotation",
                              "term": "term", "reported": "reported speech"}


@dataclass(frozen=True, slots=True)
class Mark:
    layer: str
    kind: MarkKind  # what is marked
    start: int
    end: int
    item: str  # quote/reported id, or the speaker id of a mention
    speaker: str | None = None
    tone: Tone | None = None
    corrected: bool = False

    @property
    def look(self) -> Look:
        return LOOKS[self.layer]

    @property
    def paint_order(self) -> int:
        return BY_NAME[self.layer].paint_order

    @property
    def stands_for_item(self) -> bool:
        """The one mark of a quotation or reported span that carries its details (id,
        tooltip) in exports: the others (its tone line) only style it."""
        return self.kind != "mention" and self.kind != "cue" and self.layer != "tone"


def corrected_fields(analysis: Analysis) -> dict[str, set[str]]:
    """Item id → the fields a person corrected on it, in one pass over the corrections."""
    fields: dict[str, set[str]] = {}
    for c in analysis.corrections:
        fields.setdefault(c.target, set()).add(c.field)
    return fields


def describe(analysis: Analysis, item: Quote | ReportedSpan, *,
             corrected: Iterable[str] | None = None, speaker: Speaker | None = None) -> str:
    """The tooltip of a quotation or reported span, in words (never colour alone).

    Exports describing every item pass `corrected` (its corrected fields) and `speaker`,
    looked up once, so a long article is not scanned again for each item.
    """
    if speaker is None:
        speaker = analysis.speaker_by_id(item.speaker)
    who = speaker.name if speaker else "no speaker found"
    kind = item.kind if isinstance(item, Quote) else "reported"
    parts = [KIND_WORDS[kind], f"speaker: {who}"]
    if item.cue:
        parts.append(f"cue: {item.cue.text}")
    parts.append(f"tone: {item.tone.label} ({signed(item.tone.compound)})")
    fields = set(corrected) if corrected is not None else {
        c.field for c in analysis.corrections if c.target == item.id}
    if fields:
        parts.append("corrected by a person (" + ", ".join(sorted(fields)) + ")")
    return " · ".join(parts)


def all_marks(analysis: Analysis) -> list[Mark]:
    """Every mark of every layer, lowest paint order first."""
    corrected = {c.target for c in analysis.corrections}
    marks: list[Mark] = []
    for q in analysis.quotes:
        if q.kind == "term":
            marks.append(Mark("terms", "term", q.start, q.end, q.id, q.speaker, q.tone,
                              q.id in corrected))
            continue
        for layer in ("speakers", "tone"):
            marks.append(Mark(layer, "quote", q.start, q.end, q.id, q.speaker, q.tone,
                              q.id in corrected))
        if q.cue:
            marks.append(Mark("cues", "cue", q.cue.start, q.cue.end, q.id, q.speaker))
    for r in analysis.reported:
        marks.append(Mark("reported", "reported", r.start, r.end, r.id, r.speaker, r.tone,
                          r.id in corrected))
        if r.cue:
            marks.append(Mark("cues", "cue", r.cue.start, r.cue.end, r.id, r.speaker))
    for m, sid in _outermost_mentions(analysis):
        marks.append(Mark("speaker_names", "mention", m.start, m.end, sid, sid))
    inside = [m for m in marks if 0 <= m.start < m.end <= len(analysis.text)]
    return sorted(inside, key=lambda m: m.paint_order)  # stable: text order within a layer


def _outermost_mentions(analysis: Analysis) -> list[tuple[Offsets, str]]:
    """Mentions not inside a longer one ("China" inside "China's Foreign Ministry" is part
    of the larger name), in text order; one sweep, so long articles stay fast."""
    mentions = sorted(((m, s.id) for s in analysis.speakers for m in s.mentions),
                      key=lambda x: (x[0].start, -x[0].end))
    kept, reach, i = [], -1, 0  # reach: the furthest end of a different, earlier span
    while i < len(mentions):
        span = (mentions[i][0].start, mentions[i][0].end)
        j = i
        while j < len(mentions) and (mentions[j][0].start, mentions[j][0].end) == span:
            j += 1
        if reach < span[1]:
            kept.extend(mentions[i:j])
        reach = max(reach, span[1])
        i = j
    return kept


def visible(mark: Mark, state: LayerState) -> bool:
    """Whether the window shows `mark` in this layer state (layer on, and not narrowed
    away; terms belong to no speaker and no tone, so any narrowing hides them)."""
    if mark.layer not in state.on:
        return False
    if mark.kind == "term":
        return not state.narrowed
    if mark.tone is not None and not state.shows_tone(mark.tone.label):
        return False
    return state.shows_speaker(mark.speaker)


def layer_counts(marks: list[Mark]) -> dict[str, int]:
    """How many marks each layer has (for the speakers layer: attributed quotations)."""
    counts = {name: 0 for name in BY_NAME}
    for m in marks:
        if m.layer != "speakers" or m.speaker is not None:
            counts[m.layer] += 1
    return counts


Piece = tuple[str, tuple[Mark, ...]]


def paragraph_pieces(analysis: Analysis) -> list[list[Piece]]:
    """For each paragraph, its text cut at every mark boundary, with the marks over each
    piece (lowest paint order first).

    One sweep over the sorted boundaries of all marks and paragraphs: the work grows with
    the number of pieces and the marks over each, never with marks × paragraphs.
    """
    marks = all_marks(analysis)
    text = analysis.text
    paragraphs = analysis.paragraphs or ()
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        opening.setdefault(m.start, []).append(i)
        closing.setdefault(m.end, []).append(i)
    points = sorted({*opening, *closing, *(p.start for p in paragraphs),
                     *(p.end for p in paragraphs)})
    over: list[tuple[Mark, ...]] = []  # the marks over [points[j], points[j + 1])
    active: set[int] = set()
    for a in points[:-1]:
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        over.append(tuple(marks[i] for i in sorted(active)))
    index = {p: j for j, p in enumerate(points)}
    return [[(text[points[j]:points[j + 1]], over[j])
             for j in range(index[para.start], index[para.end])]
            for para in paragraphs]
