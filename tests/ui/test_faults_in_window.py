"""The window under faults (issue #11, problems 4, 5, 7): notices reach the window, a
file that never answers neither hangs start-up nor quit."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from stance_reader.core import timelimit
from stance_reader.errors import Cancelled, StoreError
from stance_reader.store import history as history_module
from stance_reader.store.history import History
from stance_reader.store.paths import user_paths

pytestmark = pytest.mark.gui


def _start_app(home: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STANCE_READER_EXIT_AFTER_SHOW": "1",
           "STANCE_READER_HOME": str(home)}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "stance_reader", *args], capture_output=True,
                          text=True, env=env, timeout=60)
    return done, time.monotonic() - start


def test_settings_reset_notice_reaches_the_window(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_bytes(b'{"theme": "dark", \xff')
    done, _ = _start_app(tmp_path)
    assert done.returncode == 0 and "window-shown" in done.stdout, done.stderr[-1000:]
    log = (tmp_path / "log" / "stance-reader.log").read_text(encoding="utf-8")
    assert "The settings file was damaged" in log and "settings.json.corrupt-" in log
    assert [p.name for p in (tmp_path / "config").iterdir()
            if p.name.startswith("settings.json.corrupt-")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_fifo_in_the_saved_session_never_hangs_start_or_quit(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    db = tmp_path / "data" / "history.sqlite3"
    History.open(db).set_session([str(fifo)])
    try:
        done, seconds = _start_app(tmp_path)
    finally:
        try:  # release a reader an older build would leave blocked
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    assert done.returncode == 0 and "window-shown" in done.stdout, done.stderr[-1000:]
    assert seconds < 30


def _blocked(path: str) -> None:
    threading.Event().wait()  # a read that never returns (a hung network drive)


def test_a_load_that_never_returns_times_out_or_is_cancelled(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.worker import AnalysisJob

    monkeypatch.setattr(timelimit, "LOAD_SECONDS", 0.3)
    class HungDrive:
        load = staticmethod(_blocked)

    job = AnalysisJob(HungDrive(), "/net/share/article.txt")  # type: ignore[arg-type]
    failures: list[BaseException] = []
    job.signals.failed.connect(failures.append)
    start = time.monotonic()
    job.run()
    assert time.monotonic() - start < 5
    assert len(failures) == 1 and isinstance(failures[0], timelimit.TimedOut)
    assert "could not be read within" in str(failures[0])
    token = job.cancel_token
    token.cancel()
    with pytest.raises(Cancelled):
        timelimit.call_with_time_limit(_blocked, "x", seconds=60, cancel=token)


def test_history_problems_are_shown_once_in_the_window(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    db = user_paths().history_db
    History.open(db).record_open("kept", "/a.txt", "Kept")
    real_connect = sqlite3.connect
    monkeypatch.setattr(history_module.sqlite3, "connect",  # the home turned read-only
                        lambda path, **k: real_connect(f"file:{path}?mode=ro", uri=True, **k))
    window = make_window()
    errors: list[BaseException] = []

    def write_from_the_analysis_thread() -> None:
        for _ in range(3):
            try:
                window.history.record_open("new", "/b.txt", None)
            except StoreError as exc:
                errors.append(exc)

    worker = threading.Thread(target=write_from_the_analysis_thread)
    worker.start()
    worker.join(30)
    qtbot.waitUntil(lambda: "read-only" in window.statusBar().currentMessage(), timeout=5000)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(errors) == 3 and len(boxes) == 1 and "read-only" in boxes[0].text()
    assert window.history.get("kept") is not None  # nothing was moved or lost
