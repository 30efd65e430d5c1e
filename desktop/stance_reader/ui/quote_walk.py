"""Walking through quotations with F8 / Shift+F8: which one is next, and "n of N"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from stance_reader.core.analysis import Quote


@dataclass(frozen=True, slots=True)
class WalkStep:
    """The quotation to show and where it stands in the walk (1-based)."""

    quote: Quote
    index: int
    total: int

    @property
    def label(self) -> str:
        return f"Quotation {self.index} of {self.total}"


def step(quotes: Sequence[Quote], here: int, forward: bool) -> WalkStep | None:
    """The next quotation starting at or after `here` (or the previous one ending before
    it), wrapping around at either end; None when there is nothing to walk."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    if not ordered:
        return None
    if forward:
        i = next((i for i, q in enumerate(ordered) if q.start >= here), 0)
    else:
        i = next((i for i in range(len(ordered) - 1, -1, -1) if ordered[i].end < here),
                 len(ordered) - 1)
    return WalkStep(ordered[i], i + 1, len(ordered))
