"""The main window: assembles tabs, panels, menus and the status bar, and wires the store."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QLabel, QMainWindow, QProgressBar, QPushButton,
    QTabWidget, QWidget)

from stance_reader.core.analysis import Analysis
from stance_reader.core.article import Article
from stance_reader.documents import DocumentService, OpenedDocument
from stance_reader.presentation.layers import BY_NAME, LayerState
from stance_reader.presentation.tone import Thresholds
from stance_reader.store.history import DocumentRecord, History, NullHistory
from stance_reader.store.settings import SettingsStore
from stance_reader.ui import collection_actions, theme as themes
from stance_reader.ui.dialogs import show_error, show_notice
from stance_reader.ui.document_tab import DocumentTab
from stance_reader.ui.layers_panel import LayersPanel
from stance_reader.ui.voices_panel import VoicesPanel
from stance_reader.ui.window_menus import MenusMixin
from stance_reader.ui.window_walk import WalkMixin
from stance_reader.ui.window_saving import SavingMixin
from stance_reader.ui.worker import one_thread_pool

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 500


class MainWindow(MenusMixin, SavingMixin, WalkMixin, QMainWindow):
    document_ready = Signal(object)  # DocumentTab, once highlighted
    copy_saved = Signal(object)  # Path of an annotated copy, once written
    copy_failed = Signal(object)  # Exception, once shown
    store_problem = Signal(str)  # from any thread: the history cannot be written (disk full…)

    def __init__(self, settings: SettingsStore, history: History | NullHistory, *,
                 model: str | None = None) -> None:
        super().__init__()
        self.settings_store = settings
        self.history = history
        self.store_problem.connect(lambda message: show_notice(self, message))
        history.on_problem = self.store_problem.emit
        s = settings.settings
        # Small parse batches: the GUI thread gets the interpreter often while spaCy runs.
        self.documents = DocumentService(history, model=model or s.spacy_model or None,
                                         thresholds=(s.tone_positive, s.tone_negative),
                                         batch_size=8)
        self.pool = one_thread_pool()  # analyses
        self.save_pool = one_thread_pool()  # annotated copies, beside a running analysis
        self.setWindowTitle("Stance Reader")
        self.setAcceptDrops(True)
        self.resize(1280, 860)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Documents")
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.empty = QLabel("Open an article (Ctrl+O) or a folder (Ctrl+Shift+O), or drop one here.\n\n"
                            "Supported: .txt .md .html .docx .epub .pdf")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.empty, "Welcome")
        self.setCentralWidget(self.tabs)
        self.layers_panel = LayersPanel()
        self.layers_panel.state_changed.connect(self.set_layer_state)
        self.voices_panel = VoicesPanel()
        self.voices_panel.speaker_selected.connect(self.select_speaker)
        self.voices_panel.quotes_requested.connect(self._walk_quotes)
        self.voices_panel.voice_menu_requested.connect(self._on_voice_menu)
        self.layers_dock = self._dock("Layers", self.layers_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.voices_dock = self._dock("Voices", self.voices_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.layers_dock, self.voices_dock], [280, 420], Qt.Orientation.Horizontal)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Analysis progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel analysis")
        self.cancel_button.clicked.connect(self.cancel_current)
        self.walk_label = QLabel(accessibleName="Quotation position")  # "Quotation 3 of 7"
        self.statusBar().addPermanentWidget(self.walk_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._show_progress(False)
        self.progress_timer = QTimer(self)
        self.progress_timer.setSingleShot(True)
        self.progress_timer.timeout.connect(lambda: self._show_progress(self._busy_tab() is not None))
        default_on = frozenset(x for x in settings.settings.default_layers if x in BY_NAME)
        self.state = LayerState(on=default_on)
        self.theme = themes.resolve(settings.settings.theme)
        self._walk: list[str] = []
        self.collections = collection_actions.CollectionActions(self)
        self._build_actions()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._update_actions()
        settings.subscribe(self._on_setting_changed)
        self._apply_theme()

    # -- construction ------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower()}")
        dock.setWidget(widget)
        dock.setAccessibleName(f"{title} panel")
        self.addDockWidget(area, dock)
        return dock

    # -- opening -----------------------------------------------------------------------
    def open_path(self, path: str) -> Any:
        """Open a file in a new tab (or switch to it); a folder opens as a collection."""
        path = str(Path(path).expanduser().absolute())
        if Path(path).is_dir():
            return self.collections.open_folder(path)
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, DocumentTab) and tab.path == path:
                self.tabs.setCurrentIndex(i)
                return tab
        if self.tabs.widget(0) is self.empty:
            self.tabs.removeTab(0)
        tab = DocumentTab(path)
        tab.view.set_theme(self.theme)
        s = self.settings_store.settings
        tab.thresholds = (s.tone_positive, s.tone_negative)
        tab.view.set_fonts(s.font_family, s.font_size, s.zoom, s.reading_width)
        tab.view.set_state(self.state)
        tab.loaded.connect(lambda art, t=tab: self._on_loaded(t, art))
        tab.analysed.connect(lambda opened, t=tab: self._on_analysed(t, opened))
        tab.progress.connect(lambda f, stage, t=tab: self._on_progress(t, f, stage))
        tab.failed.connect(lambda exc, t=tab: self._on_failed(t, exc))
        tab.cancelled.connect(lambda t=tab: self._on_cancelled(t))
        tab.corrected.connect(lambda a, c, t=tab: self._on_corrected(t, a, c))
        tab.recoloured.connect(lambda *_, t=tab: self._on_recoloured(t))
        index = self.tabs.addTab(tab, Path(path).name)
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        tab.start(self.pool, self.documents)
        self.progress_timer.start(PROGRESS_DELAY_MS)
        return tab

    def _on_loaded(self, tab: DocumentTab, article: Article) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), _short(tab.title))
        self.statusBar().showMessage(f"Analysing {tab.title}…")

    def _on_analysed(self, tab: DocumentTab, opened: OpenedDocument) -> None:
        """The tab shows its analysis: restore how it was read, then say it is ready."""
        tab.history_key = opened.entry
        self._restore_reading(tab, opened.record)
        self._announce(tab)

    def _restore_reading(self, tab: DocumentTab, record: DocumentRecord | None) -> None:
        """The layers and reading position kept for this content (colours came with the tab)."""
        if record is None:
            return
        if record.layers:
            self.set_layer_state(LayerState.from_dict(record.layers, self.state))
        if record.scroll and tab is self.tabs.currentWidget():
            bar = tab.view.text.verticalScrollBar()
            QTimer.singleShot(0, lambda: bar.setValue(int(record.scroll * bar.maximum())))

    def _announce(self, tab: DocumentTab) -> None:
        """Tab title, panels, progress and status line; `document_ready` once highlighted."""
        analysis = tab.analysis
        assert analysis is not None
        self.tabs.setTabText(self.tabs.indexOf(tab), _short(tab.title))
        if tab is self.tabs.currentWidget():
            self._refresh_panels()
        self._show_progress(self._busy_tab() is not None)
        self._update_actions()
        notices = "".join(f" — {n.message}" for n in analysis.notices)
        self.statusBar().showMessage(
            f"{tab.title}: {sum(q.kind != 'term' for q in analysis.quotes)} quotations, "
            f"{len(analysis.speakers)} speakers, {len(analysis.reported)} reported "
            f"({tab.timer.elapsed()} ms){notices}", 30000 if notices else 8000)
        if tab.view.is_styled:
            self.document_ready.emit(tab)
        else:
            tab.view.styled.connect(lambda t=tab: self.document_ready.emit(t),
                                    Qt.ConnectionType.SingleShotConnection)

    def _on_progress(self, tab: DocumentTab, fraction: float, stage: str) -> None:
        if tab is self.tabs.currentWidget():
            self.progress.setValue(int(fraction * 100))
            self.progress.setFormat(f"{stage} %p%")

    def _on_failed(self, tab: DocumentTab, exc: Exception) -> None:
        index = self.tabs.indexOf(tab)
        self._show_progress(self._busy_tab() is not None)
        if tab.article is None and index >= 0:
            self.tabs.removeTab(index)  # nothing to show: the dialog says why
            tab.deleteLater()
            if self.tabs.count() == 0:
                self.tabs.addTab(self.empty, "Welcome")
        self.statusBar().showMessage(f"Could not open {Path(tab.path or '').name}", 8000)
        show_error(self, exc, tab.path)

    def _on_cancelled(self, tab: DocumentTab) -> None:
        self._show_progress(self._busy_tab() is not None)
        self.statusBar().showMessage(f"Analysis of {tab.title} cancelled; the text stays open.", 8000)

    def _on_corrected(self, tab: DocumentTab, analysis: Analysis, correction: Any) -> None:
        try:
            self.documents.add_correction(analysis, correction)
        except Exception as exc:
            log.warning("correction not saved: %s", exc)
            self.statusBar().showMessage("The correction is shown but could not be saved.", 8000)
        if tab is self.tabs.currentWidget():
            self._refresh_panels()

    def _on_recoloured(self, tab: DocumentTab) -> None:
        """Only the swatches change; the colours are kept with the view state on close."""
        if tab is self.tabs.currentWidget():
            self._refresh_panels()

    def cancel_current(self) -> None:
        tab = self._busy_tab()
        if tab is not None:
            tab.cancel()

    def _busy_tab(self) -> DocumentTab | None:
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, DocumentTab) and tab.job is not None:
                return tab
        return None

    def _show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)

    # -- tabs and panels ---------------------------------------------------------------
    def current_tab(self) -> DocumentTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, DocumentTab) else None

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab is not None and tab is not self.empty:  # a document or a collection
            self._save_view_state(tab)  # type: ignore[arg-type]
            tab.cancel()  # type: ignore[attr-defined]
            self.tabs.removeTab(index)
            tab.deleteLater()
        if self.tabs.count() == 0:
            self.tabs.addTab(self.empty, "Welcome")

    def _on_tab_changed(self, index: int) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.view.set_state(self.state)
        self._forget_walk()
        self._refresh_panels()
        self._update_actions()

    def _refresh_panels(self) -> None:
        tab = self.current_tab()
        analysis = tab.analysis if tab else None
        colors = tab.view.colors if tab else {}
        self.layers_panel.populate(analysis, colors, self.state, self.theme,
                                   tab.view.marks if tab else None)
        s = self.settings_store.settings
        self.voices_panel.populate(analysis, colors, self.theme,
                                   Thresholds(s.tone_positive, s.tone_negative))
        for layer, act in self.layer_actions.items():
            act.setChecked(layer in self.state.on)
        title = f"{tab.title} — Stance Reader" if tab else "Stance Reader"
        self.setWindowTitle(title)

    def set_layer_state(self, state: LayerState) -> None:
        """Re-style every open document; the analysis is not touched."""
        self.state = state
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, DocumentTab):
                tab.view.set_state(state)
        for layer, act in self.layer_actions.items():
            act.setChecked(layer in state.on)

    def toggle_layer(self, layer: str, enabled: bool | None = None) -> None:
        self.set_layer_state(self.state.toggled(layer, enabled))
        tab = self.current_tab()
        self.layers_panel.populate(tab.analysis if tab else None, tab.view.colors if tab else {},
                                   self.state, self.theme, tab.view.marks if tab else None)

    def select_speaker(self, speaker_id: str) -> None:
        """Only this speaker's quotations (\"\" for all), jumping to the first."""
        from dataclasses import replace

        self.set_layer_state(replace(self.state, speakers=frozenset({speaker_id}) if speaker_id else None))
        self._forget_walk()
        if not speaker_id:
            self.voices_panel.select_speaker("")  # no row stays selected after Show All
        tab = self.current_tab()
        if tab is not None:
            self.layers_panel.populate(tab.analysis, tab.view.colors, self.state, self.theme,
                                       tab.view.marks)
            if speaker_id:
                quotes = tab.quotes_in_view(self.state)
                if quotes:
                    tab.view.select_range(quotes[0].start, quotes[0].end)

    # -- settings, view state ---------------------------------------------------------
    def _on_setting_changed(self, key: str) -> None:
        s = self.settings_store.settings
        if key == "theme":
            self.theme = themes.resolve(s.theme)
            self.theme_actions[s.theme].setChecked(True)
            self._apply_theme()
        elif key in ("font_family", "font_size", "zoom", "reading_width"):
            for tab in self._tabs():
                tab.view.set_fonts(s.font_family, s.font_size, s.zoom, s.reading_width)
        elif key == "spacy_model":
            # Used for the next document opened; a missing model is reported then.
            self.documents.model = s.spacy_model or None
        elif key in ("tone_positive", "tone_negative"):
            self.documents.thresholds = (s.tone_positive, s.tone_negative)
            for tab in self._tabs():
                tab.thresholds = (s.tone_positive, s.tone_negative)
                if tab.analysis is not None:
                    tab.set_analysis(tab.analysis)
            self._refresh_panels()
        elif key == "default_layers":
            self.set_layer_state(LayerState(on=frozenset(s.default_layers)))
            self._refresh_panels()

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(themes.app_palette(self.theme))
        for tab in self._tabs():
            tab.view.set_theme(self.theme)
        self._refresh_panels()

    def _tabs(self) -> list[DocumentTab]:
        return [t for t in (self.tabs.widget(i) for i in range(self.tabs.count()))
                if isinstance(t, DocumentTab)]

    def _save_view_state(self, tab: DocumentTab) -> None:
        if tab.analysis is None:
            return
        bar = tab.view.text.verticalScrollBar()
        scroll = bar.value() / bar.maximum() if bar.maximum() else 0.0
        speaker = next(iter(self.state.speakers), None) if self.state.speakers else None
        try:
            self.history.set_view_state(tab.history_key or tab.analysis.source.sha256, scroll=scroll,
                                        layers={**self.state.to_dict(),
                                                "colors": tab.color_overrides},
                                        speaker=speaker)
        except Exception as exc:
            log.warning("view state not saved: %s", exc)

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        tabs = self._tabs()
        for tab in tabs:
            self._save_view_state(tab)
            tab.cancel()
        try:
            self.history.set_session([t.path for t in tabs if t.path])
        except Exception as exc:
            log.warning("session not saved: %s", exc)
        self.pool.waitForDone(3000)
        self.save_pool.waitForDone(30_000)  # a copy being written is finished, not lost
        self.collections.shutdown()
        super().closeEvent(e)

    # -- small things ------------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        for url in e.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
        e.acceptProposedAction()


def _short(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
