"""The article out of a printed web page's blocks: the densest run of prose.

A printed page is menus, then the article, then related links, comments and footers. Each
block scores its word count when it is prose (long enough, not mostly links, not page
furniture) and a penalty otherwise (larger for link blocks, by their length); the run of
blocks with the highest total (maximum subarray) is the article, without the link blocks
and furniture inside it. Measured on the printed dev pages (docs/evaluation.md) against
running the web-page extractor on the blocks written as HTML, which kept most menus.

Before the run is chosen, side columns and banners printed over every page are left out;
a box of related links inside the article costs little. After, the run ends at a readers'
comments heading or the author's closing note, and the standfirst above it is added.
"""

from __future__ import annotations

import re
from collections import Counter

from stance_reader.core.loaders.boilerplate import (
    is_author_note,
    is_closing_note,
    is_furniture,
    opens_after_section,
)
from stance_reader.core.loaders.pdf_paragraphs import Block

MIN_PROSE_WORDS = 12
MIN_SENTENCE_WORDS = 4
PENALTY = 10
BOX_LABEL_WORDS = 3  # "Related stories", "Read more"
BOX_LINK_WORDS = 80  # the links of a box inside an article: a few headlines
OVERLAY_REPEATS = 3
MIN_PROSE_BEFORE_END = 2  # prose blocks of the article before a comments heading
AFTER_NOTE = 4  # an author's note ends the article when less than a quarter of it follows
LOOKBACK = 15  # blocks before the first paragraph searched for the headline
MIN_LABEL_WORDS = 3  # a lone "Contact" or "Explore further" at body size is a label
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def _is_prose(block: Block) -> bool:
    """Long enough to be prose, or a short full sentence; not links, not furniture."""
    words = len(block.text.split())
    if block.text.count(" | ") >= 2:  # "date | categories: … | View Comments"
        return False
    return (not block.linked and not is_furniture(block.text)
            and (words >= MIN_PROSE_WORDS
                 or words >= MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(block.text))))


def _body_size(blocks: list[Block]) -> float:
    """The font size most prose words are printed in."""
    sizes: Counter[float] = Counter()
    for b in blocks:
        if _is_prose(b):
            sizes[b.size] += len(b.text.split())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _weight(block: Block) -> int:
    words = len(block.text.split())
    if _is_prose(block):
        return words
    return -(PENALTY + (words if block.linked else 0))


def _weights(found: list[Block], body: float) -> list[int]:
    """Each block's weight; a box of links inside the article ("RELATED STORIES" and a
    few links, then the article's next paragraph) costs almost nothing, so the article
    is not cut at it."""
    weights = [_weight(b) for b in found]
    for i in range(len(found) - 2):
        label, links, after = found[i:i + 3]
        if (not label.linked and not _is_prose(label) and label.size >= body
                and len(label.text.split()) <= BOX_LABEL_WORDS and links.linked
                and len(links.text.split()) <= BOX_LINK_WORDS
                and _is_prose(after) and after.size == body):
            weights[i] = weights[i + 1] = -1
    return weights


def _without_overlays(blocks: list[Block]) -> list[Block]:
    """`blocks` without those printed `OVERLAY_REPEATS` times or more: a fixed banner (a
    cookie notice, a sign-up bar) is printed over every page, while an article says a
    paragraph once (a pull quote repeats a sentence, twice)."""
    seen: Counter[str] = Counter(" ".join(b.text.split()) for b in blocks)
    return [b for b in blocks if seen[" ".join(b.text.split())] < OVERLAY_REPEATS]


def _until_after_section(run: list[Block]) -> list[Block]:
    """The run up to a heading that opens readers' comments or a "you may also like" list,
    or up to the author's note near its end: what follows is not the article's. A linked
    "74 comments" near the top is a link to the comments, not their heading; so the
    heading is unlinked and follows prose. A note is the end only when little follows it
    (an article may introduce "… is a professor" in the middle)."""
    words = [len(b.text.split()) if _is_prose(b) else 0 for b in run]
    prose = 0
    for i, block in enumerate(run):
        if (prose >= MIN_PROSE_BEFORE_END and not block.linked and not _is_prose(block)
                and opens_after_section(block.text)):
            return run[:i]
        if (prose >= MIN_PROSE_BEFORE_END and is_closing_note(block.text)
                and sum(words[i + 1:]) * AFTER_NOTE < sum(words[:i])):
            return run[:i]
        prose += _is_prose(block)
    return run


def _standfirst(before: list[Block], body: float) -> list[Block]:
    """The standfirst between the headline and the first paragraph: prose, or a line in
    type between the body's and the headline's ("First clinical trial of …"); bylines,
    author notes, share buttons and captions between them stay out."""
    if not before:
        return []
    top = max(b.size for b in before)
    if top <= body:
        return []
    headline = max(i for i, b in enumerate(before) if b.size == top)
    return [b for b in before[headline + 1:]
            if not b.linked and not is_furniture(b.text) and not is_author_note(b.text)
            and (_is_prose(b) or body < b.size < top
                 and len(b.text.split()) >= MIN_LABEL_WORDS)]


def article_blocks(blocks: list[Block]) -> list[Block]:
    """The densest run of prose blocks, without link blocks and furniture; blocks in side
    columns are left out first, so a sidebar painted between two paragraphs does not cut
    the article in two."""
    found = [b for b in _without_overlays(blocks) if not b.side]
    body = _body_size(found)
    best, best_start, best_end = 0, 0, -1
    total, start = 0, 0
    for i, weight in enumerate(_weights(found, body)):
        if total <= 0:
            total, start = 0, i
        total += weight
        if total > best:
            best, best_start, best_end = total, start, i
    while best_start < best_end and is_author_note(found[best_start].text):
        best_start += 1  # the byline's note about the author, just above the article
    run = _until_after_section(found[best_start:best_end + 1])
    body = _body_size(run)
    run = _standfirst(found[max(0, best_start - LOOKBACK):best_start], body) + run
    # Inside the run: prose, and headings; not links, furniture, or smaller type that is
    # not prose (captions, credits, "related" teasers, advertisement labels).
    return [b for b in run if not b.linked and not is_furniture(b.text)
            and (_is_prose(b) or b.size > body
                 or b.size == body and len(b.text.split()) >= MIN_LABEL_WORDS)]
