"""The main window's menus and toolbar, and the small actions behind them (recent files,
find, zoom, preferences, about). A mixin of `MainWindow`, which owns the state they use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolBar

from stance_reader.presentation.layers import LAYERS
from stance_reader.ui.mnemonics import assign_mnemonics, escape


class MenusMixin:
    """Menus, toolbar and their small actions; expects `MainWindow`'s attributes."""

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None,
                checkable: bool = False) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self._action(file, "Open &Folder…", self.collections.open_dialog, "Ctrl+Shift+O")
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_copy_action = self._action(file, "Save &Annotated Copy…", self.save_annotated_copy,
                                             "Ctrl+Shift+S")
        self._action(file, "E&xport Quotes…", lambda: self.collections.export_quotes())
        file.addSeparator()
        close = self._action(file, "&Close Tab", lambda: self.close_tab(self.tabs.currentIndex()),
                             QKeySequence.StandardKey.Close)
        self._action(file, "Clear &History…", self.clear_history)
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        finds = [self._action(edit, "&Find…", self._find, QKeySequence.StandardKey.Find),
                 self._action(edit, "Find &Next", lambda: self._find_step(False),
                              QKeySequence.StandardKey.FindNext),
                 self._action(edit, "Find Pre&vious", lambda: self._find_step(True),
                              QKeySequence.StandardKey.FindPrevious)]
        edit.addSeparator()
        self._action(edit, "&Preferences…", self.open_preferences, QKeySequence.StandardKey.Preferences)
        view = bar.addMenu("&View")
        toolbar = QToolBar("Layers")
        toolbar.setObjectName("toolbar-layers")
        toolbar.setIconSize(QSize(16, 16))
        self.addToolBar(toolbar)
        self.layer_actions: dict[str, QAction] = {}
        for layer in LAYERS:
            act = self._action(view, layer.title,
                               lambda checked, name=layer.name: self.toggle_layer(name, checked),
                               layer.shortcut, checkable=True)
            act.setChecked(layer.name in self.state.on)
            act.setToolTip(f"Show or hide {layer.title.lower()} ({layer.shortcut})")
            toolbar.addAction(act)
            self.layer_actions[layer.name] = act
        view.addSeparator()
        walks = [self._action(view, "&Next Quotation", lambda: self.step_quote(True), "F8"),
                 self._action(view, "P&revious Quotation", lambda: self.step_quote(False), "Shift+F8"),
                 self._action(view, "Show &All Speakers", lambda: self.select_speaker(""),
                              "Ctrl+Shift+A")]
        view.addSeparator()
        zooms = [self._action(view, "Zoom &In", lambda: self._zoom(10), QKeySequence.StandardKey.ZoomIn),
                 self._action(view, "Zoom &Out", lambda: self._zoom(-10), QKeySequence.StandardKey.ZoomOut),
                 self._action(view, "Reset &Zoom", lambda: self._zoom(0), "Ctrl+0")]
        theme_menu = view.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions = {}
        for key, label in (("system", "Follow System"), ("light", "Light"), ("dark", "Dark")):
            act = self._action(theme_menu, label, lambda _=False, k=key: self.settings_store.update(theme=k),
                               checkable=True)
            act.setChecked(self.settings_store.settings.theme == key)
            group.addAction(act)
            self.theme_actions[key] = act
        view.addSeparator()
        view.addAction(self.layers_dock.toggleViewAction())
        view.addAction(self.voices_dock.toggleViewAction())
        toolbar.addSeparator()
        toolbar.addAction(self.save_copy_action)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About Stance Reader", self._about)
        # Enabled only with a document open / with its analysis done (_update_actions).
        self.document_actions = [close, *finds, *zooms]
        self.analysis_actions = [self.save_copy_action, *walks]
        assign_mnemonics(bar)

    def _update_actions(self) -> None:
        """Actions that need a document are disabled without one (and those that need its
        analysis until it is done), instead of answering with a status message."""
        tab = self.current_tab()
        for act in self.document_actions:
            act.setEnabled(tab is not None)
        for act in self.analysis_actions:
            act.setEnabled(tab is not None and tab.analysis is not None)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        records = self.history.recent(self.settings_store.settings.recent_files_limit)
        if not records:
            act = self.recent_menu.addAction("No recent files")
            act.setEnabled(False)
        for r in records:
            name = Path(r.last_path or "").name
            label = escape(f"{r.title} — {name}" if r.title and r.title != name else r.title or name)
            if not r.exists:
                act = self.recent_menu.addAction(f"{label} (missing — click to remove)")
                act.triggered.connect(lambda _=False, sha=r.sha256: self.history.remove(sha))
            else:
                act = self.recent_menu.addAction(label)
                act.setToolTip(r.last_path or "")
                act.triggered.connect(lambda _=False, p=r.last_path: self.open_path(p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear History…").triggered.connect(self.clear_history)

    def voice_menu(self, speaker_id: str) -> Any:
        """Rename, recolour or merge a voice of the current document (a QMenu, or None)."""
        from stance_reader.ui.voice_menu import voice_menu

        tab = self.current_tab()
        return voice_menu(tab, speaker_id, self) if tab is not None else None

    def _on_voice_menu(self, speaker_id: str, pos: Any) -> None:
        menu = self.voice_menu(speaker_id)
        if menu is not None:
            menu.exec(pos)

    def clear_history(self, confirmed: bool = False) -> None:
        if not confirmed and QMessageBox.question(
                self, "Clear history", "Forget every recent file, reading position, stored "
                "correction and cached analysis?") != QMessageBox.StandardButton.Yes:
            return
        self.history.clear()
        self.statusBar().showMessage("History cleared.", 5000)

    def open_preferences(self) -> None:
        from stance_reader.ui.preferences import PreferencesDialog

        PreferencesDialog(self.settings_store, self).exec()

    def _find(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.view.show_find()

    def _find_step(self, backward: bool) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.view.find(backward)

    def _zoom(self, step: int) -> None:
        tab = self.current_tab()
        if tab is not None:
            if step == 0:
                tab.view.zoom = 100
                tab.view.zoom_by(0)
            else:
                tab.view.zoom_by(step)

    def _about(self) -> None:
        from stance_reader import __version__

        QMessageBox.about(self, "About Stance Reader",
                          f"Stance Reader {__version__}\nSee who speaks in a news article, and how.")

