"""Application start: QApplication, logging, store, main window, file arguments."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time

from stance_reader.store.history import open_history
from stance_reader.store.paths import user_paths
from stance_reader.store.settings import SettingsStore, load_settings


def _logging(path) -> None:  # type: ignore[no-untyped-def]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.INFO)
    except OSError:
        pass  # no log file: the reader still runs


def create_window(files: list[str], *, model: str | None = None, app=None,  # type: ignore[no-untyped-def]
                  settings: SettingsStore | None = None):
    """The main window with settings and history from the user folders, files opened.

    `settings` already loaded (by `run`) are used as they are: loading twice would lose
    the notice of the first load (a damaged file moved aside is fine the second time)."""
    from stance_reader.ui.dialogs import show_notice
    from stance_reader.ui.main_window import MainWindow

    paths = user_paths()
    _logging(paths.log_file)
    if settings is None:
        settings = load_settings(paths.settings_file)
    history, notices = open_history(paths.history_db, settings.settings.history_enabled)
    window = MainWindow(settings, history, model=model)
    window.show()
    for note in [*settings.notices, *notices]:
        show_notice(window, note)
    for w in settings.warnings:
        window.statusBar().showMessage(w, 8000)
    to_open = list(files)
    if not to_open and settings.settings.restore_last_session:
        from pathlib import Path

        to_open = [p for p in history.session() if Path(p).is_file()]  # no pipes, devices
    for f in to_open:
        window.open_path(f)
    return window


def run(files: list[str], *, model: str | None = None) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from stance_reader.ui.dialogs import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Stance Reader")
    app.setOrganizationName("Stance Reader")
    app.setDesktopFileName("stance-reader")
    try:
        from stance_reader.resources import icon_path
        app.setWindowIcon(QIcon(str(icon_path())))
    except Exception:  # resources missing in an odd install: run without an icon
        pass
    install_excepthook()
    from stance_reader.ui import single_instance

    opener = single_instance.FileOpenFilter(app)
    settings = load_settings(user_paths().settings_file)
    unique = settings.settings.single_instance
    if unique and single_instance.forward_to_running(files):
        return 0  # the running window took the files
    window = create_window(files, model=model, app=app, settings=settings)
    opener.attach(window)
    if unique:
        window._instance_server = single_instance.listen(window)
    if os.environ.get("STANCE_READER_EXIT_AFTER_SHOW"):
        _report_when_exposed(app, window)
    return app.exec()


def _report_when_exposed(app, window) -> None:  # type: ignore[no-untyped-def]
    """Start-up measurement and the real-window test (tests/benchmarks/bench_startup.py,
    tests/ui/test_xcb_window.py): once the window is on screen (exposed by the platform,
    or after 10 s), print when, on which platform and how big, then quit."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + 10

    def check() -> None:
        handle = window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if not exposed and time.monotonic() < deadline:
            QTimer.singleShot(20, check)
            return
        print(f"window-shown {time.time():.3f} platform={app.platformName()} "
              f"exposed={'yes' if exposed else 'no'} size={window.width()}x{window.height()}",
              flush=True)
        window.close()  # cancels and waits for running analyses, like a person closing it
        app.quit()
    QTimer.singleShot(0, check)
