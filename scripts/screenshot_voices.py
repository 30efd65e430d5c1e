"""Screenshots of the voices panel (light, dark) and the Stance tab (dark) on a saved page.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_voices.py PAGE.html OUT_DIR

The window runs offscreen with a throwaway user folder; the page is read where it lies
(news pages belong to their publishers and are never copied into the repository).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(page: str, out_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["STANCE_READER_HOME"] = tempfile.mkdtemp(prefix="stance-shots-")
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
    history, _ = open_history(paths.history_db)
    window = MainWindow(settings, history)
    window.resize(1500, 900)
    window.show()
    loop = QEventLoop()
    window.document_ready.connect(lambda _tab: loop.quit())
    QTimer.singleShot(300_000, loop.quit)
    window.open_path(page)
    loop.exec()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    panel = window.voices_panel
    for theme in ("light", "dark"):
        settings.update(theme=theme)
        panel.tabs.setCurrentIndex(0)
        app.processEvents()
        panel.grab().save(str(out / f"voices-{theme}.png"))
    panel.tabs.setCurrentIndex(1)
    app.processEvents()
    panel.grab().save(str(out / "stance-dark.png"))
    window.grab().save(str(out / "window-dark.png"))
    window.close()
    history.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
