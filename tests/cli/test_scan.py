"""`stance-reader annotate` on a PDF without text (a scan): the notice on stderr, exit 0.

Exit status 0, as for any notice: the file opened and its annotation was written (empty,
with the notice at the top), like an article that holds no quotation; what the user must
know is said on stderr, and a batch goes on. A failure (non-zero) is kept for files that
could not be read at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.pdf_pages import scanned_pdf

pytestmark = pytest.mark.model
NOTICE = "this PDF has no text (a scan?)"


def test_annotate_a_scan_warns_on_stderr_writes_the_notice_and_exits_0(tmp_path: Path) -> None:
    src = tmp_path / "letter.pdf"
    src.write_bytes(scanned_pdf())
    out = tmp_path / "letter.html"
    res = subprocess.run([sys.executable, "-m", "stance_reader", "annotate", str(src), "-o",
                          str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"{src}: warning: {NOTICE}" in res.stderr
    assert "Traceback" not in res.stderr
    page = out.read_text(encoding="utf-8")
    assert f'<p class="notice" role="note">{NOTICE}' in page
    assert "ScanSnap" not in page  # the scanning tool's title is not the article's

    as_json = subprocess.run([sys.executable, "-m", "stance_reader", "annotate", str(src),
                              "--format", "json", "-o", "-"], capture_output=True, text=True,
                             timeout=300)
    data = json.loads(as_json.stdout)
    assert data["quotes"] == [] and [n["kind"] for n in data["notices"]] == ["no-text"]
