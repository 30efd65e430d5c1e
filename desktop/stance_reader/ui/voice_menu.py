"""Right-click a voice: rename it, recolour it, or merge it into another voice.

Each choice is a correction on the open document (rename and merge are recorded with the
analysis and replayed on reopening; a colour is kept with the document's view state), so
it shows at once in the text, the panels and every export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QWidget

from stance_reader.ui.mnemonics import escape

if TYPE_CHECKING:
    from stance_reader.ui.document_tab import DocumentTab


def voice_menu(tab: DocumentTab, speaker_id: str, parent: QWidget) -> QMenu | None:
    """The menu for one voice of the tab's analysis, or None if it is not there."""
    analysis = tab.analysis
    speaker = analysis.speaker_by_id(speaker_id) if analysis is not None else None
    if analysis is None or speaker is None:
        return None
    menu = QMenu(parent)
    menu.setAccessibleName(f"Voice {speaker.name}")
    menu.addAction(f"&Rename {escape(speaker.name)}…").triggered.connect(
        lambda: tab.rename_speaker(speaker_id))
    menu.addAction("Re&colour…").triggered.connect(lambda: tab.recolour_speaker(speaker_id))
    merge = menu.addMenu("&Merge into")
    others = [s for s in analysis.speakers if s.id != speaker_id]
    for other in others:
        merge.addAction(escape(other.name)).triggered.connect(
            lambda _=False, into=other.id: tab.merge_speaker(speaker_id, into))
    merge.setEnabled(bool(others))
    return menu
