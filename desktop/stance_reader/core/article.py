"""`Article`: the text a loader produced, with its paragraphs and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from stance_reader.core.analysis import Offsets


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


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(text: str) -> tuple[Offsets, ...]:
    """Paragraphs are runs of non-blank lines; offsets exclude surrounding whitespace.

    A single newline inside a paragraph (hard-wrapped text) does not split it; a blank
    line does. Text without blank lines but with one paragraph per line (common in
    copied news) is split at every line break.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    has_blank = any(text[s:e].strip() == "" for s, e in lines[1:-1])
    paragraphs: list[Offsets] = []
    start: int | None = None
    end = 0
    for s, e in lines:
        blank = text[s:e].strip() == ""
        if blank or not has_blank:
            if start is not None:
                paragraphs.append(_trim(text, start, end))
                start = None
            if blank:
                continue
        if start is None:
            start = s
        end = e
    if start is not None:
        paragraphs.append(_trim(text, start, end))
    return tuple(p for p in paragraphs if p.end > p.start)


def _trim(text: str, start: int, end: int) -> Offsets:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Offsets(start, end)
