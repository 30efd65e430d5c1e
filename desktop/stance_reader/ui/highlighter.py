"""Layer state → text formats over the article, as QTextEdit extra selections.

Draws the shared marks (`presentation/marks.py`) with the shared Qt formats
(`export/qt_paint.py`), so the window shows what every export shows. Works on plain
character offsets from the Analysis, mapped to Qt's UTF-16 positions. Extra selections
restyle without touching the document, so toggling a layer is fast.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from stance_reader.core.analysis import Analysis
from stance_reader.export.qt_paint import char_format
from stance_reader.presentation.layers import LayerState
from stance_reader.presentation.marks import Mark, all_marks, visible
from stance_reader.presentation.paint import paint
from stance_reader.style.palette import SpeakerColor, Theme


class OffsetMap:
    """Python str index → Qt document position (characters outside the BMP count twice)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def from_qt(self, pos: int) -> int:
        index = pos
        for _ in range(3):  # converges immediately for real text
            index = pos - bisect.bisect_left(self._astral, index)
        return index


@dataclass(frozen=True, slots=True)
class Styled:
    mark: Mark
    fmt: QTextCharFormat

    @property
    def start(self) -> int:
        return self.mark.start

    @property
    def end(self) -> int:
        return self.mark.end


def formats(analysis: Analysis, state: LayerState, colors: dict[str, SpeakerColor],
            theme: Theme, marks: list[Mark] | None = None) -> list[Styled]:
    """Every styled range for the current layers, lowest layer first."""
    formats_by_paint: dict[object, QTextCharFormat] = {}
    out = []
    for mark in marks if marks is not None else all_marks(analysis):
        if not visible(mark, state):
            continue
        p = paint(mark, colors, theme)
        if p not in formats_by_paint:
            formats_by_paint[p] = char_format(p)
        out.append(Styled(mark, formats_by_paint[p]))
    return out


def extra_selections(document: QTextDocument, styled: list[Styled],
                     offsets: OffsetMap) -> list[QTextEdit.ExtraSelection]:
    result = []
    limit = document.characterCount() - 1
    for s in styled:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(min(offsets.to_qt(s.start), limit))
        cursor.setPosition(min(offsets.to_qt(s.end), limit), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = s.fmt  # type: ignore[attr-defined]
        result.append(sel)
    return result
