"""Lines of a PDF page with their boxes (through pypdfium2), and the page furniture a
browser or a newspaper system prints on every page.

PDFium gives the page's characters in content order with their boxes and breaks lines
itself. Chromium prints a web page in document order, so content order is reading order;
newspaper exports lay columns out one after another in the same way.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: its text, box (PDF points, y up), font size, whether most of it
    lies under a link (menus and link lists are mostly links), and whether it sits in a
    side column beside the article (`pdf_columns`); the baseline its letters stand on."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    page: int
    linked: bool = False
    side: bool = False
    baseline: float = 0.0
    spaced_end: bool = False  # PDFium wrote a space after its last word


# Lines browsers and print systems put in page margins.
_PRINT_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b", re.I)
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:page\s+)?\d{1,4}\s*(?:/|of)\s*\d{1,4}$", re.I)
_ADDRESS = re.compile(r"^(?:https?://|file://|www\.)\S+", re.I)
_DIGITS = re.compile(r"\d+")
MARGIN_LINES = 2
# Gaps, in font sizes: wider than COLUMN_GAP between two runs of text on one baseline
# separates columns; wider than SPACE_GAP font sizes between two pieces is a word space.
COLUMN_GAP = 0.9
SPACE_GAP = 0.2
# Back to the left by more than BACK_JUMP font sizes: another column (right-to-left
# scripts step back one letter at a time).
BACK_JUMP = 4.0


def _link_rects(page: Any) -> list[tuple[float, float, float, float]]:
    import pypdfium2.raw as pdfium_c

    rects = []
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        r = pdfium_c.FS_RECTF()
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(r)):
            rects.append((r.left, r.bottom, r.right, r.top))
    return rects


def _under_link(box: tuple[float, float, float, float],
                rects: list[tuple[float, float, float, float]]) -> bool:
    left, bottom, right, top = box
    cx, cy = (left + right) / 2, (bottom + top) / 2
    return any(l <= cx <= r and b <= cy <= t for l, b, r, t in rects)


# A character: text, box (None for a space), font size, under a link, baseline.
_Char = tuple[str, "tuple[float, float, float, float] | None", float, bool, float]


def _line(chars: list[_Char], number: int) -> Line | None:
    """One printed line out of its characters."""
    boxes = [c[1] for c in chars if c[1] is not None]
    text = "".join(c[0] for c in chars).strip()
    if not boxes or not text:
        return None
    sizes: Counter[float] = Counter(c[2] for c in chars if c[1] is not None)
    baselines: Counter[float] = Counter(c[4] for c in chars if c[1] is not None)
    linked = sum(1 for c in chars if c[1] is not None and c[3])
    return Line(text=text, left=min(b[0] for b in boxes), bottom=min(b[1] for b in boxes),
                right=max(b[2] for b in boxes), top=max(b[3] for b in boxes),
                size=sizes.most_common(1)[0][0], page=number, linked=linked > len(boxes) / 2,
                baseline=baselines.most_common(1)[0][0], spaced_end=chars[-1][0].isspace())


def _pieces(textpage: Any, text: str, first: int, end: int, count: int,
            links: list[tuple[float, float, float, float]], number: int) -> list[Line]:
    """The characters `first:end` of one PDFium line, cut at a space wider than
    `COLUMN_GAP` font sizes or where the text jumps back left: PDFium joins text of two
    columns (or of a side box) that share a height band into one line."""
    import pypdfium2.raw as pdfium_c

    out: list[Line] = []
    chars: list[_Char] = []
    right: float | None = None
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(first, min(end, count)):
        if text[i].isspace():
            chars.append((text[i], None, 0.0, False, 0.0))
            continue
        box = textpage.get_charbox(i)
        if box[2] <= box[0] and box[3] <= box[1]:
            chars.append((text[i], None, 0.0, False, 0.0))
            continue
        size = round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i), 1)
        gap = box[0] - right if right is not None else 0.0
        # Forward only at a space (glyph boxes of some fonts are off); back to the left
        # by more than a gap, the text went on in another column or a side box.
        if (gap > COLUMN_GAP * max(size, 1.0) and chars[-1][0].isspace()
                or gap < -BACK_JUMP * max(size, 1.0)):
            line = _line(chars, number)
            out += [line] if line else []
            chars = []
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        chars.append((text[i], box, size, bool(links) and _under_link(box, links),
                      round(y.value, 1)))
        right = box[2]
    line = _line(chars, number)
    return out + ([line] if line else [])


def _same_row(a: Line, b: Line) -> bool:
    """`b` continues `a` on the same printed line: beside it on the right, close, and
    sharing most of its height (superscripts, links and odd glyph runs that PDFium
    breaks off; a browser's footer that it cuts into single characters)."""
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    low = min(a.top - a.bottom, b.top - b.bottom)
    gap = b.left - a.right
    return (a.page == b.page and overlap >= low / 2 > 0
            and -low / 2 <= gap <= COLUMN_GAP * max(a.size, b.size, 1.0))


def _merge(a: Line, b: Line) -> Line:
    close = b.left - a.right <= SPACE_GAP * max(a.size, b.size)
    space = "" if close and not a.spaced_end else " "
    weight_a, weight_b = len(a.text), len(b.text)
    return Line(text=a.text + space + b.text, left=min(a.left, b.left),
                bottom=min(a.bottom, b.bottom), right=max(a.right, b.right),
                top=max(a.top, b.top), size=a.size if weight_a >= weight_b else b.size,
                page=a.page,
                linked=(weight_a * a.linked + weight_b * b.linked) * 2 > weight_a + weight_b,
                baseline=a.baseline if weight_a >= weight_b else b.baseline,
                spaced_end=b.spaced_end)


def join_rows(lines: list[Line]) -> list[Line]:
    """Consecutive pieces of one printed line joined into one line."""
    out: list[Line] = []
    for line in lines:
        if out and _same_row(out[-1], line):
            out[-1] = _merge(out[-1], line)
        else:
            out.append(line)
    return out


def page_lines(page: Any, number: int) -> list[Line]:
    """The page's printed lines in content order, with boxes, font size and link coverage."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        links = _link_rects(page)
        lines: list[Line] = []
        start = 0
        for end in [m.start() for m in re.finditer(r"\r?\n", text)] + [len(text)]:
            first = start
            start = end + (2 if text[end:end + 2] == "\r\n" else 1)
            if text[first:end].strip():
                lines += _pieces(textpage, text, first, end, count, links, number)
        return join_rows(lines)
    finally:
        textpage.close()


def _shape(text: str) -> str:
    """A line with its numbers blanked: "Page 3 of 9" and "Page 4 of 9" are one furniture."""
    return _DIGITS.sub("#", " ".join(text.split()).casefold())


def is_margin_furniture(text: str) -> bool:
    """A browser's print header or footer: print date and time, address, "n/m"."""
    t = " ".join(text.split())
    return bool(_PRINT_DATE.match(t) or _ADDRESS.match(t) or _PAGE_NUMBER.search(t)
                and len(t) < 120)


def _edge_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines that may be running heads or feet: the first and last in
    content order and the highest and lowest on the page."""
    n = len(lines)
    by_height = sorted(range(n), key=lambda i: lines[i].top)
    return {*range(min(n, MARGIN_LINES)), *range(max(0, n - MARGIN_LINES), n),
            *by_height[:MARGIN_LINES], *by_height[-MARGIN_LINES:]}


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without their running headers and footers.

    A line among the first or last `MARGIN_LINES` of its page goes when it looks like a
    print header or footer, or when the same line (numbers aside) is at the top or bottom
    of at least half the pages (and of two or more).
    """
    edges = [_edge_lines(lines) for lines in pages]
    ends: Counter[str] = Counter()
    for lines, edge in zip(pages, edges):
        for shape in {_shape(lines[i].text) for i in edge}:
            ends[shape] += 1
    threshold = max(2, (len(pages) + 1) // 2)
    out = []
    for lines, edge in zip(pages, edges):
        keep = []
        for i, line in enumerate(lines):
            if i in edge and (is_margin_furniture(line.text)
                            or (len(pages) >= 2 and ends[_shape(line.text)] >= threshold)):
                continue
            keep.append(line)
        out.append(keep)
    return out
