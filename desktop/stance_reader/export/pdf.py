"""The annotated copy as PDF, drawn by Qt: the reader's colours, a legend, page numbers,
selectable text. The only export module that imports Qt (PySide6)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from stance_reader.core.analysis import TONE_LABELS, Analysis
from stance_reader.errors import ExportError
from stance_reader.presentation.layers import LAYERS
from stance_reader.presentation.marks import paragraph_pieces
from stance_reader.presentation.paint import piece_paint
from stance_reader.presentation.tone import signed, tone_hue
from stance_reader.presentation.voices import analysis_colors, voices
from stance_reader.style.palette import TEXT


def _ensure_app() -> None:
    """Qt needs an application object for fonts; headless runs get the offscreen platform.

    A QApplication (not a QGuiApplication), so a window can still open in this process.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_app.app = QApplication(["stance-reader"])  # type: ignore[attr-defined]


def build_document(analysis: Analysis):  # type: ignore[no-untyped-def]
    """A QTextDocument of the annotated article (light theme), also used for printing."""
    from PySide6.QtGui import (QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor,
                               QTextDocument, QTextTableFormat)

    from stance_reader.export.qt_paint import char_format

    colors = analysis_colors(analysis)
    doc = QTextDocument()
    base = QFont("DejaVu Sans")
    base.setPointSizeF(10.5)
    doc.setDefaultFont(base)
    cursor = QTextCursor(doc)
    plain = QTextCharFormat()
    plain.setForeground(QColor(TEXT["light"]))
    block = QTextBlockFormat()
    block.setLineHeight(140, 1)  # proportional line height
    block.setBottomMargin(8)

    title = QTextCharFormat(plain)
    title.setFontPointSize(18)
    title.setFontWeight(QFont.Weight.Bold)
    cursor.setBlockFormat(block)
    cursor.insertText(analysis.title or Path(analysis.source.path or "article").name, title)
    meta = " · ".join(x for x in (analysis.byline, analysis.date) if x)
    if meta:
        cursor.insertBlock(block)
        grey = QTextCharFormat(plain)
        grey.setForeground(QColor("#5b5b5b"))
        cursor.insertText(meta, grey)

    # Legend.
    cursor.insertBlock(block)
    bold = QTextCharFormat(plain)
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText("Speakers: ", bold)
    for s in analysis.speakers:
        swatch = QTextCharFormat(plain)
        swatch.setBackground(QColor(colors[s.id].light))
        cursor.insertText(f" {s.name} ", swatch)
        cursor.insertText("   ", plain)
    cursor.insertBlock(block)
    cursor.insertText("Tone (underline): ", bold)
    for label in TONE_LABELS:
        fmt = QTextCharFormat(plain)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(tone_hue(label)))
        cursor.insertText(label, fmt)
        cursor.insertText("   ", plain)
    cursor.insertBlock(block)
    cursor.insertText(" · ".join(f"{layer.title}: {layer.shows}" for layer in LAYERS), plain)

    for pieces in paragraph_pieces(analysis):
        cursor.insertBlock(block)
        for text, marks in pieces:
            cursor.insertText(text, char_format(piece_paint(marks, colors, "light"), plain))

    # Voices table.
    cursor.insertBlock(block)
    cursor.insertText("Voices", title)
    rows = voices(analysis)
    table_format = QTextTableFormat()
    table_format.setCellPadding(3)
    table_format.setBorder(0.5)
    table = cursor.insertTable(len(rows) + 1, 4, table_format)
    for col, head in enumerate(("Speaker", "Quotes", "Share of quoted words", "Mean tone")):
        table.cellAt(0, col).firstCursorPosition().insertText(head, bold)
    for r, v in enumerate(rows, start=1):
        swatch = QTextCharFormat(plain)
        swatch.setBackground(QColor(colors[v.speaker.id].light))
        table.cellAt(r, 0).firstCursorPosition().insertText(v.speaker.name, swatch)
        table.cellAt(r, 1).firstCursorPosition().insertText(str(v.quotes), plain)
        table.cellAt(r, 2).firstCursorPosition().insertText(f"{v.share:.0%}", plain)
        table.cellAt(r, 3).firstCursorPosition().insertText(signed(v.tone), plain)
    return doc


def render(analysis: Analysis) -> bytes:
    """PDF bytes; A4 with margins and page numbers."""
    _ensure_app()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    doc = build_document(analysis)
    fd, tmp = tempfile.mkstemp(suffix=".pdf")
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setTitle(analysis.title or "Annotated article")
        writer.setCreator("Stance Reader")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
        writer.setResolution(300)
        doc.print_(writer)  # unpaginated documents get page numbers from Qt
        del writer
        data = Path(tmp).read_bytes()
    finally:
        Path(tmp).unlink(missing_ok=True)
    if not data.startswith(b"%PDF"):
        raise ExportError("the PDF writer produced no document")
    return data


to_bytes = render
