"""The voices panel as a reader uses it: voices only, an empty state in words, colours by
share of voice, a right-click menu per voice, and a Stance tab readable in both themes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QColorDialog, QInputDialog

from stance_reader.core.analysis import Speaker
from stance_reader.presentation.tone import Thresholds
from stance_reader.presentation.voices import analysis_colors
from stance_reader.style.palette import SPEAKER_COLORS, contrast_ratio
from stance_reader.ui.voices_panel import NO_QUOTATIONS, ROLE_SPEAKER_ID, TONE_COLUMN, VoicesPanel
from tests.conftest import SAMPLE
from tests.ui.conftest import open_and_wait

DEFAULT = Thresholds(0.05, -0.05)


def _panel(qtbot, analysis, theme: str = "light") -> VoicesPanel:  # type: ignore[no-untyped-def]
    panel = VoicesPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    panel.populate(analysis, analysis_colors(analysis) if analysis else {}, theme, DEFAULT)
    return panel


def _names(panel: VoicesPanel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


@pytest.mark.gui
def test_no_quotations_shows_a_sentence_not_an_empty_table(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    bare = replace(small, quotes=(), reported=())
    panel = _panel(qtbot, bare)
    assert panel.pages.currentWidget() is panel.empty and panel.empty.isVisible()
    assert panel.empty.text() == NO_QUOTATIONS
    assert not panel.table.isVisible()
    panel.populate(small, analysis_colors(small), "light", DEFAULT)
    assert panel.pages.currentWidget() is panel.table


@pytest.mark.gui
def test_voices_only_then_mentioned_on_request_in_colour_order(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    silent = tuple(Speaker(f"m{i}", f"Silent {i}", "person") for i in range(3))
    crowded = replace(small, speakers=(*silent, *small.speakers))
    panel = _panel(qtbot, crowded)
    assert _names(panel) == ["Ann", "Bob"]
    icons = [panel.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(2)]
    swatches = [icon.pixmap(14).toImage().pixelColor(7, 7).name() for icon in icons]
    assert swatches == [SPEAKER_COLORS[0].light.lower(), SPEAKER_COLORS[1].light.lower()]
    # A selected row shows the speaker's own colour, not one tinted by the selection.
    selected = icons[0].pixmap(14, QIcon.Mode.Selected).toImage().pixelColor(7, 7).name()
    assert selected == SPEAKER_COLORS[0].light.lower()
    assert "(3)" in panel.show_mentioned.text()
    panel.show_mentioned.setChecked(True)
    assert _names(panel)[:2] == ["Ann", "Bob"] and set(_names(panel)[2:]) == {
        "Silent 0", "Silent 1", "Silent 2"}
    mentioned_row = panel.model.index(2, 0)
    assert not mentioned_row.flags() & Qt.ItemFlag.ItemIsSelectable


@pytest.mark.gui
def test_a_tone_near_zero_reads_0_00(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.core.analysis import Tone

    q2 = replace(small.quotes[1], tone=Tone(-0.001, "neutral"))
    panel = _panel(qtbot, replace(small, quotes=(small.quotes[0], q2, small.quotes[2])))
    bob = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "Bob")
    assert panel.model.index(bob, TONE_COLUMN).data() == "0.00"


@pytest.mark.gui
def test_right_click_on_a_voice_asks_for_its_menu(qtbot, small) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, small)
    rect = panel.table.visualRect(panel.model.index(1, 0))
    with qtbot.waitSignal(panel.voice_menu_requested) as caught:
        panel.table.customContextMenuRequested.emit(rect.center())
    assert caught.args[0] == panel.model.index(1, 0).data(ROLE_SPEAKER_ID)


@pytest.mark.gui
@pytest.mark.model
def test_voice_menu_renames_recolours_and_merges_and_they_are_kept(qtbot, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    by_name = {s.name: s.id for s in tab.analysis.speakers}
    tan, chiu = by_name["Tan Kefei"], by_name["Chiu Kuo-cheng"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tan Kefei (spokesman)", True))
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ff00ff"))
    menu = w.voice_menu(tan)
    texts = [a.text() for a in menu.actions()]
    assert texts[0].startswith("&Rename") and "Re&colour…" in texts and "&Merge into" in texts
    menu.actions()[0].trigger()
    assert tab.analysis.speaker_by_id(tan).name == "Tan Kefei (spokesman)"
    next(a for a in w.voice_menu(tan).actions() if a.text() == "Re&colour…").trigger()
    assert tab.view.colors[tan].hue == "#ff00ff"
    quotes_before = sum(q.speaker in (tan, chiu) for q in tab.analysis.quotes)
    merge = next(a for a in w.voice_menu(tan).actions() if a.text() == "&Merge into").menu()
    next(a for a in merge.actions() if a.text() == "Chiu Kuo-cheng").trigger()
    assert tab.analysis.speaker_by_id(tan) is None
    assert sum(q.speaker == chiu for q in tab.analysis.quotes) == quotes_before
    assert "Tan Kefei (spokesman)" not in [w.voices_panel.model.index(r, 0).data()
                                           for r in range(w.voices_panel.model.rowCount())]
    w.close()
    w2 = make_window()  # a restart: the rename and the merge come back as corrections
    tab2 = open_and_wait(qtbot, w2, SAMPLE)
    assert tab2.analysis.speaker_by_id(tan) is None
    assert "Tan Kefei (spokesman)" in tab2.analysis.speaker_by_id(chiu).aliases
    assert [c.field for c in tab2.analysis.corrections][-2:] == ["speaker_name", "speaker_merge"]


@pytest.mark.gui
@pytest.mark.model
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_stance_text_keeps_wcag_contrast_and_no_column_is_cut(qtbot, make_window, theme) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    w.settings_store.update(theme=theme)
    open_and_wait(qtbot, w, SAMPLE)
    table = w.voices_panel.stance
    w.voices_panel.tabs.setCurrentIndex(1)
    base = table.palette().base().color().name()
    cells = [table.item(r, 2) for r in range(table.rowCount())]
    assert cells
    for cell in cells:
        assert contrast_ratio(cell.foreground().color().name(), base) >= 4.5, (theme, cell.text())
    # Every column inside the panel: the tone column whole, names elided in the middle
    # with the whole name in the tooltip.
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width() + 1, widths
    assert table.columnWidth(2) >= table.sizeHintForColumn(2)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert all(cell.toolTip().startswith(table.item(r, 0).text() or "")
               for r in range(table.rowCount()) if (cell := table.item(r, 1)) is not None)


@pytest.mark.gui
@pytest.mark.model
def test_a_stance_row_leads_to_its_quotations_and_f8_counts_them(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.voices_panel import ROLE_QUOTES

    w = make_window()
    tab = open_and_wait(qtbot, w, SAMPLE)
    table = w.voices_panel.stance
    row = max(range(table.rowCount()), key=lambda r: len(table.item(r, 2).data(ROLE_QUOTES)))
    ids = table.item(row, 2).data(ROLE_QUOTES)
    table.cellClicked.emit(row, 1)
    first = tab.analysis.quote_by_id(ids[0])
    cursor = tab.view.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (first.start, first.end)
    w.step_quote(True)
    assert w.walk_label.text() == f"Quotation {2 if len(ids) > 1 else 1} of {len(ids)}"
