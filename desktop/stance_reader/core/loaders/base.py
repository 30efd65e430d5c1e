"""What a format module returns, and how it becomes an `Article`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stance_reader.core.analysis import Offsets
from stance_reader.core.article import Article, split_paragraphs
from stance_reader.core.language import NOT_ENGLISH, looks_english
from stance_reader.core.loaders.dates import readable_date
from stance_reader.core.notices import NO_TEXT, Notice
from stance_reader.errors import EmptyDocument


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text and metadata from one document.

    `text` is used as is when `paragraphs` is None (plain text keeps every character of
    the file); otherwise the paragraphs are joined with blank lines. `notices` are what
    the format found that the reader must know (a PDF without text).
    """

    text: str = ""
    paragraphs: tuple[str, ...] | None = None
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    notices: tuple[Notice, ...] = ()


# Control characters mean nothing in an article, are invalid in XML (DOCX and EPUB exports)
# and can drive a terminal. Each becomes one character, so offsets into a plain-text file
# still hold: line and page breaks a newline, the rest a space; the two non-characters
# U+FFFE/U+FFFF (also invalid in XML) the replacement character.
_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\r]")
_NONCHARS = re.compile("[\ufffe\uffff]")


def normalise_controls(text: str) -> str:
    """`text` with control characters replaced, one for one (same length)."""
    text = _BREAKS.sub("\n", text)
    text = _CONTROLS.sub(" ", text)
    return _NONCHARS.sub("\ufffd", text)


def clean(s: str | None) -> str | None:
    s = " ".join(normalise_controls(s).split()) if isinstance(s, str) else ""
    return s or None


def to_article(ex: Extracted, fmt: str, sha256: str, path: str | None, name: str) -> Article:
    if ex.paragraphs is None:
        text = normalise_controls(ex.text)
        paragraphs = split_paragraphs(text)
    else:
        parts = [" ".join(normalise_controls(p).split()) for p in ex.paragraphs]
        parts = [p for p in parts if p]
        offsets: list[Offsets] = []
        pos = 0
        for p in parts:
            offsets.append(Offsets(pos, pos + len(p)))
            pos += len(p) + 2
        text = "\n\n".join(parts)
        paragraphs = tuple(offsets)
    if not text.strip() and NO_TEXT not in ex.notices:
        raise EmptyDocument(f"{name} has no text to analyse", path)
    english = looks_english(text)
    return Article(text=text, paragraphs=paragraphs, format=fmt, sha256=sha256, path=path,
                   title=clean(ex.title), byline=clean(ex.byline),
                   date=readable_date(clean(ex.date)),
                   language="en" if english else "other",
                   notices=ex.notices + (() if english else (NOT_ENGLISH,)))
