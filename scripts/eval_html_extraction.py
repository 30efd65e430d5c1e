#!/usr/bin/env python3
"""Main-text extraction of saved web pages, scored like the Zyte/Scrapinghub
article-extraction benchmark: 4-word shingles of the article body, per page TP/FP/FN
normalised, precision and recall averaged over pages, F1 of the two averages.

Usage:
    .venv/bin/python scripts/eval_html_extraction.py BENCHMARK_DIR [--limit N]

BENCHMARK_DIR is a checkout of scrapinghub/article-extraction-benchmark (html/*.html.gz and
ground-truth.json); its pages are never copied into this project. Prints our HTML loader
beside plain trafilatura on the same pages, and how many quotation marks of each page's
true article body are missing from our text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"\w+")
_MARKS = re.compile(r"[\"“”«»„]")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    p = statistics.mean([prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([rec(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmark", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    truth_file = args.benchmark / "ground-truth.json"
    if not truth_file.exists():
        print(f"error: {truth_file} not found (a checkout of "
              "scrapinghub/article-extraction-benchmark is needed)", file=sys.stderr)
        return 2
    import trafilatura

    from stance_reader.core.loaders import load_bytes
    from stance_reader.errors import InputError

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit] if args.limit else sorted(truth)
    ours, plain, lost_marks, total_marks = [], [], 0, 0
    for key in keys:
        path = args.benchmark / "html" / f"{key}.html.gz"
        raw = gzip.decompress(path.read_bytes()) if path.exists() else b""
        body = truth[key].get("articleBody", "")
        try:
            text = load_bytes(raw, f"{key}.html").text
        except InputError:
            text = ""
        ours.append(tp_fp_fn(body, text))
        plain.append(tp_fp_fn(body, trafilatura.extract(raw.decode("utf-8", "replace")) or ""))
        want = len(_MARKS.findall(body))
        total_marks += want
        lost_marks += max(0, want - len(_MARKS.findall(text)))
    print(f"{len(keys)} pages from {args.benchmark}")
    print(f"{'extractor':<28}{'precision':>10}{'recall':>10}{'F1':>8}")
    for name, rows in (("stance-reader HTML loader", ours), ("trafilatura.extract", plain)):
        p, r, f = summarise(rows)
        print(f"{name:<28}{p:>10.3f}{r:>10.3f}{f:>8.3f}")
    print(f"quotation marks of the true bodies missing from ours: {lost_marks}/{total_marks}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
