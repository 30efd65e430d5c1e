"""The reading view: title, byline and date above the article at a comfortable measure,
with highlights by layer, hover details, zoom and find."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QToolTip, QVBoxLayout, QWidget)

from stance_reader.core.analysis import Analysis
from stance_reader.core.notices import Notice
from stance_reader.presentation.layers import PAINT_ORDER, LayerState
from stance_reader.presentation.marks import Mark, all_marks, describe
from stance_reader.presentation.voices import analysis_colors
from stance_reader.style.palette import SpeakerColor, Theme
from stance_reader.ui import theme as themes
from stance_reader.ui.highlighter import OffsetMap, extra_selections, formats

BUILD_CHUNK = 700  # text ranges styled per event-loop turn


class ArticleText(QTextBrowser):
    """The article text; knows which quotation lies under a point."""

    context_requested = Signal(str, QPoint)  # item id (quote/reported/"") and global position
    margins_changed = Signal()  # the side margins moved (the header follows them)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setAccessibleName("Article text")
        # Read-only: text can be selected and copied, but no caret blinks in it.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCursorWidth(0)
        self.analysis: Analysis | None = None
        self.offsets = OffsetMap("")
        self.measure = 70

    def item_at(self, point: QPoint) -> str | None:
        if self.analysis is None:
            return None
        pos = self.offsets.from_qt(self.cursorForPosition(point).position())
        hits = [q for q in self.analysis.quotes if q.start <= pos < q.end]
        if not hits:
            hits = [r for r in self.analysis.reported if r.start <= pos < r.end]  # type: ignore[misc]
        if not hits:
            return None
        return min(hits, key=lambda x: x.end - x.start).id

    def event(self, e: QEvent) -> bool:  # noqa: N802 (Qt override)
        if e.type() == QEvent.Type.ToolTip and self.analysis is not None:
            item_id = self.item_at(self.viewport().mapFromGlobal(e.globalPos()))  # type: ignore[attr-defined]
            item = None
            if item_id is not None:
                item = self.analysis.quote_by_id(item_id) or next(
                    (r for r in self.analysis.reported if r.id == item_id), None)
            if item is not None:
                QToolTip.showText(e.globalPos(), describe(self.analysis, item), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def contextMenuEvent(self, e) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.context_requested.emit(self.item_at(e.pos()) or "", e.globalPos())

    def resizeEvent(self, e) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(e)
        self.update_margins()

    def update_margins(self) -> None:
        """Keep about `measure` characters per line, centred."""
        width = self.fontMetrics().averageCharWidth() * self.measure
        side = max(16, (self.viewport().width() + self.viewportMargins().left()
                        + self.viewportMargins().right() - width) // 2)
        self.document().setDocumentMargin(0)
        self.setViewportMargins(side, 24, side, 24)
        # Lay out for the new width now, not on the next event loop turn (offscreen renders).
        self.document().setTextWidth(self.viewport().width())
        self.margins_changed.emit()


class ReaderView(QWidget):
    """Header + article text + find bar, for one document."""

    styled = Signal()  # every visible layer is drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Title")
        self.meta = QLabel()
        self.meta.setAccessibleName("Byline and date")
        self.notice = QLabel()  # what the reader must know: no text in a PDF, not English
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Notice")
        self.notice.setStyleSheet("QLabel { border-left: 3px solid palette(mid); "
                                  "padding: 4px 8px; }")
        self.notice.hide()
        self.text = ArticleText(self)
        self.text.margins_changed.connect(self._align_header)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in article")
        self.find_edit.setAccessibleName("Find in article")
        self.find_next = QPushButton("Next")
        self.find_prev = QPushButton("Previous")
        self.find_status = QLabel()
        self.find_bar = QWidget()
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        for w in (QLabel("Find:"), self.find_edit, self.find_prev, self.find_next, self.find_status):
            bar.addWidget(w)
        self.find_bar.hide()
        self.header = QWidget()
        head = QVBoxLayout(self.header)
        head.setContentsMargins(0, 16, 0, 0)
        head.addWidget(self.title)
        head.addWidget(self.meta)
        head.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)
        self.find_edit.returnPressed.connect(lambda: self.find(backward=False))
        self.find_next.clicked.connect(lambda: self.find(backward=False))
        self.find_prev.clicked.connect(lambda: self.find(backward=True))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar, self.find_bar.hide)
        self.analysis: Analysis | None = None
        self.colors: dict[str, SpeakerColor] = {}
        self.marks: list[Mark] = []
        self.theme: Theme = "light"
        self.point_size = 12.0
        self.zoom = 100
        self.font_family = ""
        self.state = LayerState()
        self._shown_text: str | None = None
        self._building = False
        # Extra selections per layer for the current analysis, colours and narrowing, so
        # toggling a layer only re-joins lists (no cursor is built again).
        self._selection_cache: dict[tuple[Any, ...], list[Any]] = {}
        self._partial: dict[tuple[Any, ...], tuple[list[Any], list[Any]]] = {}
        self._apply_fonts()

    # -- content ---------------------------------------------------------------------
    def show_text(self, text: str, title: str | None, byline: str | None, date: str | None,
                  notices: tuple[Notice, ...] = ()) -> None:
        """Show the article at once, before its analysis arrives.

        The document is built detached from the view (no layout while inserting): one block
        per line, generous line height, small gaps for blank lines. Block separators count
        one position each, like "\n", so offsets stay plain character offsets.
        """
        self.text.analysis = None
        self._shown_text = text
        self.text.offsets = OffsetMap(text)
        doc = QTextDocument(self.text)
        doc.setDefaultFont(self.text.font())
        doc.setDocumentMargin(0)
        body = QTextBlockFormat()
        body.setLineHeight(155, 1)  # proportional: generous line spacing
        body.setBottomMargin(4)
        gap = QTextBlockFormat()
        gap.setLineHeight(35, 1)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for i, line in enumerate(text.split("\n")):
            fmt = body if line.strip() else gap
            if i == 0:
                cursor.setBlockFormat(fmt)
            else:
                cursor.insertBlock(fmt)
            if line:
                cursor.insertText(line)
        cursor.endEditBlock()
        self.text.setDocument(doc)  # the view deletes the document it owned before
        self.text.setCursorWidth(0)  # per document layout: no caret in the read-only text
        self.text.update_margins()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._selection_cache.clear()
        self._partial.clear()
        self.title.setText(title or "")
        self.title.setVisible(bool(title))
        self.meta.setText(" · ".join(x for x in (byline, date) if x))
        self.meta.setVisible(bool(byline or date))
        self.notice.setText("\n".join(n.message for n in notices))
        self.notice.setVisible(bool(notices))

    def set_analysis(self, analysis: Analysis, overrides: dict[str, str] | None = None) -> None:
        if self._shown_text != analysis.text:
            self.show_text(analysis.text, analysis.title, analysis.byline, analysis.date,
                           analysis.notices)
        self._selection_cache.clear()
        self._partial.clear()
        self.analysis = analysis
        self.text.analysis = analysis
        self.marks = all_marks(analysis)
        self.colors = analysis_colors(analysis, overrides)
        self.restyle()

    def set_colors(self, overrides: dict[str, str]) -> None:
        """New speaker colours: re-style the same analysis (the text is not rebuilt)."""
        if self.analysis is None:
            return
        self.colors = analysis_colors(self.analysis, overrides)
        self._selection_cache.clear()
        self._partial.clear()
        self.restyle()

    # -- styling ---------------------------------------------------------------------
    def set_state(self, state: LayerState) -> None:
        self.state = state
        self.restyle()

    def restyle(self) -> None:
        """Apply the current layers. Layers whose selections are not built yet are built
        one per event-loop turn, so a long article never stalls the window."""
        if self.analysis is None:
            self.text.setExtraSelections([])
            return
        self._apply_cached()
        if self._missing() and not self._building:
            self._building = True
            QTimer.singleShot(0, self._build_next)

    def _key(self, layer: str) -> tuple[Any, ...]:
        return (layer, self.state.speakers, self.state.tone, self.theme)

    def _missing(self) -> list[str]:
        return [x for x in PAINT_ORDER if x in self.state.on and self._key(x) not in self._selection_cache]

    def _styled(self, layer: str) -> Any:
        assert self.analysis is not None
        single = LayerState(on=frozenset({layer}), speakers=self.state.speakers, tone=self.state.tone)
        return formats(self.analysis, single, self.colors, self.theme, self.marks)

    def _build(self, layer: str) -> None:
        styled = self._partial.pop(self._key(layer), None) or (self._styled(layer), [])
        items, done = styled
        done.extend(extra_selections(self.text.document(), items[len(done):], self.text.offsets))
        self._selection_cache[self._key(layer)] = done

    def _build_next(self) -> None:
        """Build part of the first missing layer (at most BUILD_CHUNK ranges), then yield
        to the event loop; a finished layer is shown at once."""
        missing = self._missing() if self.analysis is not None else []
        if missing:
            key = self._key(missing[0])
            items, done = self._partial.get(key) or (self._styled(missing[0]), [])
            chunk = items[len(done):len(done) + BUILD_CHUNK]
            done.extend(extra_selections(self.text.document(), chunk, self.text.offsets))
            if len(done) >= len(items):
                self._partial.pop(key, None)
                self._selection_cache[key] = done
                self._apply_cached()
                missing = missing[1:]
            else:
                self._partial[key] = (items, done)
        if missing:
            QTimer.singleShot(2, self._build_next)
        else:
            self._building = False
            self.styled.emit()

    def ensure_styled(self) -> None:
        """Build every missing layer now (offscreen renders, tests)."""
        if self.analysis is None:
            return
        for layer in self._missing():
            self._build(layer)
        self._apply_cached()

    @property
    def is_styled(self) -> bool:
        return self.analysis is not None and not self._missing()

    def _apply_cached(self) -> None:
        selections: list[Any] = []
        for layer in PAINT_ORDER:
            if layer in self.state.on:
                selections.extend(self._selection_cache.get(self._key(layer), ()))
        self.text.setExtraSelections(selections)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._selection_cache.clear()
        self._partial.clear()
        self.text.setPalette(themes.reading_palette(theme, self.text.palette()))
        self.header.setAutoFillBackground(True)
        self.header.setPalette(themes.reading_palette(theme, self.header.palette()))
        self.setAutoFillBackground(True)
        self.setPalette(themes.reading_palette(theme, self.palette()))
        self.restyle()

    def set_fonts(self, family: str, point_size: float, zoom: int, measure: int) -> None:
        self.font_family, self.point_size, self.zoom = family, point_size, zoom
        self.text.measure = measure
        self._apply_fonts()

    def zoom_by(self, step: int) -> None:
        self.zoom = max(50, min(300, self.zoom + step))
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        font = QFont(self.font_family) if self.font_family else QFontDatabase.systemFont(
            QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(self.point_size * self.zoom / 100)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)
        title = QFont(font)
        title.setPointSizeF(font.pointSizeF() * 1.6)
        title.setBold(True)
        self.title.setFont(title)
        meta = QFont(font)
        meta.setPointSizeF(font.pointSizeF() * 0.9)
        self.meta.setFont(meta)
        self.text.update_margins()
        self._align_header()

    def _align_header(self) -> None:
        """Title and byline start where the body's lines start (same side margins)."""
        margins = self.text.viewportMargins()
        self.header.layout().setContentsMargins(margins.left(), 16, margins.right(), 0)

    def resizeEvent(self, e) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(e)
        self.text.update_margins()
        self._align_header()

    # -- navigation ------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select a span and scroll it to the middle of the view (not the bottom edge)."""
        cursor = self.text.textCursor()
        cursor.setPosition(self.text.offsets.to_qt(start))
        cursor.setPosition(self.text.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.centre_on(start, end)

    def centre_on(self, start: int, end: int) -> None:
        """Scroll so the span's middle is the viewport's middle; a span taller than the
        viewport starts near its top instead."""
        top, bottom = self.span_rect(start, end)
        height = self.text.viewport().height()
        bar = self.text.verticalScrollBar()
        if bottom - top > height - 48:
            bar.setValue(bar.value() + top - 24)
        else:
            bar.setValue(bar.value() + (top + bottom) // 2 - height // 2)

    def span_rect(self, start: int, end: int) -> tuple[int, int]:
        """Top and bottom of a span in viewport pixels (tests, centring checks)."""
        probe = QTextCursor(self.text.document())
        probe.setPosition(self.text.offsets.to_qt(start))
        top = self.text.cursorRect(probe).top()
        probe.setPosition(self.text.offsets.to_qt(end))
        return top, self.text.cursorRect(probe).bottom()

    def current_position(self) -> int:
        return self.text.offsets.from_qt(self.text.textCursor().selectionEnd())

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find(self, backward: bool) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.text.find(needle, flags)
        if not found:  # wrap around
            cursor = self.text.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self.text.setTextCursor(cursor)
            found = self.text.find(needle, flags)
        self.find_status.setText("" if found else "Not found")
        return found
