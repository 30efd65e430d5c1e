"""Who can hold a belief or take a stand: the subject test for thought and act cues.

"Officials believe …" and "environmentalists worry …" report someone's view; "the
capacity to attack …" and "the market expects …" (a thing as subject) do not. Names and
pronouns always can; a common noun can when it names people, a group, a share of people
or a document that speaks for someone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stance_reader.core.cues import AGENT_ENDINGS, AGENT_NOUNS, GROUP_WORDS, NOT_AGENTS
from stance_reader.core.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def can_hold_views(subj: Token, mention: Mention) -> bool:
    """Whether the subject of a belief or act cue is someone (or something) with a view."""
    if mention.kind != "unknown":
        return True  # a name, a pronoun, a document
    word = subj.lower_
    if word in AGENT_NOUNS or _singular(word) in AGENT_NOUNS:
        return True
    if word in GROUP_WORDS or subj.tag_ == "CD":
        return True  # "most believe", "twelve percent indicated", "a majority of voters"
    return (subj.tag_ in ("NNS", "NNPS") and word not in NOT_AGENTS
            and word.endswith(AGENT_ENDINGS))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Prepositions that say which people a share is of: "many of his supporters", "others in
# the community", "most among young voters".
GROUP_PREPS = frozenset({"of", "in", "among", "at", "from", "on"})
MAX_GROUP_WORDS = 12


def whole_group(mention: Mention | None, doc: Doc, offset: int) -> Mention | None:
    """"Many of his supporters believe …": a share word alone ("Many") names nobody, so
    the source is the whole phrase up to the people it is a share of."""
    if mention is None or mention.kind != "unknown":
        return mention
    words = doc.char_span(mention.start - offset, mention.end - offset)
    if words is None or len(words) != 1 or words[0].lower_ not in GROUP_WORDS:
        return mention
    share = words[0]
    prep = next((c for c in share.rights if c.dep_ == "prep" and c.lower_ in GROUP_PREPS), None)
    if prep is None or prep.right_edge.i - share.i >= MAX_GROUP_WORDS:
        return mention
    people = next((c for c in prep.children if c.dep_ == "pobj"), None)
    span = doc[share.i:prep.right_edge.i + 1]
    return Mention(span.start_char + offset, span.end_char + offset, span.text, "unknown",
                   subject=mention.subject, head=people.lower_ if people is not None else "",
                   plural=True)
