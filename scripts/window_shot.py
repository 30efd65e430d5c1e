"""Grab the whole main window (panels included) with one article open, offscreen.

    .venv/bin/python scripts/window_shot.py ARTICLE OUT.png
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(article: str, out: str) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from stance_reader.store.history import open_history
    from stance_reader.store.paths import user_paths
    from stance_reader.store.settings import SettingsStore
    from stance_reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["stance-reader"])  # noqa: F841
    paths = user_paths()
    settings = SettingsStore(paths.settings_file)
    settings.load()
    history, _ = open_history(paths.history_db, True)
    window = MainWindow(settings, history)
    window.resize(1300, 850)
    window.show()
    loop = QEventLoop()
    window.document_ready.connect(lambda _tab: QTimer.singleShot(300, loop.quit))
    window.open_path(article)
    loop.exec()
    ok = window.grab().save(out)
    window.close()
    history.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
