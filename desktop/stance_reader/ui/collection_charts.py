"""The collection's charts, painted with QPainter in the reader's palette and themes.

Why not QtCharts: it ships in PySide6-Addons (a second, much larger wheel than the
PySide6-Essentials the reader depends on) for three simple bar charts; bars, labels and
a legend are a few dozen lines of painting, and follow the theme exactly.

    BarChart   horizontal bars, each one or more coloured segments (share of voice,
               tone mix per voice); a click on a bar reports its key
    Timeline   quotations per day (per month past MAX_DAYS days)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stance_reader.style.palette import PAGE, TEXT, mix

ROW = 22
TITLE = 26
LEGEND = 18
MAX_DAYS = 60


@dataclass(frozen=True, slots=True)
class Bar:
    """One row: its label, coloured segments (value, hue), the note after it, its key."""

    label: str
    segments: tuple[tuple[float, str], ...]
    note: str
    key: str


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.theme = "light"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.update()

    def _begin(self) -> QPainter:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(PAGE[self.theme]))
        p.setPen(QColor(TEXT[self.theme]))
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(8, 4, self.width() - 16, TITLE - 6),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        font.setBold(False)
        p.setFont(font)
        return p

    def _muted(self) -> QColor:
        return QColor(mix(TEXT[self.theme], PAGE[self.theme], 0.45))


class BarChart(_Chart):
    """Horizontal bars. With `legend` ((name, hue), …) a legend line under the title."""

    bar_clicked = Signal(str)

    def __init__(self, title: str, legend: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.legend = tuple(legend)
        self.bars: tuple[Bar, ...] = ()
        self.setMouseTracking(False)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)
        self.updateGeometry()
        self.update()

    def _top(self) -> int:
        return TITLE + (LEGEND if self.legend else 0)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self._top() + ROW * max(1, len(self.bars)) + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, self.sizeHint().height())

    def bar_at(self, y: float) -> Bar | None:
        row = int((y - self._top()) // ROW)
        return self.bars[row] if 0 <= row < len(self.bars) and y >= self._top() else None

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(e.position().y())
        if bar is not None:
            self.bar_clicked.emit(bar.key)

    def paintEvent(self, e: QPaintEvent) -> None:  # noqa: N802
        p = self._begin()
        metrics = QFontMetrics(p.font())
        x = 8.0
        for name, hue in self.legend:
            p.fillRect(QRectF(x, TITLE + 4, 10, 10), QColor(hue))
            p.drawText(QRectF(x + 14, TITLE, 200, LEGEND), Qt.AlignmentFlag.AlignVCenter, name)
            x += 14 + metrics.horizontalAdvance(name) + 14
        if not self.bars:
            p.setPen(self._muted())
            p.drawText(QRectF(8, self._top(), self.width() - 16, ROW),
                       Qt.AlignmentFlag.AlignVCenter, "Nobody is quoted yet.")
            p.end()
            return
        label_w = min(180.0, self.width() * 0.34)
        note_w = 48.0
        area = max(10.0, self.width() - label_w - note_w - 24)
        largest = max(sum(v for v, _ in b.segments) for b in self.bars) or 1.0
        for i, bar in enumerate(self.bars):
            y = self._top() + i * ROW
            p.setPen(QColor(TEXT[self.theme]))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w))
            p.drawText(QRectF(8, y, label_w, ROW),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            x = 16 + label_w
            for value, hue in bar.segments:
                w = area * value / largest
                if w > 0:
                    p.fillRect(QRectF(x, y + 4, w, ROW - 8), QColor(hue))
                x += w
            p.setPen(self._muted())
            p.drawText(QRectF(x + 4, y, note_w + 20, ROW), Qt.AlignmentFlag.AlignVCenter, bar.note)
        p.end()


class Timeline(_Chart):
    """Quotations per day as columns; per month when there are more than MAX_DAYS days."""

    def __init__(self, title: str, hue: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.hue = hue
        self.points: tuple[tuple[str, int], ...] = ()
        self.undated = 0

    def set_points(self, by_day: Sequence[tuple[str, int]], undated: int) -> None:
        points = list(by_day)
        if len(points) > MAX_DAYS:
            months: dict[str, int] = {}
            for day, n in points:
                months[day[:7]] = months.get(day[:7], 0) + n
            points = sorted(months.items())
        self.points, self.undated = tuple(points), undated
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 150)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 150)

    def paintEvent(self, e: QPaintEvent) -> None:  # noqa: N802
        p = self._begin()
        muted = self._muted()
        top, bottom = TITLE + 14.0, self.height() - 22.0
        if not self.points:
            p.setPen(muted)
            p.drawText(QRectF(8, top, self.width() - 16, 24), Qt.AlignmentFlag.AlignVCenter,
                       "No article has a date." if self.undated else "No articles yet.")
            p.end()
            return
        left, right = 36.0, self.width() - 10.0
        largest = max(n for _, n in self.points) or 1
        step = (right - left) / len(self.points)
        for i, (_, n) in enumerate(self.points):
            h = (bottom - top) * n / largest
            p.fillRect(QRectF(left + i * step + step * 0.15, bottom - h, max(1.0, step * 0.7), h),
                       QColor(self.hue))
        p.setPen(muted)
        p.drawLine(int(left), int(bottom), int(right), int(bottom))
        p.drawText(QRectF(0, top - 8, left - 4, 16),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(largest))
        p.drawText(QRectF(left, bottom + 2, 120, 18), Qt.AlignmentFlag.AlignLeft, self.points[0][0])
        p.drawText(QRectF(right - 120, bottom + 2, 120, 18), Qt.AlignmentFlag.AlignRight,
                   self.points[-1][0])
        if self.undated:
            p.drawText(QRectF(left, TITLE - 4, right - left, 16), Qt.AlignmentFlag.AlignRight,
                       f"{self.undated} undated article(s) not shown")
        p.end()
