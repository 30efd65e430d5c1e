"""Crafted values never run as script in the exported HTML, checked in headless Chromium.

Every free-text field a crafted copy may carry (titles, names, cues, the model's name,
corrections) goes through a reopen and a re-export; ids, which a copy can no longer
carry, are injected into an analysis built in code, so the export escapes them itself.
A local HTTP server counts any request the page makes.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from stance_reader import export
from stance_reader.core.analysis import Analysis, Correction, Cue
from stance_reader.documents.annotated import read_annotated
from tests.crafted import small_analysis, write_copy
from tests.export.test_html_browser import CHROMIUM, dump_dom, probe_result

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")]


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local web server: (its base URL, the paths requested from it)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def payloads(base: str) -> list[str]:
    """Breakouts for every context of the page: text, attribute, CSS, embedded JSON."""
    mark = "document.documentElement.setAttribute('data-pwned','{}')"
    return [
        f"<script>{mark.format('text')};fetch('{base}/text')</script>",
        f'"><img src="{base}/attr" onerror="{mark.format("attr")}">',
        f"'><svg onload=\"{mark.format('single')}\">",
        f"</style><style>body{{background:url({base}/css)}}</style>",
        f"x{{}} body {{ background: url({base}/css-rule) }} .y",
        f"</script><script>{mark.format('json')};fetch('{base}/json')</script>",
        f"<!--<script>{mark.format('comment')}</script>-->",
        f"\u2028</ScRiPt ><script>{mark.format('case')}</script>",
    ]


def _everywhere(analysis: Analysis, p: str) -> Analysis:
    """`p` in every free-text field a valid copy may hold."""
    s1, s2 = analysis.speakers
    q1, q2 = analysis.quotes
    return analysis.with_changes(
        title=p, byline=p, date=p,
        speakers=(replace(s1, name=p, aliases=(p,)), replace(s2, name=p + "2")),
        quotes=(replace(q1, cue=Cue(q1.cue.start, q1.cue.end, p) if q1.cue else None,
                        targets=tuple(replace(t, text=p, name=p) for t in q1.targets)), q2),
        pipeline=replace(analysis.pipeline, model=p[:200], model_version=p[:200]),
        source=replace(analysis.source, path="/tmp/" + p.replace("\u2028", "")),
        corrections=(*analysis.corrections,
                     Correction("q1", "tone", p, p, p[:64], "person")))


def _assert_inert(html: Path, tmp: Path, hits: list[str]) -> None:
    tmp.mkdir()
    dom = dump_dom(html, tmp)
    found = probe_result(dom)
    assert found["requests"] == [] and hits == [], (found["requests"], hits)
    assert not re.search(r"<html[^>]*data-pwned", dom), "an injected script ran"
    outside = re.sub(r'<script type="application/json".*?</script>', "", dom, flags=re.S)
    assert not re.search(r"<(img|svg)\b", outside), "an injected element was created"
    assert len(re.findall(r"<script\b", outside)) == 1  # the probe; the analysis is data


def test_crafted_text_fields_in_a_reopened_copy_stay_text(listener, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, hits = listener
    p = "".join(payloads(base))
    crafted = _everywhere(small_analysis(), p)
    copy = write_copy(tmp_path, "copy", crafted.to_json(), "html")
    back = read_annotated(copy)
    assert back is not None and back.title == p  # reopened exactly, as text
    out = export.write(back, "html", tmp_path / "out.html")
    assert read_annotated(out).title == p  # type: ignore[union-attr]
    _assert_inert(out, tmp_path / "run", hits)


def test_ids_built_in_code_are_escaped_by_the_export(listener, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, hits = listener
    p = "".join(payloads(base))
    a = small_analysis()
    s1, s2 = a.speakers
    q1, q2 = a.quotes
    crafted = a.with_changes(
        speakers=(replace(s1, id=p), s2),
        quotes=(replace(q1, id=p + "q", speaker=p), q2),
        corrections=(Correction(p + "q", "tone", "positive", "negative", "x"),))
    out = export.write(crafted, "html", tmp_path / "ids.html")
    _assert_inert(out, tmp_path / "run", hits)
