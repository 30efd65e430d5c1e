"""Save Annotated Copy: never onto an input (a reopened copy, a link), off the GUI thread."""

from __future__ import annotations

import os
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from stance_reader import export
from tests.conftest import SAMPLE
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.model]


@pytest.fixture
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("stance_reader.ui.window_saving.show_error",
                        lambda parent, exc, path=None: shown.append(str(exc)))
    return shown


def _choose(monkeypatch, path, description="Annotated web page (*.html)"):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("stance_reader.ui.window_saving.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(path), description))


def test_a_reopened_copy_is_never_saved_onto_itself(qtbot, make_window, sample_analysis, tmp_path, monkeypatch, errors) -> None:  # type: ignore[no-untyped-def]
    copy = export.write(sample_analysis, "html", tmp_path / "story.annotated.html")
    before = copy.read_bytes()
    w = make_window()
    open_and_wait(qtbot, w, copy)
    monkeypatch.setattr("stance_reader.ui.window_saving.QMessageBox.question",
                        lambda *a, **k: pytest.fail("asked to replace an input"))
    _choose(monkeypatch, copy)
    w.save_annotated_copy()
    assert errors and "never overwrites an input" in errors[0]
    w.save_pool.waitForDone(10_000)
    assert copy.read_bytes() == before


def test_a_hard_link_to_the_article_is_refused(qtbot, make_window, tmp_path, monkeypatch, errors) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "story.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "looks-new.html"
    os.link(article, link)
    w = make_window()
    open_and_wait(qtbot, w, article)
    _choose(monkeypatch, link)
    monkeypatch.setattr("stance_reader.ui.window_saving.QMessageBox.question",
                        lambda *a, **k: pytest.fail("asked to replace an input"))
    w.save_annotated_copy()
    assert errors and "same file as the input" in errors[0]
    assert article.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_saving_runs_off_the_gui_thread(qtbot, make_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    threads: list[threading.Thread] = []
    real = export.render_bytes

    def slow(analysis, fmt):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        time.sleep(1.5)
        return real(analysis, fmt)

    monkeypatch.setattr(export, "render_bytes", slow)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    out = tmp_path / "copy.pdf"
    started = time.monotonic()
    with qtbot.waitSignal(w.copy_saved, timeout=60_000):
        assert w.write_copy(tab.analysis, "pdf", out)
        assert time.monotonic() - started < 0.5  # returned at once
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) >= 10  # the event loop kept running while the copy was written
    assert out.read_bytes().startswith(b"%PDF")
