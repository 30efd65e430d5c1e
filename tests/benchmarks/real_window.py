"""The real main window for the window benchmarks, over the person's settings and history
in STANCE_READER_HOME (which each benchmark points at a temporary folder first)."""

from __future__ import annotations

from typing import Any

_app: Any = None  # the QApplication lives as long as the benchmark


def real_window() -> Any:
    """A shown `MainWindow` with its settings and history, as `stance-reader` opens it."""
    global _app
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    from stance_reader.store.history import open_history
    from stance_reader.store.paths import user_paths
    from stance_reader.store.settings import SettingsStore
    from stance_reader.ui.main_window import MainWindow

    paths = user_paths()
    settings = SettingsStore(paths.settings_file)
    settings.load()
    history, _ = open_history(paths.history_db)
    window = MainWindow(settings, history)
    window.show()
    return window
