"""Item models of the collection tab: its articles, and the voices across them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from stance_reader.collection.aggregate import CollectionVoice
from stance_reader.collection.collect import Collected
from stance_reader.ui.layers_panel import swatch

ROLE_PATH = Qt.ItemDataRole.UserRole + 1
ROLE_KEY = Qt.ItemDataRole.UserRole + 2
ARTICLE_COLUMNS = ("Title", "Date", "Outlet", "Quotations", "Voices", "Main voice")
VOICE_COLUMNS = ("Voice", "Kind", "Articles", "Quotations", "Share", "Tone −/○/+")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


class _Table(QAbstractTableModel):
    """A read-only table of `rows` under the header `COLUMNS`."""

    COLUMNS: tuple[str, ...] = ()

    def _count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


class ArticleModel(_Table):
    """One row per article, added as each is analysed (or read from the cache)."""

    COLUMNS = ARTICLE_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Collected] = []

    def _count(self) -> int:
        return len(self.items)

    def add(self, items: list[Collected]) -> None:
        n = len(self.items)
        self.beginInsertRows(QModelIndex(), n, n + len(items) - 1)
        self.items.extend(items)
        self.endInsertRows()

    def replace(self, row: int, item: Collected) -> None:
        self.items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(ARTICLE_COLUMNS) - 1))

    def clear(self) -> None:
        self.beginResetModel()
        self.items = []
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, col = self.items[index.row()], index.column()
        r = item.record
        if role == ROLE_PATH:
            return item.path
        if role == Qt.ItemDataRole.DisplayRole:
            if r is None:
                return [Path(item.path).name, "", "", "", "", "could not be read"][col]
            return [r.title or Path(r.path).name, r.day or r.date or "", r.outlet or "",
                    r.quotations, r.voices, r.main_voice or "—"][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.path if r is not None else f"{item.path}: {item.error}"
        if role == Qt.ItemDataRole.ForegroundRole and r is None:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return _RIGHT
        return None


class VoiceModel(_Table):
    """The voices across the collection, most quoted words first."""

    COLUMNS = VOICE_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.voices: list[CollectionVoice] = []
        self.colors: dict[str, str] = {}  # voice key → hue

    def _count(self) -> int:
        return len(self.voices)

    def set_voices(self, voices: list[CollectionVoice], colors: dict[str, str]) -> None:
        self.beginResetModel()
        self.voices, self.colors = voices, colors
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.voices):
            return None
        v, col = self.voices[index.row()], index.column()
        if role == ROLE_KEY:
            return v.key
        if role == Qt.ItemDataRole.DisplayRole:
            t = v.tone
            return [v.name, v.kind, v.articles, v.quotations, f"{v.share:.0%}",
                    f"{t['negative']} / {t['neutral']} / {t['positive']}"][col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and v.key in self.colors:
            return swatch(self.colors[v.key])
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{v.name} ({v.kind}): in {v.articles} article(s), {v.quotations} "
                    f"quotations and {v.reported} reported, {v.share:.0%} of quoted words. "
                    "Click to list the quotations.")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4):
            return _RIGHT
        return None
