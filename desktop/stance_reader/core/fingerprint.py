"""A fingerprint of the analysis code and data, so a cached analysis never outlives them.

The version number alone changes only with releases; an analysis cached by an earlier
build of the same version (a developer's checkout, a scoring run after an update) would
otherwise be served as if it were today's.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
_PARTS = ("core", "data")
_SUFFIXES = (".py", ".tsv", ".npz", ".json")


@lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    """12 hex digits of SHA-256 over the analysis sources and data files, in path order."""
    digest = hashlib.sha256()
    for part in _PARTS:
        for path in sorted((_PACKAGE / part).rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
