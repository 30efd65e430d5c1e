"""Rendered pixels and colour contrast: what the reader actually shows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from stance_reader.presentation.voices import analysis_colors
from stance_reader.style.palette import (
    NEUTRAL_SPEAKER_COLOR, PAGE, SPEAKER_COLORS, TAIL_SPEAKER_COLOR, TEXT, TONE_HUES,
    contrast_ratio, mix, speaker_colors, tone_color)

pytestmark = [pytest.mark.gui, pytest.mark.model]


def _colours_in_rect(image, rect) -> set[str]:  # type: ignore[no-untyped-def]
    found = set()
    for x in range(max(0, rect.left()), min(image.width(), rect.right())):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom())):
            found.add(QColor(image.pixel(x, y)).name())
    return found


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_quote_shows_its_speaker_colour_only_with_the_layer_on(qapp, sample_analysis, theme) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.presentation.layers import LAYER_NAMES as LAYERS, LayerState
    from stance_reader.ui.reader_view import ReaderView

    colors = analysis_colors(sample_analysis)
    for layers, expect_colour in ((LAYERS, True), (tuple(x for x in LAYERS if x != "speakers"), False)):
        view = ReaderView()
        view.set_theme(theme)
        view.set_state(LayerState(on=frozenset(layers)))
        view.resize(1000, 2400)
        view.set_analysis(sample_analysis)
        view.ensure_styled()
        view.show()
        view.layout().activate()
        image = view.text.viewport().grab().toImage()
        for q in sample_analysis.quotes:
            if q.kind == "term" or q.speaker is None:
                continue
            cursor = view.text.textCursor()
            cursor.setPosition(q.start + 1)
            rect = view.text.cursorRect(cursor).adjusted(0, 0, 12, 0)
            seen = _colours_in_rect(image, rect)
            bg = colors[q.speaker].for_theme(theme)
            if expect_colour:
                assert bg in seen, (q.id, bg, theme)
            else:
                in_reported = any(r.start <= q.start < r.end for r in sample_analysis.reported)
                page_or_reported = {PAGE[theme]} | ({mix(c.for_theme(theme), PAGE[theme], 0.55)
                                                    for c in colors.values()} if in_reported else set())
                assert bg not in seen and seen & page_or_reported, (q.id, theme)
        view.close()


def test_body_text_on_every_highlight_keeps_wcag_contrast() -> None:
    for theme in ("light", "dark"):
        for c in (*SPEAKER_COLORS, NEUTRAL_SPEAKER_COLOR, TAIL_SPEAKER_COLOR):
            bg = c.for_theme(theme)  # type: ignore[arg-type]
            assert contrast_ratio(bg, TEXT[theme]) >= 4.5, (c.name, theme)
            reported = mix(bg, PAGE[theme], 0.55)
            assert contrast_ratio(reported, TEXT[theme]) >= 4.5, (c.name, theme, "reported")
    # A colour a person picks is softened the same way.
    for hue in ("#ff0000", "#000000", "#ffffff", "#00ff00", "#0000ff"):
        custom = speaker_colors(["s1"], {"s1": hue})["s1"]
        for theme in ("light", "dark"):
            assert contrast_ratio(custom.for_theme(theme), TEXT[theme]) >= 4.5  # type: ignore[arg-type]


def test_speakers_beyond_the_palette_share_a_tail_colour_that_is_not_neutral_grey() -> None:
    ids = [f"s{i}" for i in range(1, 12)]
    colors = speaker_colors(ids)
    assert len({colors[i].hue for i in ids[:7]}) == 7
    assert all(colors[i] == TAIL_SPEAKER_COLOR for i in ids[7:])
    for theme in ("light", "dark"):
        tail = QColor(TAIL_SPEAKER_COLOR.for_theme(theme))  # type: ignore[arg-type]
        for grey in (tone_color("neutral", 0.0, theme), TONE_HUES["neutral"],  # type: ignore[arg-type]
                     NEUTRAL_SPEAKER_COLOR.for_theme(theme)):  # type: ignore[arg-type]
            assert tail.hsvSaturation() - QColor(grey).hsvSaturation() > 40, (theme, grey)
        for c in SPEAKER_COLORS:
            other = QColor(c.for_theme(theme))  # type: ignore[arg-type]
            assert max(abs(tail.red() - other.red()), abs(tail.green() - other.green()),
                       abs(tail.blue() - other.blue())) > 30, (theme, c.name)


def test_render_command_writes_a_png(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    out = tmp_path / "view.png"
    res = subprocess.run([sys.executable, "-m", "stance_reader", "render", str(SAMPLE), "-o",
                          str(out), "--layers", "speakers,tone", "--theme", "dark", "--width", "800"],
                         capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert res.returncode == 0, res.stderr
    from PySide6.QtGui import QImage
    image = QImage(str(out))
    assert image.width() == 800 and image.height() > 1000
    bad = subprocess.run([sys.executable, "-m", "stance_reader", "render", str(SAMPLE), "-o",
                          str(out), "--layers", "nonsense"], capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode == 1 and "unknown layer nonsense" in bad.stderr


def test_rendered_title_starts_where_the_body_lines_start(qapp, sample_analysis) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.render import render_analysis

    titled = sample_analysis.with_changes(title="Taiwan will defend itself, minister says")
    image = render_analysis(titled, layers=[], theme="light", width=900, height=400)
    page = QColor(PAGE["light"])

    def first_ink(rows: range) -> int:
        for x in range(image.width()):
            for y in rows:
                c = QColor(image.pixel(x, y))
                if abs(c.red() - page.red()) + abs(c.green() - page.green()) > 150:
                    return x
        return -1

    title_left = first_ink(range(10, 50))
    body_left = first_ink(range(90, 300))
    assert title_left > 100  # centred measure, not flush with the window's edge
    assert abs(title_left - body_left) <= 4
