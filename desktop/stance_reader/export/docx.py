"""The annotated copy as a Word document: quotations shaded in their speakers' colours."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from stance_reader.core.analysis import Analysis
from stance_reader.presentation.layers import LAYERS
from stance_reader.presentation.marks import paragraph_pieces
from stance_reader.presentation.paint import Paint, piece_paint
from stance_reader.presentation.voices import analysis_colors, voices
from stance_reader.presentation.tone import signed
from stance_reader.style.palette import SpeakerColor

UNDERLINES = {"solid": "single", "dotted": "dotted", "dashed": "dash"}


# XML 1.0 has no place for most control characters nor unpaired surrogates: python-docx
# refuses them. They are shown as U+FFFD, so a copy of any text can be written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` with every character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _shade(run, fill: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())
    run._r.get_or_add_rPr().append(shd)


def _run_xml(text: str, paint: Paint) -> str:
    """One run as WordprocessingML: bold, underline, shading (in the schema's order)."""
    props = []
    if paint.weight != "normal":
        props.append("<w:b/>")
    if paint.line:
        colour = f' w:color="{paint.line_colour.lstrip("#").upper()}"' if paint.line_colour else ""
        props.append(f'<w:u w:val="{UNDERLINES[paint.line]}"{colour}/>')
    if paint.background:
        props.append(f'<w:shd w:val="clear" w:color="auto" '
                     f'w:fill="{paint.background.lstrip("#").upper()}"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(xml_text(text).split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _add_article(d, analysis: Analysis, colors: dict[str, SpeakerColor]) -> None:  # type: ignore[no-untyped-def]
    """The article's paragraphs, built as XML and inserted in one pass each: python-docx's
    add_paragraph looks for the section end on every call (slow for long articles)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    sect = d.element.body.sectPr
    for pieces in paragraph_pieces(analysis):
        runs = "".join(_run_xml(text, piece_paint(marks, colors, "light"))
                       for text, marks in pieces)
        p = parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>")
        if sect is not None:
            sect.addprevious(p)
        else:
            d.element.body.append(p)


def _add_voices(d, analysis: Analysis, colors: dict[str, SpeakerColor]) -> None:  # type: ignore[no-untyped-def]
    from docx.table import _Cell

    table = d.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells,
                          ("Speaker", "Kind", "Quotes", "Share of quoted words", "Mean tone")):
        cell.text = head
    for v in voices(analysis):
        row = table.add_row()
        # Row.cells walks the whole table each time; the row's own cells do not.
        cells = [_Cell(tc, table) for tc in row._tr.tc_lst]
        cells[0].text = xml_text(v.speaker.name)
        _shade(cells[0].paragraphs[0].runs[0], colors[v.speaker.id].light)
        cells[1].text, cells[2].text = v.speaker.kind, str(v.quotes)
        cells[3].text, cells[4].text = f"{v.share:.0%}", signed(v.tone)


def render(analysis: Analysis) -> bytes:
    import docx
    from docx.shared import Pt

    colors = analysis_colors(analysis)
    d = docx.Document()
    d.core_properties.title = xml_text(analysis.title or "")[:255]
    d.core_properties.comments = "Annotated by Stance Reader"
    d.add_heading(xml_text(analysis.title or "Annotated article"), level=0)
    if analysis.byline or analysis.date:
        d.add_paragraph(xml_text(" · ".join(x for x in (analysis.byline, analysis.date) if x)))
    legend = d.add_paragraph()
    legend.add_run("Speakers: ").bold = True
    for s in analysis.speakers:
        run = legend.add_run(xml_text(f" {s.name} "))
        _shade(run, colors[s.id].light)
        legend.add_run("  ")
    d.add_paragraph(" · ".join(f"{layer.title}: {layer.shows}" for layer in LAYERS))
    _add_article(d, analysis, colors)
    d.add_heading("Voices", level=1)
    _add_voices(d, analysis, colors)
    for style in ("Normal",):
        d.styles[style].font.size = Pt(11)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


to_bytes = render
