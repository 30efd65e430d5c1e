"""The layers panel: every layer and every value with its swatch and count, checkable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from stance_reader.core.analysis import TONE_LABELS, Analysis
from stance_reader.presentation.layers import LAYERS, LayerState
from stance_reader.presentation.marks import Mark, all_marks, layer_counts
from stance_reader.presentation.tone import tone_hue
from stance_reader.presentation.paint import speaker_fill
from stance_reader.style.palette import SpeakerColor

ROLE_LAYER = Qt.ItemDataRole.UserRole + 1
ROLE_SPEAKER = Qt.ItemDataRole.UserRole + 2
ROLE_TONE = Qt.ItemDataRole.UserRole + 3


def swatch(colour: str, size: int = 14) -> QIcon:
    """A square of `colour`, the same in a selected row (Qt would tint it with the
    selection colour, and a speaker's colour is how the reader knows them)."""
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pix, mode)
    return icon


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
                 state: LayerState, theme: str, marks: list[Mark] | None = None) -> None:
        """`marks`: the view's marks of `analysis`, when it has them (computed otherwise)."""
        self._building = True
        self._state = state
        self.tree.clear()
        counts = {} if analysis is None else layer_counts(
            marks if marks is not None else all_marks(analysis))
        for layer in LAYERS:
            item = QTreeWidgetItem([f"{layer.title}  ({layer.shortcut})",
                                    str(counts.get(layer.name, ""))])
            item.setData(0, ROLE_LAYER, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, _checked(layer.name in state.on))
            item.setToolTip(0, f"Show or hide {layer.title.lower()} ({layer.shortcut})")
            self.tree.addTopLevelItem(item)
            if analysis is not None and layer.narrows == "speaker":
                self._add_speakers(item, analysis, colors, state, theme)
            elif analysis is not None and layer.narrows == "tone":
                self._add_tones(item, analysis, state)
        self.tree.expandAll()
        from PySide6.QtWidgets import QHeaderView
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._building = False

    def _add_speakers(self, item: QTreeWidgetItem, analysis: Analysis,
                      colors: dict[str, SpeakerColor], state: LayerState, theme: str) -> None:
        for s in analysis.speakers:
            n = sum(q.speaker == s.id and q.kind != "term" for q in analysis.quotes)
            child = _child(item, f"{s.name} ({s.kind})", n, colors[s.id].for_theme(theme),  # type: ignore[arg-type]
                           ROLE_SPEAKER, s.id, state.shows_speaker(s.id))
            child.setToolTip(0, f"{s.name} ({s.kind}), {n} quotations: untick to hide "
                                "their quotations")
        unattributed = sum(q.speaker is None and q.kind != "term" for q in analysis.quotes)
        if unattributed:
            _child(item, "no speaker found", unattributed, speaker_fill(None, colors, theme),  # type: ignore[arg-type]
                   ROLE_SPEAKER, "",
                   state.shows_speaker(None))

    def _add_tones(self, item: QTreeWidgetItem, analysis: Analysis, state: LayerState) -> None:
        for label in TONE_LABELS:
            n = sum(q.tone.label == label and q.kind != "term" for q in analysis.quotes)
            child = _child(item, label, n, tone_hue(label), ROLE_TONE, label,
                           state.shows_tone(label))
            child.setToolTip(0, "Untick to narrow to the other tones; tick only one "
                                "to see a single tone")

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


def _checked(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def _child(parent: QTreeWidgetItem, label: str, count: int, colour: str, role: int,
           value: str, on: bool) -> QTreeWidgetItem:
    """A checkable value under a layer: its swatch, count and what it narrows to."""
    child = QTreeWidgetItem([label, str(count)])
    child.setIcon(0, swatch(colour))
    child.setData(0, role, value)
    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    child.setCheckState(0, _checked(on))
    parent.addChild(child)
    return child
