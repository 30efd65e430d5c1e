"""The annotated copy as one self-contained HTML page that looks like the reader.

No network request, no external font or script: styles are inline, layer switches are
checkboxes driving CSS (they work with scripting off), light and dark follow the
browser's preference, and a print stylesheet keeps the colours. The full analysis, with
corrections, is embedded as JSON so Stance Reader reopens the page exactly.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass

from stance_reader import __version__
from stance_reader.core.analysis import Analysis
from stance_reader.core.analysis import TONE_LABELS, Quote, ReportedSpan, Speaker
from stance_reader.presentation.layers import LAYERS
from stance_reader.presentation.marks import (
    LOOKS, Look, Mark, corrected_fields, describe, paragraph_pieces)
from stance_reader.presentation.paint import LIGHTER, speaker_fill
from stance_reader.presentation.tone import lean_hue, signed, tone_hue
from stance_reader.presentation.voices import analysis_colors, voices
from stance_reader.style.palette import GREY, PAGE, TEXT, Theme, mix, tone_color

EMBED_ID = "stance-reader-analysis"

CSS = """
:root { color-scheme: light dark; --page: %(page_l)s; --text: %(text_l)s; --muted: #5b5b5b;
  --rule: #d9d6cf; %(vars_l)s }
@media (prefers-color-scheme: dark) { :root { --page: %(page_d)s; --text: %(text_d)s;
  --muted: #b4b4b4; --rule: #3a3b3f; %(vars_d)s } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--text); overflow-wrap: break-word;
  font: 18px/1.7 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.layers { position: sticky; top: 0; background: var(--page); border-bottom: 1px solid var(--rule);
  padding: .5rem 1rem; font-size: 15px; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; z-index: 2; }
body > input[type=checkbox] { position: absolute; top: .6rem; left: 0; opacity: 0;
  width: 1px; height: 1px; margin: 0; }
.layers label { cursor: pointer; user-select: none; }
.layers label::before { content: "☐ "; }
main, header.doc, section { max-width: 70ch; margin: 0 auto; padding: 0 1rem; }
header.doc h1 { font-size: 1.8rem; line-height: 1.25; margin: 2rem 0 .3rem; }
header.doc p { color: var(--muted); margin: 0 0 1.5rem; }
header.doc p.notice { color: inherit; border-left: 3px solid var(--muted); padding-left: .6rem; }
main p { margin: 0 0 1.1em; }
main span { border-radius: 2px; --tone: var(--tone-l); }
@media (prefers-color-scheme: dark) { main span { --tone: var(--tone-d); } }
.legend, .voices { font-size: 15px; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: -.15em;
  border-radius: 3px; margin-right: .35em; border: 1px solid var(--rule); }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
table { border-collapse: collapse; width: 100%%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.tonebar { display: inline-block; height: .6em; border-radius: 2px; vertical-align: middle; }
footer { max-width: 70ch; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: 13px; }
%(layer_rules)s
@media print {
  .layers { display: none; }
  body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main, header.doc, section { max-width: none; }
  p { orphans: 3; widows: 3; }
}
"""


LINE_COLOURS = {"tone": "var(--tone)", "speaker_hue": "var(--sp-hue)", "grey": "var(--grey)",
                "text": "currentColor"}
WEIGHTS = {"demibold": "600", "bold": "700"}


def _look_css(look: Look) -> str:
    """The shared look of a layer's marks in CSS (colours from variables, so one page
    serves the light and the dark theme)."""
    out = []
    if look.fill is not None:
        out.append(f"background: var(--sp{'-light' if look.fill == 'speaker_light' else ''});")
    if look.line is not None:
        thickness = "3px" if look.line_colour == "tone" else "2px"
        out.append(f"text-decoration: underline {look.line} {LINE_COLOURS[look.line_colour]}; "
                   f"text-decoration-thickness: {thickness}; text-underline-offset: 4px;")
    if look.weight in WEIGHTS:
        out.append(f"font-weight: {WEIGHTS[look.weight]};")
    return " ".join(out)


def _layer_rules(tokens: list[str]) -> str:
    """CSS tying each checkbox to its layer: unticked, the layer's styling is gone.

    Speakers appear here by their page tokens (`sp0`, `sp1`, …), never by their ids: an
    id comes from a file anyone may have written, and CSS has no escaping we need to trust.
    """
    rules = []
    for layer in LAYERS:
        name = layer.name
        rules.append(f"#layer-{name}:checked ~ .layers label[for=layer-{name}]::before "
                     "{ content: \"☑ \"; }")
        rules.append(f"#layer-{name}:focus-visible ~ .layers label[for=layer-{name}] "
                     "{ outline: 2px solid currentColor; }")
        rules.append(f"#layer-{name}:checked ~ main .l-{name} {{ {_look_css(LOOKS[name])} }}")
    for sid in [*tokens, "none"]:
        rules.append(f".s-{sid} {{ --sp: var(--{sid}); --sp-light: var(--{sid}-light); "
                     f"--sp-hue: var(--{sid}-hue); }}")
    return "\n".join(rules)


@dataclass(frozen=True, slots=True)
class _Page:
    """What every piece of the page looks up, built once: linear in the analysis."""

    analysis: Analysis
    items: dict[str, Quote | ReportedSpan]
    speakers: dict[str, Speaker]
    tokens: dict[str, str]  # speaker id → CSS-safe page token
    corrected: dict[str, set[str]]  # item id → the fields a person corrected

    @classmethod
    def of(cls, analysis: Analysis) -> _Page:
        items: dict[str, Quote | ReportedSpan] = {r.id: r for r in analysis.reported}
        items.update((q.id, q) for q in analysis.quotes)  # a quotation wins an id clash
        speakers: dict[str, Speaker] = {}
        for s in analysis.speakers:
            speakers.setdefault(s.id, s)
        return cls(analysis, items, speakers,
                   {sid: f"sp{i}" for i, sid in enumerate(speakers)},
                   corrected_fields(analysis))

    def token(self, speaker_id: str | None) -> str:
        return self.tokens.get(speaker_id or "", "none")


def _attr(value: object) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(str(value), quote=True)


def _vars(page: _Page, theme: Theme) -> str:
    colors = analysis_colors(page.analysis)
    out = [f"--grey: {GREY};"]
    for sid, c in [*colors.items(), ("", None)]:
        bg = c.for_theme(theme) if c else speaker_fill(None, colors, theme)
        tok = page.token(sid)
        out.append(f"--{tok}: {bg}; --{tok}-hue: {c.hue if c else GREY}; "
                   f"--{tok}-light: {mix(bg, PAGE[theme], LIGHTER)};")
    return " ".join(out)


def _piece(text: str, marks: tuple[Mark, ...], page: _Page, seen: set[str]) -> str:
    """One piece of text inside a span per mark, the lowest layer outermost."""
    out = html.escape(text)
    for m in sorted(marks, key=lambda m: m.paint_order, reverse=True):
        attrs = [f'class="l-{m.layer} s-{page.token(m.speaker)}"', f'data-id="{_attr(m.item)}"']
        if m.tone is not None:
            light = tone_color(m.tone.label, m.tone.compound, "light")
            dark = tone_color(m.tone.label, m.tone.compound, "dark")
            attrs.append(f'style="--tone-l: {light}; --tone-d: {dark}"')
        if m.kind == "mention":
            speaker = page.speakers.get(m.item)
            if speaker is not None:
                attrs.append(f'title="{_attr("speaker: " + speaker.name)}"')
        elif m.stands_for_item:
            item = page.items.get(m.item)
            if item is not None:
                tip = describe(page.analysis, item, corrected=page.corrected.get(item.id, ()),
                               speaker=page.speakers.get(item.speaker or ""))
                attrs.append(f'title="{_attr(tip)}"')
            if m.item not in seen:
                attrs.append(f'id="{_attr(m.item)}"')
                seen.add(m.item)
            kind = item.kind if isinstance(item, Quote) else "reported"
            attrs.append(f'data-kind="{_attr(kind)}"')
            if m.corrected:
                attrs.append('data-corrected="person"')
        out = f"<span {' '.join(attrs)}>{out}</span>"
    return out


def _legend(page: _Page) -> str:
    colors = analysis_colors(page.analysis)
    items = "".join(
        f'<li><span class="swatch" style="background: var(--{page.tokens[s.id]})"></span>'
        f'{html.escape(s.name)} <small>({html.escape(s.kind)}; {colors[s.id].name})</small></li>'
        for s in page.speakers.values())
    tones = "".join(
        f'<li><span class="swatch" style="background: {tone_hue(t)}"></span>{t} tone '
        f'(underline)</li>' for t in TONE_LABELS)
    layers = "".join(f"<li><b>{layer.title}</b>: {layer.shows}</li>" for layer in LAYERS)
    return (f'<section class="legend" aria-label="Legend"><h2>Legend</h2><ul>{items}</ul>'
            f'<ul>{tones}</ul><ul>{layers}</ul></section>')


def _voices(page: _Page) -> str:
    rows = []
    for v in voices(page.analysis):
        tone = v.tone if math.isfinite(v.tone) else 0.0
        width = round(min(1.0, abs(tone)) * 60)
        rows.append(
            f'<tr><td><span class="swatch" style="background: var(--{page.token(v.speaker.id)})">'
            f'</span>{html.escape(v.speaker.name)}</td><td>{html.escape(v.speaker.kind)}</td>'
            f'<td class="num">{v.quotes}</td><td class="num">{v.reported}</td>'
            f'<td class="num">{v.share:.0%}</td><td>{signed(v.tone)} '
            f'<span class="tonebar" style="width:{width}px; background:{lean_hue(tone)}"></span></td></tr>')
    return ('<section class="voices" aria-label="Voices"><h2>Voices</h2><table><thead><tr>'
            '<th>Speaker</th><th>Kind</th><th class="num">Quotes</th><th class="num">Reported</th>'
            '<th class="num">Share of quoted words</th><th>Mean tone</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></section>")


def embedded_json(analysis: Analysis) -> str:
    """The analysis as JSON safe inside <script>: no "<", ">" or "&" appears at all.

    They only occur inside JSON strings, where "\\u003c" means the same character, so
    nothing in a value ("</script>", "<!--", "<script") can end or change the element.
    """
    raw = json.dumps(analysis.to_dict(), ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(analysis: Analysis) -> str:
    page = _Page.of(analysis)
    css = CSS % {"page_l": PAGE["light"], "text_l": TEXT["light"], "page_d": PAGE["dark"],
                 "text_d": TEXT["dark"], "vars_l": _vars(page, "light"),
                 "vars_d": _vars(page, "dark"),
                 "layer_rules": _layer_rules(list(page.tokens.values()))}
    seen: set[str] = set()
    body = "\n".join(
        "<p>" + "".join(_piece(t, m, page, seen) for t, m in pieces) + "</p>"
        for pieces in paragraph_pieces(analysis))
    title = analysis.title or (analysis.source.path or "Article").rsplit("/", 1)[-1]
    meta = " · ".join(x for x in (analysis.byline, analysis.date) if x)
    # What the reader must know about the document (no text in a PDF, not English).
    notes = "".join(f'<p class="notice" role="note">{html.escape(n.message)}</p>'
                    for n in analysis.notices)
    toggles = "".join(f'<input type="checkbox" id="layer-{layer.name}" checked '
                      f'aria-label="{layer.title} layer">' for layer in LAYERS)
    labels = "".join(f'<label for="layer-{layer.name}">{layer.title}</label>'
                     for layer in LAYERS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Stance Reader {__version__}">
<title>{html.escape(title)} — annotated</title>
<style>{css}</style></head>
<body>
{toggles}
<nav class="layers" aria-label="Layers"><strong>Layers:</strong> {labels}</nav>
<header class="doc"><h1>{html.escape(title)}</h1><p>{html.escape(meta)}</p>{notes}</header>
<main>
{body}
</main>
{_legend(page)}
{_voices(page)}
<footer>Annotated by Stance Reader {__version__} ({html.escape(analysis.pipeline.model)}
{html.escape(analysis.pipeline.model_version)}). Quotations coloured by speaker,
underlined by tone; hover for details.</footer>
<script type="application/json" id="{EMBED_ID}">{embedded_json(analysis)}</script>
</body></html>
"""


def to_bytes(analysis: Analysis) -> bytes:
    return render(analysis).encode("utf-8")
