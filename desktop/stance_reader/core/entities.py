"""Entities: one person, organisation or unnamed source, with the evidence on its kind
and gender, and the name-matching tests resolution uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from stance_reader.core.analysis import Offsets, Speaker
from stance_reader.core.mentions import Mention
from stance_reader.core.names import name_key
from stance_reader.core.speaker_words import (
    ORG_WORDS, PERSON_ROLES, RANK_MODIFIERS, ROLE_ABBREVIATIONS)

GEO_LABELS = ("GPE", "NORP", "FAC", "LOC")
WINDOW = 3  # previous sentences a pronoun or description looks back over
# Weights of the pronoun and description choice (measured on PolNeAR train; see
# docs/evaluation.md): the subject of a recent sentence who already speaks wins.
W_DISTANCE = 1.0
W_SUBJECT = 1.5
W_SPOKE = 0.5
W_INTRODUCED = 0.75  # a person introduced by full name just before
W_SOURCE = 0.4  # the mention itself named a speaker: "X said …. “…,” she said"
W_SALIENCE = 0.25
W_GENDER_KNOWN = 0.25
W_GROUP_PERSON = -1.5  # "they" for one named person
W_GROUP_PLACE = -1.0  # "they" for a place
# Votes that decide an entity's kind.
V_LABEL = 1.0
V_PROPN = 0.5
V_GEO = 1.5
V_TITLE = 3.0
V_FIRST_NAME = 1.5
V_ORG_WORD = 2.0
V_PRONOUN = 1.0
V_SPEECH_SUBJECT = 0.5

PRONOUN_WANTS = {"he": "person", "him": "person", "his": "person", "she": "person",
                 "her": "person", "it": "organisation", "they": "group", "their": "group",
                 "we": "group", "our": "group"}


@dataclass(slots=True)
class Entity:
    """One person, organisation or unnamed source, and everything said about it."""

    name: str
    named: bool
    mentions: list[Mention] = field(default_factory=list)
    kind_votes: dict[str, float] = field(default_factory=dict)
    gender_votes: dict[str, float] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)
    geo: bool = False
    spoke: bool = False
    last_pos: int = -1
    key: tuple[str, ...] = ()  # the name's matching key, kept with the name (`rename`)

    def __post_init__(self) -> None:
        self.key = name_key(self.name)

    def rename(self, name: str) -> None:
        self.name, self.key = name, name_key(name)

    @property
    def kind(self) -> str:
        if not self.named:
            return "unknown"
        person = self.kind_votes.get("person", 0.0)
        org = self.kind_votes.get("organisation", 0.0)
        return "person" if person > org else "organisation"

    @property
    def gender(self) -> str | None:
        male = self.gender_votes.get("male", 0.0)
        female = self.gender_votes.get("female", 0.0)
        if male > female:
            return "male"
        if female > male:
            return "female"
        return None

    def vote(self, kind: str, weight: float) -> None:
        self.kind_votes[kind] = self.kind_votes.get(kind, 0.0) + weight

    def vote_gender(self, gender: str | None, weight: float) -> None:
        if gender:
            self.gender_votes[gender] = self.gender_votes.get(gender, 0.0) + weight

    def pronoun_kind(self) -> str:
        """What a pronoun for this entity would be: person, organisation or group."""
        if self.named:
            return self.kind
        head = self.mentions[0].head if self.mentions else ""
        if self.mentions and self.mentions[0].plural:
            return "group"
        if head in PERSON_ROLES:
            return "person"
        return "organisation"


def role_word(word: str) -> str:
    w = word.strip(".,").lower()
    return ROLE_ABBREVIATIONS.get(w, w)


def role_words(words: Sequence[str]) -> list[str]:
    """Role words, with a rank modifier joined to the role it changes: "Vice President" is
    "vice-president", never "president"; "Lt. Gov." is "lieutenant-governor"."""
    out: list[str] = []
    for w in (role_word(w) for w in words):
        if out and out[-1] in RANK_MODIFIERS:
            out[-1] = f"{out[-1]}-{w}"
        else:
            out.append(w)
    return out


def looks_like_org(text: str) -> bool:
    return any(w.lower().strip(".,") in ORG_WORDS for w in text.split())


def author_name(byline: str | None) -> str | None:
    """"By Jane Doe, Staff Writer" -> "Jane Doe"; None without a usable byline."""
    if not byline:
        return None
    text = re.sub(r"^\s*by\s+", "", byline.strip(), flags=re.IGNORECASE)
    text = re.split(r"[,|/\n]| and ", text)[0].strip()
    words = text.split()
    if not 1 < len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    return text


def acronym(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """"IMF" for "International Monetary Fund", "California ISO" for "California
    Independent System Operator": shared leading words, then initials (small words
    skipped)."""
    if len(long) < 2 or not short or not short[-1] \
            or len(short[-1].replace(".", "")) > len(long):
        return False  # most pairs: cheaply not an acronym of each other
    k = 0
    while k < len(short) - 1 and k < len(long) and short[k] == long[k]:
        k += 1
    if len(short) - k != 1 or len(long) - k < 2:
        return False
    letters = short[-1].replace(".", "")

    def initials(words: tuple[str, ...]) -> str:
        return "".join(w[0] for w in words if w not in ("of", "and", "the", "for", "&") and w)

    if letters == initials(long[k:]):
        return True
    # "the ISO" for the "California Independent System Operator": the initials of the
    # name without its place word(s).
    return k == 0 and len(short) == 1 and len(letters) >= 2 and any(
        letters == initials(long[j:]) for j in range(1, len(long) - 1))


def prefix_with_suffix_words(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """"Acme" and "Acme Corp": the longer name is the shorter plus organisation words."""
    return (len(short) < len(long) and long[:len(short)] == short
            and all(w in ORG_WORDS for w in long[len(short):]))


def contiguous(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def speaker_records(entities: Sequence[Entity],
                    used: Sequence[int]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
    """Speaker records for the entities at `used` (first-use order) and their ids."""
    ids: dict[int, str] = {}
    result: list[Speaker] = []
    for index in used:
        if index in ids:
            continue
        e = entities[index]
        sid = f"s{len(ids) + 1}"
        ids[index] = sid
        aliases: list[str] = []
        for m in e.mentions:
            if m.text != e.name and m.text not in aliases:
                aliases.append(m.text)
        mentions = tuple(sorted({Offsets(m.start, m.end) for m in e.mentions},
                                key=lambda o: (o.start, o.end)))
        result.append(Speaker(sid, e.name, e.kind, tuple(aliases), mentions))  # type: ignore[arg-type]
    return tuple(result), ids
