"""The `Analysis` model: the one contract between core, window, store and exports.

Plain frozen data classes with exact JSON round trips. The JSON carries a schema name
and version (`SCHEMA`, `SCHEMA_VERSION`); `Analysis.from_dict` refuses other schemas
and newer versions with a clear message instead of guessing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, Self

from stance_reader.core.notices import Notice
from stance_reader.errors import AnalysisFileError

SCHEMA = "stance-reader/analysis"
SCHEMA_VERSION = 1

QuoteKind = Literal["direct", "partial", "term"]
SpeakerKind = Literal["person", "organisation", "unknown"]
ToneLabel = Literal["negative", "neutral", "positive"]
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "term")
SPEAKER_KINDS: tuple[str, ...] = ("person", "organisation", "unknown")
TONE_LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
# How a quote's speaker was found; see `Quote.attribution`.
AttributionKind = Literal["cue", "inherited", "pronoun", "person", "none"]
ATTRIBUTION_KINDS: tuple[str, ...] = ("cue", "inherited", "pronoun", "person", "none")
# What a person's correction changed; see `Correction`.
CorrectionField = Literal["speaker", "speaker_new", "speaker_name", "speaker_merge", "tone",
                          "removed"]
CORRECTION_FIELDS: tuple[str, ...] = ("speaker", "speaker_new", "speaker_name", "speaker_merge",
                                      "tone", "removed")


class JSONData:
    """JSON of a data class: its fields in order, nested data classes as objects and
    tuples as lists (the file format is exactly the fields)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Any:
        """Each field read by its declared type (the data was checked in full before:
        `analysis_check`); an optional text field may be absent."""
        values = []
        for f in fields(cls):  # type: ignore[arg-type]
            kind = str(f.type)
            if kind in _READ:
                values.append(_READ[kind](d[f.name]))
            elif kind.endswith("| None"):
                values.append(d.get(f.name))
            else:  # a nested data class of this module
                values.append(globals()[kind].from_dict(d[f.name]))
        return cls(*values)


_READ: dict[str, Any] = {"int": int, "str": str, "float": float}


def _plain(value: Any) -> Any:
    if isinstance(value, JSONData):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Offsets(JSONData):
    """A character range in `Analysis.text`; `end` is exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cue(Offsets):
    """The reporting words that introduce a quote (said, told, according to, a colon):
    their range in the text, and the words."""

    text: str


@dataclass(frozen=True, slots=True)
class Tone(JSONData):
    """VADER-based compound score in [-1, 1] and its label."""

    compound: float
    label: ToneLabel

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tone:
        label = str(d["label"])
        if label not in TONE_LABELS:
            raise AnalysisFileError(f"unknown tone label {label!r}; expected one of {TONE_LABELS}")
        return cls(float(d["compound"]), label)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Target(JSONData):
    """A person or organisation a quote talks about, and the tone toward it."""

    start: int
    end: int
    text: str
    speaker: str | None  # speaker id when the target is also a speaker
    name: str  # canonical name (the speaker's display name, or the entity text)
    tone: Tone


@dataclass(frozen=True, slots=True)
class SpokenSpan(JSONData):
    """What a quotation and a reported span share: a stretch of the text someone said,
    with its speaker (an id of `Analysis.speakers`), the words naming them (`source`),
    the cue, the tone and the people it talks about (`targets`)."""

    id: str
    start: int
    end: int
    speaker: str | None
    source: Offsets | None
    cue: Cue | None
    tone: Tone
    targets: tuple[Target, ...] = ()
    paragraph: int = 0

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Self:
        return cls(**_spoken_fields(d))


def _spoken_fields(d: dict[str, Any]) -> dict[str, Any]:
    """The `SpokenSpan` fields of a stored quote or reported span, by name."""
    return {
        "id": str(d["id"]),
        "start": int(d["start"]),
        "end": int(d["end"]),
        "speaker": d.get("speaker"),
        "source": Offsets.from_dict(d["source"]) if d.get("source") else None,
        "cue": Cue.from_dict(d["cue"]) if d.get("cue") else None,
        "tone": Tone.from_dict(d["tone"]),
        "targets": tuple(Target.from_dict(t) for t in d.get("targets", [])),
        "paragraph": int(d.get("paragraph", 0)),
    }


# A quote's keys in the file, in the order files have always had them (`kind` after
# `end`), although the class declares `kind` after the fields it shares.
QUOTE_KEYS: tuple[str, ...] = ("id", "start", "end", "kind", "speaker", "source", "cue",
                               "tone", "targets", "paragraph", "attribution")


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(SpokenSpan):
    """A quotation span (including its marks) with its kind, speaker, cue and tone.

    `kind` and `attribution` are given by name. `attribution` says how the speaker was
    found: "cue" (a reporting verb or phrase next to it), "inherited" (a continuing
    paragraph), "pronoun" (he/she/they resolved), "person" (corrected by a person) or
    "none".
    """

    kind: QuoteKind
    attribution: AttributionKind = "none"

    def to_dict(self) -> dict[str, Any]:
        plain = JSONData.to_dict(self)
        return {key: plain[key] for key in QUOTE_KEYS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        kind = str(d["kind"])
        if kind not in QUOTE_KINDS:
            raise AnalysisFileError(f"unknown quote kind {kind!r}; expected one of {QUOTE_KINDS}")
        return cls(**_spoken_fields(d), kind=kind,  # type: ignore[arg-type]
                   attribution=_attribution_kind(d.get("attribution", "none")))


def _attribution_kind(value: object) -> AttributionKind:
    """A stored attribution kind, "none" for anything this version does not know."""
    for kind in ATTRIBUTION_KINDS:
        if value == kind:
            return kind  # type: ignore[return-value]
    return "none"


@dataclass(frozen=True, slots=True)
class ReportedSpan(SpokenSpan):
    """Indirect speech ("X told the AP that ..."): the sentence, its speaker and cue."""


@dataclass(frozen=True, slots=True)
class Speaker(JSONData):
    """One real person or organisation, with every mention that names them."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Offsets, ...] = ()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        kind = str(d.get("kind", "unknown"))
        if kind not in SPEAKER_KINDS:
            raise AnalysisFileError(f"unknown speaker kind {kind!r}; expected one of {SPEAKER_KINDS}")
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            kind=kind,  # type: ignore[arg-type]
            aliases=tuple(str(a) for a in d.get("aliases", [])),
            mentions=tuple(Offsets.from_dict(m) for m in d.get("mentions", [])),
        )


@dataclass(frozen=True, slots=True)
class Correction(JSONData):
    """A person's edit on top of the analysis: which item, which field, old and new value.

    `field` is one of `CORRECTION_FIELDS`. `by` is "person" for edits made in the reader.
    """

    target: str  # quote / reported span / speaker id
    field: CorrectionField
    old: Any
    new: Any
    at: str  # ISO 8601 UTC
    by: str = "person"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Correction:
        return cls(str(d["target"]), correction_field(d["field"]), d.get("old"), d.get("new"),
                   str(d["at"]), str(d.get("by", "person")))


def correction_field(value: Any) -> CorrectionField:
    """A correction's field, checked; AnalysisFileError names the unknown one."""
    if value not in CORRECTION_FIELDS:
        raise AnalysisFileError(f"unknown correction field {value!r}; expected one of "
                                f"{CORRECTION_FIELDS}")
    return value  # type: ignore[no-any-return]



@dataclass(frozen=True, slots=True)
class SourceInfo(JSONData):
    """Where the article came from: path (may be None), SHA-256 of the file bytes, format."""

    path: str | None
    sha256: str
    format: str


@dataclass(frozen=True, slots=True)
class PipelineInfo(JSONData):
    """What produced the analysis; a cache entry is valid only for the same values."""

    model: str
    model_version: str
    project_version: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the reader shows about one article."""

    text: str
    title: str | None
    source: SourceInfo
    pipeline: PipelineInfo
    quotes: tuple[Quote, ...] = ()
    reported: tuple[ReportedSpan, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    paragraphs: tuple[Offsets, ...] = ()
    byline: str | None = None
    date: str | None = None
    corrections: tuple[Correction, ...] = ()
    notices: tuple[Notice, ...] = ()

    # -- lookups ---------------------------------------------------------------------
    def speaker_by_id(self, speaker_id: str | None) -> Speaker | None:
        if speaker_id is None:
            return None
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None

    def quote_by_id(self, quote_id: str) -> Quote | None:
        for q in self.quotes:
            if q.id == quote_id:
                return q
        return None

    # -- JSON ------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "source": self.source.to_dict(),
            "pipeline": self.pipeline.to_dict(),
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "quotes": [q.to_dict() for q in self.quotes],
            "reported": [r.to_dict() for r in self.reported],
            "speakers": [s.to_dict() for s in self.speakers],
            "corrections": [c.to_dict() for c in self.corrections],
            **({"notices": [n.to_dict() for n in self.notices]} if self.notices else {}),
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: Any) -> Analysis:
        """Build from parsed JSON; raises AnalysisFileError on anything malformed.

        The data is checked in full first (`analysis_check`): it may come from a file
        anyone could have crafted.
        """
        from stance_reader.core.analysis_check import check_analysis_data

        if not isinstance(d, dict) or d.get("schema") != SCHEMA:
            raise AnalysisFileError(
                f"not a Stance Reader analysis (expected schema {SCHEMA!r})")
        version = d.get("schema_version")
        if type(version) is not int or version > SCHEMA_VERSION or version < 1:
            shown = repr(version) if type(version) is int and abs(version) < 10**6 else "given"
            raise AnalysisFileError(
                f"analysis schema version {shown} is not supported by this version of "
                f"Stance Reader (it reads versions 1 to {SCHEMA_VERSION}); update the program")
        check_analysis_data(d)
        try:
            analysis = cls(
                text=str(d["text"]),
                title=d.get("title"),
                byline=d.get("byline"),
                date=d.get("date"),
                source=SourceInfo.from_dict(d["source"]),
                pipeline=PipelineInfo.from_dict(d["pipeline"]),
                paragraphs=tuple(Offsets.from_dict(p) for p in d.get("paragraphs", [])),
                quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", [])),
                reported=tuple(ReportedSpan.from_dict(r) for r in d.get("reported", [])),
                speakers=tuple(Speaker.from_dict(s) for s in d.get("speakers", [])),
                corrections=tuple(Correction.from_dict(c) for c in d.get("corrections", [])),
                notices=tuple(Notice(str(n["kind"]), str(n["message"]))
                              for n in d.get("notices", [])),
            )
        except AnalysisFileError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise AnalysisFileError(f"malformed analysis: {type(exc).__name__}: {exc}") from exc
        n = len(analysis.text)
        items: list[Quote | ReportedSpan] = [*analysis.quotes, *analysis.reported]
        for item in items:
            if not 0 <= item.start <= item.end <= n:
                raise AnalysisFileError(f"malformed analysis: {item.id} lies outside the text")
        return analysis

    @classmethod
    def from_json(cls, raw: str) -> Analysis:
        from stance_reader.core.analysis_check import parse_json

        return cls.from_dict(parse_json(raw))

    def with_changes(self, **changes: Any) -> Analysis:
        return replace(self, **changes)
