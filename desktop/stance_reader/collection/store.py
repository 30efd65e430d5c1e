"""The collection record cache and the merges a person confirmed across articles.

Beside the analysis cache (history.py), which keeps whole analyses for the reader, this
SQLite file keeps each article's `ArticleRecord` (a few KB: counts and quote rows, no
text), so a collection of hundreds of analysed articles reopens without parsing a single
analysis. Records are keyed by the file's SHA-256 and a key naming the pipeline and the
person's corrections, so a new model or a new correction makes a new record.
Confirmed merges ("Chiu" is "Chiu Kuo-cheng") are kept by normalised name.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path


from stance_reader.collection.record import ArticleRecord
from stance_reader.errors import StoreError
from stance_reader.store.cached_blobs import read_cached

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (sha256 TEXT NOT NULL, key TEXT NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY (sha256, key));
CREATE TABLE IF NOT EXISTS aliases (name TEXT PRIMARY KEY, into_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
"""
VERSION = 1


class RecordStore:
    """Open with `RecordStore.open(path)`; every method is safe to call from one thread
    at a time (the collection job's thread, or the command line)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, path: Path) -> RecordStore:
        """Raises StoreError when the file cannot be used (a damaged one is started anew)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None,
                                   check_same_thread=False)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > VERSION:
                    raise StoreError(f"the collection cache at {path} was written by a newer "
                                     "Stance Reader; update the program")
                conn.executescript(SCHEMA)
                conn.execute(f"PRAGMA user_version = {VERSION}")
            except sqlite3.DatabaseError:
                conn.close()
                raise
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                path.unlink(missing_ok=True)  # only derived data lives here: start again
                return cls.open(path)
            raise StoreError(f"the collection cache at {path} cannot be opened: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the collection cache at {path} cannot be opened: {exc}") from exc
        return cls(conn)

    def get(self, sha256: str, key: str) -> ArticleRecord | None:
        return read_cached(
            self._conn, "records", "sha256 = ? AND key = ?", (sha256, key),
            lambda data: ArticleRecord.from_dict(json.loads(zlib.decompress(data))),
            (zlib.error, ValueError, KeyError, TypeError, IndexError, AttributeError))

    def file_sha256(self, path: str) -> str:
        """The SHA-256 of a file's bytes, remembered by path, size and modification time
        (as git's index does): reopening a collection does not read every article again.
        Raises OSError when the file cannot be read."""
        st = os.stat(path)
        row = self._conn.execute("SELECT size, mtime_ns, sha256 FROM files WHERE path = ?",
                                 (path,)).fetchone()
        if row is not None and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            return str(row[2])
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        self._conn.execute("INSERT OR REPLACE INTO files (path, size, mtime_ns, sha256) "
                           "VALUES (?, ?, ?, ?)", (path, st.st_size, st.st_mtime_ns, sha))
        return sha

    def has(self, sha256: str, key: str) -> bool:
        return self._conn.execute("SELECT 1 FROM records WHERE sha256 = ? AND key = ?",
                                  (sha256, key)).fetchone() is not None

    def put(self, record: ArticleRecord, key: str) -> None:
        blob = zlib.compress(json.dumps(record.to_dict(), ensure_ascii=False).encode(), 6)
        self._conn.execute("INSERT OR REPLACE INTO records (sha256, key, data) VALUES (?, ?, ?)",
                           (record.sha256, key, blob))

    def aliases(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT name, into_name FROM aliases"))

    def confirm_merge(self, name: str, into: str) -> None:
        from stance_reader.collection.aggregate import normalise

        self._conn.execute("INSERT OR REPLACE INTO aliases (name, into_name) VALUES (?, ?)",
                           (normalise(name), into))

    def forget_merge(self, name: str) -> None:
        from stance_reader.collection.aggregate import normalise

        self._conn.execute("DELETE FROM aliases WHERE name = ?", (normalise(name),))

    def clear(self) -> None:
        self._conn.execute("DELETE FROM records")
        self._conn.execute("DELETE FROM files")

    def close(self) -> None:
        self._conn.close()


class NullRecordStore:
    """Keeps nothing (history switched off, or the folder unusable)."""

    def get(self, sha256: str, key: str) -> None: return None
    def has(self, sha256: str, key: str) -> bool: return False
    def put(self, record: ArticleRecord, key: str) -> None: ...
    def aliases(self) -> dict[str, str]: return {}
    def confirm_merge(self, name: str, into: str) -> None: ...
    def forget_merge(self, name: str) -> None: ...
    def clear(self) -> None: ...
    def close(self) -> None: ...

    def file_sha256(self, path: str) -> str:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def open_records(path: Path, enabled: bool = True) -> tuple[RecordStore | NullRecordStore, str | None]:
    """The store, or a NullRecordStore and the reason (never raises)."""
    if not enabled:
        return NullRecordStore(), None
    try:
        return RecordStore.open(path), None
    except StoreError as exc:
        return NullRecordStore(), str(exc)


