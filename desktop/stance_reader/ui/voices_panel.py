"""The voices panel: every voice (someone quoted or reported) with swatch, kind, quotes,
share of quoted words and a tone bar, those only mentioned on request, a word when there
are no quotations, and a right-click menu per voice; and the stance view: whom each
speaker's quotations mention, and how, in text readable in both themes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCheckBox, QHeaderView, QLabel, QStackedWidget, QStyledItemDelegate, QStyleOptionViewItem,
    QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from stance_reader.core.analysis import Analysis
from stance_reader.presentation.tone import Thresholds, signed, tone_hue
from stance_reader.ui.layers_panel import swatch
from stance_reader.presentation.voices import Mentioned, Voice, mentioned, speaks, stance, voices
from stance_reader.style.palette import SpeakerColor, readable_text

ROLE_SPEAKER_ID = Qt.ItemDataRole.UserRole + 1
ROLE_TONE = Qt.ItemDataRole.UserRole + 2
ROLE_QUOTES = Qt.ItemDataRole.UserRole + 3
ROLE_HUE = Qt.ItemDataRole.UserRole + 4
# The kind (person, organisation) is in each row's tooltip: the names get the room.
COLUMNS = ("Speaker", "Quotes", "Reported", "Share", "Tone")
TONE_COLUMN = COLUMNS.index("Tone")
NUMBERS = (1, 2, 3, 4)  # right-aligned columns
STANCE_COLUMNS = ("Speaker", "About", "Tone")
NO_ANALYSIS = "Open an article to see who speaks in it."
NO_QUOTATIONS = "No quotations were found in this article."
NO_SPEAKERS = ("Quotations were found, but no speaker for any of them: they show in grey "
               "in the text.")


class VoicesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Voice | Mentioned] = []
        self._colors: dict[str, SpeakerColor] = {}
        self._theme = "light"
        self._thresholds: Thresholds | None = None

    def set_voices(self, analysis: Analysis | None, colors: dict[str, SpeakerColor], theme: str,
                   thresholds: Thresholds, *, with_mentioned: bool = False) -> None:
        """The voices of `analysis` (those quoted or reported), most heard first; with
        `with_mentioned`, then those only mentioned."""
        self.beginResetModel()
        heard: list[Voice | Mentioned] = [v for v in voices(analysis) if speaks(v)] if analysis else []
        self._rows = heard + (list(mentioned(analysis)) if analysis and with_mentioned else [])
        self._colors, self._theme, self._thresholds = colors, theme, thresholds
        self.endResetModel()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Only voices can be selected (to narrow the text to them)."""
        if index.isValid() and isinstance(self._rows[index.row()], Mentioned):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, Mentioned):
            return _mentioned_data(row, index.column(), role)
        v, col = row, index.column()
        if role == ROLE_SPEAKER_ID:
            return v.speaker.id
        if role == ROLE_TONE:
            return v.tone
        if role == ROLE_HUE and self._thresholds is not None:
            return tone_hue(self._thresholds.label(v.tone))
        if role == Qt.ItemDataRole.DisplayRole:
            return [v.speaker.name, v.quotes, v.reported, f"{v.share:.0%}", signed(v.tone)][col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            c = self._colors.get(v.speaker.id)
            return swatch(c.for_theme(self._theme)) if c else None  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{v.speaker.name} ({v.speaker.kind}): {v.quotes} quotations, "
                    f"{v.reported} reported, {v.share:.0%} of quoted words; tone {signed(v.tone)} "
                    f"({v.negative} negative, {v.neutral} neutral, {v.positive} positive). "
                    f"Also named: {', '.join(v.speaker.aliases) or '—'}")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, row: int) -> Voice | Mentioned | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


def _mentioned_data(m: Mentioned, col: int, role: int) -> Any:
    """A row for someone only mentioned: italic, no share, no tone."""
    if role == ROLE_SPEAKER_ID:
        return m.speaker_id
    if role == Qt.ItemDataRole.DisplayRole:
        return [m.name, 0, 0, "—", ""][col]
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{m.name} ({m.kind}): mentioned {m.mentions} time(s), never quoted"
    if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


class ToneBarDelegate(QStyledItemDelegate):
    """Draws the mean tone as a bar left (negative) or right (positive) of the middle."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        super().paint(painter, option, index)
        tone, colour = index.data(ROLE_TONE), index.data(ROLE_HUE)
        if tone is None or colour is None:
            return
        r: QRect = option.rect  # type: ignore[attr-defined]
        mid = r.left() + r.width() // 4
        span = int(abs(tone) * r.width() / 4)
        painter.save()
        painter.fillRect(QRect(mid - span if tone < 0 else mid, r.top() + r.height() // 3,
                               max(span, 1), r.height() // 3), QColor(colour))
        painter.restore()


class VoicesPanel(QWidget):
    speaker_selected = Signal(str)  # speaker id ("" for all)
    quotes_requested = Signal(list)  # quote ids behind a stance cell
    voice_menu_requested = Signal(str, QPoint)  # speaker id, global position (right-click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VoicesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Voices")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(TONE_COLUMN, ToneBarDelegate(self.table))
        self.table.setMinimumWidth(360)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.empty = QLabel(NO_ANALYSIS)
        self.empty.setAccessibleName("No voices")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(16)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        self.show_mentioned = QCheckBox("Also list those only mentioned")
        self.show_mentioned.setToolTip("People and organisations the article names but never "
                                       "quotes (in italics)")
        self.show_mentioned.toggled.connect(lambda _on: self._refill())
        voices_box = QWidget()
        vbox = QVBoxLayout(voices_box)
        vbox.setContentsMargins(0, 0, 0, 0)
        vbox.addWidget(self.pages, 1)
        vbox.addWidget(self.show_mentioned)
        self._shown: tuple[Any, ...] = (None, {}, "light", Thresholds(0.05, -0.05))
        self.stance = QTableWidget()
        self.stance.setAccessibleName("Stance: who talks about whom")
        self.stance.cellClicked.connect(self._on_stance_clicked)
        self.stance.cellActivated.connect(self._on_stance_clicked)
        self.stance.setColumnCount(len(STANCE_COLUMNS))
        self.stance.setHorizontalHeaderLabels(list(STANCE_COLUMNS))
        self.stance.verticalHeader().hide()
        self.stance.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.stance.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stance.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        heads = self.stance.horizontalHeader()
        heads.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        heads.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        heads.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # never cut
        tabs = QTabWidget()
        tabs.addTab(voices_box, "Voices")
        stance_box = QWidget()
        box = QVBoxLayout(stance_box)
        box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Whom each speaker's quotations mention, and the tone toward them; "
                      "click a row for the quotations.")
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(self.stance)
        tabs.addTab(stance_box, "Stance")
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tabs)

    def populate(self, analysis: Analysis | None, colors: dict[str, SpeakerColor], theme: str,
                 thresholds: Thresholds) -> None:
        self._shown = (analysis, colors, theme, thresholds)
        self._refill()

    def _refill(self) -> None:
        analysis, colors, theme, thresholds = self._shown
        self.model.set_voices(analysis, colors, theme, thresholds,
                              with_mentioned=self.show_mentioned.isChecked())
        self.empty.setText(_empty_text(analysis))
        heard = self.model.rowCount() > 0 and analysis is not None
        self.pages.setCurrentWidget(self.table if heard else self.empty)
        others = len(mentioned(analysis)) if analysis is not None else 0
        self.show_mentioned.setText(f"Also list those only mentioned ({others})")
        self.show_mentioned.setEnabled(others > 0)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(len(COLUMNS) - 1, 96)
        self._fill_stance(analysis, thresholds)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        speaker_id = index.data(ROLE_SPEAKER_ID) if index.isValid() else None
        if speaker_id:
            self.voice_menu_requested.emit(speaker_id, self.table.viewport().mapToGlobal(pos))

    def _fill_stance(self, analysis: Analysis | None, thresholds: Thresholds) -> None:
        """One row per speaker and person they talk about, so the table fits the panel's
        width whatever the number of people (a speakers × targets grid ran off its edge).
        Long names are elided in the middle, whole in the tooltip."""
        self.stance.clearContents()
        figures = stance(analysis, thresholds) if analysis is not None else None
        cells = [figures.cells[(s.id, name)] for s in figures.speakers
                 for name in figures.targets if (s.id, name) in figures.cells] if figures else []
        background = self.stance.palette().base().color().name()
        self.stance.setRowCount(len(cells))
        for r, cell in enumerate(cells):
            first = r == 0 or cells[r - 1].speaker.id != cell.speaker.id
            tone = f"{cell.label} {signed(cell.mean)} ({cell.mentions})"
            tip = (f"{cell.speaker.name} on {cell.target}: {cell.label} ({signed(cell.mean)}) "
                   f"in {cell.mentions} mention(s). Click to walk through them.")
            for c, text in enumerate((cell.speaker.name if first else "", cell.target, tone)):
                item = QTableWidgetItem(text)
                item.setData(ROLE_QUOTES, list(cell.quote_ids))
                item.setToolTip(tip)
                if c == 2:  # the tone's hue, darkened or lightened just enough for 4.5:1
                    item.setForeground(QColor(readable_text(tone_hue(cell.label), background)))
                self.stance.setItem(r, c, item)

    def _on_selection_changed(self, *args: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.speaker_selected.emit(rows[0].data(ROLE_SPEAKER_ID) if rows else "")

    def _on_stance_clicked(self, row: int, column: int) -> None:
        item = self.stance.item(row, column)
        if item is not None:
            self.quotes_requested.emit(list(item.data(ROLE_QUOTES)))

    def select_speaker(self, speaker_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROLE_SPEAKER_ID) == speaker_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()


def _empty_text(analysis: Analysis | None) -> str:
    if analysis is None:
        return NO_ANALYSIS
    if not any(q.kind != "term" for q in analysis.quotes):
        return NO_QUOTATIONS
    return NO_SPEAKERS
