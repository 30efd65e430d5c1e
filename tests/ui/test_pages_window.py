"""Notices in the window: a text that is not English, a PDF without text (a scan) say so
in the status line and above the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.pdf_pages import scanned_pdf
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
    assert "English-only" in tab.view.notice.text()


def test_a_scan_opens_in_a_tab_named_after_the_file_with_the_notice(qtbot, make_window,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    src = tmp_path / "letter.pdf"
    src.write_bytes(scanned_pdf())
    w = make_window()
    tab = open_and_wait(qtbot, w, src)
    qtbot.waitUntil(lambda: "this PDF has no text (a scan?)" in w.statusBar().currentMessage(),
                    timeout=10_000)
    assert w.tabs.tabText(w.tabs.indexOf(tab)) == "letter.pdf"
    assert tab.view.text.toPlainText().strip() == ""
    # The notice stays above the (empty) article after the status line has moved on.
    assert tab.view.notice.isVisible()
    assert "this PDF has no text (a scan?)" in tab.view.notice.text()
    assert tab.analysis is not None and tab.analysis.quotes == ()
