"""A real main window offscreen, with its store in a temporary folder."""

from __future__ import annotations

import pytest

from stance_reader.store.history import open_history
from stance_reader.store.paths import user_paths
from stance_reader.store.settings import SettingsStore


@pytest.fixture
def make_window(qtbot, nlp):  # type: ignore[no-untyped-def]
    """Build windows sharing the test's user folder (a restart is a second window)."""
    from stance_reader.ui.main_window import MainWindow

    made = []

    def build(**kwargs):  # type: ignore[no-untyped-def]
        paths = user_paths()
        settings = SettingsStore(paths.settings_file)
        settings.load()
        history, notices = open_history(paths.history_db, settings.settings.history_enabled)
        window = MainWindow(settings, history, **kwargs)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        made.append(window)
        return window

    yield build
    for w in made:
        w.pool.waitForDone(30000)
        w.save_pool.waitForDone(30000)
        w.history.close()


def open_and_wait(qtbot, window, path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.document_ready, timeout=120_000):
        tab = window.open_path(str(path))
    return tab
