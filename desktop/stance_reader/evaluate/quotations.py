"""Quotations kept: of the quotations in a reference text (“…” or "…", three words or
more), how many an extracted text still holds. A reader of quotations must not lose them,
so the page sets report this beside the snippet scores."""

from __future__ import annotations

import re

MIN_WORDS = 3
_QUOTED = re.compile(r"“([^“”\n]{3,600}?)”|\"([^\"\n]{3,600}?)\"")
# Quotation marks and dashes as printers and browsers write them, folded to one form.
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'",
                       "‘": "'", "\u00ad": None, "\ufb01": "fi", "\ufb02": "fl"})


def _flat(text: str) -> str:
    return " ".join(text.translate(_FOLD).split())


def quotations(text: str) -> list[str]:
    """The quoted passages of `text`, whitespace collapsed."""
    found = []
    for m in _QUOTED.finditer(text or ""):
        inner = _flat(m.group(1) or m.group(2) or "")
        if len(inner.split()) >= MIN_WORDS:
            found.append(inner)
    return found


def kept(reference: str, text: str | None) -> tuple[list[str], int]:
    """(the reference's quotations missing from `text`, how many the reference has)."""
    wanted = quotations(reference)
    flat = _flat(text or "")
    return [q for q in wanted if q not in flat], len(wanted)
