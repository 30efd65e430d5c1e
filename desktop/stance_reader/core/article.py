"""`Article`: the text a loader produced, with its paragraphs and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from stance_reader.core.analysis import Offsets
from stance_reader.core.notices import Notice


@dataclass(frozen=True, slots=True)
class Article:
    """An article ready for analysis.

    `text` is what every offset points into. For plain text it is exactly the decoded
    file with line endings normalised to "\\n". `sha256` is the hash of the file's bytes,
    the identity under which history, corrections and the analysis cache are kept.
    """

    text: str
    paragraphs: tuple[Offsets, ...]
    format: str
    sha256: str
    path: str | None = None
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    # "en", or "other" when the text does not look English (the analysis is English-only).
    language: str = "en"
    notices: tuple[Notice, ...] = ()


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(text: str) -> tuple[Offsets, ...]:
    """Paragraph offsets (surrounding whitespace excluded).

    A blank line always ends a paragraph, and so does a line holding only punctuation
    (" .", "*", "—", "___."): such lines separate paragraphs and are never one. A single line break ends one too when the line
    before it ends a sentence or the next line opens a quotation (copied news puts one
    paragraph per line); other single breaks are hard wrapping inside a paragraph.
    """
    paragraphs: list[Offsets] = []
    start: int | None = None
    pos = 0
    prev = ""
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped or is_separator(stripped):
            if start is not None:
                paragraphs.append(_trim(text, start, s))
                start = None
            prev = ""
            continue
        if start is not None and (prev[-1:] in _SENTENCE_END or stripped[0] in _OPENERS
                                  or len(prev) > 100):
            paragraphs.append(_trim(text, start, s))
            start = None
        if start is None:
            start = s
        prev = stripped
    if start is not None:
        paragraphs.append(_trim(text, start, len(text)))
    return tuple(p for p in paragraphs if p.end > p.start)


def is_separator(text: str) -> bool:
    """A line or paragraph made only of punctuation and symbols: a separator, not text."""
    return not any(c.isalnum() for c in text)


_SENTENCE_END = frozenset(".!?:\"”’»)]…")
_OPENERS = frozenset("\"“„«‘'-•*")


def _trim(text: str, start: int, end: int) -> Offsets:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Offsets(start, end)
