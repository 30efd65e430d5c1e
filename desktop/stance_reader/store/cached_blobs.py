"""Reading a cached blob back: the decoded value, or nothing when the entry is damaged.

Caches hold only derived data (analyses, collection records), so an entry that no longer
decodes is deleted and recomputed rather than reported.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def read_cached(conn: sqlite3.Connection, table: str, where: str, params: Sequence[object],
                decode: Callable[[bytes], T],
                damaged: tuple[type[BaseException], ...]) -> T | None:
    """The decoded `data` of the row of `table` matching `where`, None when there is none;
    a row whose data raises one of `damaged` when decoded is deleted. `table` and `where`
    are the caller's constants, never user input."""
    row = conn.execute(f"SELECT data FROM {table} WHERE {where}", params).fetchone()
    if row is None:
        return None
    try:
        return decode(row[0])
    except damaged:
        conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        return None
