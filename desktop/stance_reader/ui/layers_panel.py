"""The layers panel: every layer and every value with its swatch and count, checkable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from stance_reader.core.analysis import Analysis
from stance_reader.style.palette import TONE_HUES, SpeakerColor
from stance_reader.ui.layers import LAYERS, SHORTCUTS, TITLES, LayerState

ROLE_LAYER = Qt.ItemDataRole.UserRole + 1
ROLE_SPEAKER = Qt.ItemDataRole.UserRole + 2
ROLE_TONE = Qt.ItemDataRole.UserRole + 3


def swatch(colour: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


class LayersPanel(QWidget):
    state_changed = Signal(object)  # LayerState

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Layer", "Count"])
        self.tree.setAccessibleName("Layers")
        self.tree.setRootIsDecorated(True)
        self.tree.setMinimumWidth(250)
        self.tree.header().setStretchLastSection(False)
        # Long names lose their middle, not their end ("Chiu Ku…ng (person)"); the
        # tooltip has the full name.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._state = LayerState()
        self._building = False
        self.tree.itemChanged.connect(self._on_item_changed)

    def populate(self, analysis: Analysis | None, colors: dict[str, SpeakerColor],
                 state: LayerState, theme: str) -> None:
        self._building = True
        self._state = state
        self.tree.clear()
        counts = _counts(analysis)
        for layer in LAYERS:
            item = QTreeWidgetItem([f"{TITLES[layer]}  ({SHORTCUTS[layer]})",
                                    str(counts.get(layer, ""))])
            item.setData(0, ROLE_LAYER, layer)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if layer in state.on
                               else Qt.CheckState.Unchecked)
            item.setToolTip(0, f"Show or hide {TITLES[layer].lower()} ({SHORTCUTS[layer]})")
            self.tree.addTopLevelItem(item)
            if analysis is None:
                continue
            if layer == "speakers":
                for s in analysis.speakers:
                    n = sum(q.speaker == s.id and q.kind != "term" for q in analysis.quotes)
                    child = QTreeWidgetItem([f"{s.name} ({s.kind})", str(n)])
                    child.setIcon(0, swatch(colors[s.id].for_theme(theme)))  # type: ignore[arg-type]
                    child.setData(0, ROLE_SPEAKER, s.id)
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Checked if state.shows_speaker(s.id)
                                        else Qt.CheckState.Unchecked)
                    child.setToolTip(0, f"{s.name} ({s.kind}), {n} quotations: untick to "
                                        "hide their quotations")
                    item.addChild(child)
                unattributed = sum(q.speaker is None and q.kind != "term" for q in analysis.quotes)
                if unattributed:
                    child = QTreeWidgetItem(["no speaker found", str(unattributed)])
                    child.setIcon(0, swatch("#bbbbbb"))
                    child.setData(0, ROLE_SPEAKER, "")
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Checked if state.shows_speaker(None)
                                        else Qt.CheckState.Unchecked)
                    item.addChild(child)
            if layer == "tone":
                for label in ("negative", "neutral", "positive"):
                    n = sum(q.tone.label == label and q.kind != "term" for q in analysis.quotes)
                    child = QTreeWidgetItem([label, str(n)])
                    child.setIcon(0, swatch(TONE_HUES[label]))
                    child.setData(0, ROLE_TONE, label)
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Checked if state.shows_tone(label)
                                        else Qt.CheckState.Unchecked)
                    child.setToolTip(0, "Untick to narrow to the other tones; tick only one "
                                        "to see a single tone")
                    item.addChild(child)
        self.tree.expandAll()
        from PySide6.QtWidgets import QHeaderView
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._building = False

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._building:
            return
        self.state_changed.emit(self.read_state())

    def read_state(self) -> LayerState:
        on: set[str] = set()
        speakers: set[str] = set()
        all_speakers = True
        tones: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.checkState(0) == Qt.CheckState.Checked:
                on.add(top.data(0, ROLE_LAYER))
            for j in range(top.childCount()):
                child = top.child(j)
                checked = child.checkState(0) == Qt.CheckState.Checked
                if child.data(0, ROLE_SPEAKER) is not None:
                    if checked:
                        speakers.add(child.data(0, ROLE_SPEAKER))
                    else:
                        all_speakers = False
                if child.data(0, ROLE_TONE) is not None and checked:
                    tones.append(child.data(0, ROLE_TONE))
        tone = tones[0] if len(tones) == 1 else None
        return LayerState(frozenset(on), None if all_speakers else frozenset(speakers), tone)


def _counts(analysis: Analysis | None) -> dict[str, int]:
    if analysis is None:
        return {}
    quotes = [q for q in analysis.quotes if q.kind != "term"]
    return {"speakers": sum(q.speaker is not None for q in quotes), "tone": len(quotes),
            "speaker_names": sum(len(s.mentions) for s in analysis.speakers),
            "cues": sum(x.cue is not None for x in (*quotes, *analysis.reported)),
            "reported": len(analysis.reported),
            "terms": sum(q.kind == "term" for q in analysis.quotes)}
