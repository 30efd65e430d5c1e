"""Paragraphs that are page furniture, not article: newsletter boxes, comment policies,
share and follow prompts, subscription walls, copyright notes, "read more" teasers.

Extractors (trafilatura for web pages, the layout blocks of printed PDFs) keep such
paragraphs when they sit inside the article's container. They are recognised by what they
say, and only when short: a long paragraph that mentions a newsletter is reporting.
"""

from __future__ import annotations

import re

MAX_CHARS = 400

# One pattern per kind of furniture, matched case-insensitively anywhere in a short paragraph.
PATTERNS: tuple[str, ...] = (
    # newsletters and sign-ups
    r"\bnewsletters?\b", r"\bsign(?:ing)? up (?:for|to)\b", r"thanks? (?:you )?for signing up",
    r"error processing your subscription", r"never miss (?:the latest|a story)",
    r"\bsubscribe (?:now|today|to (?:our|the))\b", r"please subscribe",
    r"\balready a subscriber\b", r"first-time subscribers", r"\bsubscribers? (?:can|get|receive)\b",
    r"\b(?:to|in) (?:your|their) inbox(?:es)?\b", r"enter your email",
    # comments and letters
    r"^\d+ (?:responses|comments|replies) to\b",
    r"^(?:reply|post a comment|view comments|leave a (?:comment|reply)|comments?)$",
    r"\bto (?:leave|post) a comment\b", r"comments? (?:are|is) (?:moderated|closed)",
    r"comments may be (?:republished|edited)", r"ask that comments", r"publish comments",
    r"share your (?:thoughts|views)", r"we want to hear what you think",
    r"submit (?:your|a) letter to the editor",
    # share, follow, promote
    r"\bshare (?:this|it) (?:story|article|post)?\s*(?:with a friend|on)\b",
    r"like this (?:story|article)\?", r"if you (?:enjoyed|liked) (?:reading )?this",
    r"\bfollow (?:us|[\w ]{1,40}) on (?:twitter|facebook|instagram|x\b)",
    r"\bdownload (?:the|our) [\w ]{0,30}app\b", r"^also on\b", r"^(?:read|see) (?:more|also)\b",
    r"^related(?: articles| stories| posts)?:?$", r"^advertisement$",
    r"we recommend the best products", r"contains references to products",
    r"(?:earn|receive) (?:a )?commission",
    # cookie and tracking consent
    r"\bwe use cookies\b", r"\b(?:our|the) use of cookies\b", r"\bcookie (?:policy|settings)\b",
    r"\bby clicking (?:i )?accept\b",
    # copyright and reprints
    r"copyrighted property of", r"written permission must be obtained",
    r"all rights reserved", r"^©", r"^copyright\b",
    # metadata labels on their own
    r"^(?:release date|category|credit|photo credit|image credit)\s*:",
    r"\blast (?:modified|updated)\s*:\s*(?:[a-z]{3,9}\.? \d|\d)",  # "Last Modified: Feb 18, 2020"
    # picture captions ending in their credit
    r"(?:photograph|photo|image|illustration)(?: by)?:\s*[\w .&/-]{2,40}$",
)
_RULES = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)


def is_furniture(paragraph: str) -> bool:
    """True for a short paragraph that is page furniture by what it says."""
    text = " ".join(paragraph.split())
    return len(text) <= MAX_CHARS and bool(_RULES.search(text))


# "Will Knight is a senior writer for …", "Martin has worked as a professional developer":
# the author's note that closes an article page.
_BIO_TEXT = (
    r"(?:[A-Z][\w.'’-]+\s+){0,4}(?:is|was|has worked as|has been)\s+(?:a|an|the)?\s*"
    r"(?:[\w-]+\s+){0,4}?(?i:writer|reporter|journalist|correspondent|editor|professor|"
    r"co-founder|founder|author|columnist|contributor|developer|engineer|fellow|director|"
    r"analyst|researcher|consultant)\b")
_BIO = re.compile("^" + _BIO_TEXT)
# The same note after a byline and date: "Heiko Sauer 9 Apr 2020 Heiko Sauer is a …".
_BYLINE_BIO = re.compile(r"(?:^|\d{4}\s+|[.!?]\s+)" + _BIO_TEXT)
BIO_MAX_CHARS = 600
TRAILING = 5


def drop_closing_notes(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without an author's note among the last few (the first paragraph, where
    an article may well introduce a person, always stays)."""
    start = max(1, len(paragraphs) - TRAILING)
    tail = [p for p in paragraphs[start:] if not is_closing_note(p)]
    return paragraphs[:start] + tail


def is_closing_note(paragraph: str) -> bool:
    """A short paragraph that starts by introducing a writer ("Will Knight is a senior
    writer for …"), as the note closing an article page does."""
    return len(paragraph) <= BIO_MAX_CHARS and bool(_BIO.match(" ".join(paragraph.split())))


def is_author_note(paragraph: str) -> bool:
    """A short paragraph that introduces the author ("… is a Professor of Public Law")."""
    text = " ".join(paragraph.split())
    return len(text) <= BIO_MAX_CHARS and bool(_BYLINE_BIO.search(text))


# Headings that open what follows an article: readers' comments, "you may also like"
# lists. ("Related" and "Read more" are left out: news pages set such boxes inside the
# article, which goes on after them.)
_SECTION_AFTER = re.compile(
    r"^(?:comments?\s*(?:\(\d+\)|:)?$|\d+ (?:comments?|responses?|replies|thoughts)\b|"
    r"leave a (?:comment|reply)\b|join the (?:conversation|discussion)\b|"
    r"(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy)\b|"
    r"recommended (?:for you|stories|articles)\b|more from\b|what to read next\b|"
    r"editors[’']? (?:picks|recommendations)\b|most (?:popular|read|viewed|shared)\b)",
    re.IGNORECASE)
SECTION_HEADING_WORDS = 10


def opens_after_section(heading: str) -> bool:
    """A short heading that opens the related links or readers' comments after an article
    ("Related — 有關", "5 thoughts on …" is longer but starts so, "Comments")."""
    text = re.sub(r"^\W+", "", " ".join(heading.split()))  # "{ 38 comments… }"
    return bool(_SECTION_AFTER.match(text)) and (
        len(text.split()) <= SECTION_HEADING_WORDS or bool(re.match(r"\d+ ", text)))
