"""Reading as a newcomer does: F8 walks centred with "n of N", no caret, menus with
unique mnemonics, actions off without a document, the last folder, history entries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu

from stance_reader.ui.mnemonics import mnemonic
from tests.conftest import SAMPLE
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.model]


def _action(window, shortcut: str):  # type: ignore[no-untyped-def]
    """The window's action with this shortcut (or, for "&…" text, this menu text)."""
    return next(a for a in window.findChildren(type(window.save_copy_action))
                if a.shortcut().toString() == shortcut or a.text() == shortcut)


def test_f8_centres_each_quotation_and_says_which_of_how_many(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.resize(1300, 520)
    w.settings_store.update(zoom=180)  # the sample needs scrolling, so centring shows
    tab = open_and_wait(qtbot, w, SAMPLE)
    quotes = tab.quotes_in_view(w.state)
    f8, shift_f8 = _action(w, "F8"), _action(w, "Shift+F8")
    bar = tab.view.text.verticalScrollBar()
    assert bar.maximum() > 0
    centred = 0
    for n, quote in enumerate(quotes, 1):
        f8.trigger()
        cursor = tab.view.text.textCursor()
        assert (cursor.selectionStart(), cursor.selectionEnd()) == (quote.start, quote.end)
        assert w.walk_label.text() == f"Quotation {n} of {len(quotes)}"
        top, bottom = tab.view.span_rect(quote.start, quote.end)
        middle, height = (top + bottom) / 2, tab.view.text.viewport().height()
        assert 0 <= top and bottom <= height  # wholly visible, not half hidden at an edge
        if 0 < bar.value() < bar.maximum():  # not held at either end of the scroll range
            assert abs(middle - height / 2) <= tab.view.text.fontMetrics().height() * 1.6
            centred += 1
    assert centred >= 2
    shift_f8.trigger()
    assert w.walk_label.text() == f"Quotation {len(quotes) - 1} of {len(quotes)}"
    f8.trigger()
    f8.trigger()  # wraps around to the first
    assert w.walk_label.text() == f"Quotation 1 of {len(quotes)}"


def test_read_only_text_shows_no_caret(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    text = tab.view.text
    assert text.cursorWidth() == 0
    assert not text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def _menus(container) -> list:  # type: ignore[no-untyped-def]
    found = []
    for act in container.actions():
        if act.menu() is not None:
            found.append(act.menu())
            found.extend(_menus(act.menu()))
    return found


def test_every_menu_has_unique_mnemonics(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    w._fill_recent()
    for menu in [w.menuBar(), *_menus(w.menuBar())]:
        entries = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
        keys = [mnemonic(t) for t in entries]
        if menu is not w.recent_menu:  # file titles there are shown as they are
            assert None not in keys, (menu.title() if isinstance(menu, QMenu) else "menu bar", entries)
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), entries
    edit = next(m for m in _menus(w.menuBar()) if m.title() == "&Edit")
    by_key = {mnemonic(a.text()): a.text() for a in edit.actions() if a.text()}
    assert by_key["p"] == "&Preferences…"


def test_actions_needing_a_document_are_disabled_without_one(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    for act in (w.save_copy_action, _action(w, "F8"), _action(w, "Ctrl+F"), _action(w, "&Close Tab")):
        assert not act.isEnabled(), act.text()
    tab = open_and_wait(qtbot, w, SAMPLE)
    assert tab.analysis is not None
    for act in (w.save_copy_action, _action(w, "F8"), _action(w, "Ctrl+F")):
        assert act.isEnabled(), act.text()
    w.close_tab(w.tabs.currentIndex())
    assert not w.save_copy_action.isEnabled()


def test_open_and_save_dialogs_start_in_the_last_folder(qtbot, make_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / "story.txt"
    shutil.copy(SAMPLE, article)
    asked: list[str] = []

    def fake_open(parent, caption, directory, filters):  # type: ignore[no-untyped-def]
        asked.append(directory)
        return [str(article)], ""

    def fake_save(parent, caption, directory, filters, selected, options):  # type: ignore[no-untyped-def]
        asked.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_open)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    w = make_window()
    with qtbot.waitSignal(w.document_ready, timeout=120_000):
        w.open_dialog()
    w.close()
    w2 = make_window()  # a restart remembers it too
    w2.open_dialog()
    qtbot.waitUntil(lambda: w2.current_tab() is not None and w2.current_tab().analysis is not None,
                    timeout=120_000)
    w2.save_annotated_copy()
    assert asked[1] == str(folder)
    assert Path(asked[2]).parent == folder


def test_show_all_clears_the_selected_voice(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    speaker = tab.analysis.speakers[0]
    w.voices_panel.select_speaker(speaker.id)
    assert w.voices_panel.table.selectionModel().selectedRows()
    _action(w, "Ctrl+Shift+A").trigger()
    assert w.state.speakers is None
    assert not w.voices_panel.table.selectionModel().selectedRows()


def test_layer_names_elide_in_the_middle_with_the_full_name_in_the_tooltip(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    tree = w.layers_panel.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    speakers = tree.topLevelItem(0)
    chiu = next(speakers.child(j) for j in range(speakers.childCount())
                if speakers.child(j).text(0).startswith("Chiu Kuo-cheng"))
    assert chiu.text(0) == "Chiu Kuo-cheng (person)"
    assert chiu.toolTip(0).startswith("Chiu Kuo-cheng (person)")
    assert tab.analysis is not None


def test_an_annotated_copy_and_its_original_are_separate_history_entries(qtbot, make_window, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.store.history_cli import main as history_main

    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    copy = tmp_path / "taiwan.annotated.html"
    with qtbot.waitSignal(w.copy_saved, timeout=30_000):  # saving runs off the GUI thread
        assert w.write_copy(tab.analysis, "html", copy)
    open_and_wait(qtbot, w, copy)
    records = w.history.recent(10)
    assert sorted(r.last_path for r in records) == sorted([str(SAMPLE), str(copy)])
    assert all(r.title for r in records)
    w.close()
    w.history.close()
    import io
    out, err = io.StringIO(), io.StringIO()
    assert history_main([], out, err) == 0
    assert "(untitled)" not in out.getvalue()
    assert "taiwan-self-defense.txt" in out.getvalue() and "taiwan.annotated.html" in out.getvalue()


def test_the_save_dialog_format_follows_the_extension(qtbot, make_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The filter left on HTML, the name ending in .pdf: a PDF is written."""
    answers = iter([str(tmp_path / "taiwan.annotated.pdf"), str(tmp_path / "plain")])

    def fake_save(parent, caption, directory, filters, selected, options):  # type: ignore[no-untyped-def]
        return next(answers), selected  # the first filter (HTML) stays selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    with qtbot.waitSignal(w.copy_saved, timeout=60_000):  # saving runs off the GUI thread
        w.save_annotated_copy()
    assert (tmp_path / "taiwan.annotated.pdf").read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(w.copy_saved, timeout=60_000):
        w.save_annotated_copy()  # no extension: the selected filter's is added
    assert (tmp_path / "plain.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
