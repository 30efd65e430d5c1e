"""The window's side of collections: open a folder, export quotes, open an article at a
quotation, carry corrections over. Kept here so the main window only wires menus to it."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from stance_reader.collection.collect import Collector, Stores, record_key
from stance_reader.collection.record import build_record
from stance_reader.core.analysis import Analysis
from stance_reader.ui.collection_tab import CollectionTab
from stance_reader.ui.dialogs import show_error

if TYPE_CHECKING:
    from stance_reader.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SHEET_FILTERS = {"CSV spreadsheet (*.csv)": ".csv", "JSON lines (*.jsonl)": ".jsonl",
                 "Parquet, needs pandas and pyarrow (*.parquet)": ".parquet"}


class _SheetSignals(QObject):
    written = Signal(object, int)  # path, rows
    failed = Signal(object)


class SheetJob(QRunnable):
    """Write the quote sheet off the GUI thread."""

    def __init__(self, records: list[Any], path: Path) -> None:
        super().__init__()
        self.signals = _SheetSignals()
        self._records, self._path = records, path

    def run(self) -> None:
        from stance_reader.collection.sheet import SheetWriter

        try:
            with SheetWriter(self._path, force=True) as sheet:
                for record in self._records:
                    sheet.add(record)
            self.signals.written.emit(self._path, sheet.rows)
        except Exception as exc:
            self.signals.failed.emit(exc)


class CollectionActions:
    """Owns the collection tabs' pool and stores; `run` and `confirm` are for tests (a
    fake analysis instead of worker processes; an answer instead of a dialog)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(2)  # a collection job and a sheet export
        self.run: Callable[..., Iterator[Any]] | None = None
        self.confirm: Callable[[str], bool] | None = None
        self._records: Any = None
        self._docks_hidden: list[Any] = []
        window.tabs.currentChanged.connect(self._on_tab_changed)
        window.document_ready.connect(self._watch_corrections)
        window.settings_store.subscribe(self._on_setting_changed)

    def _watch_corrections(self, tab: Any) -> None:
        """Corrections made in an article reach the collections holding it."""
        if not tab.property("collections_watch"):
            tab.setProperty("collections_watch", True)
            tab.corrected.connect(lambda analysis, _correction: self.on_corrected(analysis))

    def _on_setting_changed(self, key: str) -> None:
        if key == "theme":  # after the window has resolved the new theme
            QTimer.singleShot(0, lambda: self.set_theme(self.window.theme))

    def _on_tab_changed(self, _index: int) -> None:
        """The article panels (layers, voices of one article) make room for a collection,
        and come back as they were on leaving it."""
        on_collection = isinstance(self.window.tabs.currentWidget(), CollectionTab)
        if on_collection and not self._docks_hidden:
            self._docks_hidden = [d for d in (self.window.layers_dock, self.window.voices_dock)
                                  if d.isVisible()]
            for dock in self._docks_hidden:
                dock.hide()
        elif not on_collection and self._docks_hidden:
            for dock in self._docks_hidden:
                dock.show()
            self._docks_hidden = []

    def records_store(self) -> Any:
        if self._records is None:
            from stance_reader.store.paths import user_paths
            from stance_reader.collection.store import open_records

            self._records, notice = open_records(user_paths().records_db, self._history_on())
            if notice:
                self.window.statusBar().showMessage(notice, 8000)
        return self._records

    def _stores(self) -> Stores:
        """The window's history, thresholds and model, recording no opens (a collection of
        500 articles would otherwise fill Open Recent)."""
        from stance_reader.documents import DocumentService

        shown = self.window.documents
        documents = DocumentService(self.window.history, model=shown.model,
                                    thresholds=shown.thresholds, record_opens=False)
        return Stores(documents, self.records_store(), cache=self._history_on())

    def _history_on(self) -> bool:
        from stance_reader.store.history import NullHistory

        return not isinstance(self.window.history, NullHistory)

    def tabs(self) -> list[CollectionTab]:
        t = self.window.tabs
        return [w for w in (t.widget(i) for i in range(t.count())) if isinstance(w, CollectionTab)]

    # -- opening -------------------------------------------------------------------------
    def open_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of articles")
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str) -> CollectionTab:
        root = str(Path(folder).expanduser().absolute())
        tabs = self.window.tabs
        for tab in self.tabs():
            if tab.root == root:
                tabs.setCurrentWidget(tab)
                return tab
        if tabs.widget(0) is self.window.empty:
            tabs.removeTab(0)
        collector = Collector(self._stores(), jobs=max(1, os.cpu_count() or 1),
                              in_process=False, run=self.run)
        store = self.records_store()
        tab = CollectionTab(root, collector, aliases=store.aliases,
                            confirm_merge=lambda old, new: self._confirm_merge(old, new))
        tab.set_theme(self.window.theme)
        tab.open_requested.connect(self.open_at)
        tab.failed.connect(lambda exc: show_error(self.window, exc, root))
        tab.done.connect(lambda how, t=tab: self._on_done(t, how))
        index = tabs.addTab(tab, f"▦ {Path(root).name or root}")
        tabs.setTabToolTip(index, root)
        tabs.setCurrentIndex(index)
        self.window.statusBar().showMessage(f"Analysing the articles in {root}…")
        tab.start(self.pool)
        return tab

    def _on_done(self, tab: CollectionTab, how: str) -> None:
        s = tab.summary
        counts = f"{s.articles} articles, {s.quotations} quotations" if s else ""
        words = {"finished": "analysed", "cancelled": "cancelled", "failed": "stopped"}
        self.window.statusBar().showMessage(f"{Path(tab.root).name}: {words[how]}; {counts}", 8000)

    def _confirm_merge(self, old: str, new: str) -> None:
        question = (f"Treat “{old}” as “{new}” in every article of your collections? "
                    "(The articles themselves are not changed.)")
        ask = self.confirm or (lambda q: QMessageBox.question(
            self.window, "Merge voices", q) == QMessageBox.StandardButton.Yes)
        if ask(question):
            self.records_store().confirm_merge(old, new)

    def open_at(self, path: str, item_id: str) -> None:
        """Open an article and, once highlighted, select the quotation `item_id`."""
        tab = self.window.open_path(path)
        if not item_id:
            return
        if getattr(tab, "analysis", None) is not None and tab.view.is_styled:
            select_item(tab, item_id)
            return

        def ready(done: Any) -> None:
            if done is tab:
                self.window.document_ready.disconnect(ready)
                select_item(tab, item_id)
        self.window.document_ready.connect(ready)

    # -- quotes, corrections, theme --------------------------------------------------------
    def export_quotes(self, path: str | None = None) -> SheetJob | None:
        tab = self.window.tabs.currentWidget()
        if not isinstance(tab, CollectionTab) or not tab.records():
            self.window.statusBar().showMessage(
                "Export Quotes works on a collection: open a folder (File > Open Folder…) "
                "and let some articles be analysed first.", 6000)
            return None
        if path is None:
            suggested = str(Path(tab.root) / "quotes.csv")
            path, chosen = QFileDialog.getSaveFileName(self.window, "Export quotes", suggested,
                                                       ";;".join(SHEET_FILTERS))
            if not path:
                return None
            if not Path(path).suffix and chosen in SHEET_FILTERS:
                path += SHEET_FILTERS[chosen]
        from stance_reader.collection.sheet import sheet_format
        from stance_reader.errors import StanceReaderError

        try:
            sheet_format(path)
        except StanceReaderError as exc:
            show_error(self.window, exc, path)
            return None
        job = SheetJob(tab.records(), Path(path))
        job.signals.written.connect(lambda p, n: self.window.statusBar().showMessage(
            f"Wrote {n} quotations and reported spans to {p}", 8000))
        job.signals.failed.connect(lambda exc: show_error(self.window, exc, path))
        self.pool.start(job)
        return job

    def on_corrected(self, analysis: Analysis) -> None:
        """A correction in the reader: the collections holding that article follow it."""
        tabs = self.tabs()
        if not tabs:
            return
        record = build_record(analysis, analysis.source.path or "")
        for tab in tabs:
            tab.article_corrected(record)
        stores = self._stores()
        try:
            sha = analysis.source.sha256
            stores.records.put(record, record_key(
                stores.pipeline(), stores.documents.history.corrections_for(sha),
                stores.documents.thresholds))
        except Exception as exc:
            log.warning("collection record not updated: %s", exc)

    def set_theme(self, theme: str) -> None:
        for tab in self.tabs():
            tab.set_theme(theme)

    def shutdown(self) -> None:
        for tab in self.tabs():
            tab.cancel()
        self.pool.waitForDone(5000)
        if self._records is not None:
            self._records.close()


def select_item(tab: Any, item_id: str) -> None:
    """Select a quotation or reported span by id in a document tab."""
    analysis = tab.analysis
    if analysis is None:
        return
    item = next((x for x in (*analysis.quotes, *analysis.reported) if x.id == item_id), None)
    if item is not None:
        tab.view.select_range(item.start, item.end)
