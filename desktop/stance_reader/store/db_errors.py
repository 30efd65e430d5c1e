"""What a SQLite error means for the history: damaged, busy, or a problem of the machine.

Only a file that is not a database, or one that fails its integrity check, is damaged and
may be set aside. "database is locked" (another window writing, two first starts at
once), a disk I/O error, a full disk or a read-only folder say nothing about the file:
they are reported, retried where waiting helps, and the file is left alone.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Callable, TypeVar

T = TypeVar("T")
BUSY_ATTEMPTS = 3
BUSY_PAUSE_S = 0.2

# Primary result codes (the low byte of extended codes), from sqlite3.h.
_CODES = {3: "PERM", 5: "BUSY", 6: "LOCKED", 8: "READONLY", 10: "IOERR", 11: "CORRUPT",
          13: "FULL", 14: "CANTOPEN", 26: "NOTADB"}
# For exceptions without a code (older Pythons, errors raised by the sqlite3 module).
_WORDS = (("not a database", "NOTADB"), ("malformed", "CORRUPT"), ("locked", "BUSY"),
          ("busy", "BUSY"), ("disk i/o", "IOERR"), ("disk is full", "FULL"),
          ("readonly", "READONLY"), ("read-only", "READONLY"), ("unable to open", "CANTOPEN"))
_REASONS = {
    "BUSY": "another Stance Reader is using it (database is locked)",
    "LOCKED": "another Stance Reader is using it (database is locked)",
    "IOERR": "the disk reported an input/output error",
    "FULL": "the disk is full",
    "READONLY": "its folder or file is read-only",
    "PERM": "permission denied",
    "CANTOPEN": "it cannot be opened (missing or read-only folder)",
    "CORRUPT": "the file is damaged",
    "NOTADB": "the file is not a history database",
}


def kind(exc: BaseException) -> str:
    """"BUSY", "IOERR", "NOTADB", … or "OTHER"."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _CODES:
        return _CODES[code & 0xFF]
    text = str(exc).lower()
    return next((k for words, k in _WORDS if words in text), "OTHER")


def reason(exc: BaseException) -> str:
    """A sentence-part for the person: why the history could not be used."""
    return _REASONS.get(kind(exc), str(exc) or type(exc).__name__)


def is_busy(exc: BaseException) -> bool:
    return kind(exc) in ("BUSY", "LOCKED")


def retry_busy(step: Callable[[], T], attempts: int = BUSY_ATTEMPTS) -> T:
    """`step()`, tried again while the database is busy (on top of SQLite's busy
    timeout: some lock conflicts, such as switching to WAL, return at once)."""
    for attempt in range(attempts):
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(BUSY_PAUSE_S * (attempt + 1))
    raise AssertionError("unreachable")
