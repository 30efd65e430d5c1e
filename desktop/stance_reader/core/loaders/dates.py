"""An article's date and byline as a reader sees them: found in the text's first
paragraphs (where bylines and datelines sit), shown as "5 March 2024", never as a raw ISO
string, and never a file's creation or conversion timestamp."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH = r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
)
_BYLINE = re.compile(r"^(?:By|BY|by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|"
                     r"von|and)){1,5})\s*(?:[|,·•–-].*)?$")
LEAD_PARAGRAPHS = 8
EARLIEST_YEAR = 1800


def readable(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1].capitalize()} {d.year}"


def _from_match(m: re.Match[str]) -> date | None:
    try:
        month = (int(m.group("mn")) if "mn" in m.re.groupindex
                 else next(i for i, name in enumerate(MONTHS, 1)
                           if name.startswith(m.group("m").lower().rstrip("."))))
        return date(int(m.group("y")), month, int(m.group("d")))
    except (ValueError, StopIteration):
        return None


def date_in_text(paragraphs: list[str] | tuple[str, ...]) -> str | None:
    """The first date written in the first paragraphs, readable; None when there is none."""
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        for pattern in _DATE_PATTERNS:
            m = pattern.search(paragraph)
            found = _from_match(m) if m else None
            if found is not None:
                return readable(found)
    return None


def byline_in_text(paragraphs: list[str] | tuple[str, ...]) -> str | None:
    """"By Ann Reporter" in the first paragraphs → "Ann Reporter"."""
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        if len(paragraph) >= 100:
            continue
        for pattern in _DATE_PATTERNS:  # "By Ann Reporter March 5, 2024": one printed block
            paragraph = pattern.sub("", paragraph)
        m = _BYLINE.match(paragraph.strip())
        if m:
            return m.group("name")
    return None


def readable_date(raw: str | None) -> str | None:
    """An ISO date or timestamp as "5 March 2024"; other text unchanged; impossible years
    (conversion tools write 0101-01-01 for "unknown") dropped."""
    if not raw:
        return None
    text = raw.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        m = _DATE_PATTERNS[2].match(text)
        parsed = _from_match(m) if m else None  # type: ignore[assignment]
        if parsed is None:
            return text or None
    return readable(parsed) if parsed.year >= EARLIEST_YEAR else None
