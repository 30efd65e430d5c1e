"""Display names and matching keys for people and organisations.

"President Joe Biden" -> "Joe Biden"; "Browns DL Sheldon Richardson" -> "Sheldon
Richardson"; "14th-ranked Schwartzman" -> "Schwartzman"; "Taiwan's Chiu Kuo-cheng" ->
"Chiu Kuo-cheng" (hyphenated and family-first names stay whole); "the Associated Press"
-> "Associated Press".
"""

from __future__ import annotations

import re

from stance_reader.core.speaker_words import TITLES, first_names

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE = re.compile(r"^(?:the|a|an|another)\s+", re.IGNORECASE)
PARTICLES = frozenset("de da del della der di du la le van von bin bint al el ibn dos das".split())
NAME_EDGE_JUNK = " ,'’‘\"“”"  # "Donald Trump ''": quotation marks the tagger took in
_JUNK_WORD = re.compile(r"\d|^[a-z]")  # rankings ("14th-ranked"), lower-case words


def _is_title(word: str) -> bool:
    w = word.lower().strip(",")
    return w in TITLES or (len(w) <= 3 and word.isupper() and len(words_alpha(word)) >= 2)


def words_alpha(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def person_name(text: str) -> str:
    """A person's name without titles, roles, rankings, team words or possessives."""
    words = _ARTICLE.sub("", text.strip()).split()
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    # Drop leading titles/roles, rankings, lower-case words and possessor phrases.
    while len(words) > 1 and (_is_title(words[0]) or _JUNK_WORD.search(words[0])
                              or _POSSESSIVE.search(words[0])):
        words = words[1:]
    # A lower-case word inside is description ("Steelers defensive end Cam Heyward"):
    # the name is what follows the last one (particles such as "de" and "van" excepted).
    lower = [i for i, w in enumerate(words[:-1]) if w[:1].islower() and w not in PARTICLES]
    if lower:
        words = words[lower[-1] + 1:]
    # A known first name after other capitalised words starts the name: "Browns Sheldon
    # Richardson" -> "Sheldon Richardson" (never the last word: "Smith John" stays).
    names = first_names()
    for i in range(1, len(words) - 1):
        if words[i] in names and words[0] not in names and not words[i - 1].endswith("-"):
            words = words[i:]
            break
    return " ".join(words).strip(NAME_EDGE_JUNK)


def org_name(text: str) -> str:
    """'the Associated Press' -> 'Associated Press'; possessor kept: "China's Foreign Ministry"."""
    return _POSSESSIVE.sub("", _ARTICLE.sub("", text.strip())).strip(NAME_EDGE_JUNK)


def description_name(text: str) -> str:
    """An unnamed source shown by its words: "a person familiar with the talks" ->
    "person familiar with the talks"."""
    return _ARTICLE.sub("", text.strip()).strip(" ,")


def name_key(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, apostrophes folded, for matching."""
    return tuple(w.lower().replace("’", "'").strip(".,") for w in name.split())


def split_list(text: str) -> list[tuple[int, str]]:
    """A tagged span that is really a list of names ("CBS All Access, Disney"), as
    (offset in text, part) pairs; a single name gives itself."""
    if "," not in text:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    for m in re.finditer(r"[^,]+", text):
        part = m.group(0).strip()
        if part:
            parts.append((text.index(part, m.start()), part))
    if len(parts) < 2 or not all(p[:1].isupper() for _, p in parts):
        return [(0, text)]
    return parts
