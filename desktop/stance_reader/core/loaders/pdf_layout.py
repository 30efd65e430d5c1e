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
    """One printed line: its text, box (PDF points, y up), font size, and whether most of
    it lies under a link (menus and link lists are mostly links)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    page: int
    linked: bool = False


# Lines browsers and print systems put in page margins.
_PRINT_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b", re.I)
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:page\s+)?\d{1,4}\s*(?:/|of)\s*\d{1,4}$", re.I)
_ADDRESS = re.compile(r"^(?:https?://|file://|www\.)\S+", re.I)
_DIGITS = re.compile(r"\d+")
MARGIN_LINES = 2


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


def page_lines(page: Any, number: int) -> list[Line]:
    """The page's lines in content order, with boxes, font size and link coverage."""
    import pypdfium2.raw as pdfium_c

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
            chunk = text[start:end]
            first = start
            start = end + (2 if text[end:end + 2] == "\r\n" else 1)
            if not chunk.strip():
                continue
            boxes = []
            linked = 0
            sizes: Counter[float] = Counter()
            for i in range(first, min(first + len(chunk), count)):
                if chunk[i - first].isspace():
                    continue
                box = textpage.get_charbox(i)
                if box[2] <= box[0] and box[3] <= box[1]:
                    continue
                boxes.append(box)
                sizes[round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i), 1)] += 1
                linked += bool(links) and _under_link(box, links)
            if not boxes:
                continue
            lines.append(Line(
                text=chunk.strip(), left=min(b[0] for b in boxes),
                bottom=min(b[1] for b in boxes), right=max(b[2] for b in boxes),
                top=max(b[3] for b in boxes), size=sizes.most_common(1)[0][0], page=number,
                linked=linked > len(boxes) / 2))
        return lines
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
