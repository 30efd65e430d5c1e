"""The HTML extraction scorer (benchmark metric) on a tiny page made here."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from tests.core.test_loaders import HTML_PAGE

ROOT = Path(__file__).resolve().parents[2]


def test_scorer_runs_and_scores_a_perfect_page(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_html_extraction import summarise, tp_fp_fn

    assert summarise([tp_fp_fn("a b c d e f", "a b c d e f")]) == (1.0, 1.0, 1.0)
    p, r, f = summarise([tp_fp_fn("a b c d e f g h", "a b c d x y z w")])
    assert 0 < p < 1 and 0 < r < 1
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(HTML_PAGE.encode()))
    body = ("“We will not back down on this budget, whatever the opposition says,” "
            "Maria Lopez said.")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": body}}))
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_html_extraction.py"),
                          str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "missing from ours: 0/2" in out.stdout
