"""What a reporting cue reports: its content tokens, cut into the segments a reader sees.

Reported content is often interrupted by its own attribution: "The museum, Mr. Obama
said, would make visitors face hard truths", "which he said were at his side", "The top
1 percent paid a quarter, according to the agency, and the top 10 percent paid more".
The source and cue are not what was said, so the content on each side of them is a
segment of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stance_reader.core.cues import ACT_FORMS, SPEECH_FORMS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions whose object is what a speech or stance verb is about: "warned against …",
# "spoke of …".
CONTENT_PREPS = frozenset({"about", "on", "for", "of", "against", "as"})
# Object relations that hold what a stance or speech verb is about: "endorsed Clinton",
# "called him a master of the deal" (object and predicate).
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# What follows a passive cue and belongs to its content: "called [a charlatan]",
# "expected [to win]", "described [as toothless]".
PASSIVE_COMPLEMENTS = frozenset({"oprd", "attr", "xcomp", "ccomp"})
# Words that only join a segment to what came before: a segment of these alone says nothing.
JOINERS = frozenset({"and", "but", "or", "so", "yet", "nor", "then", "also", "too"})


def content_tokens(tok: Token) -> list[Token]:
    """What the source put forward: a complement clause, an object, or, for "…, he said,
    …" and "according to X", the rest of the sentence, in text order."""
    if tok.lower_ == "according":
        attribution = {t.i for t in tok.subtree}
        return [t for t in tok.sent if t.i not in attribution]
    result: list[Token] = []
    for child in tok.children:
        if child.dep_ == "parataxis" and child.lower_ in SPEECH_FORMS:
            continue  # "…, Mr. Clarke said, he decided …": an attribution, not content
        if child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "xcomp" and (
                child.tag_ == "VB" or (child.tag_ == "VBG" and tok.lower_ in ACT_FORMS))):
            result.extend(child.subtree)  # "proposes doing away with …" too
    if not result and tok.dep_ == "parataxis" and tok.lower_ in SPEECH_FORMS:
        inner = {t.i for t in tok.subtree}
        result = [t for t in tok.head.subtree if t.i not in inner]
    if not result and tok.lower_ in ACT_FORMS | SPEECH_FORMS and not is_passive(tok):
        for child in tok.rights:  # "On Wednesday, Cruz thanked …": only what follows
            if child.dep_ in OBJECT_DEPS or (child.dep_ == "prep"
                                                  and child.lower_ in CONTENT_PREPS):
                result.extend(child.subtree)
    return sorted(result, key=lambda t: t.i)


def passive_content(tok: Token) -> list[Token]:
    """For a passive cue, what was said, thought or done: its subject and what follows it
    ("[The issue] was first reported by the Post", "Oz has been called [a charlatan] by
    physicians", "[the veto] is expected [to come before Friday]"), never the agent."""
    result: list[Token] = []
    for child in tok.children:
        if child.dep_ == "nsubjpass" or (child.i > tok.i and (
                child.dep_ in PASSIVE_COMPLEMENTS
                or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPS))):
            result.extend(child.subtree)
    return sorted(result, key=lambda t: t.i)


def passive_agent(tok: Token) -> Token | None:
    """The "by X" of a passive cue: X, who said or did it."""
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def that_clause(noun: Token) -> list[Token]:
    """"the claim that Crutcher had moved": the complement clause of a speech noun, told
    from a relative clause ("the claim that he made") by its "that" being a mark."""
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return sorted(child.subtree, key=lambda t: t.i)
    return []


def noun_owner(noun: Token) -> Token | None:
    """Who made the claim: "the police's claim", "a New York Times report", "a warning
    from the agency"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.lefts:
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
                return pobj
    return None


def is_passive(tok: Token) -> bool:
    """"was called", "a stream called …": the subject or the noun is what was spoken of."""
    return tok.tag_ == "VBN" and (tok.dep_ == "acl" or any(
        c.dep_ in ("auxpass", "nsubjpass") for c in tok.children))


def segments(content: list[Token], cue: Token, *, subject_first: bool = False
             ) -> list[list[Token]]:
    """The content cut where the attribution interrupts it: the tokens before the cue and
    those after it, each trimmed of punctuation and of joining words at its edges, and
    kept only when a word is left. Content before the cue must be set off from it,
    unless it is the subject of a passive cue (`subject_first`)."""
    before = _trimmed([t for t in content if t.i < cue.i])
    after = _trimmed([t for t in content if t.i > cue.i])
    if before and not subject_first and not _set_off(before, cue):
        before = []
    return [part for part in (before, after) if part]


def _set_off(before: list[Token], cue: Token) -> bool:
    """Whether content before its cue reads as fronted content: "The museum, Mr. Obama
    said, …" (a comma or dash between) or the relative pronoun of "which he said …". A
    colon or semicolon between, or a cue of its own inside, makes it another sentence."""
    doc = cue.doc
    gap = doc[before[-1].i + 1:cue.i]
    marks = {t.text for t in gap if t.is_punct}
    if len(before) == 1 and before[0].tag_ in ("WDT", "WP") and not marks:
        return True
    if marks & {":", ";", ".", "!", "?"} or not marks & {",", "—", "--", "–", "-"}:
        return False
    return not any(t.lower_ in SPEECH_FORMS and t.tag_.startswith("VB")
                   and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                   for t in before)


def _trimmed(tokens: list[Token]) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and _edge(tokens[start]):
        start += 1
    while end > start and _edge(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


def _edge(tok: Token) -> bool:
    return tok.is_punct or tok.lower_ in JOINERS
