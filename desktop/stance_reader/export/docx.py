"""The annotated copy as a Word document: quotations shaded in their speakers' colours."""

from __future__ import annotations

import io

from stance_reader.core.analysis import Analysis
from stance_reader.presentation.layers import LAYERS
from stance_reader.presentation.marks import paragraph_pieces
from stance_reader.presentation.paint import Paint, piece_paint
from stance_reader.presentation.tone import signed
from stance_reader.presentation.voices import analysis_colors, voices

UNDERLINES = {"solid": "single", "dotted": "dotted", "dashed": "dash"}


def _shade(run, fill: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())
    run._r.get_or_add_rPr().append(shd)


def _underline(run, style: str, colour: str | None) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    u = OxmlElement("w:u")
    u.set(qn("w:val"), UNDERLINES[style])
    if colour:
        u.set(qn("w:color"), colour.lstrip("#").upper())
    run._r.get_or_add_rPr().append(u)


def _apply(run, paint: Paint) -> None:  # type: ignore[no-untyped-def]
    """The shared paint of a piece on a Word run (light theme: Word pages are white)."""
    if paint.background:
        _shade(run, paint.background)
    if paint.line:
        _underline(run, paint.line, paint.line_colour)
    if paint.weight != "normal":
        run.bold = True


def render(analysis: Analysis) -> bytes:
    import docx
    from docx.shared import Pt

    colors = analysis_colors(analysis)
    d = docx.Document()
    d.core_properties.title = analysis.title or ""
    d.core_properties.comments = "Annotated by Stance Reader"
    d.add_heading(analysis.title or "Annotated article", level=0)
    if analysis.byline or analysis.date:
        d.add_paragraph(" · ".join(x for x in (analysis.byline, analysis.date) if x))
    legend = d.add_paragraph()
    legend.add_run("Speakers: ").bold = True
    for s in analysis.speakers:
        run = legend.add_run(f" {s.name} ")
        _shade(run, colors[s.id].light)
        legend.add_run("  ")
    d.add_paragraph(" · ".join(f"{layer.title}: {layer.shows}" for layer in LAYERS))
    for pieces in paragraph_pieces(analysis):
        p = d.add_paragraph()
        for text, marks in pieces:
            _apply(p.add_run(text), piece_paint(marks, colors, "light"))
    d.add_heading("Voices", level=1)
    table = d.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells,
                          ("Speaker", "Kind", "Quotes", "Share of quoted words", "Mean tone")):
        cell.text = head
    for v in voices(analysis):
        cells = table.add_row().cells
        cells[0].text = v.speaker.name
        _shade(cells[0].paragraphs[0].runs[0], colors[v.speaker.id].light)
        cells[1].text, cells[2].text = v.speaker.kind, str(v.quotes)
        cells[3].text, cells[4].text = f"{v.share:.0%}", signed(v.tone)
    for style in ("Normal",):
        d.styles[style].font.size = Pt(11)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


to_bytes = render
