"""Notices in the window: a text that is not English says so in the status line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_language_notice import FRENCH
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_text_not_in_english_says_so_in_the_status_line(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    src = tmp_path / "budget.txt"
    src.write_text(FRENCH, encoding="utf-8")
    w = make_window()
    tab = open_and_wait(qtbot, w, src)
    qtbot.waitUntil(lambda: "English-only" in w.statusBar().currentMessage(), timeout=10_000)
    assert tab.analysis is not None and tab.analysis.speakers == ()
