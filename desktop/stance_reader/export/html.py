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
from stance_reader.core.analysis import Analysis, Quote, ReportedSpan, Speaker
from stance_reader.core.voices import voices
from stance_reader.export.marks import (
    LAYER_TITLES, LAYERS, Mark, corrected_fields, describe, paragraph_pieces)
from stance_reader.style.palette import PAGE, TEXT, TONE_HUES, mix, speaker_colors, tone_color

EMBED_ID = "stance-reader-analysis"

CSS = """
:root { color-scheme: light dark; --page: %(page_l)s; --text: %(text_l)s; --muted: #5b5b5b;
  --rule: #d9d6cf; %(vars_l)s }
@media (prefers-color-scheme: dark) { :root { --page: %(page_d)s; --text: %(text_d)s;
  --muted: #b4b4b4; --rule: #3a3b3f; %(vars_d)s } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--text);
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
main p { margin: 0 0 1.1em; }
.q, .r, .t, .m, .c { border-radius: 2px; }
.q { padding: 1px 0; }
.m { outline: 2px solid transparent; outline-offset: 0; }
.r { background: transparent; }
.t { border-bottom: 0; }
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


def _layer_rules(tokens: list[str]) -> str:
    """CSS tying each checkbox to its layer: unticked, the layer's styling is gone.

    Speakers appear here by their page tokens (`sp0`, `sp1`, …), never by their ids: an
    id comes from a file anyone may have written, and CSS has no escaping we need to trust.
    """
    rules = []
    for layer in LAYERS:
        rules.append(f"#layer-{layer}:checked ~ .layers label[for=layer-{layer}]::before "
                     "{ content: \"☑ \"; }")
        rules.append(f"#layer-{layer}:focus-visible ~ .layers label[for=layer-{layer}] "
                     "{ outline: 2px solid currentColor; }")
    for sid in tokens:
        rules.append(f"#layer-speakers:checked ~ main .q.s-{sid} "
                     f"{{ background: var(--{sid}); }}")
        rules.append(f"#layer-speaker_names:checked ~ main .m.s-{sid} "
                     f"{{ outline-color: var(--{sid}-hue); }}")
        rules.append(f"#layer-reported:checked ~ main .r.s-{sid} "
                     f"{{ background: var(--{sid}-light); }}")
    rules.append("#layer-reported:checked ~ main .r.s-none { background: var(--none-light); }")
    rules.append("#layer-tone:checked ~ main .q, #layer-tone:checked ~ main .r "
                 "{ text-decoration: underline; text-decoration-thickness: 3px; "
                 "text-underline-offset: 4px; text-decoration-color: var(--tone-l); }")
    rules.append("@media (prefers-color-scheme: dark) { #layer-tone:checked ~ main .q, "
                 "#layer-tone:checked ~ main .r { text-decoration-color: var(--tone-d); } }")
    rules.append("#layer-cues:checked ~ main .c { font-weight: 650; "
                 "text-decoration: underline dotted; }")
    rules.append("#layer-terms:checked ~ main .t { border-bottom: 2px dashed var(--muted); }")
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


def _vars(page: _Page, theme: str) -> str:
    colors = speaker_colors(list(page.speakers))
    out = []
    for sid, c in colors.items():
        bg = c.for_theme(theme)  # type: ignore[arg-type]
        tok = page.tokens[sid]
        out.append(f"--{tok}: {bg}; --{tok}-hue: {c.hue}; "
                   f"--{tok}-light: {mix(bg, PAGE[theme], 0.55)};")
    out.append(f"--none-light: {mix('#999999', PAGE[theme], 0.7)};")
    return " ".join(out)


def _piece(text: str, marks: tuple[Mark, ...], page: _Page, seen: set[str]) -> str:
    out = html.escape(text)
    order = {"reported": 0, "quote": 1, "term": 1, "mention": 2, "cue": 3}
    for m in sorted(marks, key=lambda m: order[m.kind], reverse=True):
        cls = {"quote": "q", "term": "t", "reported": "r", "mention": "m", "cue": "c"}[m.kind]
        attrs = [f'class="{cls} s-{page.token(m.speaker)}"', f'data-id="{_attr(m.item)}"']
        if m.kind in ("quote", "reported", "term"):
            item = page.items.get(m.item)
            if item is not None:
                tip = describe(page.analysis, item, corrected=page.corrected.get(item.id, ()),
                               speaker=page.speakers.get(item.speaker or ""))
                attrs.append(f'title="{_attr(tip)}"')
            if m.tone is not None:
                light = tone_color(m.tone.label, m.tone.compound, "light")
                dark = tone_color(m.tone.label, m.tone.compound, "dark")
                attrs.append(f'style="--tone-l: {light}; --tone-d: {dark}"')
            if m.item not in seen:
                attrs.append(f'id="{_attr(m.item)}"')
                seen.add(m.item)
            attrs.append(f'data-kind="{_attr(getattr(item, "kind", "reported"))}"')
            if m.corrected:
                attrs.append('data-corrected="person"')
        elif m.kind == "mention":
            speaker = page.speakers.get(m.item)
            if speaker is not None:
                attrs.append(f'title="{_attr("speaker: " + speaker.name)}"')
        out = f"<span {' '.join(attrs)}>{out}</span>"
    return out


def _legend(page: _Page) -> str:
    colors = speaker_colors(list(page.speakers))
    items = "".join(
        f'<li><span class="swatch" style="background: var(--{page.tokens[s.id]})"></span>'
        f'{html.escape(s.name)} <small>({html.escape(s.kind)}; {colors[s.id].name})</small></li>'
        for s in page.speakers.values())
    tones = "".join(
        f'<li><span class="swatch" style="background: {TONE_HUES[t]}"></span>{t} tone '
        f'(underline)</li>' for t in ("negative", "neutral", "positive"))
    return (f'<section class="legend" aria-label="Legend"><h2>Legend</h2><ul>{items}</ul>'
            f'<ul>{tones}<li><span class="swatch" style="border: 2px dashed var(--muted)"></span>'
            f'term or name in quotation marks</li><li><b><u>bold dotted</u></b>: cue</li>'
            f'<li>lighter shading: reported speech</li></ul></section>')


def _voices(page: _Page) -> str:
    rows = []
    for v in voices(page.analysis):
        tone = v.tone if math.isfinite(v.tone) else 0.0
        width = round(min(1.0, abs(tone)) * 60)
        colour = TONE_HUES["negative" if tone < 0 else "positive" if tone > 0 else "neutral"]
        rows.append(
            f'<tr><td><span class="swatch" style="background: var(--{page.token(v.speaker.id)})">'
            f'</span>{html.escape(v.speaker.name)}</td><td>{html.escape(v.speaker.kind)}</td>'
            f'<td class="num">{v.quotes}</td><td class="num">{v.reported}</td>'
            f'<td class="num">{v.share:.0%}</td><td>{v.tone:+.2f} '
            f'<span class="tonebar" style="width:{width}px; background:{colour}"></span></td></tr>')
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
                 "vars_d": _vars(page, "dark"), "layer_rules": _layer_rules(list(page.tokens.values()))}
    seen: set[str] = set()
    body = "\n".join(
        "<p>" + "".join(_piece(t, m, page, seen) for t, m in pieces) + "</p>"
        for pieces in paragraph_pieces(analysis))
    title = analysis.title or (analysis.source.path or "Article").rsplit("/", 1)[-1]
    meta = " · ".join(x for x in (analysis.byline, analysis.date) if x)
    toggles = "".join(f'<input type="checkbox" id="layer-{layer}" checked '
                      f'aria-label="{LAYER_TITLES[layer]} layer">' for layer in LAYERS)
    labels = "".join(f'<label for="layer-{layer}">{LAYER_TITLES[layer]}</label>'
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
<header class="doc"><h1>{html.escape(title)}</h1><p>{html.escape(meta)}</p></header>
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
