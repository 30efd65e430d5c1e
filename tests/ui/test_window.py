"""The real window, offscreen: open, layers, voices, corrections, errors, store."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from stance_reader.core import corrections
from stance_reader.style.palette import PAGE
from stance_reader.presentation.layers import LAYER_NAMES as LAYERS
from tests.conftest import SAMPLE
from tests.ui.conftest import open_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_open_sample_analyses_off_the_gui_thread_and_highlights(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    assert tab.analysis is not None and len(tab.analysis.quotes) == 8
    assert tab.view.text.toPlainText() == SAMPLE.read_text(encoding="utf-8")
    assert len(tab.view.text.extraSelections()) > 20
    assert w.voices_panel.model.rowCount() == len(tab.analysis.speakers)
    assert "quotations" in w.statusBar().currentMessage()


def test_every_layer_toggles_without_reanalysis(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    analysis = tab.analysis
    full = _styles(tab)
    for layer in LAYERS:
        w.layer_actions[layer].trigger()
        assert layer not in w.state.on
        assert _styles(tab) != full, layer
        w.layer_actions[layer].trigger()
        assert _styles(tab) == full
    assert tab.analysis is analysis and w.pool.activeThreadCount() == 0


def _styles(tab) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    def value(v):  # type: ignore[no-untyped-def]
        return v.color().name() if hasattr(v, "color") else str(v)
    return [(x.cursor.selectionStart(), x.cursor.selectionEnd(), repr(sorted(
        (k, value(v)) for k, v in x.format.properties().items())))
        for x in tab.view.text.extraSelections()]


def test_voices_panel_narrows_to_a_speaker_and_jumps(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    chiu = next(s for s in tab.analysis.speakers if s.name == "Chiu Kuo-cheng")
    w.voices_panel.select_speaker(chiu.id)
    assert w.state.speakers == frozenset({chiu.id})
    first = next(q for q in tab.analysis.quotes if q.speaker == chiu.id)
    cursor = tab.view.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (first.start, first.end)
    w.step_quote(True)
    second = [q for q in tab.analysis.quotes if q.speaker == chiu.id][1]
    assert tab.view.text.textCursor().selectionStart() == second.start
    w.select_speaker("")
    assert w.state.speakers is None


def test_layers_panel_shows_counts_and_narrows_to_one_tone(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    tree = w.layers_panel.tree
    tone = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == "tone")
    for j in range(tone.childCount()):
        if tone.child(j).text(0) != "negative":
            tone.child(j).setCheckState(0, Qt.CheckState.Unchecked)
    assert w.state.tone == "negative"
    shown = tab.quotes_in_view(w.state)
    assert shown and all(q.tone.label == "negative" for q in shown)


def test_correct_a_speaker_survives_restart_and_another_path(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    term = next(q for q in tab.analysis.quotes if q.kind == "term")
    menu = tab.correction_menu(term.id)
    change = next(a for a in menu.actions() if a.text() == "Change speaker").menu()
    tsai = next(a for a in change.actions() if a.text() == "Tsai Ing-wen")
    tsai.trigger()
    fixed = tab.analysis.quote_by_id(term.id)
    assert fixed.attribution == "person"
    assert tab.analysis.speaker_by_id(fixed.speaker).name == "Tsai Ing-wen"
    assert "corrected by a person" in __import__("stance_reader.presentation.marks", fromlist=["x"]).describe(
        tab.analysis, fixed)
    w.close()
    copy = tmp_path / "moved-story.txt"
    shutil.copy(SAMPLE, copy)
    w2 = make_window()
    tab2 = open_and_wait(qtbot, w2, copy)
    again = tab2.analysis.quote_by_id(term.id)
    assert tab2.analysis.speaker_by_id(again.speaker).name == "Tsai Ing-wen"
    assert tab2.analysis.corrections


def test_corrupt_file_shows_a_dialog_and_window_stays_usable(qtbot, make_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown = []
    monkeypatch.setattr("stance_reader.ui.main_window.show_error",
                        lambda parent, exc, path=None: shown.append((str(exc), path)))
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a document")
    w = make_window()
    w.open_path(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "broken.docx" in shown[0][0] and "not a readable Word document" in shown[0][0]
    assert w.current_tab() is None  # nothing half-open
    tab = open_and_wait(qtbot, w, SAMPLE)
    assert tab.analysis is not None


def test_cancel_keeps_the_text(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    long = tmp_path / "long.txt"
    long.write_text((SAMPLE.read_text(encoding="utf-8") + "\n\n") * 40, encoding="utf-8")
    w = make_window()
    tab = w.open_path(str(long))
    qtbot.waitUntil(lambda: tab.article is not None, timeout=30_000)
    with qtbot.waitSignal(tab.cancelled, timeout=60_000):
        w.cancel_current()
    assert tab.analysis is None and tab.view.text.toPlainText().startswith("Taiwan will not")


def test_drop_files_and_recent_menu(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "dropped.txt"
    shutil.copy(SAMPLE, copy)
    w = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.document_ready, timeout=120_000):
        w.dropEvent(event)
    assert w.current_tab().path == str(copy)
    copy.unlink()
    w._fill_recent()
    labels = [a.text() for a in w.recent_menu.actions()]
    assert any("missing" in label for label in labels)


def test_theme_switches_live(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    w.settings_store.update(theme="dark")
    assert tab.view.text.palette().base().color().name() == PAGE["dark"]
    w.settings_store.update(theme="light")
    assert tab.view.text.palette().base().color().name() == PAGE["light"]


def test_save_annotated_copy_asks_before_replacing(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    out = tmp_path / "copy.html"
    with qtbot.waitSignal(w.copy_saved, timeout=60_000):
        assert w.write_copy(tab.analysis, "html", out)
    assert out.exists()
    assert not w.write_copy(tab.analysis, "html", out, confirm=lambda p: False)
    with qtbot.waitSignal(w.copy_saved, timeout=60_000):
        assert w.write_copy(tab.analysis, "json", tmp_path / "copy.json", confirm=lambda p: True)


def test_tone_thresholds_from_preferences_relabel_live(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    before = {q.id: q.tone for q in tab.analysis.quotes}
    w.settings_store.update(tone_positive=0.9, tone_negative=-0.9)
    after = {q.id: q.tone for q in tab.analysis.quotes}
    assert all(t.label == "neutral" for t in after.values() if abs(t.compound) < 0.9)
    assert [t.compound for t in after.values()] == [t.compound for t in before.values()]
    counts = {w.layers_panel.tree.topLevelItem(1).child(j).text(0):
              w.layers_panel.tree.topLevelItem(1).child(j).text(1) for j in range(3)}
    assert counts["neutral"] == str(sum(q.kind != "term" and abs(q.tone.compound) < 0.9
                                        for q in tab.analysis.quotes))


def test_recolour_and_rename_a_speaker_are_kept(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    tan = next(s for s in tab.analysis.speakers if s.name == "Tan Kefei")
    tab.recolour_speaker(tan.id, "#ff00ff")
    tab.rename_speaker(tan.id, "Tan Kefei (spokesman)")
    assert tab.view.colors[tan.id].hue == "#ff00ff"
    w.close()
    w2 = make_window()
    tab2 = open_and_wait(qtbot, w2, SAMPLE)
    assert tab2.view.colors[tan.id].hue == "#ff00ff"
    assert tab2.analysis.speaker_by_id(tan.id).name == "Tan Kefei (spokesman)"


def test_hover_details_find_and_not_a_quote(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.presentation.marks import describe

    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    text = tab.view.text
    tan = next(q for q in tab.analysis.quotes if "delusory" in tab.analysis.text[q.start:q.end])
    cursor = text.textCursor()
    cursor.setPosition(tan.start + 5)
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    from PySide6.QtCore import QPoint

    rect = text.cursorRect()  # the line box is taller than the cursor: find the glyphs
    point = next(QPoint(rect.x() + 3, rect.top() + dy) for dy in range(40)
                 if text.cursorForPosition(QPoint(rect.x() + 3, rect.top() + dy)).position() > tan.start)
    assert text.item_at(point) == tan.id
    detail = describe(tab.analysis, tan)
    assert "Tan Kefei" in detail and "cue: said" in detail and "negative" in detail
    tab.view.find_edit.setText("strategic ambiguity")
    assert tab.view.find(backward=False)
    assert text.textCursor().selectedText() == "strategic ambiguity"
    tab.view.find_edit.setText("no such words here")
    assert not tab.view.find(backward=False) and tab.view.find_status.text() == "Not found"
    menu = tab.correction_menu(tan.id)
    next(a for a in menu.actions() if a.text() == "Not a quotation").trigger()
    assert tab.analysis.quote_by_id(tan.id) is None
    assert tab.analysis.corrections[-1].field == "removed"


def test_preferences_dialog_applies_changes_live(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.store.settings import SettingsStore
    from stance_reader.store.paths import user_paths
    from stance_reader.ui.preferences import PreferencesDialog

    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    dialog = PreferencesDialog(w.settings_store, w)
    qtbot.addWidget(dialog)
    dialog.widgets["theme"].setCurrentText("dark")
    assert w.theme == "dark" and tab.view.text.palette().base().color().name() == PAGE["dark"]
    dialog.widgets["reading_width"].setValue(50)
    assert tab.view.text.measure == 50
    dialog.layer_boxes["cues"].setChecked(False)
    assert "cues" not in w.state.on
    saved = SettingsStore(user_paths().settings_file)
    saved.load()
    assert saved.settings.theme == "dark" and saved.settings.reading_width == 50
    assert "cues" not in saved.settings.default_layers


def test_missing_model_from_preferences_is_reported_not_crashed(qtbot, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown = []
    monkeypatch.setattr("stance_reader.ui.main_window.show_error",
                        lambda parent, exc, path=None: shown.append(str(exc)))
    w = make_window()
    w.settings_store.update(spacy_model="en_core_web_trf_not_installed")
    w.open_path(str(SAMPLE))
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "not installed" in shown[0] and "pip install" in shown[0]
    tab = w.current_tab()
    assert tab is not None and tab.view.text.toPlainText().startswith("Taiwan")  # text stays


def test_annotated_html_reopens_with_its_analysis_and_corrections(qtbot, make_window, sample_analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from stance_reader import export

    edited = corrections.set_tone(sample_analysis, "q1", "negative", at="2026-11-25T00:00:00+00:00")
    copy = export.write(edited, "html", tmp_path / "story.annotated.html")
    w = make_window()
    tab = open_and_wait(qtbot, w, copy)
    assert tab.analysis.quotes == edited.quotes and tab.analysis.corrections == edited.corrections
    assert tab.view.text.toPlainText() == edited.text


def test_closing_a_tab_while_it_is_analysed_is_safe(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    long = tmp_path / "long.txt"
    long.write_text((SAMPLE.read_text(encoding="utf-8") + "\n\n") * 30, encoding="utf-8")
    w = make_window()
    w.open_path(str(long))
    w.close_tab(w.tabs.currentIndex())
    import gc
    gc.collect()
    assert w.pool.waitForDone(60_000)
    tab = open_and_wait(qtbot, w, SAMPLE)  # the window still works
    assert tab.analysis is not None


def test_a_correction_made_in_the_window_reaches_cli_annotate(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from stance_reader.cli import main

    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    quote = next(q for q in tab.analysis.quotes if q.kind != "term")
    menu = tab.correction_menu(quote.id)
    next(a for a in menu.actions() if a.text() == "Not a quotation").trigger()
    w.close()
    out = tmp_path / "annotated.json"
    assert main(["annotate", str(SAMPLE), "-f", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert quote.id not in {q["id"] for q in data["quotes"]}
    assert [(c["target"], c["field"]) for c in data["corrections"]] == [(quote.id, "removed")]
    assert main(["annotate", str(SAMPLE), "-f", "json", "-o", str(out), "--force",
                 "--no-corrections"]) == 0
    assert quote.id in {q["id"] for q in json.loads(out.read_text(encoding="utf-8"))["quotes"]}


def test_recolouring_touches_only_colours(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    w.toggle_layer("cues", False)
    analysis, sha = tab.analysis, tab.analysis.source.sha256
    opened_before = w.history.get(sha).times_opened
    tan = next(s for s in analysis.speakers if s.name == "Tan Kefei")
    with qtbot.waitSignal(tab.recoloured, timeout=5000):
        tab.recolour_speaker(tan.id, "#ff00ff")
    assert tab.view.colors[tan.id].hue == "#ff00ff"
    assert "cues" not in w.state.on and tab.analysis is analysis
    assert w.history.get(sha).times_opened == opened_before
