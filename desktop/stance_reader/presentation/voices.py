"""Who speaks, how much, and about whom: the figures of the voices panel and the exports.

`voices` gives each speaker's share and mean tone; `stance` gives, for each speaker, the
people and organisations their quotations mention and the mean tone toward each, labelled
by the person's thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass

from stance_reader.core.analysis import Analysis, Speaker, Tone, ToneLabel
from stance_reader.presentation.tone import Thresholds
from stance_reader.style.palette import SpeakerColor, speaker_colors


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker's share of the article."""

    speaker: Speaker
    quotes: int  # direct and partial quotations
    reported: int
    quoted_words: int
    share: float  # of all quoted words in the article, 0..1
    tone: float  # mean compound over their quotations and reported spans
    negative: int
    neutral: int
    positive: int


def voices(analysis: Analysis) -> list[Voice]:
    """Every speaker with their figures, most quoted first (ties: first appearance)."""
    text = analysis.text
    words: dict[str, int] = {}
    total_words = 0
    for q in analysis.quotes:
        if q.kind == "term":
            continue
        n = len(text[q.start:q.end].split())
        total_words += n
        if q.speaker:
            words[q.speaker] = words.get(q.speaker, 0) + n
    quoted: dict[str, list[Tone]] = {}  # speaker id → tones of their quotations
    told: dict[str, list[Tone]] = {}  # … and of their reported spans
    for q in analysis.quotes:
        if q.speaker and q.kind != "term":
            quoted.setdefault(q.speaker, []).append(q.tone)
    for r in analysis.reported:
        if r.speaker:
            told.setdefault(r.speaker, []).append(r.tone)
    result = []
    for order, s in enumerate(analysis.speakers):
        qs, rs = quoted.get(s.id, []), told.get(s.id, [])
        tones = qs + rs
        mean = sum(t.compound for t in tones) / len(tones) if tones else 0.0
        result.append((-(words.get(s.id, 0)), -len(qs), order, Voice(
            s, len(qs), len(rs), words.get(s.id, 0),
            words.get(s.id, 0) / total_words if total_words else 0.0, round(mean, 4),
            sum(t.label == "negative" for t in tones), sum(t.label == "neutral" for t in tones),
            sum(t.label == "positive" for t in tones))))
    return [v for *_, v in sorted(result, key=lambda x: x[:3])]


@dataclass(frozen=True, slots=True)
class StanceCell:
    """How one speaker's quotations portray one person or organisation."""

    speaker: Speaker
    target: str
    mean: float  # mean compound toward the target
    label: ToneLabel
    quote_ids: tuple[str, ...]  # the quotations, in text order
    mentions: int


@dataclass(frozen=True, slots=True)
class Stance:
    """Rows: speakers whose quotations mention someone else. Columns: who is mentioned."""

    speakers: tuple[Speaker, ...]
    targets: tuple[str, ...]
    cells: dict[tuple[str, str], StanceCell]  # (speaker id, target name)


def stance(analysis: Analysis, thresholds: Thresholds) -> Stance:
    values: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for q in analysis.quotes:
        if q.speaker is None or q.kind == "term":
            continue
        for t in q.targets:
            if t.speaker != q.speaker:
                values.setdefault((q.speaker, t.name), []).append((t.tone.compound, q.id))
    speakers = tuple(s for s in analysis.speakers if any(k[0] == s.id for k in values))
    by_id = {s.id: s for s in speakers}
    cells = {}
    for (sid, name), found in values.items():
        mean = sum(v for v, _ in found) / len(found)
        cells[(sid, name)] = StanceCell(by_id[sid], name, mean, thresholds.label(mean),
                                        tuple(dict.fromkeys(qid for _, qid in found)), len(found))
    return Stance(speakers, tuple(sorted({k[1] for k in values})), cells)


def speaks(voice: Voice) -> bool:
    """A voice is someone quoted or reported; the others are only mentioned."""
    return voice.quotes + voice.reported > 0


@dataclass(frozen=True, slots=True)
class Mentioned:
    """A person or organisation the article names but never quotes: a speaker with no
    quotation or reported speech, or a name only found among quotations' targets."""

    name: str
    kind: str
    speaker_id: str | None
    mentions: int  # times named in the text (or, for a target, in quotations)


def mentioned(analysis: Analysis) -> list[Mentioned]:
    """Everyone named but not heard, most mentioned first."""
    silent = [Mentioned(v.speaker.name, v.speaker.kind, v.speaker.id,
                        max(1, len(v.speaker.mentions)))
              for v in voices(analysis) if not speaks(v)]
    known = {s.name for s in analysis.speakers} | {a for s in analysis.speakers for a in s.aliases}
    counts: dict[str, int] = {}
    for q in analysis.quotes:
        for t in q.targets:
            if t.speaker is None and t.name not in known:
                counts[t.name] = counts.get(t.name, 0) + 1
    named = [Mentioned(name, "named in quotations", None, n) for name, n in counts.items()]
    return sorted([*silent, *named], key=lambda m: (-m.mentions, m.name))


def colour_order(analysis: Analysis) -> list[str]:
    """Speaker ids in the order palette colours are handed out: by share of voice (quoted
    words, then quotations, then reported speech), so the main voices always get their own
    colour; those only mentioned come last."""
    ranked = sorted(voices(analysis), key=lambda v: (-v.quoted_words, -v.quotes, -v.reported))
    heard = [v.speaker.id for v in ranked if speaks(v)]
    return [*heard, *(s.id for s in analysis.speakers if s.id not in set(heard))]


def analysis_colors(analysis: Analysis, overrides: dict[str, str] | None = None
                    ) -> dict[str, SpeakerColor]:
    """Each speaker's colour for this analysis (the window and every export agree)."""
    return speaker_colors(colour_order(analysis), overrides)
