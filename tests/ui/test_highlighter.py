"""The highlighter: offsets into Qt positions, layer state into formats, and the window's
marks equal to the HTML copy's for the sample article."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from PySide6.QtGui import QTextCharFormat

from stance_reader.export.html import render
from stance_reader.presentation.layers import LAYER_NAMES, LayerState
from stance_reader.presentation.voices import analysis_colors
from stance_reader.ui.highlighter import OffsetMap, formats

pytestmark = pytest.mark.gui


def test_offsets_count_astral_characters_twice() -> None:
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert all(offsets.from_qt(offsets.to_qt(i)) == i for i in range(len(text) + 1))


def test_formats_follow_layers_and_narrowing(qapp, small) -> None:  # type: ignore[no-untyped-def]
    colors = analysis_colors(small)
    every = formats(small, LayerState(), colors, "light")
    assert {s.mark.layer for s in every} == set(LAYER_NAMES)
    ann_fill = next(s for s in every if s.mark.layer == "speakers" and s.mark.item == "q1")
    assert ann_fill.fmt.background().color().name() == colors["s1"].light
    tone = next(s for s in every if s.mark.layer == "tone" and s.mark.item == "q2")
    assert tone.fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    bob_only = formats(small, LayerState(speakers=frozenset({"s2"})), colors, "light")
    assert {s.mark.item for s in bob_only} == {"q2", "s2"}
    assert formats(small, LayerState(on=frozenset()), colors, "dark") == []


class _Spans(HTMLParser):
    """(layer, item, offset) for every character inside a marked span of <main>, with
    offsets counted from the paragraphs of the analysis."""

    def __init__(self, paragraph_starts: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.starts, self.para, self.pos = paragraph_starts, -1, 0
        self.open: list[tuple[str, str] | None] = []
        self.in_main = False
        self.seen: set[tuple[str, str, int]] = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif self.in_main and tag == "p":
            self.para += 1
            self.pos = self.starts[self.para]
        elif self.in_main and tag == "span":
            layer = next((c[2:] for c in (a.get("class") or "").split() if c.startswith("l-")), None)
            self.open.append((layer, a["data-id"]) if layer else None)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "main":
            self.in_main = False
        elif self.in_main and tag == "span":
            self.open.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self.in_main or self.para < 0:
            return
        for i in range(len(data)):
            for mark in filter(None, self.open):
                self.seen.add((*mark, self.pos + i))
        self.pos += len(data)


@pytest.mark.model
def test_window_and_html_copy_mark_the_same_text(qapp, sample_analysis) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.ui.reader_view import ReaderView

    view = ReaderView()
    view.set_analysis(sample_analysis)
    view.ensure_styled()
    inside = [(p.start, p.end) for p in sample_analysis.paragraphs]
    window = {(sel.mark.layer, sel.mark.item, i)
              for layer in LAYER_NAMES for sel in view._styled(layer)
              for i in range(sel.start, sel.end) if any(a <= i < b for a, b in inside)}
    spans = _Spans([p.start for p in sample_analysis.paragraphs])
    spans.feed(render(sample_analysis))
    assert window and spans.seen == window
    assert {layer for layer, _, _ in window} == set(LAYER_NAMES)
    assert len(view.text.extraSelections()) == sum(len(view._styled(x)) for x in LAYER_NAMES)
    view.close()
