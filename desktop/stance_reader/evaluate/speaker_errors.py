"""Speaker metrics by name and by who the source really is, and errors by category.

`speaker_name`: where the gold mention is a name, the predicted speaker's display name
holds its surname (right person, whichever mention). `speaker_canon`: where the record
says who the source really is (`speaker_canonical`), the last word of that is among the
predicted display name's words. Both as ../shared/tools/score_quotes.py computes them.
Errors of the second are put in one category each, to steer the work:
none (no speaker), pronoun, description, document, wrong entity.
"""

from __future__ import annotations

import re
from collections import Counter

from stance_reader.core.speaker_words import DOCUMENT_NOUNS

NOT_NAMES = frozenset("he she they it we i the a an his her their its our this that these "
                      "those some many one another other both".split())
PRONOUNS = frozenset("he she they it we i you him them us who which that whom his her "
                     "their its our".split())
NAME_PARTICLES = frozenset("de van von bin al la le da del".split())
CATEGORIES = ("none", "pronoun", "description", "document", "wrong entity")


def words(text: str | None) -> list[str]:
    return re.findall(r"[\w\-’']+", (text or "").lower())


def gold_surnames(mention: str) -> list[str]:
    """Surnames a gold mention names: the last capitalised word of each conjunct before
    the first comma or parenthesis; none for pronouns and descriptions."""
    head = re.split(r"[,(\u2014]", mention, maxsplit=1)[0]
    out = []
    for part in re.split(r"\s+(?:and|&)\s+", head):
        ws = [re.sub(r"(’s|'s|’|')$", "", w) for w in re.findall(r"[\w\-’']+", part)]
        if not ws or ws[0].lower() in NOT_NAMES or not ws[-1][:1].isupper() or len(ws) > 6:
            continue
        if all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in ws):
            out.append(ws[-1].lower())
    return out


def name_ok(gold_mention: str, predicted_name: str | None) -> bool | None:
    """None where the gold mention is not a name (not counted)."""
    names = gold_surnames(gold_mention)
    if not names:
        return None
    return bool(predicted_name) and any(n in words(predicted_name) for n in names)


def canon_ok(canonical: str | None, predicted_name: str | None) -> bool | None:
    """None where the record does not say who the source is (not counted)."""
    gw = words(canonical)
    if not gw:
        return None
    return bool(predicted_name) and gw[-1] in words(predicted_name)


def category(gold_mention: str, canonical: str, predicted_name: str | None) -> str:
    """Which kind of speaker error a wrong `speaker_canon` pair is."""
    mention = gold_mention.strip()
    if not predicted_name:
        return "none"
    if mention.lower() in PRONOUNS:
        return "pronoun"
    if any(w in DOCUMENT_NOUNS for w in words(mention)[-2:]) or \
            (words(canonical) and words(canonical)[-1] in DOCUMENT_NOUNS):
        return "document"
    if mention[:1].islower() or mention.lower().startswith(("the ", "a ", "an ")):
        return "description"
    return "wrong entity"


def error_table(errors: Counter[str], total: int) -> str:
    """Rows "category  count  share of canonical pairs"."""
    lines = [f"{'speaker errors (canonical)':<28}{'count':>8}{'share':>9}"]
    for cat in CATEGORIES:
        n = errors.get(cat, 0)
        lines.append(f"{cat:<28}{n:>8}{(n / total if total else 0.0):>9.3f}")
    return "\n".join(lines)
