"""Mentions: the stretch of text that names a speaker, read off spaCy's parse.

A mention is a name, a description ("the Indiana governor", "a person familiar with the
talks"), a document ("her statement") or a pronoun, with what resolution needs to know
about it: head noun, definiteness, number, role words, gender evidence and, for
documents, the author the text names. Everything is in plain character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from stance_reader.core.names import split_list
from stance_reader.core.speaker_words import (
    DOCUMENT_NOUNS, FEMALE_NOUNS, FEMALE_TITLES, MALE_NOUNS, MALE_TITLES, OTHER_SOURCE_WORDS,
    PERSON_ROLES, TITLES)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "group", "we": "group", "it": "organisation", "i": "self"}
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female",
                  "her": "female", "hers": "female"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
NOT_SOURCES = frozenset(("'s", "’s", "us", "let", "there", "here"))
NAMED = {"PERSON": "person", "ORG": "organisation", "NORP": "organisation",
         "GPE": "organisation", "FAC": "organisation"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Modifiers that belong to a description's noun phrase, on the left and on the right.
LEFT_MODIFIERS = ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod")
RIGHT_MODIFIERS = ("prep", "amod", "acl", "appos")
MAX_DESCRIPTION_WORDS = 12


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming a speaker, with the facts resolution decides on.

    kind: person | organisation | unknown (a description) | pronoun | document.
    label: the tagger's entity label when there is one ("PERSON", "ORG", "GPE", …).
    """

    start: int
    end: int
    text: str
    kind: str
    label: str = ""
    subject: bool = False
    head: str = ""  # lower-case head noun of a description or document
    definite: bool = False
    plural: bool = False
    gender: str | None = None  # evidence in the mention itself: a title, "spokeswoman"
    roles: tuple[str, ...] = ()  # role words written beside a name: "governor", "nominee"
    owner: Mention | None = None  # a document's author: "her" statement, a release "from X"
    possessed: bool = False  # "Pagliano's lawyer": someone else's, never the possessor


def entity_of(tok: Token) -> Span | None:
    """The named entity a token is part of, or None."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span
    return Span(doc, start, end, label=tok.ent_type_)


def title_gender(words: list[str]) -> str | None:
    """Gender told by a title or gendered role noun among `words` (lower case)."""
    for w in words:
        if w in MALE_TITLES or w in MALE_NOUNS:
            return "male"
        if w in FEMALE_TITLES or w in FEMALE_NOUNS:
            return "female"
    return None


def roles_before(span: Span) -> tuple[str, ...]:
    """Role words written just before a name: "Indiana Gov. Mike Pence" -> (indiana, gov.)."""
    doc = span.doc
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and len(words) < 5:
        t = doc[i]
        if t.is_punct and t.text not in ("-",) or t.tag_ in ("DT", "IN", "CC", "PRP$") \
                or t.tag_.startswith("VB") or t.tag_ == "MD":
            break
        if t.tag_ == "POS":
            break
        words.append(t.lower_)
        i -= 1
    return tuple(reversed(words))


def roles_around(span: Span) -> tuple[str, ...]:
    """Role words before a name and in an apposition or copula after it ("X, the mayor")."""
    words = list(roles_before(span))
    root = span.root
    if root.doc.has_annotation("DEP"):
        for child in root.children:
            if child.dep_ == "appos" and child.i >= span.end and not child.ent_type_:
                words.extend(_role_words(child.subtree))
        if root.dep_ in ("nsubj",) and root.head.lemma_ == "be" or root.head.lower_ in (
                "is", "was", "'s", "’s"):
            for child in root.head.children:
                if child.dep_ == "attr" and not child.ent_type_:
                    words.extend(_role_words(child.subtree))
    return tuple(words)


def _role_words(tokens: object) -> list[str]:
    """Nouns and adjectives of a describing phrase: "a top Trump surrogate" -> top, surrogate."""
    return [t.lower_ for t in tokens  # type: ignore[attr-defined]
            if t.is_alpha and not t.ent_type_ and t.tag_[:2] in ("NN", "JJ")]


def named_mention(ent: Span, offset: int, *, subject: bool = False) -> Mention:
    """A mention for a named entity, with its title gender and role words."""
    roles = roles_around(ent)
    return Mention(ent.start_char + offset, ent.end_char + offset, ent.text,
                   NAMED.get(ent.label_, "person"), ent.label_, subject,
                   gender=title_gender(list(roles[-2:]) + [w.lower() for w in ent.text.split()[:1]]),
                   roles=roles)


def _description(tok: Token, offset: int) -> Mention:
    """A common-noun subject as a whole noun phrase: "a person familiar with the talks"."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in LEFT_MODIFIERS:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in RIGHT_MODIFIERS and child.right_edge.i - left < MAX_DESCRIPTION_WORDS:
            if any(t.is_punct and t.text in ",;(—–" for t in doc[right + 1:child.i + 1]):
                break
            right = max(right, child.right_edge.i)
        elif child.dep_ not in ("punct",):
            break
    while right > tok.i and (doc[right].is_punct or doc[right].tag_ in ("CC", "IN", "DT")):
        right -= 1
    span = doc[left:right + 1]
    determiners = [c for c in tok.lefts if c.dep_ in ("det", "poss")]
    definite = any(c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in determiners)
    possessed = any(c.dep_ == "poss" for c in determiners)
    head = tok.lower_
    owner = _document_owner(tok, offset) if head in DOCUMENT_NOUNS else None
    kind = "document" if head in DOCUMENT_NOUNS else "unknown"
    words = [t.lower_ for t in span]
    return Mention(span.start_char + offset, span.end_char + offset, span.text, kind,
                   subject=tok.dep_ in SUBJECTS, head=head, definite=definite,
                   plural=tok.tag_ in ("NNS", "NNPS"), gender=title_gender(words), owner=owner,
                   possessed=possessed)


def _document_owner(tok: Token, offset: int) -> Mention | None:
    """The author a document's phrase names: "her statement", "a release from X",
    "a study by X", "the Pentagon's report"."""
    for child in tok.children:
        if child.dep_ == "poss":
            if child.lower_ in PRONOUN_GENDER or child.lower_ in ("their", "its", "our"):
                pron = {"his": "he", "her": "she", "their": "they", "its": "it",
                        "our": "we"}.get(child.lower_, child.lower_)
                return Mention(child.idx + offset, child.idx + len(child) + offset, pron,
                               "pronoun")
            return mention_for(child, offset)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                             or pobj.tag_ == "NNP"):
                    return mention_for(pobj, offset)
    return None


def mention_for(tok: Token, offset: int) -> Mention | None:
    """The mention a subject token stands for: entity, apposition, pronoun or noun phrase."""
    doc = tok.doc
    # "Sen. Elizabeth Warren (D-MA) said": a subject inside the parentheses after a name
    # stands for the name.
    opening = _open_parenthesis_before(tok)
    if opening is not None and opening.i > 0 and any(t.text == ")" for t in doc[tok.i:tok.i + 6]):
        tok = doc[opening.i - 1]
    lower = tok.lower_
    if lower in NOT_SOURCES or (tok.tag_ in ("VBG", "VBN") and not tok.ent_type_):
        return None  # "Let's say …", "Holding signs, …": nobody
    subject = tok.dep_ in SUBJECTS
    if lower in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
        return Mention(tok.idx + offset, tok.idx + len(tok) + offset, tok.text, "pronoun",
                       subject=subject)
    ent = entity_of(tok)
    if ent is not None and ent.label_ in PLACE_LABELS and ent.start == 0 and ent.text.isupper():
        # "PHILADELPHIA (AP) — The Democratic National Committee said": a dateline.
        named = next((c for c in tok.children if c.dep_ == "appos"
                      and c.ent_type_ in ("PERSON", "ORG") and _open_parenthesis_before(c) is None),
                     None)  # "(AP)" is the agency's credit, never the speaker
        return mention_for(named, offset) if named is not None else None
    if ent is None or ent.label_ not in NAMED or ent.label_ in PLACE_LABELS:
        # "Taiwan's defense minister, Chiu Kuo-cheng, told": prefer the named apposition;
        # "WASHINGTON -- President Obama, …, said": a dateline is not the subject.
        for child in tok.children:
            if child.dep_ == "appos":
                e = entity_of(child)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    ent = e
                    break
    if (ent is None or ent.label_ not in NAMED) and tok.dep_ == "appos" \
            and tok.head.ent_type_ == "PERSON":
        # "McConnell, now the Senate majority leader, who said": a description in
        # apposition to a person's name stands for the name.
        named_head = entity_of(tok.head)
        if named_head is not None:
            tok, ent = tok.head, named_head
    if ent is not None and ent.label_ == "NORP" and len(ent) == 1 and ent.start > 0 \
            and doc[ent.start - 1].lower_ in ("the", "a", "an") and tok.tag_ in ("NNP", "NN"):
        return _description(tok, offset)  # "The Republican said": one person, described
    if ent is not None and ent.label_ in NAMED and _conjuncts(tok):
        return _coordination(tok, offset)
    if ent is not None and ent.label_ in NAMED:
        mention = named_mention(ent, offset, subject=subject)
        parts = split_list(ent.text)
        if len(parts) > 1:  # a glued list as subject: the name nearest the verb speaks
            at, part = parts[-1]
            start = ent.start_char + offset + at
            return Mention(start, start + len(part), part, mention.kind, mention.label, subject)
        first = ent.start
        if ent.label_ in ("ORG",) and first >= 2 and doc[first - 1].tag_ == "POS":
            owner = entity_of(doc[first - 2])
            if owner is not None and owner.label_ in ("GPE", "ORG", "NORP"):
                start = owner.start_char  # "China's Foreign Ministry"
                return Mention(start + offset, mention.end, doc.text[start:ent.end_char],
                               mention.kind, mention.label, subject, roles=mention.roles)
        return mention
    if tok.tag_ == "CD" and tok.dep_ in SUBJECTS:
        # Poll shares: "Six in 10 say …", "Nearly three in four said …"
        span = doc[tok.left_edge.i:tok.right_edge.i + 1]
        return Mention(span.start_char + offset, span.end_char + offset, span.text, "unknown",
                       subject=True, plural=True)
    if tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper():
        return _proper_name(tok, offset, subject)
    if tok.lower_ in OTHER_SOURCE_WORDS and tok.dep_ in SUBJECTS:
        # "said another", "one said": an unnamed source, shown by its words.
        return Mention(tok.idx + offset, tok.idx + len(tok) + offset, tok.text, "unknown",
                       subject=True, head=tok.lower_)
    if _conjuncts(tok) and (tok.tag_.startswith("NN")):
        return _coordination(tok, offset)
    if tok.tag_.startswith("NN"):
        # "The Trump campaign", "Clinton aides": a name inside a description is not the
        # speaker; the whole phrase is.
        return _description(tok, offset)
    return None


def _conjuncts(tok: Token) -> list[Token]:
    """Further subjects joined by "and": "Mr. Grassley and Mr. Leahy say"."""
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "conj" and c.tag_.startswith("NN")]


def _coordination(tok: Token, offset: int) -> Mention:
    """Several sources speaking together, as one voice named by all of them."""
    doc = tok.doc
    last = _conjuncts(tok)[-1]
    span = doc[tok.left_edge.i:last.right_edge.i + 1]
    return Mention(span.start_char + offset, span.end_char + offset, span.text, "unknown",
                   subject=tok.dep_ in SUBJECTS, head=last.lower_, plural=True)


def _open_parenthesis_before(tok: Token) -> Token | None:
    """The "(" that a token stands inside, looking a few tokens back ("(D-Newport News)")."""
    for t in reversed(tok.doc[max(0, tok.i - 8):tok.i]):
        if t.text == ")":
            return None
        if t.text == "(":
            return t
    return None


def _proper_name(tok: Token, offset: int, subject: bool) -> Mention:
    """A capitalised name the tagger did not mark as an entity ("Heyward said"): its compound
    chain, a person candidate; resolution decides the kind over all its mentions."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ == "compound" and child.tag_ in ("NNP", "NNPS"):
            left = min(left, child.i)
    span = doc[left:tok.i + 1]
    words = [t.lower_ for t in span]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
        span = doc[span.start + 1:span.end]
    return Mention(span.start_char + offset, span.end_char + offset, span.text, "person",
                   "PROPN", subject, roles=roles_before(span),
                   gender=title_gender(list(roles_before(span))[-2:]))


def _is_subject(ent: Span) -> bool:
    """Whether a named entity is its clause's subject: from the parse when there is one,
    else from the tags (a name right before a verb, not after a preposition)."""
    doc = ent.doc
    if doc.has_annotation("DEP"):
        return ent.root.dep_ in SUBJECTS
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (after is not None and (after.tag_.startswith("VB") or after.tag_ == "MD")
            and (before is None or before.tag_ not in ("IN", "TO", "POS")))


def entity_mentions(doc: object, offset: int, labels: tuple[str, ...]) -> list[Mention]:
    """Every named entity of a paragraph with the given labels, and, where the paragraph
    is parsed, capitalised subjects the tagger missed (candidates for pronouns)."""
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        mention = named_mention(ent, offset, subject=_is_subject(ent))
        parts = split_list(ent.text)
        if len(parts) == 1:
            found.append(mention)
            continue
        # "CBS All Access, Disney": a list the tagger glued together is several entities.
        for at, part in parts:
            start = ent.start_char + offset + at
            found.append(Mention(start, start + len(part), part, mention.kind, mention.label,
                                 mention.subject))
    if doc.has_annotation("DEP"):
        for tok in doc:
            if (tok.dep_ in SUBJECTS and tok.tag_ == "NNP" and not tok.ent_type_
                    and tok.text[:1].isupper() and tok.is_alpha):
                found.append(_proper_name(tok, offset, True))
            elif tok.dep_ == "nsubj" and tok.tag_ == "NN" and not tok.ent_type_ \
                    and tok.lower_ in PERSON_ROLES and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
                # "The GOP candidate proposes …": a described person as a subject, for a
                # later "he" or "she".
                found.append(_description(tok, offset))
            elif tok.dep_ in SUBJECTS and _conjuncts(tok) and tok.ent_type_ == "PERSON" \
                    and all(c.ent_type_ == "PERSON" for c in _conjuncts(tok)):
                # "Grassley and Leahy sent a letter": the pair, for a later "they".
                found.append(_coordination(tok, offset))
    found.sort(key=lambda m: m.start)
    return found
