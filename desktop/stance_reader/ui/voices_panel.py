"""The voices panel: every speaker with swatch, kind, quotes, share of quoted words and a
tone bar; and the stance view: whom each speaker's quotations mention, and how."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from stance_reader.core.analysis import Analysis
from stance_reader.presentation.tone import Thresholds, tone_hue
from stance_reader.presentation.voices import Voice, stance, voices
from stance_reader.style.palette import SpeakerColor

ROLE_SPEAKER_ID = Qt.ItemDataRole.UserRole + 1
ROLE_TONE = Qt.ItemDataRole.UserRole + 2
ROLE_QUOTES = Qt.ItemDataRole.UserRole + 3
ROLE_HUE = Qt.ItemDataRole.UserRole + 4
COLUMNS = ("Speaker", "Kind", "Quotes", "Share", "Tone")


class VoicesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Voice] = []
        self._colors: dict[str, SpeakerColor] = {}
        self._theme = "light"
        self._thresholds: Thresholds | None = None

    def set_voices(self, analysis: Analysis | None, colors: dict[str, SpeakerColor], theme: str,
                   thresholds: Thresholds) -> None:
        self.beginResetModel()
        self._rows = voices(analysis) if analysis is not None else []
        self._colors, self._theme, self._thresholds = colors, theme, thresholds
        self.endResetModel()

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
        v = self._rows[index.row()]
        col = index.column()
        if role == ROLE_SPEAKER_ID:
            return v.speaker.id
        if role == ROLE_TONE:
            return v.tone
        if role == ROLE_HUE and self._thresholds is not None:
            return tone_hue(self._thresholds.label(v.tone))
        if role == Qt.ItemDataRole.DisplayRole:
            return [v.speaker.name, v.speaker.kind, v.quotes, f"{v.share:.0%}", f"{v.tone:+.2f}"][col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            c = self._colors.get(v.speaker.id)
            return QColor(c.for_theme(self._theme)) if c else None  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{v.speaker.name} ({v.speaker.kind}): {v.quotes} quotations, "
                    f"{v.reported} reported, {v.share:.0%} of quoted words; tone {v.tone:+.2f} "
                    f"({v.negative} negative, {v.neutral} neutral, {v.positive} positive). "
                    f"Also named: {', '.join(v.speaker.aliases) or '—'}")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4):
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VoicesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Voices")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(4, ToneBarDelegate(self.table))
        self.table.setMinimumWidth(360)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.stance = QTableWidget()
        self.stance.setAccessibleName("Stance: who talks about whom")
        self.stance.cellClicked.connect(self._on_stance_clicked)
        self.stance.cellActivated.connect(self._on_stance_clicked)
        tabs = QTabWidget()
        tabs.addTab(self.table, "Voices")
        stance_box = QWidget()
        box = QVBoxLayout(stance_box)
        box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Rows: speakers. Columns: people and organisations their quotations "
                      "mention. Cell: tone toward them; click for the quotations.")
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
        self.model.set_voices(analysis, colors, theme, thresholds)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(len(COLUMNS) - 1, 110)
        self._fill_stance(analysis, thresholds)

    def _fill_stance(self, analysis: Analysis | None, thresholds: Thresholds) -> None:
        self.stance.clear()
        if analysis is None:
            self.stance.setRowCount(0)
            self.stance.setColumnCount(0)
            return
        figures = stance(analysis, thresholds)
        self.stance.setRowCount(len(figures.speakers))
        self.stance.setColumnCount(len(figures.targets))
        self.stance.setVerticalHeaderLabels([s.name for s in figures.speakers])
        self.stance.setHorizontalHeaderLabels(list(figures.targets))
        for r, s in enumerate(figures.speakers):
            for c, name in enumerate(figures.targets):
                cell = figures.cells.get((s.id, name))
                if cell is None:
                    continue
                item = QTableWidgetItem(f"{cell.label} {cell.mean:+.2f} ({cell.mentions})")
                item.setData(ROLE_QUOTES, list(cell.quote_ids))
                item.setToolTip(f"{s.name} on {name}: {cell.label} ({cell.mean:+.2f}) in "
                                f"{cell.mentions} mention(s). Click to walk through them.")
                item.setForeground(QColor(tone_hue(cell.label)))
                self.stance.setItem(r, c, item)
        self.stance.resizeColumnsToContents()

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
