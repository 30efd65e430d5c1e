"""Plain text: the analysed text is exactly the decoded file (line endings normalised)."""

from __future__ import annotations

from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.text import decode_text


def parse_text(text: str, name: str) -> Extracted:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    # A short first line without end punctuation reads as the headline.
    title = first if 0 < len(first) <= 150 and first[-1:] not in ".,;:" else None
    return Extracted(text=text, title=title)


def parse(data: bytes, name: str) -> Extracted:
    return parse_text(decode_text(data, name), name)
