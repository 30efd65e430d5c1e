"""Reopen our own annotated copies (HTML with embedded analysis, analysis JSON) exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

from stance_reader.core.analysis import SCHEMA, Analysis
from stance_reader.core.loaders.files import read_head, read_regular_file
from stance_reader.errors import AnalysisFileError, InputError

# An annotated copy holds the article twice (text and embedded analysis) plus markup; the
# whole file is read into memory, so it is refused beyond this, before being read.
ANNOTATED_MAX_BYTES = 100 * 1000 * 1000

_EMBED = re.compile(
    r'<script type="application/json" id="stance-reader-analysis">(.*?)</script>', re.DOTALL)


def read_annotated(path: str | Path) -> Analysis | None:
    """The analysis embedded in one of our HTML copies, or stored as our JSON; else None.

    Raises AnalysisFileError when the file is ours but damaged or from a newer version.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".html", ".htm", ".json", ".jsonld"):
        return None
    try:
        head = read_head(p, 4096)  # never blocks on a pipe; refuses devices and folders
    except InputError:
        return None  # the loader reports unreadable files with its own message
    if suffix in (".html", ".htm"):
        if b"Stance Reader" not in head:
            return None
        text = read_regular_file(p, ANNOTATED_MAX_BYTES).decode("utf-8", errors="replace")
        m = _EMBED.search(text)
        if m is None:
            return None
        return _parse(m.group(1), p)
    if SCHEMA.encode() not in head and b'"schema"' not in head:
        return None
    return _parse(read_regular_file(p, ANNOTATED_MAX_BYTES).decode("utf-8", errors="replace"), p)


def _parse(raw: str, p: Path) -> Analysis | None:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnalysisFileError(f"{p}: the embedded analysis is damaged ({exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None
    try:
        return Analysis.from_dict(data)
    except AnalysisFileError as exc:
        raise AnalysisFileError(f"{p}: {exc}") from exc
