"""The collection tab, driven like a person would: open a folder, watch it fill, read the
voices and charts, click through to a quotation, export, merge, reopen from the cache.

The articles are analysed by the real pipeline, in the test process (a fake runner in
place of the worker processes, so nothing is spawned)."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent

from stance_reader.collection.pool import run_local
from stance_reader.ui.collection_tab import CollectionTab
from tests.collection.articles import write_collection

pytestmark = [pytest.mark.gui, pytest.mark.model]


class Runner:
    """Analyses in this process, counting articles; can hold each one until released."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.analysed: list[str] = []
        self.gate = gate

    def __call__(self, paths, *, jobs, model, cancel):  # type: ignore[no-untyped-def]
        for outcome in run_local(paths, jobs=1, model=model, cancel=cancel):
            self.analysed.append(outcome.path)
            if self.gate is not None:
                self.gate.wait(30)
            yield outcome


def _open(qtbot, window, folder: Path) -> CollectionTab:  # type: ignore[no-untyped-def]
    """Open a folder and wait until its collection is done; progress seen on the way."""
    tab = window.open_path(str(folder))
    assert isinstance(tab, CollectionTab)
    progress: list[tuple[int, int]] = []
    tab.progressed.connect(lambda d, t: progress.append((d, t)))
    if tab.job is not None:
        with qtbot.waitSignal(tab.done, timeout=120_000) as blocker:
            pass
        assert blocker.args == ["finished"]
    tab.progress_seen = progress  # type: ignore[attr-defined]
    return tab


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[Exception]:
    """A failure must fail the test, not wait on a modal dialog nobody will close."""
    shown: list[Exception] = []

    def fail(parent, exc, path=None):  # type: ignore[no-untyped-def]
        shown.append(exc)
        raise AssertionError(f"error dialog: {exc}")
    monkeypatch.setattr("stance_reader.ui.collection_actions.show_error", fail)
    return shown


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    write_collection(tmp_path / "news")
    return tmp_path / "news"


def test_open_folder_lists_articles_voices_and_charts(qtbot, qtmodeltester, make_window, collection) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    runner = Runner()
    w.collections.run = runner
    tab = _open(qtbot, w, collection)
    qtmodeltester.check(tab.articles)
    qtmodeltester.check(tab.voices)
    assert w.tabs.currentWidget() is tab and "news" in w.tabs.tabText(w.tabs.currentIndex())
    assert tab.articles.rowCount() == 3 and len(runner.analysed) == 3
    assert tab.progress_seen[-1] == (3, 3)  # type: ignore[attr-defined]
    assert not tab.progress.isVisible() and not tab.cancel_button.isVisible()
    titles = [tab.articles.index(r, 0).data() for r in range(3)]
    assert "Harbour plan divides town" in titles and "Ministers argue over budget" in titles
    outlets = [tab.articles.index(r, 2).data() for r in range(3)]
    assert "The Valley Courier" in outlets
    wells = next(v for v in tab.voices.voices if v.key == "tom wells")
    assert wells.articles == 3
    # the share-of-voice chart draws the first voice's bar in its colour
    chart = tab.share_chart
    assert [b.key for b in chart.bars] == [v.key for v in tab.voices.voices][:len(chart.bars)]
    image = chart.grab().toImage()
    first = tab.voices.voices[0]
    hue = QColor(tab.voices.colors[first.key])
    y = 26 + 22 // 2
    xs = range(int(16 + min(180, chart.width() * 0.34)) + 2, chart.width() - 60)
    assert any(image.pixelColor(x, y) == hue for x in xs)
    assert tab.timeline.points  # the dated articles
    assert "news — 3 articles" in tab.heading.text()


def test_click_a_voice_then_a_quotation_opens_the_article_there(qtbot, make_window, collection) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.collections.run = Runner()
    tab = _open(qtbot, w, collection)
    row = next(i for i, v in enumerate(tab.voices.voices) if v.key == "tom wells")
    rect = tab.voice_view.visualRect(tab.voices.index(row, 0))
    qtbot.mouseClick(tab.voice_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_voice == "tom wells"
    assert tab.quote_list.count() >= 3 and "Tom Wells" in tab.quotes_label.text()
    item = next(tab.quote_list.item(i) for i in range(tab.quote_list.count())
                if "waste of money" in tab.quote_list.item(i).text())
    path, quote_id = item.data(Qt.ItemDataRole.UserRole + 5)
    with qtbot.waitSignal(w.document_ready, timeout=120_000):
        tab.quote_list.itemDoubleClicked.emit(item)
    doc = w.current_tab()
    assert doc is not None and doc.path == path
    qtbot.waitUntil(lambda: doc.view.text.textCursor().hasSelection(), timeout=10_000)
    cursor = doc.view.text.textCursor()
    target = next(x for x in (*doc.analysis.quotes, *doc.analysis.reported) if x.id == quote_id)
    assert "waste of money" in doc.analysis.text[target.start:target.end]
    assert cursor.selectionStart() <= target.start + 1 and cursor.selectedText()


def test_cancel_stops_and_reopening_uses_the_cache(qtbot, make_window, collection) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    w = make_window()
    runner = Runner(gate)
    w.collections.run = runner
    tab = w.open_path(str(collection))
    qtbot.waitUntil(lambda: len(runner.analysed) == 1, timeout=60_000)
    assert tab.cancel_button.isVisible()
    with qtbot.waitSignal(tab.done, timeout=60_000) as blocker:
        tab.cancel_button.click()
        gate.set()
    done = tab.articles.rowCount()
    assert blocker.args == ["cancelled"] and done < 3
    w.close_tab(w.tabs.indexOf(tab))
    first = Runner()
    w.collections.run = first
    _open(qtbot, w, collection)
    assert len(first.analysed) == 3 - done  # only what had not been done
    again = Runner()
    w.collections.run = again
    w.close_tab(w.tabs.currentIndex())
    tab3 = _open(qtbot, w, collection)
    assert again.analysed == [] and all(i.cached for i in tab3.articles.items)


def test_export_quotes_and_drop_a_folder(qtbot, make_window, collection, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.collections.run = Runner()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(collection))])
    w.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    tab = w.tabs.currentWidget()
    assert isinstance(tab, CollectionTab)
    qtbot.waitSignal(tab.done, timeout=120_000).wait()
    if tab.job is not None:
        qtbot.waitUntil(lambda: tab.job is None, timeout=120_000)
    out = tmp_path / "sheet.csv"
    job = w.collections.export_quotes(str(out))
    with qtbot.waitSignal(job.signals.written, timeout=30_000):
        pass
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == sum(len(r.rows) for r in tab.records())
    assert {r["article_path"] for r in rows} == {i.path for i in tab.articles.items}


def test_a_rename_in_one_article_carries_over_when_confirmed(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "fox"
    folder.mkdir()
    (folder / "a.txt").write_text('"The harbour is our future," Fox said at the meeting.\n',
                                  encoding="utf-8")
    (folder / "b.txt").write_text('"We are delighted," said Fox on Friday.\n', encoding="utf-8")
    w = make_window()
    w.collections.run = Runner()
    asked: list[str] = []
    w.collections.confirm = lambda q: asked.append(q) or True
    tab = _open(qtbot, w, folder)
    assert [v.articles for v in tab.voices.voices if v.key == "fox"] == [2]
    with qtbot.waitSignal(w.document_ready, timeout=120_000):
        doc = w.open_path(str(folder / "a.txt"))
    fox = next(s for s in doc.analysis.speakers if s.name == "Fox")
    doc.rename_speaker(fox.id, "Lena Fox")
    keys = {v.key: v.articles for v in tab.voices.voices}
    assert keys.get("lena fox") == 1 and keys.get("fox") == 1
    assert not tab.merges.isHidden()
    button = tab.merges_layout.itemAt(1).widget()
    assert "Fox" in button.text() and "Lena Fox" in button.text()
    button.click()
    assert asked and "Lena Fox" in asked[0]
    assert {v.key: v.articles for v in tab.voices.voices} == {"lena fox": 2}
    assert tab.merges.isHidden()


def test_a_folder_without_articles_says_so(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data.csv").write_text("a,b\n", encoding="utf-8")
    w = make_window()
    w.collections.run = Runner()
    tab = _open(qtbot, w, tmp_path / "empty")
    assert "no article files" in tab.heading.text() and tab.articles.rowCount() == 0
