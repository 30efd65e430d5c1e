"""Saved web pages: the article's main text, title, byline and date via trafilatura.

The extractor's article is kept even when it is short next to the page (a short article
on a long page is still the article). On top of it:
- page furniture it left inside the article (newsletter boxes, comment policies, share
  prompts: `boilerplate.is_furniture`) is dropped, and the title is not repeated as the
  first paragraph;
- a block of the page holding a quotation that the extractor dropped, lying between the
  article's first and last blocks, is brought back in place: losing quotations defeats a
  reader of quotations;
- the whole body text is used only when the extractor finds nothing.
"""

from __future__ import annotations

import re
from typing import Any

from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.boilerplate import drop_closing_notes, is_furniture
from stance_reader.core.loaders.text import decode_text
from stance_reader.errors import CorruptDocument

_QUOTE = re.compile(r"[\"“”«»„]")
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
           "td", "th", "article", "section", "br", "tr", "dd", "dt", "figcaption")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE)
# Parts of a page that are never the article, by their class (author hover-cards that
# fuse into the lede, newsletter boxes, share bars); one pass over the tree.
_FURNITURE_CLASS = re.compile(r"hover-?card|author-card|newsletter|share-bar|social-share|"
                              r"sharing-tools", re.IGNORECASE)
MIN_QUOTE_WORDS = 8
# What page templates put in the author field when there is none.
_NO_AUTHOR = re.compile(r"^(?:no author|unknown|anonymous|admin|administrator|staff|none|"
                        r"null|author)$", re.IGNORECASE)


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


def _drop_furniture(tree: Any) -> Any:
    doomed = [el for el in tree.iter() if isinstance(el.tag, str)
              and _FURNITURE_CLASS.search(el.get("class") or "")]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def parse_document(text: str, name: str) -> Any:
    """The lxml tree of a page; refused when the parser gave up part of it.

    libxml2 stops at 256 levels of nesting and returns what it had so far, often an empty
    body; a page nested that deep is refused with a message rather than read as empty.
    """
    import lxml.html
    from lxml.etree import ErrorTypes, ParserError

    # lxml refuses a str that still declares its encoding (XHTML pages): it is decoded.
    text = _XML_DECLARATION.sub("", text, count=1)
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


def _squash(s: str) -> str:
    return " ".join(s.split())


def _restore_quotations(main: list[str], body: list[str]) -> list[str]:
    """`main` with the body blocks holding quotations it lacks put back in place.

    Only blocks between the first and last body blocks that `main` kept are considered
    (a quotation in the footer's "most read" list is not the article's), and only blocks
    long enough to be a sentence with a quotation in it.
    """
    kept = {_squash(p) for p in main}
    joined = _squash(" ".join(main))
    positions = [i for i, b in enumerate(body) if b in kept]
    if len(positions) < 2:
        return main
    out = list(main)
    anchor: str | None = None
    for block in body[positions[0]:positions[-1] + 1]:
        if block in kept:
            anchor = block
            continue
        if (len(_QUOTE.findall(block)) < 2 or len(block.split()) < MIN_QUOTE_WORDS
                or block in joined or is_furniture(block)):
            continue
        at = next((i for i, p in enumerate(out) if _squash(p) == anchor), -1) + 1
        out.insert(at, block)
        kept.add(block)
        anchor = block
    return out


def parse_text(text: str, name: str) -> Extracted:
    import trafilatura

    tree = _parse_tree(text, name)
    try:
        doc = trafilatura.bare_extraction(_drop_furniture(tree), with_metadata=True,
                                          include_comments=False, include_tables=True)
    except Exception:  # trafilatura raises many kinds on odd pages; fall back below
        doc = None
    title = byline = date = None
    paragraphs: list[str] = []
    if doc is not None:
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        title, byline, date = get("title"), get("author"), get("date")
        byline = None if byline and _NO_AUTHOR.match(byline.strip()) else byline
        paragraphs = [p for p in (get("text") or "").split("\n") if p.strip()]
    tree = _parse_tree(text, name)
    if title is None:
        t = tree.find(".//title")
        title = t.text_content() if t is not None else None
    body = _body_paragraphs(tree)
    if not paragraphs:
        paragraphs = body
    else:
        paragraphs = _restore_quotations(paragraphs, body)
    # Never filter a page down to nothing: a page that is all captions is shown as it is.
    paragraphs = drop_closing_notes([p for p in paragraphs if not is_furniture(p)]) or paragraphs
    if paragraphs and title and _squash(paragraphs[0]).casefold() == _squash(title).casefold():
        paragraphs = paragraphs[1:]
    return Extracted(paragraphs=tuple(paragraphs), title=title, byline=byline, date=date)


def decode_html(data: bytes, name: str) -> str:
    """The page's text: UTF-8 when it is, else the charset the page declares, else the
    shared text decoding (BOMs, UTF-16, charset-normalizer, Windows-1252)."""
    try:
        return decode_text(data, name) if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) \
            else _declared(data) or decode_text(data, name)
    except LookupError:
        return decode_text(data, name)


def _declared(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    found = _DECLARED_CHARSET.search(data[:4096])
    if not found:
        return None
    charset = (found.group(1) or found.group(2)).decode("ascii")
    try:
        return data.decode(charset).replace("\r\n", "\n").replace("\r", "\n")
    except (UnicodeDecodeError, LookupError):
        return None


def parse(data: bytes, name: str) -> Extracted:
    return parse_text(decode_html(data, name), name)
