"""Speaker resolution: from mentions to entities, one entity per real person or organisation.

Mentions arrive in text order. Names join the entity they name ("Heyward" = "Cam
Heyward" = "Mr. Heyward"; a surname alone joins the most recent full name with that
surname). Pronouns are a scored choice among the entities of the current and the three
previous sentences. Definite descriptions ("the Indiana governor") join the named entity
they describe; documents ("her statement") give way to the author the text names. Each
entity gets one kind and one gender, decided over all its mentions, never guessed
without evidence.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from stance_reader.core.analysis import Speaker
from stance_reader.core.authorship import Writer, writer_at
from stance_reader.core.entities import (
    GEO_LABELS, PRONOUN_WANTS, V_FIRST_NAME, V_GEO, V_LABEL, V_ORG_WORD, V_PRONOUN, V_PROPN,
    V_SPEECH_SUBJECT, V_TITLE, W_DISTANCE, W_GENDER_KNOWN, W_GROUP_PERSON, W_GROUP_PLACE,
    W_INTRODUCED, W_SALIENCE, W_SOURCE, W_SPOKE, W_SUBJECT, WINDOW, Entity, acronym,
    author_name, contiguous, looks_like_org, prefix_with_suffix_words, role_word, role_words,
    speaker_records)
from stance_reader.core.mentions import PRONOUN_GENDER, Mention
from stance_reader.core.names import description_name, name_key, org_name, person_name
from stance_reader.core.speaker_words import (
    DOCUMENT_NOUNS, NOT_SOURCE_HEADS, ORG_ROLES, PERSON_ROLES, gender_of_first_name)


def _acronym_like(text: str) -> bool:
    letters = "".join(c for c in text if c.isalpha())
    return len(text.split()) == 1 and len(letters) >= 2 and letters.isupper()


LATER_NAME_WINDOW = 6  # sentences after a description that its name may come in
RELATIVE_WORDS = frozenset(("who", "that", "which", "whom"))


class Resolver:
    """Builds entities from mentions in text order and answers who each speaker is."""

    def __init__(self, sentence_starts: Sequence[int] = (), author: str | None = None,
                 writers: Sequence[Writer] = (),
                 quotations: Sequence[tuple[int, int]] = ()) -> None:
        self.entities: list[Entity] = []
        self._starts = list(sentence_starts)
        self._seen: dict[tuple[int, int], int] = {}
        self._author = author_name(author)
        self._author_index: int | None = None
        self._writers = tuple(writers)
        self._quotations = sorted(quotations)
        self._sources: set[int] = set()  # where speaker mentions start
        self._quote_starts = [q[0] for q in self._quotations]
        self._writer_index: dict[Writer, int] = {}

    # -- where things are ------------------------------------------------------------
    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1

    def _quoted(self, pos: int) -> bool:
        """Inside a quotation: a name the speaker uses, not one the writer refers back to
        ("“Obama and Michelle saying it won't do it,” she said")."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self._quotations[i][1]

    # -- names ---------------------------------------------------------------------
    def observe(self, mention: Mention) -> int | None:
        """A named entity seen in the text (speaking or not); a group of names ("Grassley
        and Leahy") as a group of its own."""
        if mention.kind == "unknown" and mention.plural:
            return self._add_description(mention, speaking=False)
        if mention.kind == "unknown":
            # "The GOP candidate proposes …": joins the named entity it surely describes
            # (its name or role words), else nothing: a guess here would mislead later
            # pronouns.
            linked = self._link_description(mention, guess=False)
            if linked is not None:
                self._attach(linked, mention, speaking=False)
                self._seen[(mention.start, mention.end)] = linked
            return linked
        return self._add_named(mention, speaking=False)

    def _display(self, mention: Mention) -> str:
        if mention.label in ("PERSON", "PROPN") and not looks_like_org(mention.text):
            return person_name(mention.text)
        if mention.kind == "person":
            return person_name(mention.text)
        return org_name(mention.text)

    def _add_named(self, mention: Mention, *, speaking: bool) -> int | None:
        span = (mention.start, mention.end)
        if span in self._seen:
            seen = self._seen[span]
            self._note(self.entities[seen], mention, speaking, again=True)
            return seen
        name = self._display(mention)
        if not name or not any(c.isalpha() for c in name):
            return None
        matched = self._match(mention, name_key(name))
        if matched is None:
            self.entities.append(Entity(name, True, geo=mention.label in GEO_LABELS))
        index = len(self.entities) - 1 if matched is None else matched
        entity = self.entities[index]
        if len(name_key(name)) > len(entity.key) and not entity.geo:
            entity.rename(name)  # the fullest form names the entity
        self._seen[span] = index
        self._note(entity, mention, speaking)
        return index

    def _note(self, entity: Entity, mention: Mention, speaking: bool, again: bool = False) -> None:
        """Record a mention's evidence for kind and gender on its entity."""
        if not again:
            entity.mentions.append(mention)
            if mention.label in ("PERSON",):
                entity.vote("person", V_LABEL)
            elif mention.label == "PROPN":
                entity.vote("person", V_PROPN)
            elif mention.label in GEO_LABELS:
                entity.vote("organisation", V_GEO)
            elif mention.label == "ORG" or mention.kind == "organisation":
                entity.vote("organisation", V_LABEL)
            if looks_like_org(mention.text):
                entity.vote("organisation", V_ORG_WORD)
            if mention.label in ("PERSON", "PROPN", "ORG") and _acronym_like(mention.text):
                entity.vote("organisation", V_ORG_WORD)  # "KTRK", "NATO": not a person
            if mention.gender:
                entity.vote("person", V_TITLE)
                entity.vote_gender(mention.gender, V_TITLE)
            first = mention.text.split()[0] if mention.text.split() else ""
            first_gender = gender_of_first_name(first) if len(mention.text.split()) > 1 else None
            if first_gender and not looks_like_org(mention.text):
                entity.vote("person", V_FIRST_NAME)
                entity.vote_gender(first_gender, V_FIRST_NAME)
            entity.roles.update(role_words(mention.roles))
        if speaking:
            if not entity.spoke and mention.label not in GEO_LABELS and not looks_like_org(
                    mention.text):
                entity.vote("person", V_SPEECH_SUBJECT)
            entity.spoke = True
        entity.last_pos = max(entity.last_pos, mention.start)

    def _match(self, mention: Mention, key: tuple[str, ...]) -> int | None:
        geo = mention.label in GEO_LABELS
        personish = mention.label in ("PERSON", "PROPN")
        best: int | None = None
        for i, e in enumerate(self.entities):
            if not e.named or e.geo != geo:
                continue
            ek = e.key
            if key == ek or acronym(key, ek) or acronym(ek, key):
                ok = True
            elif geo or (not personish and e.kind == "organisation"):
                ok = (key[-len(ek):] == ek or ek[-len(key):] == key
                      or prefix_with_suffix_words(key, ek) or prefix_with_suffix_words(ek, key))
            else:
                ok = (contiguous(key, ek) or contiguous(ek, key)
                      or (len(key) == 1 and key[0] in (ek[0], ek[-1]))
                      or (len(ek) == 1 and ek[0] in (key[0], key[-1])))
            if ok and (best is None or e.last_pos >= self.entities[best].last_pos):
                best = i
        return best

    # -- speakers ------------------------------------------------------------------
    def speaker(self, mention: Mention) -> int | None:
        """The entity a speaker mention stands for (adding it when it is new)."""
        self._sources.add(mention.start)
        if mention.kind == "pronoun":
            return self.resolve_pronoun(mention)
        if mention.kind == "document":
            if mention.owner is not None:
                owner = self.speaker(mention.owner)
                if owner is not None:
                    return owner
            return self._add_description(mention, speaking=True)
        if mention.kind == "unknown":
            return self._add_description(mention, speaking=True)
        return self._add_named(mention, speaking=True)

    def resolve_pronoun(self, mention: Mention) -> int | None:
        """The entity a pronoun stands for: a scored choice among recent entities."""
        word = mention.text.lower()
        if word == "i":
            return self._the_author(mention)
        want = PRONOUN_WANTS.get(word)
        if want is None:
            return None
        gender = PRONOUN_GENDER.get(word)
        index = self._choose(mention.start, want, gender, window=WINDOW)
        if index is None:  # nobody nearby: the most recent compatible speaker
            index = self._choose(mention.start, want, gender, window=None)
        if index is not None:
            entity = self.entities[index]
            entity.mentions.append(mention)
            entity.spoke = True
            entity.last_pos = max(entity.last_pos, mention.start)
            if entity.named and want == "person":
                entity.vote("person", V_PRONOUN)
                entity.vote_gender(gender, V_PRONOUN)
            elif entity.named and want == "organisation":
                entity.vote("organisation", V_PRONOUN)
        return index

    def _the_author(self, mention: Mention) -> int:
        """First person outside any quotation is the writer: the one who signs that part
        of the text (a letter's signature, a tagline), else the byline's, else "the
        author"."""
        writer = writer_at(self._writers, mention.start)
        if writer is not None and writer.name_start >= 0:
            index = self._writer_index.get(writer)
            if index is None:
                index = self._add_named(Mention(writer.name_start, writer.name_end, writer.name,
                                                "person", "PERSON"), speaking=True)
                if index is None:
                    return self._the_author_of_all(mention)
                self._writer_index[writer] = index
            entity = self.entities[index]
            entity.mentions.append(mention)
            entity.last_pos = max(entity.last_pos, mention.start)
            return index
        return self._the_author_of_all(mention)

    def _the_author_of_all(self, mention: Mention) -> int:
        if self._author_index is None:
            self.entities.append(Entity(self._author or "the author", self._author is not None))
            self._author_index = len(self.entities) - 1
            if self._author is not None:
                self.entities[-1].vote("person", V_TITLE)
        entity = self.entities[self._author_index]
        entity.mentions.append(mention)
        entity.spoke = True
        entity.last_pos = max(entity.last_pos, mention.start)
        return self._author_index

    def _compatible(self, entity: Entity, want: str, gender: str | None) -> bool:
        kind = entity.pronoun_kind()
        if want == "person":
            if kind != "person":
                return False
            return gender is None or entity.gender in (None, gender)
        if want == "organisation":
            return kind == "organisation" and not entity.geo
        return True  # they / we: groups, organisations, several people

    def _choose(self, pos: int, want: str, gender: str | None, *,
                window: int | None) -> int | None:
        here = self.sentence(pos)
        best: tuple[float, int, int] | None = None
        for i, e in enumerate(self.entities):
            if not self._compatible(e, want, gender):
                continue
            before = [m for m in e.mentions if m.start < pos]
            if not before:
                continue
            if window is None:
                if not e.spoke:
                    continue
                score = float(max(m.start for m in before))
                cand = (score, max(m.start for m in before), i)
            else:
                recent = [m for m in before if here - self.sentence(m.start) <= window
                          and not self._quoted(m.start)]
                if not recent:
                    continue
                score = max(-W_DISTANCE * (here - self.sentence(m.start))
                            + (W_SUBJECT if m.subject else 0.0)
                            + (W_SOURCE if m.start in self._sources else 0.0) for m in recent)
                score += W_SPOKE if e.spoke else 0.0
                if e.named and e.mentions[0] in recent and len(e.key) > 1:
                    score += W_INTRODUCED  # "… concerns Henry Crespo, president of …"
                score += W_SALIENCE * min(len(before), 5)
                if want == "person" and gender and e.gender == gender:
                    score += W_GENDER_KNOWN
                if want == "group":
                    # "they": a group or an organisation; one named person or a place
                    # only when nothing else is near.
                    kind = e.pronoun_kind()
                    score += (W_GROUP_PERSON if kind == "person" and e.named
                              else W_GROUP_PLACE if e.geo else 0.5 if kind != "person" else 0.0)
                cand = (score, max(m.start for m in recent), i)
            if best is None or cand[:2] > best[:2]:
                best = cand
        return best[2] if best is not None else None

    # -- descriptions --------------------------------------------------------------
    def _add_description(self, mention: Mention, *, speaking: bool) -> int | None:
        seen = self._seen.get((mention.start, mention.end))
        if seen is not None:  # already linked where it was first seen
            self.entities[seen].spoke = self.entities[seen].spoke or speaking
            return seen
        linked = self._link_description(mention)
        if linked is not None:
            self._attach(linked, mention, speaking)
            return linked
        name = description_name(mention.text)
        if not name or not any(c.isalpha() for c in name) or mention.head in NOT_SOURCE_HEADS:
            return None  # "temperatures said to reach …", "an intense experience": no voice
        key = name_key(name)
        index = next((i for i, e in enumerate(self.entities)
                      if not e.named and e.key == key), None)
        if index is None and mention.definite and not mention.possessed and mention.head:
            # "officials at the institution said …" then "the officials said": the same
            # unnamed source, named again by its head word.
            index = next((i for i, e in reversed(list(enumerate(self.entities)))
                          if not e.named and e.mentions and e.mentions[0].head == mention.head
                          and e.mentions[0].plural == mention.plural), None)
        if index is None:
            self.entities.append(Entity(name, False))
            index = len(self.entities) - 1
        self._attach(index, mention, speaking)
        return index

    def _attach(self, index: int, mention: Mention, speaking: bool) -> None:
        """Add a description's mention to an entity, with its gender evidence."""
        entity = self.entities[index]
        entity.mentions.append(mention)
        entity.spoke = entity.spoke or speaking
        entity.last_pos = max(entity.last_pos, mention.start)
        entity.vote_gender(mention.gender, V_TITLE)

    def _link_description(self, mention: Mention, *, guess: bool = True) -> int | None:
        """The named entity a definite, singular description stands for, if any."""
        head = role_word(mention.head) if mention.head else ""
        if not mention.definite or mention.plural or not head or head in DOCUMENT_NOUNS:
            return None
        described = role_words(mention.text.split())
        words = set(described) - {"the", "its", "their"}
        if described and described[-1].endswith(f"-{head}"):
            head = described[-1]  # "the vice president": not the president
        # The head word is part of a recent entity's name: "the commission" for the
        # "Commission on Presidential Debates", "the city" for the "City of Phoenix".
        by_name = [i for i, e in enumerate(self.entities)
                   if e.named and not e.geo and head in e.key and len(e.key) > 1
                   and e.last_pos < mention.start]
        if by_name:
            return max(by_name, key=lambda i: self.entities[i].last_pos)
        # Role words written beside a name earlier: "Indiana Gov. Mike Pence" ... "the
        # Indiana governor"; "Donald Trump, the Republican nominee" ... "the nominee".
        # The role's kind must be the entity's: "the state" is never "Secretary of State
        # Jon Husted", "the secretary" never a ministry.
        wanted = ("organisation" if head in ORG_ROLES and head not in PERSON_ROLES
                  else "person" if head.rsplit("-", 1)[-1] in PERSON_ROLES else None)
        by_role = [(len(words & e.roles), e.last_pos, i) for i, e in enumerate(self.entities)
                   if e.named and head in e.roles and e.last_pos < mention.start
                   and wanted in (None, e.kind)]
        if by_role:
            return max(by_role)[2]
        if mention.possessed or not guess:
            return None  # "his lawyer", "Clinton's team": related to someone, not them
        if head.rsplit("-", 1)[-1] in PERSON_ROLES:
            return self._choose(mention.start, "person", mention.gender, window=WINDOW)
        if head in ORG_ROLES:
            return self._choose(mention.start, "organisation", None, window=1)
        return None

    def link_later_names(self) -> dict[int, int]:
        """Descriptions of people named only later: "A New York judge has rejected …" and,
        two paragraphs on, "Manhattan Supreme Court Justice Frank Nervo rejected …". A
        speaking description with no earlier name joins the first person named within
        `LATER_NAME_WINDOW` sentences after it whose role words hold the description's
        head word. Returns {description entity: named entity} for the callers' indices."""
        merged: dict[int, int] = {}
        for i, e in enumerate(self.entities):
            if e.named or not e.spoke or not e.mentions:
                continue
            first = e.mentions[0]
            if first.plural or first.possessed or first.kind != "unknown" or not first.head \
                    or first.head not in PERSON_ROLES \
                    or first.text.split()[-1].lower() in RELATIVE_WORDS:
                continue  # a person's role only; "an architect who …" is someone unnamed
            described = role_words(first.text.split())
            head = described[-1] if described and described[-1].endswith(
                f"-{first.head}") else role_word(first.head)
            here = self.sentence(first.start)
            later = [(min(m.start for m in n.mentions), j) for j, n in enumerate(self.entities)
                     if n.named and n.kind == "person" and head in n.roles and n.mentions
                     and 0 < self.sentence(min(m.start for m in n.mentions)) - here
                     <= LATER_NAME_WINDOW]
            if not later:
                continue
            target = self.entities[min(later)[1]]
            target.mentions.extend(e.mentions)
            target.spoke = True
            merged[i] = min(later)[1]
        return merged

    # -- output --------------------------------------------------------------------
    def speakers(self, used: list[int]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
        """Speaker records for the entities in `used` (first-use order) and their ids."""
        return speaker_records(self.entities, used)
