"""A mark's paint as a Qt text format: the reader view and the PDF copy draw marks with the
same Qt formats. Imports Qt (PySide6), like `export/pdf.py`; loaded only by them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from stance_reader.presentation.paint import Paint

UNDERLINES = {"solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
              "dotted": QTextCharFormat.UnderlineStyle.DotLine,
              "dashed": QTextCharFormat.UnderlineStyle.DashUnderline}
WEIGHTS = {"demibold": QFont.Weight.DemiBold, "bold": QFont.Weight.Bold}


def char_format(paint: Paint, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """`paint` over `base` (or over nothing: an extra selection that changes only what
    the paint sets)."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    if paint.background:
        fmt.setBackground(QColor(paint.background))
    if paint.line:
        fmt.setUnderlineStyle(UNDERLINES[paint.line])
        if paint.line_colour:
            fmt.setUnderlineColor(QColor(paint.line_colour))
    if paint.weight in WEIGHTS:
        fmt.setFontWeight(WEIGHTS[paint.weight])
    return fmt
