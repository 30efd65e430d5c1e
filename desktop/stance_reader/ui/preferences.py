"""Preferences: edits the settings; every change applies at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFontComboBox,
    QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from stance_reader.errors import StoreError
from stance_reader.store.settings import SPECS, SettingsStore
from stance_reader.presentation.layers import LAYERS


class PreferencesDialog(QDialog):
    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.store = store
        s = store.settings
        form = QFormLayout()
        self.widgets: dict[str, QWidget] = {}

        def add(name: str, widget: QWidget, signal: Any, getter: Any) -> None:
            widget.setAccessibleName(SPECS[name].title)
            form.addRow(SPECS[name].title, widget)
            self.widgets[name] = widget
            signal.connect(lambda *_: self._set(name, getter()))

        theme = QComboBox()
        theme.addItems(["system", "light", "dark"])
        theme.setCurrentText(s.theme)
        add("theme", theme, theme.currentTextChanged, theme.currentText)
        font = QFontComboBox()
        if s.font_family:
            font.setCurrentText(s.font_family)
        add("font_family", font, font.currentFontChanged, lambda: font.currentFont().family())
        for name, lo, hi in (("font_size", 8, 32), ("zoom", 50, 300), ("reading_width", 40, 140),
                             ("recent_files_limit", 0, 50)):
            spin = QSpinBox()
            spin.setRange(lo, hi)
            spin.setValue(getattr(s, name))
            add(name, spin, spin.valueChanged, spin.value)
        for name, lo, hi in (("tone_positive", 0.0, 1.0), ("tone_negative", -1.0, 0.0)):
            dspin = QDoubleSpinBox()
            dspin.setRange(lo, hi)
            dspin.setSingleStep(0.01)
            dspin.setValue(getattr(s, name))
            add(name, dspin, dspin.valueChanged, dspin.value)
        model = QLineEdit(s.spacy_model)
        model.setPlaceholderText("automatic")
        add("spacy_model", model, model.editingFinished, model.text)
        for name in ("restore_last_session", "history_enabled", "single_instance"):
            box = QCheckBox()
            box.setChecked(getattr(s, name))
            add(name, box, box.toggled, box.isChecked)
        layers = QWidget()
        row = QVBoxLayout(layers)
        row.setContentsMargins(0, 0, 0, 0)
        self.layer_boxes: dict[str, QCheckBox] = {}
        for layer in LAYERS:
            key = layer.name
            box = QCheckBox(layer.title)
            box.setChecked(key in s.default_layers)
            box.toggled.connect(lambda *_: self._set("default_layers", tuple(
                k for k, b in self.layer_boxes.items() if b.isChecked())))
            self.layer_boxes[key] = box
            row.addWidget(box)
        form.addRow(SPECS["default_layers"].title, layers)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Changes apply at once. A new spaCy model is used for the next "
                                "document; history changes take effect after a restart."))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _set(self, name: str, value: Any) -> None:
        try:
            self.store.update(**{name: value})
            self.message.setText("")
        except StoreError as exc:
            self.message.setText(str(exc))
