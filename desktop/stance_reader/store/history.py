"""Reading history in SQLite: documents by content hash, corrections, analysis cache.

Everything is keyed by the SHA-256 of the file's bytes, so a moved or renamed file keeps
its history and corrections. WAL mode, a busy timeout and retries let two windows (or two
first starts) write at once. Only a file that is not a database or fails its integrity
check is set aside; any other error (locked, disk I/O, full disk, read-only) is reported
once through `on_problem` and as a StoreError, and the file is left as it is.
The schema version lives in PRAGMA user_version as major * 1000 + minor: an older version
is migrated, a newer major one is refused (a newer Stance Reader wrote it).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, TypeVar

from stance_reader.core.analysis import CORRECTION_FIELDS, Analysis, Correction, PipelineInfo
from stance_reader.errors import AnalysisFileError, StoreError
from stance_reader.store.cached_blobs import read_cached
from stance_reader.store.db_errors import kind, reason, retry_busy

F = TypeVar("F", bound=Callable[..., Any])

MAJOR, MINOR = 1, 1
VERSION = MAJOR * 1000 + MINOR
CACHE_LIMIT_BYTES = 200 * 1024 * 1024
BUSY_TIMEOUT_S = 5.0  # per statement; with the retries, a start never waits more than ~15 s

SCHEMA_V1_0 = """
CREATE TABLE documents (sha256 TEXT PRIMARY KEY, last_path TEXT, title TEXT,
  first_opened TEXT NOT NULL, last_opened TEXT NOT NULL, times_opened INTEGER NOT NULL DEFAULT 0,
  scroll REAL NOT NULL DEFAULT 0);
CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 TEXT NOT NULL,
  target TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT, at TEXT NOT NULL,
  by TEXT NOT NULL DEFAULT 'person');
CREATE INDEX corrections_sha ON corrections(sha256);
"""
MIGRATE_TO_1_1 = """
ALTER TABLE documents ADD COLUMN layers TEXT;
ALTER TABLE documents ADD COLUMN speaker TEXT;
CREATE TABLE cache (sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, data BLOB NOT NULL,
  size INTEGER NOT NULL, last_used REAL NOT NULL, PRIMARY KEY (sha256, pipeline));
CREATE TABLE session (position INTEGER PRIMARY KEY, path TEXT NOT NULL);
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def pipeline_key(p: PipelineInfo) -> str:
    """The one cache key of an analysis pipeline: an entry serves only the same model and
    program versions (`documents.service.current_pipeline` gives today's), and the same
    analysis code and data (`analysis_fingerprint`)."""
    from stance_reader.core.fingerprint import analysis_fingerprint

    return (f"{p.model}@{p.model_version}/stance-reader@{p.project_version}"
            f"+{analysis_fingerprint()}")


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    sha256: str
    last_path: str | None
    title: str | None
    first_opened: str
    last_opened: str
    times_opened: int
    scroll: float
    layers: dict[str, Any] | None
    speaker: str | None
    corrections: int = 0

    @property
    def exists(self) -> bool:
        return bool(self.last_path) and Path(self.last_path).exists()  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "path": self.last_path, "title": self.title,
                "exists": self.exists, "first_opened": self.first_opened,
                "last_opened": self.last_opened, "times_opened": self.times_opened,
                "corrections": self.corrections}


class HistoryDamaged(Exception):
    """The file is not a database or fails its integrity check: it may be set aside."""


def _intact(path: Path) -> bool:
    """False only when SQLite itself says the file is damaged (when unsure: intact)."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return kind(exc) not in ("NOTADB", "CORRUPT")


def _guarded(method: F) -> F:
    """One caller at a time (the analysis thread reads the cache), retried while the
    database is busy, any SQLite error reported once and raised as StoreError."""
    @functools.wraps(method)
    def run(self: History, *args: Any, **kwargs: Any) -> Any:
        def attempt() -> Any:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error:
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise
        with self._lock:
            try:
                return retry_busy(attempt)
            except sqlite3.Error as exc:
                raise self._problem(exc) from exc
    return run  # type: ignore[return-value]


class History:
    """The SQLite history; open with `History.open(path)` (which migrates or recovers)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._reported: set[str] = set()
        # Told once per kind of problem (full disk, I/O error…): the window shows it.
        self.on_problem: Callable[[str], None] | None = None

    def _problem(self, exc: sqlite3.Error) -> StoreError:
        message = (f"The history at {self.path} could not be used: {reason(exc)}. Reading "
                   "goes on; recent files, positions and corrections are not kept until "
                   "this is fixed.")
        if kind(exc) not in self._reported:
            self._reported.add(kind(exc))
            if self.on_problem is not None:
                self.on_problem(message)
        return StoreError(message)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating or migrating), waiting while another process holds it. Raises
        HistoryDamaged for a file to set aside, StoreError for anything else."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"the history at {path} cannot be opened: "
                             f"{exc.strerror or exc}") from exc
        try:
            return retry_busy(lambda: cls._connect(path))
        except sqlite3.Error as exc:
            if kind(exc) == "NOTADB" or (kind(exc) == "CORRUPT" and not _intact(path)):
                raise HistoryDamaged(reason(exc)) from exc
            raise StoreError(f"the history at {path} cannot be used: {reason(exc)}") from exc

    @classmethod
    def _connect(cls, path: Path) -> History:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version // 1000 > MAJOR:
                raise StoreError(f"the history at {path} was written by a newer Stance Reader "
                                 f"(schema {version // 1000}.{version % 1000}); update the "
                                 "program or clear the history")
            cls._migrate(conn, version)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _migrate(conn: sqlite3.Connection, version: int) -> None:
        if version == VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process?
            if version == 0:
                for stmt in SCHEMA_V1_0.strip().split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                version = 1000
            if version == 1000:
                for stmt in MIGRATE_TO_1_1.strip().split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                version = 1001
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._conn.close()

    # -- documents -----------------------------------------------------------------------
    @_guarded
    def record_open(self, sha256: str, path: str | None, title: str | None) -> None:
        stamp = now()
        self._conn.execute(
            "INSERT INTO documents (sha256, last_path, title, first_opened, last_opened, "
            "times_opened) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(sha256) DO UPDATE SET "
            "last_path = COALESCE(excluded.last_path, last_path), "
            "title = COALESCE(excluded.title, title), last_opened = excluded.last_opened, "
            "times_opened = times_opened + 1", (sha256, path, title, stamp, stamp))

    @_guarded
    def get(self, sha256: str) -> DocumentRecord | None:
        rows = self._documents("WHERE d.sha256 = ?", (sha256,))
        return rows[0] if rows else None

    def _documents(self, where: str, args: tuple[Any, ...], limit: int | None = None
                   ) -> list[DocumentRecord]:
        sql = ("SELECT d.sha256, d.last_path, d.title, d.first_opened, d.last_opened, "
               "d.times_opened, d.scroll, d.layers, d.speaker, "
               "(SELECT COUNT(*) FROM corrections c WHERE c.sha256 = d.sha256) "
               f"FROM documents d {where} ORDER BY d.last_opened DESC, d.rowid DESC")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        out = []
        for r in self._conn.execute(sql, args):
            layers = None
            if r[7]:
                try:
                    layers = json.loads(r[7])
                except ValueError:
                    layers = None
            out.append(DocumentRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], layers, r[8], r[9]))
        return out

    @_guarded
    def recent(self, limit: int = 10) -> list[DocumentRecord]:
        return self._documents("", (), limit)

    @_guarded
    def set_view_state(self, sha256: str, *, scroll: float | None = None,
                       layers: dict[str, Any] | None = None, speaker: str | None = None) -> None:
        self._conn.execute(
            "UPDATE documents SET scroll = COALESCE(?, scroll), layers = COALESCE(?, layers), "
            "speaker = ? WHERE sha256 = ?",
            (scroll, json.dumps(layers) if layers is not None else None, speaker, sha256))

    @_guarded
    def remove(self, sha256: str) -> None:
        with self._conn:
            self._conn.execute("BEGIN")
            for table in ("documents", "corrections", "cache"):
                self._conn.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha256,))

    @_guarded
    def clear(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        for table in ("documents", "corrections", "cache", "session"):
            self._conn.execute(f"DELETE FROM {table}")
        self._conn.execute("COMMIT")
        self._conn.execute("VACUUM")

    # -- corrections ---------------------------------------------------------------------
    @_guarded
    def add_correction(self, sha256: str, c: Correction) -> None:
        self._conn.execute(
            "INSERT INTO corrections (sha256, target, field, old, new, at, by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sha256, c.target, c.field, json.dumps(c.old), json.dumps(c.new), c.at, c.by))

    @_guarded
    def corrections_for(self, sha256: str) -> list[Correction]:
        """The corrections kept for this content, oldest first (a kind this version does
        not know, written by a newer one, is left out)."""
        return [Correction(t, f, json.loads(o), json.loads(n), at, by) for t, f, o, n, at, by in
                self._conn.execute("SELECT target, field, old, new, at, by FROM corrections "
                                   "WHERE sha256 = ? ORDER BY id", (sha256,))
                if f in CORRECTION_FIELDS]

    # -- analysis cache ------------------------------------------------------------------
    @_guarded
    def cache_put(self, analysis: Analysis) -> None:
        blob = zlib.compress(analysis.to_json(indent=None).encode("utf-8"), 6)
        self._conn.execute(
            "INSERT OR REPLACE INTO cache (sha256, pipeline, data, size, last_used) "
            "VALUES (?, ?, ?, ?, ?)",
            (analysis.source.sha256, pipeline_key(analysis.pipeline), blob, len(blob), time.time()))
        self._evict()

    @_guarded
    def cache_get(self, sha256: str, key: str) -> Analysis | None:
        analysis = read_cached(
            self._conn, "cache", "sha256 = ? AND pipeline = ?", (sha256, key),
            lambda data: Analysis.from_json(zlib.decompress(data).decode("utf-8")),
            (zlib.error, UnicodeDecodeError, AnalysisFileError))
        if analysis is None:
            return None
        self._conn.execute("UPDATE cache SET last_used = ? WHERE sha256 = ? AND pipeline = ?",
                           (time.time(), sha256, key))
        return analysis

    def _evict(self) -> None:
        total = self._conn.execute("SELECT COALESCE(SUM(size), 0) FROM cache").fetchone()[0]
        while total > CACHE_LIMIT_BYTES:
            row = self._conn.execute(
                "SELECT sha256, pipeline, size FROM cache ORDER BY last_used LIMIT 1").fetchone()
            if row is None:
                break
            self._conn.execute("DELETE FROM cache WHERE sha256 = ? AND pipeline = ?", row[:2])
            total -= row[2]

    # -- session -------------------------------------------------------------------------
    @_guarded
    def set_session(self, paths: list[str]) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        self._conn.execute("DELETE FROM session")
        self._conn.executemany("INSERT INTO session (position, path) VALUES (?, ?)",
                               list(enumerate(paths)))
        self._conn.execute("COMMIT")

    @_guarded
    def session(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT path FROM session ORDER BY position")]


class NullHistory:
    """The same API, keeping nothing: history switched off, or its folder unusable."""

    on_problem: Callable[[str], None] | None = None

    def record_open(self, *a: Any, **k: Any) -> None: ...
    def get(self, sha256: str) -> None: return None
    def recent(self, limit: int = 10) -> list[DocumentRecord]: return []
    def set_view_state(self, *a: Any, **k: Any) -> None: ...
    def remove(self, sha256: str) -> None: ...
    def clear(self) -> None: ...
    def add_correction(self, *a: Any, **k: Any) -> None: ...
    def corrections_for(self, sha256: str) -> list[Correction]: return []
    def cache_put(self, analysis: Analysis) -> None: ...
    def cache_get(self, sha256: str, key: str) -> None: return None
    def set_session(self, paths: list[str]) -> None: ...
    def session(self) -> list[str]: return []
    def close(self) -> None: ...


def open_history(path: Path, enabled: bool = True) -> tuple[History | NullHistory, list[str]]:
    """The history, or NullHistory with notices for the user; never raises for the
    environment. Only a damaged file is moved aside (to `<name>.corrupt-<time>`)."""
    if not enabled:
        return NullHistory(), []
    try:
        return History.open(path), []
    except StoreError as exc:
        return NullHistory(), [f"History is off for this session: {exc}"]
    except HistoryDamaged as exc:
        damage = str(exc)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    except OSError as move_exc:
        return NullHistory(), [f"History is off: {path} is damaged and could not be "
                               f"moved aside ({move_exc})"]
    notice = (f"The history file was damaged ({damage}); it was moved to {aside.name} and a "
              "new one was started.")
    try:
        return History.open(path), [notice]
    except (StoreError, HistoryDamaged) as exc:
        return NullHistory(), [notice, f"History is off for this session: {exc}"]
