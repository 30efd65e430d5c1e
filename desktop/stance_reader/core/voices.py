"""Who speaks and how much: per-speaker figures shared by the voices panel and exports."""

from __future__ import annotations

from dataclasses import dataclass

from stance_reader.core.analysis import Analysis, Speaker


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
    result = []
    for order, s in enumerate(analysis.speakers):
        qs = [q for q in analysis.quotes if q.speaker == s.id and q.kind != "term"]
        rs = [r for r in analysis.reported if r.speaker == s.id]
        tones = [q.tone for q in qs] + [r.tone for r in rs]
        mean = sum(t.compound for t in tones) / len(tones) if tones else 0.0
        result.append((-(words.get(s.id, 0)), -len(qs), order, Voice(
            s, len(qs), len(rs), words.get(s.id, 0),
            words.get(s.id, 0) / total_words if total_words else 0.0, round(mean, 4),
            sum(t.label == "negative" for t in tones), sum(t.label == "neutral" for t in tones),
            sum(t.label == "positive" for t in tones))))
    return [v for *_, v in sorted(result, key=lambda x: x[:3])]
