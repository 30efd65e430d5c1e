"""A collection tab: the articles of a folder, the voices across them, and charts.

The tab lists articles as they are analysed (or read from the cache), with progress and
cancel; voices and charts are recomputed at most every REFRESH_MS while a run goes on (articles
arrive in batches) and once at the end.
A click on a voice (row or bar) lists its quotations across articles; a double-click on
an article or a quotation asks the window to open it (`open_requested(path, item_id)`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QThreadPool, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget)

from stance_reader.collection.aggregate import (
    CollectionSummary, mentions_of, normalise, suggested_merges, summarise)
from stance_reader.collection.collect import Collected, Collector
from stance_reader.collection.record import ArticleRecord
from stance_reader.style.palette import NEUTRAL_HUE, SPEAKER_COLORS, TONE_HUES
from stance_reader.ui.collection_charts import Bar, BarChart, Timeline
from stance_reader.ui.collection_job import CollectionJob
from stance_reader.ui.collection_models import ROLE_KEY, ROLE_PATH, ArticleModel, VoiceModel

REFRESH_MS = 1000
CHART_VOICES = 10
FIT_COLUMNS_ROWS = 40  # rows measured to fit columns (all of them: slow)
ROLE_ITEM = Qt.ItemDataRole.UserRole + 5  # (path, item id) of a listed quotation


def voice_colors(keys: list[str]) -> dict[str, str]:
    """The reader's speaker hues, in order of prominence; grey past the palette."""
    return {k: SPEAKER_COLORS[i].hue if i < len(SPEAKER_COLORS) else NEUTRAL_HUE
            for i, k in enumerate(keys)}


class CollectionTab(QWidget):
    analysis = None  # not one document: the window has no reading position to keep
    open_requested = Signal(str, str)  # article path, quote or reported id ("" for the top)
    progressed = Signal(int, int)
    done = Signal(str)  # "finished", "cancelled" or "failed"
    failed = Signal(object)  # Exception

    def __init__(self, root: str, collector: Collector,
                 aliases: Callable[[], dict[str, str]] = dict,
                 confirm_merge: Callable[[str, str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root, self.collector = root, collector
        self.paths: list[str] = []  # known once the job has scanned the folder
        self._aliases, self._confirm_merge = aliases, confirm_merge
        self.job: CollectionJob | None = None
        self.summary: CollectionSummary | None = None
        self.theme = "light"
        self.selected_voice: str | None = None
        self.articles = ArticleModel(self)
        self.voices = VoiceModel(self)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.timeout.connect(self.refresh_voices)
        self._build()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the folder is scanned
        self.progress.setAccessibleName("Collection progress")
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel collection analysis")
        self.cancel_button.clicked.connect(self.cancel)
        self.merges = QWidget()
        self.merges_layout = QHBoxLayout(self.merges)
        self.merges_layout.setContentsMargins(0, 0, 0, 0)
        self.merges.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)

        self.article_view = self._table(self.articles, "Articles")
        self.article_view.doubleClicked.connect(self._on_article_activated)
        self.voice_view = self._table(self.voices, "Voices across the collection")
        self.voice_view.clicked.connect(lambda i: self.select_voice(i.data(ROLE_KEY)))
        self.share_chart = BarChart("Share of voice (quoted words)")
        self.share_chart.bar_clicked.connect(self.select_voice)
        self.tone_chart = BarChart("Tone mix per voice", legend=[
            (label, TONE_HUES[label]) for label in ("negative", "neutral", "positive")])
        self.tone_chart.bar_clicked.connect(self.select_voice)
        self.timeline = Timeline("Quotations over time", SPEAKER_COLORS[4].hue)
        charts = QWidget()
        chart_box = QVBoxLayout(charts)
        for chart in (self.share_chart, self.timeline, self.tone_chart):
            chart_box.addWidget(chart)
        chart_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setMinimumWidth(300)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        self.quotes_label = QLabel("Click a voice to list its quotations.")
        self.quote_list = QListWidget()
        self.quote_list.setAccessibleName("Quotations of the selected voice")
        self.quote_list.setWordWrap(True)
        self.quote_list.itemActivated.connect(self._on_quote_activated)
        self.quote_list.itemDoubleClicked.connect(self._on_quote_activated)
        quotes = QWidget()
        quotes_box = QVBoxLayout(quotes)
        quotes_box.setContentsMargins(0, 0, 0, 0)
        quotes_box.addWidget(self.quotes_label)
        quotes_box.addWidget(self.quote_list)

        # Articles beside the charts; the voices beside the quotations of the one chosen.
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.article_view)
        upper.addWidget(scroll)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.voice_view)
        lower.addWidget(quotes)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.merges)
        box.addWidget(split, 1)
        self._update_heading()

    def _table(self, model: Any, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setResizeContentsPrecision(FIT_COLUMNS_ROWS)
        return view

    # -- running -----------------------------------------------------------------------
    def start(self, pool: QThreadPool) -> None:
        job = CollectionJob(self.collector, self.root)
        job.signals.scanned.connect(self._on_scanned)
        job.signals.collected.connect(self._on_collected)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(lambda: self._on_done("finished"))
        job.signals.cancelled.connect(lambda: self._on_done("cancelled"))
        job.signals.failed.connect(self._on_failed)
        self.job = job
        self._set_running(True)
        pool.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    def _on_scanned(self, paths: list[str]) -> None:
        self.paths = paths
        self.progress.setRange(0, max(1, len(paths)))
        self._update_heading()

    def _on_collected(self, items: list[Collected]) -> None:
        if items:
            self.articles.add(items)
        if not self._refresh.isActive():
            self._refresh.start(REFRESH_MS)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} articles")
        self.progressed.emit(done, total)

    def _on_done(self, how: str) -> None:
        self.job = None
        self._set_running(False)
        self._refresh.stop()
        self.refresh_voices()
        self.done.emit(how)

    def _on_failed(self, exc: Exception) -> None:
        self._on_done("failed")
        self.failed.emit(exc)

    # -- figures -----------------------------------------------------------------------
    def records(self) -> list[ArticleRecord]:
        return [i.record for i in self.articles.items if i.record is not None]

    def refresh_voices(self) -> None:
        """Recompute the voices and charts from the records so far."""
        aliases = self._aliases()
        records = self.records()
        self.summary = summary = summarise(records, aliases)
        voices = list(summary.voices)
        colors = voice_colors([v.key for v in voices])
        self.voices.set_voices(voices, colors)
        self.voice_view.resizeColumnsToContents()  # from the first FIT_COLUMNS_ROWS rows
        self.voice_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = voices[:CHART_VOICES]
        self.share_chart.set_bars([Bar(v.name, ((v.share, colors[v.key]),), f"{v.share:.0%}", v.key)
                                   for v in top])
        self.tone_chart.set_bars([Bar(v.name, tuple(
            (v.tone[label] / max(1, sum(v.tone.values())), TONE_HUES[label])
            for label in ("negative", "neutral", "positive")),
            f"{sum(v.tone.values())}", v.key) for v in top])
        self.timeline.set_points(summary.by_day, summary.undated)
        self._show_merges(suggested_merges(records, aliases))
        if self.selected_voice:
            self.select_voice(self.selected_voice)
        self._update_heading()

    def _update_heading(self) -> None:
        s = self.summary
        failed = sum(i.record is None for i in self.articles.items)
        text = f"{Path(self.root).name or self.root} — {len(self.paths)} articles"
        if self.job is None and not self.paths:
            text = f"{self.root}: no article files (.txt .md .html .docx .epub .pdf) here"
        elif self.job is not None and not self.paths:
            text = f"{Path(self.root).name or self.root}: looking for articles…"
        if s is not None and s.articles:
            text += (f"; {s.quotations} quotations, {len(s.voices)} voices"
                     + (f"; {failed} could not be read" if failed else ""))
        self.heading.setText(text)

    def _show_merges(self, offers: list[tuple[str, str, int]]) -> None:
        while self.merges_layout.count():
            w = self.merges_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        if not offers or self._confirm_merge is None:
            self.merges.hide()
            return
        self.merges_layout.addWidget(QLabel("Merged in one article:"))
        for old, new, count in offers[:4]:
            button = QPushButton(f"“{old}” is “{new}” in {count} more article(s)…")
            button.setToolTip("Treat these as one voice across the collection (asks first)")
            button.clicked.connect(lambda _=False, o=old, n=new: self._merge(o, n))
            self.merges_layout.addWidget(button)
        self.merges_layout.addStretch(1)
        self.merges.show()

    def _merge(self, old: str, new: str) -> None:
        if self._confirm_merge is not None:
            self._confirm_merge(old, new)
            self.refresh_voices()

    def select_voice(self, key: str | None) -> None:
        """List the quotations of the voice `key` across articles."""
        if not key:
            return
        self.selected_voice = key
        voice = next((v for v in self.voices.voices if v.key == key), None)
        for row, v in enumerate(self.voices.voices):
            if v.key == key:
                self.voice_view.selectRow(row)
        found = mentions_of(self.records(), normalise(key), self._aliases())
        self.quote_list.clear()
        name = voice.name if voice else key
        self.quotes_label.setText(f"{name}: {len(found)} quotations and reported spans in "
                                  f"{len({m.path for m in found})} articles (double-click opens)")
        for m in found:
            where = m.title or Path(m.path).name
            item = QListWidgetItem(f"{m.row.text}\n— {where}")
            item.setData(ROLE_ITEM, (m.path, m.row.id))
            item.setToolTip(f"{m.path} ({m.row.kind}, tone {m.row.tone:+.2f})")
            self.quote_list.addItem(item)

    def article_corrected(self, record: ArticleRecord) -> None:
        """An article of this collection was corrected in the reader: use its new record."""
        for row, item in enumerate(self.articles.items):
            if item.record is not None and item.record.sha256 == record.sha256:
                self.articles.replace(row, Collected(item.path, replace(
                    record, path=item.path, outlet=item.record.outlet)))
        self.refresh_voices()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        for chart in (self.share_chart, self.tone_chart, self.timeline):
            chart.set_theme(theme)

    def _on_article_activated(self, index: QModelIndex) -> None:
        path = index.data(ROLE_PATH)
        if path:
            self.open_requested.emit(path, "")

    def _on_quote_activated(self, item: QListWidgetItem) -> None:
        path, item_id = item.data(ROLE_ITEM)
        self.open_requested.emit(path, item_id)
