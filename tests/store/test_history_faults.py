"""History under faults (issue #11, problem 4): only a damaged file is set aside; locked,
I/O errors, a full disk and a read-only home are reported once and nothing is lost."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from stance_reader.errors import StoreError
from stance_reader.store import db_errors
from stance_reader.store import history as history_module
from stance_reader.store.history import History, NullHistory, open_history


def _first_start(db: str, worker: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    barrier.wait()
    h, notices = open_history(Path(db))
    for i in range(20):
        h.record_open(f"doc-{worker}-{i}", None, None)
        h.add_correction(f"doc-{worker}-{i}", _correction())
    results.put((worker, notices, type(h).__name__))
    h.close()


def _correction():  # type: ignore[no-untyped-def]
    from stance_reader.core.analysis import Correction
    return Correction("q1", "tone", "neutral", "negative", "2026-01-01T00:00:00+00:00", "person")


def test_simultaneous_first_starts_share_one_history(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = 4
    for round_ in range(3):
        db = tmp_path / f"round{round_}" / "history.sqlite3"
        barrier, results = ctx.Barrier(workers), ctx.Queue()
        procs = [ctx.Process(target=_first_start, args=(str(db), w, barrier, results))
                 for w in range(workers)]
        for p in procs:
            p.start()
        reports = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        assert all(notices == [] and kind == "History" for _, notices, kind in reports), reports
        assert not [p for p in db.parent.iterdir() if ".corrupt-" in p.name]
        h = History.open(db)
        assert len(h.recent(limit=1000)) == workers * 20  # no write lost
        assert all(len(h.corrections_for(f"doc-{w}-{i}")) == 1
                   for w in range(workers) for i in range(20))
        h.close()


class _Failing(sqlite3.Connection):
    """A connection whose statements starting with `failing` raise `error`."""

    failing = ""
    error = sqlite3.OperationalError("disk I/O error")

    def execute(self, sql: str, *args):  # type: ignore[no-untyped-def,override]
        if _Failing.failing and sql.startswith(_Failing.failing):
            raise _Failing.error
        return super().execute(sql, *args)


def _fail_with(monkeypatch: pytest.MonkeyPatch, statement: str, message: str) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(_Failing, "failing", statement)
    monkeypatch.setattr(_Failing, "error", sqlite3.OperationalError(message))
    monkeypatch.setattr(history_module.sqlite3, "connect",
                        lambda *a, **k: real_connect(*a, **k, factory=_Failing))
    monkeypatch.setattr(db_errors, "BUSY_PAUSE_S", 0.01)


def _history_with_a_document(db: Path) -> None:
    h = History.open(db)
    h.record_open("kept", "/a.txt", "Kept story")
    h.add_correction("kept", _correction())
    h.close()


@pytest.mark.parametrize("message, words", [
    ("disk I/O error", "input/output error"), ("database is locked", "another Stance Reader"),
    ("attempt to write a readonly database", "read-only")])
def test_errors_at_start_are_reported_and_nothing_is_moved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str, words: str) -> None:
    db = tmp_path / "h.db"
    _history_with_a_document(db)
    _fail_with(monkeypatch, "PRAGMA journal_mode", message)
    h, notices = open_history(db)
    assert isinstance(h, NullHistory) and len(notices) == 1 and words in notices[0]
    assert sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name) == []
    monkeypatch.undo()
    h, notices = open_history(db)
    assert notices == [] and h.get("kept").corrections == 1  # type: ignore[union-attr]


def test_a_full_disk_is_reported_once_and_earlier_history_stays(tmp_path: Path,
                                                                sample_analysis) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "h.db"
    _history_with_a_document(db)
    h, _ = open_history(db)
    told: list[str] = []
    h.on_problem = told.append
    h._conn.execute("PRAGMA max_page_count = 12")  # type: ignore[union-attr]  # the disk fills
    failures = 0
    for i in range(30):
        try:
            h.cache_put(sample_analysis.with_changes(source=sample_analysis.source.__class__(
                None, f"sha-{i}", "txt")))
        except StoreError as exc:
            failures += 1
            assert "the disk is full" in str(exc)
    assert failures and len(told) == 1 and "disk is full" in told[0]
    h.close()
    h, notices = open_history(db)
    assert notices == [] and h.get("kept") is not None
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_read_only_home_is_reported_once_when_writing(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "h.db"
    _history_with_a_document(db)
    real_connect = sqlite3.connect
    monkeypatch.setattr(history_module.sqlite3, "connect",  # the OS refuses every write
                        lambda path, **k: real_connect(f"file:{path}?mode=ro", uri=True, **k))
    h, notices = open_history(db)
    assert isinstance(h, History) and notices == []
    assert h.get("kept") is not None  # reading still works
    told: list[str] = []
    h.on_problem = told.append
    for _ in range(3):
        with pytest.raises(StoreError, match="read-only"):
            h.record_open("new", "/b.txt", None)
    assert len(told) == 1 and "read-only" in told[0]


def test_a_damaged_file_is_still_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    _history_with_a_document(db)
    data = bytearray(db.read_bytes())
    data[0:16] = b"garbage garbage!"
    db.write_bytes(bytes(data))
    h, notices = open_history(db)
    assert isinstance(h, History) and "moved" in notices[0]
    assert [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


@pytest.mark.model
def test_the_command_line_reports_a_read_only_history_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, nlp) -> None:  # type: ignore[no-untyped-def]
    from stance_reader import cli
    from stance_reader.store.paths import user_paths
    from tests.conftest import SAMPLE

    _history_with_a_document(user_paths().history_db)
    real_connect = sqlite3.connect
    monkeypatch.setattr(history_module.sqlite3, "connect",  # the OS refuses every write
                        lambda path, **k: real_connect(f"file:{path}?mode=ro", uri=True, **k))
    copies = [tmp_path / f"a{i}.txt" for i in range(2)]
    for i, copy in enumerate(copies):
        copy.write_text(SAMPLE.read_text(encoding="utf-8") + "\n" * (i + 1), encoding="utf-8")
    code = cli.main(["annotate", *map(str, copies), "--format", "json", "--output-dir",
                     str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0, err
    assert err.count("stance-reader: The history at") == 1 and "read-only" in err
