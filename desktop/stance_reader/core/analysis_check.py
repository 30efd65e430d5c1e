"""Checks on an analysis read from a file, before anything is built from it.

An annotated copy (HTML or JSON) may come from anyone, so everything in it is untrusted:
every field is checked for its type, every number for being finite and in range, every
offset for lying inside the text, every id for being a short safe token, and every list
for its length, before an `Analysis` is made. What does not fit is refused with an
`AnalysisFileError` that says which field and why; nothing malformed gets further.

The limits are data (`LIMITS`), documented in docs/reliability.md.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from stance_reader.errors import AnalysisFileError

# Ids end up in HTML attributes and element ids of exports and in the store: letters,
# digits, "_" and "-" only (what the pipeline makes: q1, r2, s3), and short.
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_.+-]{1,64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class AnalysisLimits:
    """How big an analysis read from a file may be (far above any real article)."""

    text_chars: int = 50_000_000  # the loaders' limit is 50 MB
    short_chars: int = 2_000  # titles, names, cue texts, dates
    path_chars: int = 4_096
    items: int = 200_000  # quotations, reported spans, speakers, paragraphs, corrections
    mentions: int = 1_000_000  # over all speakers
    targets: int = 1_000  # per quotation
    aliases: int = 1_000  # per speaker
    value_depth: int = 6  # nesting inside a correction's old/new value
    value_items: int = 1_000  # list or object entries inside a correction's value


LIMITS = AnalysisLimits()


def parse_json(raw: str) -> Any:
    """Parse JSON strictly: no NaN or Infinity, no number too long, no deep nesting error."""
    def refuse_constant(name: str) -> Any:
        raise AnalysisFileError(f"{name} is not a number an analysis can hold")

    try:
        return json.loads(raw, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        raise AnalysisFileError(f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise AnalysisFileError("the JSON is nested too deeply to be an analysis") from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise AnalysisFileError(f"the JSON holds a value no analysis has ({exc})") from exc


class _Checker:
    """Walks the parsed JSON once; each failure names the field (`quotes[3].tone`)."""

    def __init__(self, limits: AnalysisLimits) -> None:
        self.limits = limits
        self.n = 0  # text length, once known

    # -- scalars ---------------------------------------------------------------------
    @staticmethod
    def fail(where: str, what: str) -> AnalysisFileError:
        return AnalysisFileError(f"malformed analysis: {where} {what}")

    def dict_(self, v: Any, where: str) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise self.fail(where, f"should be an object, not {_kind(v)}")
        return v

    def list_(self, v: Any, where: str, limit: int) -> list[Any]:
        if v is None:
            return []
        if not isinstance(v, list):
            raise self.fail(where, f"should be a list, not {_kind(v)}")
        if len(v) > limit:
            raise self.fail(where, f"has {len(v):,} entries; at most {limit:,} are accepted")
        return v

    def str_(self, v: Any, where: str, limit: int, *, optional: bool = False) -> None:
        if v is None and optional:
            return
        if not isinstance(v, str):
            raise self.fail(where, f"should be text, not {_kind(v)}")
        if len(v) > limit:
            raise self.fail(where, f"is {len(v):,} characters long; at most {limit:,} are accepted")

    def int_(self, v: Any, where: str, lo: int, hi: int) -> int:
        if type(v) is not int:
            raise self.fail(where, f"should be a whole number, not {_kind(v)}")
        if not lo <= v <= hi:
            raise self.fail(where, f"is {_short(v)}; it must lie between {lo} and {hi}")
        return v

    def number(self, v: Any, where: str, lo: float, hi: float) -> None:
        if type(v) not in (int, float):
            raise self.fail(where, f"should be a number, not {_kind(v)}")
        if not math.isfinite(v):
            raise self.fail(where, f"is {v!r}, not a finite number")
        if not lo <= v <= hi:
            raise self.fail(where, f"is {_short(v)}; it must lie between {lo} and {hi}")

    def id_(self, v: Any, where: str, *, optional: bool = False) -> None:
        if v is None and optional:
            return
        if not isinstance(v, str) or not ID_PATTERN.fullmatch(v):
            raise self.fail(where, f"is {_short(v)}; an id is 1 to 64 letters, digits, '_' or '-'")

    def token(self, v: Any, where: str) -> None:
        if not isinstance(v, str) or not TOKEN_PATTERN.fullmatch(v):
            raise self.fail(where, f"is {_short(v)}; expected a short word")

    def choice(self, v: Any, where: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(v, str) or v not in allowed:
            raise self.fail(where, f"is {_short(v)}; expected one of {', '.join(allowed)}")

    def span(self, d: Any, where: str) -> None:
        d = self.dict_(d, where)
        start = self.int_(d.get("start"), f"{where}.start", 0, self.n)
        self.int_(d.get("end"), f"{where}.end", start, self.n)

    def value(self, v: Any, where: str, depth: int = 0) -> None:
        """A correction's old or new value: plain JSON, small and shallow."""
        if depth > self.limits.value_depth:
            raise self.fail(where, "is nested too deeply")
        if v is None or isinstance(v, bool):
            return
        if isinstance(v, str):
            self.str_(v, where, self.limits.short_chars * 10)
        elif isinstance(v, (int, float)):
            self.number(v, where, -1e15, 1e15)
        elif isinstance(v, list):
            for i, x in enumerate(self.list_(v, where, self.limits.value_items)):
                self.value(x, f"{where}[{i}]", depth + 1)
        elif isinstance(v, dict):
            if len(v) > self.limits.value_items:
                raise self.fail(where, "has too many entries")
            for k, x in v.items():
                self.str_(k, f"{where} key", self.limits.short_chars)
                self.value(x, f"{where}.{_short(k)}", depth + 1)
        else:  # pragma: no cover - json.loads makes nothing else
            raise self.fail(where, f"has an unexpected {_kind(v)}")

    # -- parts -----------------------------------------------------------------------
    def tone(self, v: Any, where: str) -> None:
        from stance_reader.core.analysis import TONE_LABELS

        d = self.dict_(v, where)
        self.number(d.get("compound"), f"{where}.compound", -1.0, 1.0)
        self.choice(d.get("label"), f"{where}.label", TONE_LABELS)

    def cue(self, v: Any, where: str) -> None:
        if v is None:
            return
        self.span(v, where)
        self.str_(v.get("text"), f"{where}.text", self.limits.short_chars)

    def spoken(self, d: Any, where: str, speakers: set[str], paragraphs: int) -> None:
        """What quotations and reported spans share: id, span, speaker, cue, tone, targets."""
        d = self.dict_(d, where)
        self.id_(d.get("id"), f"{where}.id")
        self.span(d, where)
        self.reference(d.get("speaker"), f"{where}.speaker", speakers)
        if d.get("source") is not None:
            self.span(d.get("source"), f"{where}.source")
        self.cue(d.get("cue"), f"{where}.cue")
        self.tone(d.get("tone"), f"{where}.tone")
        for i, t in enumerate(self.list_(d.get("targets"), f"{where}.targets", self.limits.targets)):
            tw = f"{where}.targets[{i}]"
            self.span(t, tw)
            self.str_(t.get("text"), f"{tw}.text", self.limits.short_chars)
            self.str_(t.get("name"), f"{tw}.name", self.limits.short_chars)
            self.reference(t.get("speaker"), f"{tw}.speaker", speakers)
            self.tone(t.get("tone"), f"{tw}.tone")
        if "paragraph" in d:
            self.int_(d["paragraph"], f"{where}.paragraph", 0, max(paragraphs, self.limits.items))

    def reference(self, v: Any, where: str, speakers: set[str]) -> None:
        self.id_(v, where, optional=True)
        if v is not None and v not in speakers:
            raise self.fail(where, f"names speaker {v!r}, who is not in the file")

    def speakers(self, v: Any) -> set[str]:
        from stance_reader.core.analysis import SPEAKER_KINDS

        ids: set[str] = set()
        mentions = 0
        for i, s in enumerate(self.list_(v, "speakers", self.limits.items)):
            where = f"speakers[{i}]"
            s = self.dict_(s, where)
            self.id_(s.get("id"), f"{where}.id")
            if s["id"] in ids:
                raise self.fail(f"{where}.id", f"{s['id']!r} is used twice")
            ids.add(s["id"])
            self.str_(s.get("name"), f"{where}.name", self.limits.short_chars)
            self.choice(s.get("kind", "unknown"), f"{where}.kind", SPEAKER_KINDS)
            for j, a in enumerate(self.list_(s.get("aliases"), f"{where}.aliases", self.limits.aliases)):
                self.str_(a, f"{where}.aliases[{j}]", self.limits.short_chars)
            found = self.list_(s.get("mentions"), f"{where}.mentions", self.limits.mentions)
            mentions += len(found)
            if mentions > self.limits.mentions:
                raise self.fail("speakers", f"name more than {self.limits.mentions:,} mentions")
            for j, m in enumerate(found):
                self.span(m, f"{where}.mentions[{j}]")
        return ids

    def analysis(self, d: Any) -> None:
        from stance_reader.core.analysis import QUOTE_KINDS

        d = self.dict_(d, "the file")
        self.str_(d.get("text"), "text", self.limits.text_chars)
        self.n = len(d["text"])
        for key in ("title", "byline", "date"):
            self.str_(d.get(key), key, self.limits.short_chars, optional=True)
        source = self.dict_(d.get("source"), "source")
        self.str_(source.get("path"), "source.path", self.limits.path_chars, optional=True)
        if isinstance(source.get("path"), str) and _CONTROL.search(source["path"]):
            raise self.fail("source.path", "holds control characters")
        self.str_(source.get("sha256"), "source.sha256", 128)
        self.token(source.get("format"), "source.format")
        pipeline = self.dict_(d.get("pipeline"), "pipeline")
        for key in ("model", "model_version", "project_version"):
            self.str_(pipeline.get(key), f"pipeline.{key}", 200)
        paragraphs = self.list_(d.get("paragraphs"), "paragraphs", self.limits.items)
        for i, p in enumerate(paragraphs):
            self.span(p, f"paragraphs[{i}]")
        speakers = self.speakers(d.get("speakers"))
        items: set[str] = set()
        for key in ("quotes", "reported"):
            for i, q in enumerate(self.list_(d.get(key), key, self.limits.items)):
                where = f"{key}[{i}]"
                self.spoken(q, where, speakers, len(paragraphs))
                if q["id"] in items:
                    raise self.fail(f"{where}.id", f"{q['id']!r} is used twice")
                items.add(q["id"])
                if key == "quotes":
                    self.choice(q.get("kind"), f"{where}.kind", QUOTE_KINDS)
                    self.token(q.get("attribution", "none"), f"{where}.attribution")
        for i, c in enumerate(self.list_(d.get("corrections"), "corrections", self.limits.items)):
            where = f"corrections[{i}]"
            c = self.dict_(c, where)
            self.id_(c.get("target"), f"{where}.target")
            self.token(c.get("field"), f"{where}.field")
            self.value(c.get("old"), f"{where}.old")
            self.value(c.get("new"), f"{where}.new")
            self.str_(c.get("at"), f"{where}.at", 64)
            self.token(c.get("by", "person"), f"{where}.by")


def check_analysis_data(data: Any, limits: AnalysisLimits = LIMITS) -> None:
    """Raise AnalysisFileError unless `data` (parsed JSON) is a well-formed analysis."""
    _Checker(limits).analysis(data)


def _kind(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(v), type(v).__name__)


def _short(v: Any) -> str:
    """A value for a message: never a megabyte of it, never a control character."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        s = repr(v)
        return s if len(s) <= 24 else f"a number of {len(s)} digits"
    s = repr(v) if isinstance(v, str) else _kind(v)
    return s if len(s) <= 40 else s[:37] + "…"
