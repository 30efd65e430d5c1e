"""Quotation-mark scanner: character offsets of every quotation, paragraph by paragraph.

Handles “…”, "…", ‘…’ and '…' (told apart from apostrophes: we’re, Taiwan’s, ’90s,
rock ’n’ roll), «…» and »…«, „…“ and „…”, ‹…›, 「…」 and 『…』; nested quotations; and
the news convention where a quotation runs over several paragraphs, each new paragraph
reopening it without the previous one being closed. An unbalanced mark never reaches
past its paragraph and never stops the scan of the rest of the paragraph.

The scanner works on characters only (no parse), so it is fast and total: any string
gives a list of well-formed, non-crossing spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from stance_reader.core.analysis import Offsets

# opener -> closers it accepts
PAIRS: dict[str, str] = {
    "“": "”",       # English curly
    "„": "“”",      # German/Polish low-high
    "«": "»",
    "»": "«",       # Danish/German reversed guillemets
    "‹": "›",
    "「": "」",
    "『": "』",
    "‘": "’",
    "‚": "‘’",
}
DOUBLE_FAMILY = frozenset("“”„\"«»「」『』")
SINGLE_FAMILY = frozenset("‘’‚'‹›")
ALL_MARKS = frozenset(PAIRS) | frozenset("”»›」』’\"'")
# Characters after which a mark opens rather than closes.
OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;\u00a0") | frozenset(PAIRS)
CLOSE_FOLLOW = frozenset(" \t\n.,;:!?)]}—–-…/\u00a0") | frozenset("”»›」』’\"'")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation found in the text.

    `start`/`end` include the marks (or run to the paragraph end when the quotation
    continues in the next paragraph: `continues` is True). `continued` is True for a
    paragraph that reopens a quotation from the previous one. `depth` is 0 for top-level
    quotations and 1+ for quotations nested inside another.
    """

    start: int
    end: int
    paragraph: int
    depth: int = 0
    closed: bool = True
    continues: bool = False
    continued: bool = False

    @property
    def inner(self) -> Offsets:
        """The quoted words without the marks."""
        s = self.start + 1
        e = self.end - 1 if self.closed else self.end
        return Offsets(s, max(s, e))


@dataclass(slots=True)
class _Open:
    pos: int
    mark: str
    continued: bool = False


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """True when a single mark at i is an apostrophe, not a quotation mark."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if _is_letter(prev) and _is_letter(nxt):  # we’re, Taiwan’s, O’Brien
        return True
    if nxt.isdigit() and not prev.isalnum():  # ’90s
        return True
    if prev in " \t\n" and nxt == "n" and i + 2 < end and text[i + 2] in "’'" :  # ’n’
        return True
    if prev == "n" and i >= 2 and text[i - 2] in "’'‘":  # closing mark of ’n’
        return True
    if prev.isdigit() and nxt in " s":  # 90’s, 5' 10 (feet)
        return True
    return False


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return (prev in OPEN_CONTEXT or i == start) and not nxt.isspace() and i + 1 < end


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return not prev.isspace() and (nxt in CLOSE_FOLLOW or i + 1 >= end or nxt.isspace())


def _family(mark: str) -> frozenset[str]:
    return DOUBLE_FAMILY if mark in DOUBLE_FAMILY or len(mark) == 2 else SINGLE_FAMILY


def _closes(opener: str, mark: str) -> bool:
    if opener in ("\"", "'"):
        return mark == opener or (opener == "'" and mark == "’") or (opener == "\"" and mark == "”")
    return mark in PAIRS.get(opener, "")


def scan_paragraph(text: str, para: Offsets, index: int,
                   reopened: str | None = None) -> tuple[list[QuoteSpan], str | None]:
    """Scan one paragraph; returns its spans and the mark of a quotation left open at
    its end that the next paragraph may continue (None if all closed)."""
    start, end = para.start, para.end
    spans: list[QuoteSpan] = []
    stack: list[_Open] = []
    i = start
    while i < end:
        ch = text[i]
        if ch not in ALL_MARKS and ch != "`":
            i += 1
            continue
        top = stack[-1] if stack else None
        if ch in "'`" and i + 1 < end and text[i + 1] == ch:
            # ''…'' and ``…'' (typewriter doubles) work as double quotation marks.
            if top is not None and top.mark in ("''", "``") and ch == "'" \
                    and _can_close(text, i + 1, start, end) and not text[i - 1].isspace():
                stack.pop()
                spans.append(QuoteSpan(top.pos, i + 2, index, depth=len(stack),
                                       continued=top.continued))
            elif _can_open(text, i, start, end - 1) and not text[i + 2:i + 3].isspace():
                stack.append(_Open(i, ch * 2))
            i += 2
            continue
        if ch == "`":
            i += 1
            continue
        if ch == "”" and not stack and i + 1 < end and text[i + 1].isupper() and (
                i == start or text[i - 1].isspace()):
            stack.append(_Open(i, "“"))  # a closing mark typed where an opener belongs
            i += 1
            continue
        single = ch in SINGLE_FAMILY
        if single and ch in "’'" and _apostrophe(text, i, start, end):
            i += 1
            continue
        if top is not None and _closes(top.mark, ch) and _can_close(text, i, start, end):
            stack.pop()
            spans.append(QuoteSpan(top.pos, i + 1, index, depth=len(stack),
                                   continued=top.continued))
            i += 1
            continue
        opens = ch in PAIRS or ch in "\"'"
        if ch == "’":  # only a (rare) opener when it directly precedes a word after space
            opens = False
        if opens and _can_open(text, i, start, end):
            if ch == "'" and not stack and not _can_open(text, i, start, end):
                i += 1
                continue
            # Same-family quotations do not nest in English: an earlier opener of the same
            # family that is still open was a stray mark. Drop it, keep scanning.
            while stack and _same_kind(stack[-1].mark, ch):
                stack.pop()
            stack.append(_Open(i, ch))
            i += 1
            continue
        if top is not None and _closes(top.mark, ch):
            # A closer in an odd position ("word”word"): accept it if nothing better comes.
            stack.pop()
            spans.append(QuoteSpan(top.pos, i + 1, index, depth=len(stack),
                                   continued=top.continued))
        i += 1
    carry: str | None = None
    if stack:
        bottom = stack[0]
        # Only a top-level double quotation is carried to the next paragraph; nested or
        # single ones left open were stray marks.
        if bottom.mark in PAIRS and bottom.mark in DOUBLE_FAMILY or bottom.mark in ("\"", "''", "``"):
            spans.append(QuoteSpan(bottom.pos, end, index, depth=0, closed=False,
                                   continued=bottom.continued))
            carry = bottom.mark
    # Depth from the spans actually found: a quotation nested in a stray mark that never
    # closed is top-level after all.
    spans.sort(key=lambda s: (s.start, -s.end))
    spans = [QuoteSpan(s.start, s.end, s.paragraph,
                       sum(1 for o in spans if o is not s and o.start <= s.start
                           and s.end <= o.end and (o.start, o.end) != (s.start, s.end)),
                       s.closed, s.continues, s.continued) for s in spans]
    return spans, carry


def _same_kind(outer: str, inner: str) -> bool:
    """An opener that cannot nest inside `outer`: the same mark (or its typographic twin)."""
    twins = ("“„", "«»", "‘‚", "\"", "'")
    return outer == inner or any(outer in t and inner in t for t in twins)


def scan(text: str, paragraphs: Sequence[Offsets]) -> list[QuoteSpan]:
    """All quotation spans of `text`, in order.

    A quotation left open at the end of a paragraph `continues` only when the next
    paragraph starts by reopening it with the same mark; otherwise it was unbalanced
    and is reported as unclosed, confined to its own paragraph.
    """
    result: list[QuoteSpan] = []
    carry: str | None = None
    for index, para in enumerate(paragraphs):
        first = _first_visible(text, para)
        reopens = carry is not None and first is not None and text.startswith(carry, first)
        spans, new_carry = scan_paragraph(text, para, index)
        if reopens and spans:
            # Mark the previous paragraph's open quotation as continuing here.
            for j in range(len(result) - 1, -1, -1):
                if not result[j].closed and result[j].paragraph == index - 1:
                    prev = result[j]
                    result[j] = QuoteSpan(prev.start, prev.end, prev.paragraph, prev.depth,
                                          closed=False, continues=True,
                                          continued=prev.continued)
                    break
            spans = [QuoteSpan(s.start, s.end, s.paragraph, s.depth, s.closed, s.continues,
                               continued=True) if s.start == first else s for s in spans]
        result.extend(spans)
        carry = new_carry
    return result


def _first_visible(text: str, para: Offsets) -> int | None:
    for i in range(para.start, para.end):
        if not text[i].isspace():
            return i
    return None
