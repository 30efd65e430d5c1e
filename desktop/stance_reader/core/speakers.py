"""Cluster mentions into speakers: one per real person or organisation.

"Chiu" and "Chiu Kuo-cheng" (family name first), "Biden", "Joe Biden" and "President Joe
Biden" each become one speaker. Names are cut from the original text, so hyphenated names
stay whole; titles, roles, articles and possessives are not part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stance_reader.core.analysis import Offsets, Speaker
from stance_reader.core.attribution import Mention

TITLES = frozenset(
    "president vice mr mr. mrs mrs. ms ms. miss dr dr. sen sen. senator rep rep. "
    "representative gov gov. governor secretary minister prime premier chancellor "
    "spokesman spokeswoman spokesperson judge justice general gen gen. admiral adm "
    "chairman chairwoman chair ceo pope king queen prince princess sir lord lady rev "
    "rev. reverend professor prof prof. former late mayor ambassador attorney "
    "candidate nominee leader speaker sheikh chief deputy commissioner director "
    "officer lt lt. col col. capt capt. sgt sgt. coach defense defence foreign "
    "interior finance health state party republican democratic democrat gop "
    "presidential u.s. us american chinese".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE = re.compile(r"^(?:the|a|an|another)\s+", re.IGNORECASE)


def person_name(text: str) -> str:
    """'President Joe Biden' -> 'Joe Biden'; 'Taiwan's Chiu Kuo-cheng' -> 'Chiu Kuo-cheng'."""
    words = _ARTICLE.sub("", text.strip()).split()
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    # Drop leading titles/roles and possessor phrases ("Taiwan's").
    while len(words) > 1 and (words[0].lower().strip(",") in TITLES
                              or _POSSESSIVE.search(words[0])):
        words = words[1:]
    return " ".join(words).strip(" ,")


def org_name(text: str) -> str:
    """'the Associated Press' -> 'Associated Press'; possessor kept: "China's Foreign Ministry"."""
    return _POSSESSIVE.sub("", _ARTICLE.sub("", text.strip())).strip(" ,")


def _key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in name.split())


@dataclass(slots=True)
class Cluster:
    kind: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    last_pos: int = 0
    spoke: bool = False

    @property
    def key(self) -> tuple[str, ...]:
        return _key(self.name)


def _contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


class SpeakerIndex:
    """Builds clusters from mentions in text order; resolves pronouns to recent speakers."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []

    def add(self, mention: Mention, *, speaking: bool = False) -> int | None:
        """Attach a named or descriptive mention; returns its cluster index."""
        if mention.kind == "pronoun":
            return None
        if mention.kind == "person":
            name = person_name(mention.text)
        elif mention.kind == "organisation":
            name = org_name(mention.text)
        else:
            name = _ARTICLE.sub("", mention.text.strip())
        if not name or not any(c.isalpha() for c in name):
            return None
        index = self._match(mention.kind, _key(name))
        if index is None:
            self.clusters.append(Cluster(mention.kind, name))
            index = len(self.clusters) - 1
        cluster = self.clusters[index]
        if len(_key(name)) > len(cluster.key) and cluster.kind != "unknown":
            cluster.name = name  # the fullest form names the speaker
        cluster.mentions.append(mention)
        cluster.last_pos = mention.start
        cluster.spoke = cluster.spoke or speaking
        return index

    def _match(self, kind: str, key: tuple[str, ...]) -> int | None:
        best: int | None = None
        for i, c in enumerate(self.clusters):
            ck = c.key
            if kind == "unknown" or c.kind == "unknown":
                ok = kind == c.kind and key == ck
            elif kind == "person" and c.kind == "person":
                ok = (key == ck or _contiguous(key, ck) or _contiguous(ck, key)
                      or (len(key) == 1 and key[0] in (ck[0], ck[-1]))
                      or (len(ck) == 1 and ck[0] in (key[0], key[-1])))
            elif kind == c.kind:  # organisations
                ok = key == ck or key[-len(ck):] == ck or ck[-len(key):] == key
            else:
                ok = False
            if ok and (best is None or c.last_pos >= self.clusters[best].last_pos):
                best = i
        return best

    def resolve_pronoun(self, mention: Mention) -> int | None:
        """The most recent compatible cluster that spoke (else was named) before it."""
        want = {"he": "person", "she": "person", "him": "person", "her": "person",
                "it": "organisation", "they": "group", "we": "group"}.get(mention.text.lower())
        if want is None:
            return None
        kinds = ("organisation", "person", "unknown") if want == "group" else (want,)
        for spoke_only in (True, False):
            candidates = [(c.last_pos, i) for i, c in enumerate(self.clusters)
                          if c.kind in kinds and c.last_pos < mention.start
                          and (c.spoke or not spoke_only)]
            if want == "group":
                org = [x for x in candidates if self.clusters[x[1]].kind != "person"]
                candidates = org or candidates
            if candidates:
                index = max(candidates)[1]
                cluster = self.clusters[index]
                cluster.mentions.append(mention)
                cluster.spoke = True
                return index
        return None

    def speakers(self, used: list[int]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
        """Speaker records for the clusters in `used` (first-use order) and their ids."""
        ids: dict[int, str] = {}
        result: list[Speaker] = []
        for index in used:
            if index in ids:
                continue
            c = self.clusters[index]
            sid = f"s{len(ids) + 1}"
            ids[index] = sid
            aliases: list[str] = []
            for m in c.mentions:
                if m.text != c.name and m.text not in aliases:
                    aliases.append(m.text)
            mentions = tuple(sorted({Offsets(m.start, m.end) for m in c.mentions},
                                    key=lambda o: (o.start, o.end)))
            kind = c.kind if c.kind in ("person", "organisation") else "unknown"
            result.append(Speaker(sid, c.name, kind, tuple(aliases), mentions))  # type: ignore[arg-type]
        return tuple(result), ids
