"""Markdown: rendered to readable plain text (markup removed), front matter as metadata."""

from __future__ import annotations

import re

from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.text import decode_text

_FRONT = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.DOTALL)
_BLOCK_OPEN = {"paragraph_open", "heading_open", "list_item_open", "blockquote_open"}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end():]


def parse_text(text: str, name: str) -> Extracted:
    from markdown_it import MarkdownIt

    meta, body = _front_matter(text)
    md = MarkdownIt("commonmark")
    paragraphs: list[str] = []
    title: str | None = meta.get("title")
    heading = False
    for tok in md.parse(body):
        if tok.type == "heading_open":
            heading = tok.tag == "h1"
        elif tok.type in ("inline", "code_block", "fence"):
            if tok.type == "inline" and tok.children is not None:
                parts = []
                for child in tok.children:
                    if child.type in ("text", "code_inline"):
                        parts.append(child.content)
                    elif child.type in ("softbreak", "hardbreak"):
                        parts.append(" ")
                    elif child.type == "image":
                        parts.append(child.content)
                content = "".join(parts)
            else:
                content = tok.content
            if content.strip():
                paragraphs.append(content)
                if heading and title is None:
                    title = content.strip()
            heading = False
    return Extracted(paragraphs=tuple(paragraphs), title=title,
                     byline=meta.get("author") or meta.get("byline"), date=meta.get("date"))


def parse(data: bytes, name: str) -> Extracted:
    return parse_text(decode_text(data, name), name)
