"""`python -m stance_reader.evaluate pages`: both metrics, on tiny pages made here."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from stance_reader.evaluate.shingles import summarise, tp_fp_fn
from stance_reader.evaluate.snippets import score_page
from tests.core.test_loaders import HTML_PAGE

BODY = ("“We will not back down on this budget, whatever the opposition says,” "
        "Maria Lopez said.")


def _evaluate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stance_reader.evaluate", "pages", *args],
                          capture_output=True, text=True, timeout=120)


def test_shingle_metric_scores_a_perfect_page_and_a_partial_one() -> None:
    assert summarise([tp_fp_fn("a b c d e f", "a b c d e f")]) == (1.0, 1.0, 1.0)
    p, r, _ = summarise([tp_fp_fn("a b c d e f g h", "a b c d x y z w")])
    assert 0 < p < 1 and 0 < r < 1


def test_snippet_metric_collapses_whitespace_and_counts_a_failed_page() -> None:
    page = score_page("One  two\nthree. Menu", ["two three"], ["Menu", "Footer"])
    assert (page.tp, page.fn, page.fp, page.tn) == (1, 0, 1, 1)
    failed = score_page(None, ["a", "b"], ["c"])
    assert (failed.tp, failed.fn, failed.fp, failed.tn) == (0, 2, 0, 1)


def test_benchmark_folder_reports_lost_quotation_marks(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(HTML_PAGE.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": BODY}}))
    out = _evaluate(str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "missing from ours: 0/2" in out.stdout


def test_snippet_folder_prints_our_loader_beside_trafilatura(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page000.html").write_text(HTML_PAGE, encoding="utf-8")
    record = {"file": "pages/page000.html", "with": ["whatever the opposition says"],
              "without": ["Subscribe to our newsletter"]}
    (tmp_path / "snippets.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = _evaluate(str(tmp_path))
    assert out.returncode == 0, out.stderr
    ours = next(line for line in out.stdout.splitlines() if line.startswith("stance-reader"))
    cells = ours.split()  # … precision recall F1 accuracy seconds failed kept (share) shingle
    assert cells[-9:-5] == ["1.000", "1.000", "1.000", "1.000"]
    assert cells[-3:-1] == ["2/2", "(100.0%)"]  # both quotations of the page kept
    assert "trafilatura" in out.stdout and "time ratio" in out.stdout


def test_unknown_folder_is_refused_on_stderr(tmp_path: Path) -> None:
    out = _evaluate(str(tmp_path))
    assert out.returncode == 2 and "snippets.jsonl" in out.stderr


def test_quotations_kept_counts_quotations_of_three_words_or_more() -> None:
    from stance_reader.evaluate.quotations import kept

    reference = ('“We will not back down,” she said. He called it "a reckless plan" and '
                 '"no".')
    lost, total = kept(reference, "She said: \"We will  not back down,\" and left.")
    assert total == 2 and lost == ["a reckless plan"]
    assert kept(reference, None) == (["We will not back down,", "a reckless plan"], 2)
