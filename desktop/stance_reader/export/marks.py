"""The article as paragraphs of text pieces, each with the layers that cover it.

Shared by the HTML, Word and PDF exports: overlapping spans (a partial quotation inside a
reported sentence, a cue next to a speaker's name) become flat pieces, each knowing every
mark over it, so each format can nest its own styling without crossing tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from stance_reader.core.analysis import Analysis, Quote, ReportedSpan, Speaker, Tone

LAYERS = ("speakers", "tone", "speaker_names", "cues", "reported", "terms")
LAYER_TITLES = {"speakers": "Speakers", "tone": "Tone", "speaker_names": "Speaker names",
                "cues": "Cues", "reported": "Reported speech", "terms": "Terms"}


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str  # quote | term | reported | mention | cue
    start: int
    end: int
    item: str  # quote/reported/speaker id
    speaker: str | None = None
    tone: Tone | None = None
    corrected: bool = False


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
    kind = getattr(item, "kind", "reported")
    label = {"direct": "direct quotation", "partial": "partial quotation", "term": "term",
             "reported": "reported speech"}[kind]
    parts = [f"{label}", f"speaker: {who}"]
    if item.cue:
        parts.append(f"cue: {item.cue.text}")
    parts.append(f"tone: {item.tone.label} ({item.tone.compound:+.2f})")
    fields = set(corrected) if corrected is not None else {
        c.field for c in analysis.corrections if c.target == item.id}
    if fields:
        parts.append("corrected by a person (" + ", ".join(sorted(fields)) + ")")
    return " · ".join(parts)


def all_marks(analysis: Analysis) -> list[Mark]:
    corrected = {c.target for c in analysis.corrections}
    marks: list[Mark] = []
    for q in analysis.quotes:
        marks.append(Mark("term" if q.kind == "term" else "quote", q.start, q.end, q.id,
                          q.speaker, q.tone, q.id in corrected))
        if q.cue and q.kind != "term":
            marks.append(Mark("cue", q.cue.start, q.cue.end, q.id, q.speaker))
    for r in analysis.reported:
        marks.append(Mark("reported", r.start, r.end, r.id, r.speaker, r.tone, r.id in corrected))
        if r.cue:
            marks.append(Mark("cue", r.cue.start, r.cue.end, r.id, r.speaker))
    mentions = [(m, s.id) for s in analysis.speakers for m in s.mentions]
    for m, sid in mentions:
        # "China" inside "China's Foreign Ministry" is part of the larger name here.
        if any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o, _ in mentions):
            continue
        marks.append(Mark("mention", m.start, m.end, sid, sid))
    return [m for m in marks if 0 <= m.start < m.end <= len(analysis.text)]


def paragraph_pieces(analysis: Analysis) -> list[list[tuple[str, tuple[Mark, ...]]]]:
    """For each paragraph, its text cut at every mark boundary, with the marks over each piece."""
    marks = all_marks(analysis)
    text = analysis.text
    paragraphs = analysis.paragraphs or ()
    result = []
    for para in paragraphs:
        inside = [m for m in marks if m.start < para.end and para.start < m.end]
        cuts = {para.start, para.end}
        for m in inside:
            cuts.add(max(para.start, m.start))
            cuts.add(min(para.end, m.end))
        points = sorted(cuts)
        pieces = []
        for a, b in zip(points, points[1:]):
            active = tuple(m for m in inside if m.start <= a and b <= m.end)
            pieces.append((text[a:b], active))
        result.append(pieces)
    return result
