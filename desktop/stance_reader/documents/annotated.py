"""Reopen our own annotated copies (HTML with embedded analysis, analysis JSON).

A copy may have been crafted by anyone, so it is untrusted input: it is read with a
bounded size from a regular file only, its JSON parsed strictly and checked in full
(`core.analysis_check`). Its identity is never taken from what it claims: `source.sha256`
is recomputed as the SHA-256 of the text actually loaded (UTF-8), so history and
corrections are keyed by that text (for a plain-text article, the same key as the article
itself). A copy claiming the hash of a real article cannot stand in for it, and the window
never caches a reopened copy's analysis. The claimed `path` is kept as a description of
where the article came from (checked: bounded, no control characters).

A reader, so it lives with the documents service (the first opener it tries), not with
the export writers.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from stance_reader.core.analysis import SCHEMA, Analysis, SourceInfo
from stance_reader.core.analysis_check import parse_json
from stance_reader.core.article import content_sha256
from stance_reader.errors import AnalysisFileError, AnnotatedCopyError

# Annotated copies embed the whole analysis beside the page: bigger than the article
# (loaders accept 50 MB), but bounded.
MAX_COPY_BYTES = 100 * 1000 * 1000
HEAD_BYTES = 4096
SUFFIXES = (".html", ".htm", ".json", ".jsonld")

_EMBED = re.compile(
    r'<script type="application/json" id="stance-reader-analysis">(.*?)</script>', re.DOTALL)


def _looks_ours(head: bytes, suffix: str) -> bool:
    if suffix in (".html", ".htm"):
        return b"Stance Reader" in head
    return SCHEMA.encode() in head or b'"schema"' in head


def _read_copy(p: Path) -> bytes | None:
    """The file's bytes if it is a regular file that looks like one of our copies.

    Opened without blocking (a FIFO never hangs here) and read only up to the limit.
    None for anything else: the loader then reports it with its own message.
    """
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            head = fh.read(HEAD_BYTES)
            if not _looks_ours(head, p.suffix.lower()):
                return None
            if info.st_size > MAX_COPY_BYTES:
                raise _too_large(p, info.st_size)
            data = head + fh.read(MAX_COPY_BYTES + 1 - len(head))
        except OSError:
            return None
    if len(data) > MAX_COPY_BYTES:  # grew while being read
        raise _too_large(p, len(data))
    return data


def _too_large(p: Path, size: int) -> AnnotatedCopyError:
    return AnnotatedCopyError(f"the annotated copy is {size / 1e6:.0f} MB or more; "
                             f"Stance Reader reopens copies up to {MAX_COPY_BYTES / 1e6:.0f} MB", str(p))


def read_annotated(path: str | Path) -> Analysis | None:
    """The analysis embedded in one of our HTML copies, or stored as our JSON; else None.

    Raises AnnotatedCopyError (its `path` names the file) when it is ours but damaged, crafted,
    too large or from a newer version.
    """
    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        return None
    data = _read_copy(p)
    if data is None:
        return None
    text = data.decode("utf-8", errors="replace")
    if p.suffix.lower() in (".html", ".htm"):
        m = _EMBED.search(text)
        if m is None:
            return None
        text = m.group(1)
    analysis = _parse(text, p)
    if analysis is None:
        return None
    claimed = analysis.source
    return analysis.with_changes(source=SourceInfo(
        claimed.path, content_sha256(analysis.text.encode("utf-8")), claimed.format))


def _parse(raw: str, p: Path) -> Analysis | None:
    try:
        data = parse_json(raw)
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            return None
        return Analysis.from_dict(data)
    except AnalysisFileError as exc:
        raise AnnotatedCopyError(f"not a usable annotated copy: {exc}", str(p)) from exc
