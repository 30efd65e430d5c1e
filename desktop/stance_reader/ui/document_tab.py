"""One open document: its reader view, its analysis job, its corrections."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QElapsedTimer, QPoint, QThreadPool, Signal
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QVBoxLayout, QWidget

from stance_reader.core import corrections
from stance_reader.core.analysis import TONE_LABELS, Analysis
from stance_reader.core.article import Article
from stance_reader.documents import DocumentService, OpenedDocument
from stance_reader.presentation.layers import LayerState
from stance_reader.ui.reader_view import ReaderView
from stance_reader.ui.worker import AnalysisJob

log = logging.getLogger(__name__)


class DocumentTab(QWidget):
    """Shows the text at once; highlights follow when the analysis job reports."""

    loaded = Signal(object)  # Article
    analysed = Signal(object)  # OpenedDocument, once shown
    progress = Signal(float, str)
    failed = Signal(object)  # Exception
    cancelled = Signal()
    corrected = Signal(object, object)  # new Analysis, the Correction made
    recoloured = Signal(str, str)  # speaker id, colour: only the view's colours change

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.view = ReaderView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.job: AnalysisJob | None = None
        self.color_overrides: dict[str, str] = {}
        self.thresholds: tuple[float, float] | None = None  # the person's; None: VADER's rule
        # The reading-history entry (the content's; an annotated copy's own), set when
        # the analysis arrives; view state is kept under it.
        self.history_key: str | None = None
        self.view.text.context_requested.connect(self._on_context_requested)
        self.timer = QElapsedTimer()

    # -- analysis ----------------------------------------------------------------------
    def start(self, pool: QThreadPool, documents: DocumentService) -> None:
        """Load and analyse off the GUI thread; the cache may answer at once."""
        self.timer.start()
        job = AnalysisJob(documents, self.path)
        job.signals.loaded.connect(self._on_loaded)
        job.signals.progress.connect(self.progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self.job = job
        pool.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_loaded(self, item: Any) -> None:
        if isinstance(item, Article):
            self.article = item
            self.view.show_text(item.text, item.title, item.byline, item.date, item.notices)
            self.loaded.emit(item)

    def _on_finished(self, opened: OpenedDocument) -> None:
        """Show the analysis once, in the speaker colours kept for this content."""
        self.job = None
        self.color_overrides = opened.colors
        self.set_analysis(opened.analysis)
        self.analysed.emit(opened)

    def _on_failed(self, exc: Exception) -> None:
        self.job = None
        self.failed.emit(exc)

    def _on_cancelled(self) -> None:
        self.job = None
        self.cancelled.emit()

    def set_analysis(self, analysis: Analysis) -> None:
        """Show an analysis, its tone labels following the person's thresholds."""
        from stance_reader.core.tone import relabel

        if self.thresholds is not None:
            analysis = relabel(analysis, *self.thresholds)
        self.analysis = analysis
        self.view.set_analysis(analysis, self.color_overrides)

    @property
    def title(self) -> str:
        for source in (self.analysis, self.article):
            if source is not None and source.title:
                return source.title
        return (self.path or "Untitled").replace("\\", "/").rsplit("/", 1)[-1]

    # -- corrections -------------------------------------------------------------------
    def apply_correction(self, analysis: Analysis) -> None:
        """Show a corrected analysis at once and report the correction made."""
        self.set_analysis(analysis)
        self.corrected.emit(analysis, analysis.corrections[-1])

    def _on_context_requested(self, item_id: str, pos: QPoint) -> None:
        menu = self.correction_menu(item_id)
        if menu is not None:
            menu.exec(pos)

    def correction_menu(self, item_id: str) -> QMenu | None:
        a = self.analysis
        quote = a.quote_by_id(item_id) if a is not None and item_id else None
        if a is None or quote is None:
            return None
        menu = QMenu(self)
        speaker_menu = menu.addMenu("Change speaker")
        for s in a.speakers:
            act = speaker_menu.addAction(s.name)
            act.setCheckable(True)
            act.setChecked(s.id == quote.speaker)
            act.triggered.connect(lambda _=False, sid=s.id: self.apply_correction(
                corrections.set_speaker(self.analysis, quote.id, sid)))  # type: ignore[arg-type]
        speaker_menu.addSeparator()
        speaker_menu.addAction("New speaker…").triggered.connect(
            lambda: self.new_speaker_for(quote.id))
        speaker_menu.addAction("No speaker").triggered.connect(
            lambda: self.apply_correction(corrections.set_speaker(self.analysis, quote.id, None)))  # type: ignore[arg-type]
        tone_menu = menu.addMenu("Set tone")
        for label in TONE_LABELS:
            act = tone_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(quote.tone.label == label)
            act.triggered.connect(lambda _=False, lab=label: self.apply_correction(
                corrections.set_tone(self.analysis, quote.id, lab)))  # type: ignore[arg-type]
        menu.addAction("Not a quotation").triggered.connect(
            lambda: self.apply_correction(corrections.remove_quote(self.analysis, quote.id)))  # type: ignore[arg-type]
        if quote.speaker:
            menu.addSeparator()
            menu.addAction("Rename speaker…").triggered.connect(
                lambda: self.rename_speaker(quote.speaker))  # type: ignore[arg-type]
            menu.addAction("Recolour speaker…").triggered.connect(
                lambda: self.recolour_speaker(quote.speaker))  # type: ignore[arg-type]
        return menu

    def new_speaker_for(self, quote_id: str, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, "New speaker", "Name of the speaker:")
            if not ok or not name.strip():
                return
        analysis, sid = corrections.add_speaker(self.analysis, name)  # type: ignore[arg-type]
        self.set_analysis(analysis)
        self.corrected.emit(analysis, analysis.corrections[-1])
        self.apply_correction(corrections.set_speaker(analysis, quote_id, sid))

    def rename_speaker(self, speaker_id: str, name: str | None = None) -> None:
        speaker = self.analysis.speaker_by_id(speaker_id) if self.analysis else None
        if speaker is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, "Rename speaker", "Name:", text=speaker.name)
            if not ok or not name.strip():
                return
        self.apply_correction(corrections.rename_speaker(self.analysis, speaker_id, name))  # type: ignore[arg-type]

    def merge_speaker(self, speaker_id: str, into_id: str) -> None:
        """One person found twice: `speaker_id`'s quotations go to `into_id`."""
        if self.analysis is None:
            return
        self.color_overrides.pop(speaker_id, None)
        self.apply_correction(corrections.merge_speaker(self.analysis, speaker_id, into_id))

    def recolour_speaker(self, speaker_id: str, hue: str | None = None) -> None:
        if hue is None:
            colour = QColorDialog.getColor(parent=self, title="Speaker colour")
            if not colour.isValid():
                return
            hue = colour.name()
        self.color_overrides[speaker_id] = hue
        self.view.set_colors(self.color_overrides)
        self.recoloured.emit(speaker_id, hue)

    # -- navigation --------------------------------------------------------------------
    def quotes_in_view(self, state: LayerState) -> list[Any]:
        if self.analysis is None:
            return []
        return [q for q in self.analysis.quotes if q.kind != "term"
                and state.shows_speaker(q.speaker) and state.shows_tone(q.tone.label)]

    def jump_to(self, quote_id: str) -> None:
        q = self.analysis.quote_by_id(quote_id) if self.analysis else None
        if q is not None:
            self.view.select_range(q.start, q.end)
