"""Layer state → text formats over the article, as QTextEdit extra selections.

Works on plain character offsets from the Analysis, mapped to Qt's UTF-16 positions.
Extra selections restyle without touching the document, so toggling a layer is fast.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from stance_reader.core.analysis import Analysis
from stance_reader.style.palette import PAGE, SpeakerColor, mix, tone_color
from stance_reader.ui.layers import LayerState


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
    start: int
    end: int
    fmt: QTextCharFormat


def formats(analysis: Analysis, state: LayerState, colors: dict[str, SpeakerColor],
            theme: str) -> list[Styled]:
    """Every styled range for the current layers, lowest layer first."""
    out: list[Styled] = []
    page = PAGE[theme]  # type: ignore[index]
    on = state.on

    cache: dict[Any, Any] = {}

    def speaker_bg(sid: str | None) -> QColor:
        key = ("bg", sid)
        if key not in cache:
            c = colors.get(sid or "")
            cache[key] = QColor(c.for_theme(theme) if c else mix("#999999", page, 0.45))  # type: ignore[arg-type]
        return cache[key]

    def reported_bg(sid: str | None) -> QColor:
        key = ("reported", sid)
        if key not in cache:
            cache[key] = QColor(mix(speaker_bg(sid).name(), page, 0.55))
        return cache[key]

    def tone_qcolor(label: str, compound: float) -> QColor:
        key = ("tone", label, round(compound, 2))
        if key not in cache:
            cache[key] = QColor(tone_color(label, compound, theme))  # type: ignore[arg-type]
        return cache[key]

    if "reported" in on:
        for r in analysis.reported:
            if not state.shows_speaker(r.speaker) or not state.shows_tone(r.tone.label):
                continue
            f = QTextCharFormat()
            f.setBackground(reported_bg(r.speaker))
            # Reported speech carries its tone lightly: a dotted underline.
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            f.setUnderlineColor(tone_qcolor(r.tone.label, r.tone.compound))
            out.append(Styled(r.start, r.end, f))
    for q in analysis.quotes:
        if q.kind == "term":
            if "terms" in on and state.speakers is None and state.tone is None:
                f = QTextCharFormat()
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                f.setUnderlineColor(QColor("#888888"))
                out.append(Styled(q.start, q.end, f))
            continue
        if not state.shows_speaker(q.speaker) or not state.shows_tone(q.tone.label):
            continue
        f = QTextCharFormat()
        if "speakers" in on:
            f.setBackground(speaker_bg(q.speaker))
        if "tone" in on:
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            f.setUnderlineColor(tone_qcolor(q.tone.label, q.tone.compound))
        if f.properties():
            out.append(Styled(q.start, q.end, f))
    if "speaker_names" in on:
        for s in analysis.speakers:
            if not state.shows_speaker(s.id):
                continue
            c = colors.get(s.id)
            for m in s.mentions:
                f = QTextCharFormat()
                f.setFontWeight(QFont.Weight.DemiBold)
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                f.setUnderlineColor(QColor(c.hue if c else "#888888"))
                out.append(Styled(m.start, m.end, f))
    if "cues" in on:
        for item in (*analysis.quotes, *analysis.reported):
            if item.cue is None or not state.shows_speaker(item.speaker):
                continue
            f = QTextCharFormat()
            f.setFontWeight(QFont.Weight.Bold)
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            out.append(Styled(item.cue.start, item.cue.end, f))
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
