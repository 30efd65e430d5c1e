"""`ArticleRecord`: what a collection keeps of one article, small enough for thousands.

Built once from an `Analysis` (with the person's corrections applied), it holds the
article's table row (title, date, outlet, counts, main voice) and one `QuoteRow` per
quotation and reported span: everything the voices, the charts and the quote sheet need,
without the article text. Records round-trip through JSON for the record cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from stance_reader.core.analysis import Analysis
from stance_reader.presentation.voices import voices



class QuoteRow(NamedTuple):
    """One quotation or reported span, as a row of the quote sheet. A named tuple, not a
    dataclass: a reopened collection builds tens of thousands of them from the cache."""

    item: str  # "quotation" or "reported"
    id: str  # the quote id in its article (q3, r1): opens the article at it
    speaker: str | None  # display name, None when nobody is attributed
    speaker_kind: str | None
    kind: str  # direct, partial, term, or "reported"
    cue: str | None
    tone: float
    tone_label: str
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_list(self) -> list[Any]:
        return list(self)

    @classmethod
    def from_list(cls, v: list[Any]) -> QuoteRow:
        """From the record cache (written by `to_list`); raises ValueError if malformed."""
        if len(v) != len(cls._fields):
            raise ValueError(f"a quote row has {len(cls._fields)} fields, not {len(v)}")
        return cls._make(v)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article of a collection; `rows` in text order."""

    path: str
    sha256: str
    title: str | None
    date: str | None  # as the article gives it
    day: str | None  # ISO yyyy-mm-dd when the date can be read, for charts over time
    outlet: str | None
    quotations: int  # direct and partial
    voices: int  # speakers quoted or reported
    main_voice: str | None  # the speaker with the most quoted words
    rows: tuple[QuoteRow, ...]
    merges: tuple[tuple[str, str], ...] = ()  # (name, merged into) from the person's corrections

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "title": self.title,
                "date": self.date, "day": self.day, "outlet": self.outlet,
                "quotations": self.quotations, "voices": self.voices,
                "main_voice": self.main_voice, "rows": [r.to_list() for r in self.rows],
                "merges": [list(m) for m in self.merges]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleRecord:
        return cls(str(d["path"]), str(d["sha256"]), d.get("title"), d.get("date"),
                   d.get("day"), d.get("outlet"), int(d["quotations"]), int(d["voices"]),
                   d.get("main_voice"), tuple(QuoteRow.from_list(r) for r in d["rows"]),
                   tuple((str(a), str(b)) for a, b in d.get("merges", [])))


def iso_day(value: str | None) -> str | None:
    """yyyy-mm-dd from an article's date as loaders give it ("5 March 2024") or as ISO
    ("2016-09-12T08:00:00Z"), else None."""
    from datetime import datetime

    from stance_reader.core.loaders.dates import parse_date

    try:
        return datetime.fromisoformat((value or "").strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        found = parse_date(value)
        return found.isoformat() if found is not None else None


def quote_rows(analysis: Analysis) -> tuple[QuoteRow, ...]:
    """Every quotation and reported span of the analysis, in text order."""
    text = analysis.text
    speakers = {s.id: s for s in analysis.speakers}
    rows: list[QuoteRow] = []
    items: list[Any] = sorted([*analysis.quotes, *analysis.reported], key=lambda x: (x.start, x.id))
    for x in items:
        s = speakers.get(x.speaker) if x.speaker else None
        reported = not hasattr(x, "kind")
        rows.append(QuoteRow(
            "reported" if reported else "quotation", x.id, s.name if s else None,
            s.kind if s else None, "reported" if reported else x.kind,
            x.cue.text if x.cue else None, x.tone.compound, x.tone.label, x.start, x.end,
            text[x.start:x.end]))
    return tuple(rows)


def merges_of(analysis: Analysis) -> tuple[tuple[str, str], ...]:
    """Names the person merged or renamed in this article, to offer across the collection.

    A rename ("Chiu" → "Chiu Kuo-cheng") is one; so is moving every quotation of one
    speaker to another (the first speaker no longer speaks: they are the second).
    """
    found: list[tuple[str, str]] = []
    original: dict[str, str] = {}
    for c in analysis.corrections:
        if c.field == "speaker_name" and c.old and c.new and str(c.old) != str(c.new):
            original.setdefault(c.target, str(c.old))
            found.append((str(c.old), str(c.new)))
    speaking = {q.speaker for q in analysis.quotes if q.speaker}
    speaking |= {r.speaker for r in analysis.reported if r.speaker}
    names = {s.id: s.name for s in analysis.speakers}
    for c in analysis.corrections:
        if c.field == "speaker" and c.old and c.new and c.old not in speaking:
            old = original.get(str(c.old), names.get(str(c.old)))
            new = names.get(str(c.new))
            if old and new and old != new:
                found.append((old, new))
    return tuple(dict.fromkeys(found))


def build_record(analysis: Analysis, path: str, outlet: str | None = None) -> ArticleRecord:
    """The record of an analysed article; `outlet` as found by `outlet.outlet_of`."""
    figures = voices(analysis)
    speaking = [v for v in figures if v.quotes or v.reported]
    main = speaking[0].speaker.name if speaking else None  # voices() puts most words first
    return ArticleRecord(
        path=path, sha256=analysis.source.sha256, title=analysis.title, date=analysis.date,
        day=iso_day(analysis.date), outlet=outlet,
        quotations=sum(q.kind != "term" for q in analysis.quotes), voices=len(speaking),
        main_voice=main, rows=quote_rows(analysis), merges=merges_of(analysis))
