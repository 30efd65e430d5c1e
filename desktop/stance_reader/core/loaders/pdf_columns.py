"""Columns of a printed page, found from where its lines sit: reading columns put in
reading order, side columns (sidebars, link rails, comment boxes beside the article) marked.

A printed web page often has a side column beside the article, and PDFium gives its lines
wherever the page painted them: before the article, or between two of its paragraphs,
which cuts the article in two. A newspaper export may give two columns of one article
line by line across. Both are recognised the same way: lines that sit side by side (they
share a height band with a wide gap between them) show a gutter; the x that most such
pairs straddle splits the page into a left and a right column over the height where the
pairs are. Two columns of the same kind of text (both mostly prose, of similar width) are
read left then right; columns whose lines share baselines are a table and stay as they
are; otherwise the narrower column (of two alike, the one with less unlinked text) is a
side column.
"""

from __future__ import annotations

from dataclasses import replace

from stance_reader.core.loaders.pdf_layout import Line

MIN_PAIRS = 3  # side-by-side rows needed before a page is said to have columns
MIN_ROWS = 3  # distinct lines on each side of the gutter
READING_SHARE = 0.5  # the smaller column's unlinked text, against the larger one's
READING_WIDTH = 0.6  # the narrower column's width, against the wider one's
TABLE_ROWS = 0.7  # share of side-by-side pairs on one baseline that makes a table
BASELINE = 1.0  # points
SIDE_WIDTH = 0.8  # a column this much narrower than the other is the side one
FULL_LINE = 0.7  # a line this share of its column's width is a full line of prose
MAX_COMPARISONS = 20_000  # line pairs compared per page (the 60 printed pages: 210 at most)


def _beside(a: Line, b: Line) -> bool:
    """`b` sits right of `a` on the same height band, apart."""
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    low = min(a.top - a.bottom, b.top - b.bottom)
    return overlap >= low / 4 > 0 and b.left > a.right


def _pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    """The (left, right) pairs of lines side by side, scanning by height; at most
    `MAX_COMPARISONS` comparisons, so a hostile page of thousands of pieces on one band
    costs no more than a dense real one."""
    order = sorted(lines, key=lambda line: -line.top)
    pairs = []
    budget = MAX_COMPARISONS
    for i, a in enumerate(order):
        for j in range(i + 1, len(order)):
            b = order[j]
            budget -= 1
            if b.top < a.bottom or budget <= 0:
                break
            if _beside(a, b):
                pairs.append((a, b))
            elif _beside(b, a):
                pairs.append((b, a))
        if budget <= 0:
            break
    return pairs


def _gutter(pairs: list[tuple[Line, Line]]) -> float | None:
    """The x that most side-by-side pairs straddle (a sweep over their gaps)."""
    events = sorted([(a.right, 1) for a, _ in pairs] + [(b.left, -1) for _, b in pairs])
    best = depth = 0
    at: float | None = None
    for i, (x, step) in enumerate(events):
        depth += step
        if depth > best and i + 1 < len(events):
            best, at = depth, (x + events[i + 1][0]) / 2
    return at if best >= MIN_PAIRS else None


def _unlinked(lines: list[Line]) -> int:
    return sum(len(line.text) for line in lines if not line.linked)


def _width(lines: list[Line]) -> float:
    return max(line.right for line in lines) - min(line.left for line in lines)


def _filled(lines: list[Line]) -> bool:
    """Most lines run the column's width, as set prose does (not cells or code pieces)."""
    width = _width(lines)
    full = sum(1 for line in lines if line.right - line.left >= FULL_LINE * width)
    return full >= max(MIN_ROWS, len(lines) / 2)


def arrange_columns(lines: list[Line]) -> list[Line]:
    """One page's lines with reading columns in reading order and side columns marked."""
    pairs = _pairs(lines)
    x = _gutter(pairs) if len(pairs) >= MIN_PAIRS else None
    if x is None:
        return lines
    straddling = [p for p in pairs if p[0].right < x < p[1].left]
    top = max(max(a.top, b.top) for a, b in straddling)
    bottom = min(min(a.bottom, b.bottom) for a, b in straddling)
    inside = [i for i, line in enumerate(lines)
              if line.bottom >= bottom and line.top <= top and (line.right < x or line.left > x)]
    left = [lines[i] for i in inside if lines[i].right < x]
    right = [lines[i] for i in inside if lines[i].left > x]
    if len(left) < MIN_ROWS or len(right) < MIN_ROWS:
        return lines
    small, large = sorted((left, right), key=_unlinked)
    narrow, wide = sorted((_width(left), _width(right)))
    out = list(lines)
    if (_unlinked(small) >= READING_SHARE * _unlinked(large) and narrow >= READING_WIDTH * wide
            and _filled(left) and _filled(right)):
        for slot, line in zip(inside, left + right):
            out[slot] = line
        return out
    # Cells of a table share their row's baseline; a side box's lines fall anywhere.
    rows = sum(1 for a, b in straddling if abs(a.baseline - b.baseline) <= BASELINE)
    if rows >= TABLE_ROWS * len(straddling):
        return lines
    # The article's column is the wider one; of two alike, the one with more text.
    if narrow < SIDE_WIDTH * wide:
        small = min((left, right), key=_width)
    side = {id(line) for line in small}
    return [replace(line, side=True) if id(line) in side else line for line in out]
