"""Saved web pages: the article's main text, title, byline and date via trafilatura.

Falls back to the whole body text (block by block, through lxml) when the extractor finds
nothing useful, or when it dropped quotations the page's body holds.
"""

from __future__ import annotations

import re
from typing import Any

from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.text import decode_text
from stance_reader.errors import CorruptDocument

_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
           "td", "th", "article", "section", "br", "tr", "dd", "dt", "figcaption")


def _body_paragraphs(tree: Any) -> list[str]:
    """Visible text of <body>, one entry per block element."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    body = tree.find(".//body")
    root = body if body is not None else tree
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        s = " ".join("".join(buf).split())
        if s:
            out.append(s)
        buf.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCKS
        if block:
            flush()
        if el.text and tag:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return out


def _mark_inline_quotes(tree: Any) -> Any:
    """<q>…</q> shows quotation marks in a browser but has none in its text: write them in,
    and fold the element into its paragraph, so the quotation survives extraction."""
    for q in list(tree.iter("q")):
        q.text = "“" + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + "”"
        else:
            q.text += "”"
        q.drop_tag()
    return tree


def parse_document(text: str, name: str) -> Any:
    """The lxml tree of a page; refused when the parser gave up part of it.

    libxml2 stops at 256 levels of nesting and returns what it had so far, often an empty
    body; a page nested that deep is refused with a message rather than read as empty.
    """
    import lxml.html
    from lxml.etree import ErrorTypes, ParserError

    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError) as exc:
        raise CorruptDocument(f"{name} is not readable HTML: {exc}") from None
    limits = [e.message for e in parser.error_log if e.type == ErrorTypes.ERR_RESOURCE_LIMIT]
    if any("depth" in m for m in limits):
        raise CorruptDocument(f"{name} nests its elements more than 255 levels deep; "
                              "Stance Reader cannot read such a page")
    if limits:
        raise CorruptDocument(f"{name} is beyond what the HTML parser reads ({limits[0]})")
    return tree


def _parse_tree(text: str, name: str) -> Any:
    return _mark_inline_quotes(parse_document(text, name))


def parse_text(text: str, name: str) -> Extracted:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(_parse_tree(text, name), with_metadata=True,
                                          include_comments=False, include_tables=False,
                                          favor_recall=True)
    except CorruptDocument:
        raise
    except Exception:  # trafilatura raises many kinds on odd pages; fall back below
        doc = None
    title = byline = date = None
    paragraphs: list[str] = []
    if doc is not None:
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        title, byline, date = get("title"), get("author"), get("date")
        main = get("text") or ""
        paragraphs = [p for p in main.split("\n") if p.strip()]
    tree = _parse_tree(text, name)
    if title is None:
        t = tree.find(".//title")
        title = t.text_content() if t is not None else None
    body = _body_paragraphs(tree)
    body_chars = sum(len(p) for p in body)
    main_chars = sum(len(p) for p in paragraphs)
    main_quotes = sum(len(_QUOTE_MARKS.findall(p)) for p in paragraphs)
    body_quotes = sum(len(_QUOTE_MARKS.findall(p)) for p in body)
    lost_quotes = body_quotes and main_quotes < 0.5 * body_quotes and main_chars < 0.5 * body_chars
    if not paragraphs or main_chars < 0.15 * body_chars or lost_quotes:
        paragraphs = body
    return Extracted(paragraphs=tuple(paragraphs), title=title, byline=byline, date=date)


def parse(data: bytes, name: str) -> Extracted:
    return parse_text(decode_text(data, name), name)
