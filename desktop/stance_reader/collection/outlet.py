"""The outlet that published an article: from its metadata, address, byline or dateline.

Tried in this order (the order is data, `FINDERS`): a web page's own metadata
(`og:site_name`, `application-name`), the address it was saved from (canonical link,
`og:url`, the browser's "saved from url" comment), a byline naming an outlet
("By Jane Roe, Reuters", "Jane Roe | The Guardian", "Jane Roe for the BBC"), and a news
agency in the dateline ("WASHINGTON (Reuters) —", "(AP) —").
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

HEAD_BYTES = 200_000  # metadata lives in the <head>; never scan a whole large page

_META_NAME = re.compile(
    r"""<meta\b[^>]*?(?:property|name)\s*=\s*["'](?:og:site_name|application-name)["'][^>]*?"""
    r"""content\s*=\s*["']([^"'<>]{1,120})["']""", re.I)
_META_NAME_REV = re.compile(
    r"""<meta\b[^>]*?content\s*=\s*["']([^"'<>]{1,120})["'][^>]*?(?:property|name)\s*=\s*"""
    r"""["'](?:og:site_name|application-name)["']""", re.I)
_ADDRESS = (
    re.compile(r"""<link\b[^>]*?rel\s*=\s*["']canonical["'][^>]*?href\s*=\s*["']([^"'<>\s]+)""", re.I),
    re.compile(r"""<meta\b[^>]*?property\s*=\s*["']og:url["'][^>]*?content\s*=\s*["']([^"'<>\s]+)""",
               re.I),
    re.compile(r"saved from url=\(\d+\)(https?://[^\s>]+)", re.I),
)
_BYLINE_OUTLET = re.compile(r"(?:,|\||\bfor\b|—|–)\s*([A-Z][\w.&' -]{1,60})\s*$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,60}\(([A-Za-z][\w .&-]{0,40})\)\s*[-—–:]|"
                       r"^\(([A-Za-z][\w .&-]{0,40})\)\s*[-—–:]")
AGENCIES: dict[str, str] = {
    "ap": "Associated Press", "associated press": "Associated Press", "reuters": "Reuters",
    "afp": "AFP", "upi": "UPI", "dpa": "dpa", "cnn": "CNN", "bloomberg": "Bloomberg",
}
ROLE_WORDS = frozenset({"writer", "reporter", "correspondent", "editor", "columnist",
                        "contributor", "staff", "jr", "sr", "phd"})
_HOST_PREFIXES = ("www.", "m.", "amp.", "edition.", "mobile.")


def from_metadata(head: str) -> str | None:
    m = _META_NAME.search(head) or _META_NAME_REV.search(head)
    return " ".join(m.group(1).split()) if m else None


def from_address(head: str) -> str | None:
    """The host of the page's address, without www. (e.g. "theguardian.com")."""
    for pattern in _ADDRESS:
        m = pattern.search(head)
        if m:
            host = (urlsplit(m.group(1)).hostname or "").lower()
            for prefix in _HOST_PREFIXES:
                if host.startswith(prefix):
                    host = host[len(prefix):]
            if "." in host:
                return host
    return None


def from_byline(byline: str | None) -> str | None:
    if not byline:
        return None
    m = _BYLINE_OUTLET.search(byline.strip())
    if not m:
        return None
    name = m.group(1).strip(" .")
    if any(word in name.lower().split() for word in ROLE_WORDS):
        return None  # "Jane Roe, Staff Writer": a job, not an outlet
    return AGENCIES.get(name.lower(), name)


def from_dateline(text: str) -> str | None:
    m = _DATELINE.match(text[:200].lstrip())
    if not m:
        return None
    name = (m.group(1) or m.group(2) or "").strip()
    return AGENCIES.get(name.lower())


def outlet_of(byline: str | None, text: str, head: str = "") -> str | None:
    """The first outlet any finder names; `head` is the start of the raw file for web pages
    (empty for other formats), `text` the article text."""
    finders: tuple[Callable[[], str | None], ...] = (
        lambda: from_metadata(head), lambda: from_address(head),
        lambda: from_byline(byline), lambda: from_dateline(text))
    for find in finders:
        found = find()
        if found:
            return found
    return None
