"""The exported HTML in a real headless Chromium: colours, the layer switch, no network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from stance_reader import export
from stance_reader.presentation.voices import analysis_colors

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser, pytest.mark.model,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--virtual-time-budget=3000"]

# Runs inside the page after load; writes its findings into <pre id="probe">.
PROBE = """
<script>
window.addEventListener('load', () => {
  const bg = () => Array.from(document.querySelectorAll('main .l-speakers[id]')).map(e => [
      e.id, e.dataset.id, getComputedStyle(e).backgroundColor]);
  const before = bg();
  const box = document.getElementById('layer-speakers');
  box.click();
  const after = bg();
  const page = getComputedStyle(document.body).backgroundColor;
  const requests = performance.getEntriesByType('resource').map(r => r.name);
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({before, after, page, requests, checked: box.checked});
  document.body.appendChild(pre);
});
</script>
"""


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", css)[:3])


def dump_dom(html: Path, tmp: Path, *extra: str) -> str:
    """The page's DOM after load and the probe, as headless Chromium serialises it."""
    probe = tmp / "probe.html"
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                     encoding="utf-8")
    out = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *extra,
                          "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert '<pre id="probe">' in out.stdout, out.stderr[-800:]
    return out.stdout


def probe_result(dom: str) -> dict:  # type: ignore[type-arg]
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert m
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def run_page(html: Path, tmp: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    return probe_result(dump_dom(html, tmp, *extra))


def test_quotes_show_speaker_colours_and_the_layer_switch_works(sample_analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = export.write(sample_analysis, "html", tmp_path / "a.html")
    found = run_page(html, tmp_path)
    colors = analysis_colors(sample_analysis)
    expected = {q.id: colors[q.speaker].light for q in sample_analysis.quotes
                if q.speaker and q.kind != "term"}
    seen = {qid: _rgb(css) for _, qid, css in found["before"]}
    assert set(expected) <= set(seen)
    for qid, hex_colour in expected.items():
        assert seen[qid] == tuple(bytes.fromhex(hex_colour.lstrip("#"))), qid
    assert found["checked"] is False
    for _, qid, css in found["after"]:
        assert css in ("rgba(0, 0, 0, 0)", "transparent"), (qid, css)
    assert found["requests"] == []
