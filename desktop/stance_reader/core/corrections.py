"""A person's corrections, applied on top of an `Analysis` and recorded with it.

Each function returns a new `Analysis` with the change made and a `Correction` appended,
so the window shows it at once, the store keeps it and exports carry it. Replaying the
same corrections on a fresh analysis of the same text (`replay`) gives the same result.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from stance_reader.core.analysis import (
    TONE_LABELS, Analysis, Correction, Speaker, Tone)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _record(analysis: Analysis, correction: Correction, **changes: Any) -> Analysis:
    return replace(analysis, corrections=(*analysis.corrections, correction), **changes)


def set_speaker(analysis: Analysis, quote_id: str, speaker_id: str | None,
                at: str | None = None) -> Analysis:
    """Attribute quote `quote_id` to an existing speaker (or to nobody)."""
    quote = analysis.quote_by_id(quote_id)
    if quote is None:
        raise KeyError(quote_id)
    if speaker_id is not None and analysis.speaker_by_id(speaker_id) is None:
        raise KeyError(speaker_id)
    new_quote = replace(quote, speaker=speaker_id, source=None, attribution="person")
    quotes = tuple(new_quote if q.id == quote_id else q for q in analysis.quotes)
    return _record(analysis, Correction(quote_id, "speaker", quote.speaker, speaker_id,
                                        at or _now()), quotes=quotes)


def add_speaker(analysis: Analysis, name: str, kind: str = "person",
                at: str | None = None) -> tuple[Analysis, str]:
    """Add a speaker a person named; returns the new analysis and the speaker's id."""
    name = name.strip()
    if not name:
        raise ValueError("a speaker needs a name")
    taken = {s.id for s in analysis.speakers}
    n = len(analysis.speakers) + 1
    while f"s{n}" in taken:
        n += 1
    speaker = Speaker(id=f"s{n}", name=name, kind=kind)  # type: ignore[arg-type]
    return _record(analysis, Correction(speaker.id, "speaker_new", None,
                                        {"name": name, "kind": kind}, at or _now()),
                   speakers=(*analysis.speakers, speaker)), speaker.id


def rename_speaker(analysis: Analysis, speaker_id: str, name: str,
                   at: str | None = None) -> Analysis:
    speaker = analysis.speaker_by_id(speaker_id)
    if speaker is None:
        raise KeyError(speaker_id)
    new = replace(speaker, name=name.strip())
    speakers = tuple(new if s.id == speaker_id else s for s in analysis.speakers)
    return _record(analysis, Correction(speaker_id, "speaker_name", speaker.name, new.name,
                                        at or _now()), speakers=speakers)


def merge_speaker(analysis: Analysis, speaker_id: str, into_id: str,
                  at: str | None = None) -> Analysis:
    """One person found twice ("Chiu" and "Kuo-cheng Chiu"): every quotation, reported
    span and mention of `speaker_id` goes to `into_id`, whose aliases gain the other name;
    `speaker_id` is no longer listed. Quotation targets naming it follow too."""
    source, into = analysis.speaker_by_id(speaker_id), analysis.speaker_by_id(into_id)
    if source is None or into is None or speaker_id == into_id:
        raise KeyError(speaker_id if source is None or speaker_id == into_id else into_id)
    aliases = tuple(dict.fromkeys(a for a in (*into.aliases, source.name, *source.aliases)
                                  if a != into.name))
    merged = replace(into, aliases=aliases, mentions=tuple(sorted(
        (*into.mentions, *source.mentions), key=lambda m: (m.start, m.end))))

    def moved(item: Any) -> Any:
        changes: dict[str, Any] = {}
        if item.speaker == speaker_id:
            changes["speaker"] = into_id
        targets = getattr(item, "targets", ())
        if any(t.speaker == speaker_id for t in targets):
            changes["targets"] = tuple(replace(t, speaker=into_id, name=into.name)
                                       if t.speaker == speaker_id else t for t in targets)
        return replace(item, **changes) if changes else item

    speakers = tuple(merged if s.id == into_id else s for s in analysis.speakers
                     if s.id != speaker_id)
    return _record(analysis, Correction(speaker_id, "speaker_merge", source.name, into_id,
                                        at or _now()), speakers=speakers,
                   quotes=tuple(moved(q) for q in analysis.quotes),
                   reported=tuple(moved(r) for r in analysis.reported))


def set_tone(analysis: Analysis, quote_id: str, label: str, at: str | None = None) -> Analysis:
    """Set the tone label a person reads in a quote; the score keeps the label's sign."""
    if label not in TONE_LABELS:
        raise ValueError(f"tone must be one of {TONE_LABELS}")
    quote = analysis.quote_by_id(quote_id)
    if quote is None:
        raise KeyError(quote_id)
    compound = {"negative": -0.5, "neutral": 0.0, "positive": 0.5}[label]
    new_quote = replace(quote, tone=Tone(compound, label))  # type: ignore[arg-type]
    quotes = tuple(new_quote if q.id == quote_id else q for q in analysis.quotes)
    return _record(analysis, Correction(quote_id, "tone", quote.tone.label, label,
                                        at or _now()), quotes=quotes)


def remove_quote(analysis: Analysis, quote_id: str, at: str | None = None) -> Analysis:
    """"Not a quote": drop the span; the correction keeps what it was."""
    quote = analysis.quote_by_id(quote_id)
    if quote is None:
        raise KeyError(quote_id)
    quotes = tuple(q for q in analysis.quotes if q.id != quote_id)
    return _record(analysis, Correction(quote_id, "removed", quote.to_dict(), None,
                                        at or _now()), quotes=quotes)


def replay(analysis: Analysis, corrections: tuple[Correction, ...] | list[Correction]) -> Analysis:
    """Apply recorded corrections to a fresh analysis of the same text.

    Quotes are matched by id, which the pipeline derives from offsets, so they are
    stable across runs. Corrections that no longer apply are skipped.
    """
    for c in corrections:
        try:
            if c.field == "speaker":
                analysis = set_speaker(analysis, c.target, c.new, at=c.at)
            elif c.field == "speaker_new":
                new = c.new if isinstance(c.new, dict) else {}
                analysis, _ = add_speaker(analysis, str(new.get("name", "")),
                                          str(new.get("kind", "person")), at=c.at)
            elif c.field == "speaker_merge":
                analysis = merge_speaker(analysis, c.target, str(c.new), at=c.at)
            elif c.field == "speaker_name":
                analysis = rename_speaker(analysis, c.target, str(c.new), at=c.at)
            elif c.field == "tone":
                analysis = set_tone(analysis, c.target, str(c.new), at=c.at)
            elif c.field == "removed":
                analysis = remove_quote(analysis, c.target, at=c.at)
        except (KeyError, ValueError):
            continue
    return analysis
