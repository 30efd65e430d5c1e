"""Paragraphs rebuilt from a PDF's printed lines: vertical gaps, font size and link
coverage separate blocks; ligatures are unfolded and line-end hyphens joined only where
the joined word is a word."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from stance_reader.core.loaders.pdf_layout import Line
from stance_reader.core.loaders.words import is_word

_LIGATURES = re.compile("[\ufb00-\ufb06]")
_HYPHENATED_END = re.compile(r"(\w+)[-\u00ad]$")
_FIRST_WORD = re.compile(r"^(\w+)")
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?:\"”’)]$")
# PDFium writes a hyphen that ends a line inside a word as U+FFFE and drops the break.
_PDFIUM_HYPHEN = re.compile(r"(\w+)\ufffe\s*(\w+)")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like block: its text, font size, whether it is mostly links, and
    whether it stands in a side column beside the article."""

    text: str
    size: float
    linked: bool
    side: bool = False


def unfold_ligatures(text: str) -> str:
    """"ﬁ" → "fi" (NFKC on the ligature code points only, so other text keeps its form)."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def mend_line_end_hyphens(text: str, document_words: frozenset[str]) -> str:
    """PDFium's line-end hyphens: "de\ufffefence" → "defence", "neo\ufffeNazis" → "neo-Nazis"."""
    def mend(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right[:1].islower() and is_word(left + right, document_words):
            return left + right
        return f"{left}-{right}"
    return re.sub("-?\ufffe", "-", _PDFIUM_HYPHEN.sub(mend, text))


def _usual_gaps(lines: list[Line]) -> dict[float, float]:
    """The usual gap between consecutive lines of one font size (line spacing)."""
    gaps: dict[float, list[float]] = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.size == b.size and b.top < a.bottom:
            gaps[a.size].append(a.bottom - b.top)
    return {size: statistics.median(g) for size, g in gaps.items()}


def _same_row(prev: Line, line: Line) -> bool:
    """`line` is the next cell of `prev`'s row (a table, a dateline beside a byline)."""
    overlap = min(prev.top, line.top) - max(prev.bottom, line.bottom)
    return (line.page == prev.page and line.left > prev.right
            and overlap >= min(prev.top - prev.bottom, line.top - line.bottom) / 2 > 0)


def _starts_block(prev: Line, line: Line, usual: dict[float, float]) -> bool:
    if line.side != prev.side:
        return True
    if _same_row(prev, line):
        return False
    if line.size != prev.size:
        return True
    height = max(prev.top - prev.bottom, 1.0)
    if line.page != prev.page:
        return bool(_SENTENCE_END.search(prev.text))
    gap = prev.bottom - line.top
    if gap < -height / 2:  # back up the page: a new column or a side box
        return True
    return gap > usual.get(line.size, height / 2) + height / 2


def _join(left: str, right: str, document_words: frozenset[str]) -> str:
    end = _HYPHENATED_END.search(left)
    first = _FIRST_WORD.match(right)
    if end and first and right[:1].islower():
        joined = end.group(1) + first.group(1)
        if is_word(joined, document_words):
            return left[:end.end(1)] + right
        return left[:end.end(1)] + "-" + right if left.endswith("\u00ad") else left + right
    if left.endswith("-") and right[:1].isupper():
        return left + right  # "neo-⏎Nazis": a hyphenated compound split at the line end
    return f"{left} {right}"


def blocks(lines: list[Line]) -> list[Block]:
    """The lines grouped into blocks, in order, text mended."""
    if not lines:
        return []
    texts = [unfold_ligatures(x.text) for x in lines]
    document_words = frozenset(w.casefold() for t in texts for w in _WORD.findall(t))
    usual = _usual_gaps(lines)
    out: list[Block] = []
    text, head = texts[0], lines[0]
    linked = total = 0  # characters of the block's lines, and of those mostly under links

    def close() -> None:
        out.append(Block(text, head.size, linked * 2 > total, head.side))

    for prev, line, line_text in zip(lines, lines[1:], texts[1:]):
        linked += len(prev.text) if prev.linked else 0
        total += len(prev.text)
        if _starts_block(prev, line, usual):
            close()
            text, head, linked, total = line_text, line, 0, 0
        elif _same_row(prev, line):
            text = f"{text} {line_text}"
        else:
            text = _join(text, line_text, document_words)
    linked += len(lines[-1].text) if lines[-1].linked else 0
    total += len(lines[-1].text)
    close()
    return [Block(mend_line_end_hyphens(b.text, document_words), b.size, b.linked, b.side)
            for b in out]
