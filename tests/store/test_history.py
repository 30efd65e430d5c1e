"""History: documents by content hash, corrections, cache, recovery, concurrency, migration."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from stance_reader.core import corrections
from stance_reader.store.history import (
    VERSION, History, NullHistory, SCHEMA_V1_0, open_history, pipeline_key)


def test_documents_keyed_by_content_survive_moves(tmp_path: Path) -> None:
    h, notices = open_history(tmp_path / "h.db")
    assert notices == [] and isinstance(h, History)
    h.record_open("sha-a", str(tmp_path / "a.txt"), "A story")
    h.set_view_state("sha-a", scroll=0.4, layers={"tone": False}, speaker="s2")
    h.record_open("sha-a", str(tmp_path / "moved" / "a-renamed.txt"), None)
    doc = h.get("sha-a")
    assert doc is not None and doc.times_opened == 2 and doc.title == "A story"
    assert doc.last_path.endswith("a-renamed.txt") and not doc.exists  # type: ignore[union-attr]
    assert (doc.scroll, doc.layers, doc.speaker) == (0.4, {"tone": False}, "s2")
    h.remove("sha-a")
    assert h.recent() == []


def test_corrections_and_cache_round_trip(tmp_path: Path, sample_analysis) -> None:  # type: ignore[no-untyped-def]
    h, _ = open_history(tmp_path / "h.db")
    edited = corrections.set_tone(sample_analysis, "q1", "negative")
    for c in edited.corrections:
        h.add_correction(sample_analysis.source.sha256, c)
    assert h.corrections_for(sample_analysis.source.sha256) == list(edited.corrections)
    h.cache_put(sample_analysis)
    assert h.cache_get(sample_analysis.source.sha256, pipeline_key(sample_analysis.pipeline)) == sample_analysis
    assert h.cache_get(sample_analysis.source.sha256, "other-model@1/stance-reader@9") is None


def test_corrupt_database_is_moved_aside_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    db.write_bytes(b"this is not a database at all" * 100)
    h, notices = open_history(db)
    assert isinstance(h, History) and len(notices) == 1 and "moved" in notices[0]
    assert any(p.name.startswith("h.db.corrupt-") for p in tmp_path.iterdir())
    h.record_open("x", None, None)
    assert len(h.recent()) == 1


def test_unusable_folder_gives_a_message_and_no_history(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    h, notices = open_history(blocker / "data" / "h.db")
    assert isinstance(h, NullHistory) and notices and "History is off" in notices[0]
    h.record_open("x", None, None)  # the app keeps running without history
    assert h.recent() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        h, notices = open_history(folder / "h.db")
        assert isinstance(h, NullHistory) and notices
    finally:
        folder.chmod(0o700)


def test_disabled_history_keeps_nothing(tmp_path: Path) -> None:
    h, notices = open_history(tmp_path / "h.db", enabled=False)
    assert isinstance(h, NullHistory) and notices == [] and not (tmp_path / "h.db").exists()


def _writer(db: str, worker: int) -> None:
    h = History.open(Path(db))
    for i in range(150):
        h.record_open(f"doc-{worker}-{i}", f"/tmp/{worker}/{i}.txt", None)
        h.record_open("shared", "/tmp/shared.txt", None)
    h.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "h.db")
    History.open(Path(db)).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db, w)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    h = History.open(Path(db))
    assert len(h.recent(limit=1000)) == 301
    assert h.get("shared").times_opened == 300  # type: ignore[union-attr]


def test_migration_from_the_first_schema_version(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(SCHEMA_V1_0)
    conn.execute("INSERT INTO documents VALUES ('old', '/a.txt', 'Old', '2020-01-01', "
                 "'2020-01-02', 3, 0.5)")
    conn.execute("INSERT INTO corrections (sha256, target, field, old, new, at) VALUES "
                 "('old', 'q1', 'tone', '\"neutral\"', '\"negative\"', '2020-01-02')")
    conn.execute("PRAGMA user_version = 1000")
    conn.commit()
    conn.close()
    h = History.open(db)
    doc = h.get("old")
    assert doc is not None and doc.times_opened == 3 and doc.corrections == 1
    h.set_view_state("old", layers={"cues": False}, speaker="s1")
    assert h.get("old").layers == {"cues": False}  # type: ignore[union-attr]
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_newer_major_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 2000")
    conn.close()
    h, notices = open_history(db)
    assert isinstance(h, NullHistory) and "newer Stance Reader" in notices[0]


def test_cache_key_changes_with_the_analysis_code(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An analysis cached by another build of the same version is never served."""
    from stance_reader.core import fingerprint
    from stance_reader.core.analysis import PipelineInfo

    info = PipelineInfo("en_core_web_sm", "3.8.0", "0.1.0")
    today = pipeline_key(info)
    monkeypatch.setattr(fingerprint, "analysis_fingerprint", lambda: "000000000000")
    assert pipeline_key(info) != today
