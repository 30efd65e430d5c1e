"""Who "I" is: the writer of each part of an article.

First person outside any quotation is the writer speaking. A byline names the writer of
the whole article. A letters page has several writers, each letter closed by a paragraph
holding only the writer's name ("Chris Smith."), often followed by a place line ("New
York."); an opinion piece without a byline names its writer in a closing tagline
("Charlotte Meehan is playwright-in-residence at …", "— Charlotte Meehan"). Names are
recognised by a first name from the census table (speaker_words.gender_of_first_name),
not by the tagger, which reads a lone name line poorly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from stance_reader.core.analysis import Offsets
from stance_reader.core.speaker_words import gender_of_first_name

WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]+)"  # "Jane", "O’Neill", an initial "J."
NAME = rf"{WORD}(?: {WORD}){{1,3}}"
# A paragraph that is a name and nothing else: a letter's signature.
SIGNATURE = re.compile(rf"\s*[—–-]*\s*(?P<name>{NAME})\s*[.,]?\s*")
# A closing tagline: "Jane Doe is a professor …", "Jane Doe, a professor, …".
TAGLINE = re.compile(rf"\s*[—–-]*\s*(?P<name>{NAME})(?: is | was |, (?:a|an|the) )[a-z]")
TAGLINE_PARAGRAPHS = 2  # a tagline is one of the last paragraphs


@dataclass(frozen=True, slots=True)
class Writer:
    """The writer of text[start:end], named at text[name_start:name_end] (both -1 for a
    byline, which is not part of the text)."""

    start: int
    end: int
    name: str
    name_start: int = -1
    name_end: int = -1


def _person_name(name: str) -> bool:
    first = name.split()[0]
    return gender_of_first_name(first) is not None and len(name.split()) <= 4


def signatures(text: str, paragraphs: Sequence[Offsets]) -> list[tuple[Offsets, str]]:
    """Paragraphs that are a person's name alone, with the name."""
    found: list[tuple[Offsets, str]] = []
    for p in paragraphs:
        m = SIGNATURE.fullmatch(text, p.start, p.end)
        if m is not None and _person_name(m.group("name")):
            found.append((Offsets(m.start("name"), m.end("name")), m.group("name")))
    return found


def writers(text: str, paragraphs: Sequence[Offsets], byline: str | None) -> tuple[Writer, ...]:
    """The writers of an article's parts, in text order.

    Signed letters: each signature writes the text since the previous one. Otherwise the
    byline's writer, or the one a closing tagline names, writes the whole.
    """
    signed = signatures(text, paragraphs)
    if len(signed) >= 2 or (signed and not byline):
        out: list[Writer] = []
        start = 0
        for where, name in signed:
            out.append(Writer(start, where.start, name, where.start, where.end))
            start = where.end
        return tuple(out)
    if byline:
        return (Writer(0, len(text), byline),)
    for p in paragraphs[-TAGLINE_PARAGRAPHS:]:
        m = TAGLINE.match(text, p.start, p.end)
        if m is not None and _person_name(m.group("name")):
            return (Writer(0, len(text), m.group("name"), m.start("name"), m.end("name")),)
    return ()


def writer_at(found: Sequence[Writer], pos: int) -> Writer | None:
    """The writer of the text at `pos`, if one is known."""
    return next((w for w in found if w.start <= pos < w.end), None)
