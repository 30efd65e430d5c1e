"""Generated analyses for fuzzing the exports (hypothesis strategies).

Every analysis drawn here is one an annotated copy may carry and pass the checks
(`core.analysis_check`): any text (control characters, astral and right-to-left
characters, markup), spans anywhere inside it, overlapping and nested, speakers with odd
names, tones anywhere in [-1, 1], corrections. `export_checked` renders one format and
checks what a reader of the file would notice.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from stance_reader import export
from stance_reader.core.analysis import (
    QUOTE_KINDS, SPEAKER_KINDS, TONE_LABELS, Analysis, Correction, Cue, Offsets, PipelineInfo,
    Quote, ReportedSpan, SourceInfo, Speaker, Target, Tone)
from stance_reader.core.analysis_check import check_analysis_data

# Text with what breaks writers: controls, markup, quotes, RTL, astral, combining marks.
_SPICE = st.sampled_from(["\x00", "\x0b", "\x1b[31m", "\x7f", "\x85", "\ufffe", "</script>",
                          "<!--", "]]>", "&amp;", '"', "'", "“", "”", "\u202e", "\U0001F600",
                          "e\u0301", "\n", "\n\n", "\t", "\r", "{}", "%s", "\\u0000"])
TEXTS = st.lists(st.one_of(st.text(max_size=12), _SPICE), max_size=40).map("".join)
SHORT = st.lists(st.one_of(st.text(max_size=8), _SPICE), max_size=6).map("".join)
IDS = st.text("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_-", min_size=1, max_size=12)
TONES = st.builds(Tone, st.floats(-1.0, 1.0, allow_nan=False), st.sampled_from(TONE_LABELS))


@st.composite
def _span(draw: Any, n: int) -> Offsets:
    a = draw(st.integers(0, n))
    return Offsets(a, draw(st.integers(a, n)))


@st.composite
def analyses(draw: Any) -> Analysis:
    text = draw(TEXTS)
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=6)) + [0, n])
    paragraphs = tuple(Offsets(a, b) for a, b in zip(cuts, cuts[1:]))
    sids = draw(st.lists(IDS, max_size=8, unique=True))
    speakers = tuple(Speaker(sid, draw(SHORT), draw(st.sampled_from(SPEAKER_KINDS)),
                             tuple(draw(st.lists(SHORT, max_size=2))),
                             tuple(draw(st.lists(_span(n), max_size=6))))
                     for sid in sids)
    who = st.one_of(st.none(), st.sampled_from(sids)) if sids else st.none()
    ids = iter(draw(st.lists(IDS, min_size=16, max_size=16, unique=True)))

    def cue() -> Cue | None:
        if not draw(st.booleans()):
            return None
        s = draw(_span(n))
        return Cue(s.start, s.end, draw(SHORT))

    def targets() -> tuple[Target, ...]:
        return tuple(Target(s.start, s.end, draw(SHORT), draw(who), draw(SHORT), draw(TONES))
                     for s in draw(st.lists(_span(n), max_size=2)))

    quotes = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(_span(n))
        quotes.append(Quote(next(ids), s.start, s.end, draw(who),
                            draw(st.one_of(st.none(), _span(n))), cue(), draw(TONES),
                            targets(), draw(st.integers(0, max(len(paragraphs) - 1, 0))),
                            kind=draw(st.sampled_from(QUOTE_KINDS)),
                            attribution=draw(st.sampled_from(["cue", "inherited", "pronoun",
                                                              "none"]))))
    reported = []
    for _ in range(draw(st.integers(0, 4))):
        s = draw(_span(n))
        reported.append(ReportedSpan(next(ids), s.start, s.end, draw(who), None, cue(),
                                     draw(TONES), targets()))
    items = [q.id for q in quotes] + [r.id for r in reported] + list(sids)
    corrections = tuple(
        Correction(draw(st.sampled_from(items)), draw(st.sampled_from(["speaker", "tone",
                                                                       "removed"])),
                   draw(st.one_of(st.none(), SHORT)), draw(st.one_of(st.none(), SHORT)),
                   "2026-11-26T10:00:00+00:00")
        for _ in range(draw(st.integers(0, 2 if items else 0))))
    path = draw(st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")),
                                             max_size=30)))
    return Analysis(text=text, title=draw(st.one_of(st.none(), SHORT)),
                    byline=draw(st.one_of(st.none(), SHORT)),
                    date=draw(st.one_of(st.none(), SHORT)),
                    source=SourceInfo(path, "0" * 64, "txt"),
                    pipeline=PipelineInfo(draw(SHORT), "3.8.0", "0.1.0"),
                    paragraphs=paragraphs, quotes=tuple(quotes), reported=tuple(reported),
                    speakers=speakers, corrections=corrections)


def export_checked(analysis: Analysis, fmt: str) -> bytes:
    """Render `fmt` and check it as its reader would: JSON parses (and reopens as the same
    analysis), the HTML page embeds the same analysis, PDF and Word files are whole."""
    check_analysis_data(analysis.to_dict())  # what we generate, a copy may carry
    data = export.render_bytes(analysis, fmt)
    if fmt == "json":
        assert Analysis.from_json(data.decode("utf-8")) == analysis
    elif fmt == "webannotation":
        doc = json.loads(data.decode("utf-8"))
        assert doc["total"] == len(analysis.quotes) + len(analysis.reported)
    elif fmt == "html":
        page = data.decode("utf-8")
        start = page.index('id="stance-reader-analysis">') + len('id="stance-reader-analysis">')
        embedded = page[start:page.index("</script>", start)]
        assert "<" not in embedded
        assert Analysis.from_json(embedded) == analysis
    elif fmt == "pdf":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    elif fmt == "docx":
        import io

        import docx

        docx.Document(io.BytesIO(data))  # Word's XML parses
    return data
