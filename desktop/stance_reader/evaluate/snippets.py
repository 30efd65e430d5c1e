"""The snippet metric of trafilatura's own evaluation (../shared/eval/html/README.md).

Whitespace is collapsed in the text and in each snippet; a snippet is found when it is a
substring. `with` snippets found are true positives, missing ones false negatives;
`without` snippets found are false positives, missing ones true negatives.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: "SnippetCounts") -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    def scores(self) -> tuple[float, float, float, float]:
        """Precision, recall, F1 and accuracy."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        return p, r, f, ((self.tp + self.tn) / total if total else 0.0)


def _collapse(s: str) -> str:
    return " ".join(s.split())


def score_page(text: str | None, with_: list[str], without: list[str]) -> SnippetCounts:
    """Counts for one page; `text` None (the page failed) misses every `with` snippet."""
    if text is None:
        return SnippetCounts(fn=len(with_), tn=len(without))
    flat = _collapse(text)
    found_with = sum(1 for s in with_ if _collapse(s) in flat)
    found_without = sum(1 for s in without if _collapse(s) in flat)
    return SnippetCounts(tp=found_with, fn=len(with_) - found_with, fp=found_without,
                         tn=len(without) - found_without)
