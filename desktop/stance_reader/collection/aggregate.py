"""Voices across a collection: one entity per normalised name, with its figures.

Within an article the analysis already clusters "Sam Okafor" and "Okafor"; across
articles names are joined when they normalise the same (case, accents, spacing and
punctuation ignored), when the person confirmed a merge (`aliases`: normalised name → the
name it stands for), and when a voice is named by a surname alone ("Okafor" in an article
that never gives the full name) and exactly one full name in the collection ends with it
(`surname_joins`; never when two people share the surname).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from stance_reader.collection.record import ArticleRecord, QuoteRow

TONE_ORDER: tuple[str, ...] = ("negative", "neutral", "positive")


@lru_cache(maxsize=65536)  # the same names come back in every article
def normalise(name: str) -> str:
    """The key one entity has across articles: NFKD without accents, case-folded,
    punctuation dropped, spaces collapsed ("Chiu Kuo-cheng" == "chiu kuo cheng")."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(" " if (unicodedata.category(c)[0] in "PS") else c
                      for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One quotation or reported span of a voice, and where it is."""

    path: str
    title: str | None
    row: QuoteRow


@dataclass(frozen=True, slots=True)
class CollectionVoice:
    """One speaker across the collection."""

    key: str  # normalised name
    name: str  # the most frequent spelling
    kind: str  # the most frequent kind
    articles: int
    quotations: int  # direct and partial
    reported: int
    quoted_words: int
    share: float  # of all quoted words in the collection, 0..1
    tone: dict[str, int]  # label → quotations and reported spans with it


@dataclass(frozen=True, slots=True)
class CollectionSummary:
    articles: int
    quotations: int
    quoted_words: int
    voices: tuple[CollectionVoice, ...]  # most quoted words first
    by_day: tuple[tuple[str, int], ...]  # (yyyy-mm-dd, quotations), days with articles only
    undated: int  # articles without a readable date


def speaker_key(name: str, aliases: Mapping[str, str]) -> str:
    key = normalise(name)
    seen = {key}
    while key in aliases:  # follow merges (a → b → c), never round in a loop
        key = normalise(aliases[key])
        if key in seen:
            break
        seen.add(key)
    return key


def surname_joins(records: Sequence[ArticleRecord], aliases: Mapping[str, str]) -> dict[str, str]:
    """Voices named by a surname alone → the one full name of the collection that ends with
    that surname (`{"okafor": "Sam Okafor"}`), after the confirmed merges in `aliases`.
    No join when two full names end with the surname (two people, or one spelt two ways:
    the person merges those), nor for an organisation on either side."""
    kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        for row in record.rows:
            if row.speaker and row.kind != "term":
                key = speaker_key(row.speaker, aliases)
                kinds[key][row.speaker_kind or "unknown"] += 1
                spellings[key][aliases.get(normalise(row.speaker), row.speaker)] += 1
    people = [key for key, kind in kinds.items() if kind.most_common(1)[0][0] != "organisation"]
    full_names: defaultdict[str, list[str]] = defaultdict(list)  # surname → full names
    for key in people:
        words = key.split()
        if len(words) > 1:
            full_names[words[-1]].append(key)
    return {key: spellings[full_names[key][0]].most_common(1)[0][0] for key in people
            if " " not in key and len(full_names.get(key, ())) == 1}


def joined_aliases(records: Sequence[ArticleRecord],
                   aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """The confirmed merges with the surname joins of `records` added."""
    aliases = dict(aliases or {})
    return {**surname_joins(records, aliases), **aliases}


def summarise(records: Iterable[ArticleRecord],
              aliases: Mapping[str, str] | None = None) -> CollectionSummary:
    """Figures across `records`; `aliases` maps normalised names to the name they merge into
    (surname joins are added: `joined_aliases`)."""
    records = list(records)
    aliases = joined_aliases(records, aliases)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    articles: defaultdict[str, set[str]] = defaultdict(set)
    tones: defaultdict[str, Counter[str]] = defaultdict(Counter)
    quotes: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    words: Counter[str] = Counter()
    per_day: Counter[str] = Counter()
    total_quotes = total_words = n = undated = 0
    for record in records:
        n += 1
        if record.day:
            per_day[record.day] += record.quotations
        else:
            undated += 1
        total_quotes += record.quotations
        for row in record.rows:
            if row.kind == "term":
                continue
            count = row.words if row.item == "quotation" else 0
            total_words += count
            if not row.speaker:
                continue
            key = speaker_key(row.speaker, aliases)
            spellings[key][aliases.get(normalise(row.speaker), row.speaker)] += 1
            kinds[key][row.speaker_kind or "unknown"] += 1
            articles[key].add(record.path)
            tones[key][row.tone_label] += 1
            if row.item == "quotation":
                quotes[key] += 1
                words[key] += count
            else:
                reported[key] += 1
    voices = [CollectionVoice(
        key=key, name=spellings[key].most_common(1)[0][0], kind=kinds[key].most_common(1)[0][0],
        articles=len(articles[key]), quotations=quotes[key], reported=reported[key],
        quoted_words=words[key], share=words[key] / total_words if total_words else 0.0,
        tone={label: tones[key][label] for label in TONE_ORDER}) for key in spellings]
    voices.sort(key=lambda v: (-v.quoted_words, -v.quotations, -v.reported, v.key))
    return CollectionSummary(n, total_quotes, total_words, tuple(voices),
                             tuple(sorted(per_day.items())), undated)


def mentions_of(records: Iterable[ArticleRecord], key: str,
                aliases: Mapping[str, str] | None = None) -> list[Mention]:
    """Every quotation and reported span of the voice `key`, article by article."""
    records = list(records)
    aliases = joined_aliases(records, aliases)
    return [Mention(r.path, r.title, row) for r in records for row in r.rows
            if row.speaker and row.kind != "term" and speaker_key(row.speaker, aliases) == key]


def suggested_merges(records: Iterable[ArticleRecord],
                     aliases: Mapping[str, str] | None = None) -> list[tuple[str, str, int]]:
    """Merges made in one article that other articles could take: (name, into, articles
    where the name still speaks on its own), for the person to confirm; none for a name
    its surname already joins."""
    records = list(records)
    aliases = joined_aliases(records, aliases)
    offered: dict[tuple[str, str], int] = {}
    for r in records:
        for old, new in r.merges:
            if normalise(old) in aliases or normalise(old) == normalise(new):
                continue
            offered.setdefault((old, new), 0)
    for (old, new) in offered:
        key = normalise(old)
        offered[(old, new)] = sum(any(row.speaker and normalise(row.speaker) == key
                                      for row in r.rows) for r in records)
    return [(old, new, count) for (old, new), count in offered.items() if count]
