"""The shingle-overlap metric of the Zyte/Scrapinghub article-extraction benchmark.

4-word shingles of the article body; per page, true/false positives and false negatives
normalised by their sum; precision and recall averaged over pages; F1 of the two averages.
This is how unseen news pages are scored, so the dev figures can be read beside it.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

_WORD = re.compile(r"\w+")
QUOTE_MARKS = re.compile(r"[\"“”«»„]")

Row = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def tp_fp_fn(true: str, pred: str) -> Row:
    """Normalised (TP, FP, FN) of one page's shingles."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(rows: list[Row]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pages, as the benchmark computes them."""
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    p = statistics.mean([prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([rec(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def missing_marks(true: str, pred: str) -> tuple[int, int]:
    """(quotation marks of the true body missing from `pred`, marks in the true body)."""
    want = len(QUOTE_MARKS.findall(true))
    return max(0, want - len(QUOTE_MARKS.findall(pred))), want
