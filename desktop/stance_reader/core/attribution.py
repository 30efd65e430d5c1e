"""Cues and their speakers from spaCy's parse: the pieces both quotation attribution
(`quote_attribution.py`) and reported speech (`reported.py`) are built from.

Works on one paragraph's `Doc` at a time; every result is in plain character offsets into
the article text (`offset` is the paragraph's start), never spaCy objects, so later steps
and the view never touch the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Sequence

from stance_reader.core.analysis import Cue, Offsets
from stance_reader.core.cues import MARKED_FORMS, NON_SPEECH_FORMS, PHRASAL_FORMS, SPEECH_FORMS
from stance_reader.core.mentions import SUBJECTS, Mention, mention_for
from stance_reader.core.quotes import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

# Participles and clauses whose subject is their head's subject: "..., stating that",
# "..., adding", "and told".
CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "acomp")


# How a cue was found: a reporting verb, a colon, a transcript label, a dash byline.
AttributionHow = Literal["cue", "colon", "label", "dash"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quotation (or a reported sentence), and the words that say so."""

    cue: Cue | None
    mention: Mention | None
    how: AttributionHow


def inside(pos: int, spans: Sequence[QuoteSpan]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def subject_of(verb: Token, climb: tuple[str, ...] = CLIMB,
               quotes: Sequence[QuoteSpan] = (), offset: int = 0) -> Token | None:
    """The subject of a cue verb, climbing from participles to the clause they hang on.

    A subject inside a quotation is the quoted speaker's word, not the source: '“If it
    …,” said James Acton' has "it" and "Acton" both parsed as subjects of "said".
    """
    tok = verb
    for _ in range(4):
        for child in sorted(tok.children, key=lambda c: inside(c.idx + offset, quotes)):
            if child.dep_ in SUBJECTS:
                if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return last_conjunct(tok.head)  # "Chiu, who said …": it points at Chiu
                return child
        if tok.dep_ in climb and tok.head is not tok:
            if tok.dep_ == "relcl" and tok.head.tag_.startswith("NN"):
                return last_conjunct(tok.head)  # "Chiu, who said"
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return None  # "a box labeled …": the noun is what was labelled
            if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.head.tag_.startswith("NN"):
                return tok.head  # "a man yelled “…”" parsed as a clause on "man"
            tok = tok.head
            continue
        break
    return None


def last_conjunct(noun: Token) -> Token:
    """"Mr. Kerry and Mr. Obama, who sent …": a relative clause after a list of names is
    about the name nearest to it."""
    for _ in range(20):
        conj = [c for c in noun.children if c.dep_ == "conj" and c.i > noun.i]
        if not conj:
            break
        noun = conj[-1]
    return noun


def according_to(tok: Token) -> Token | None:
    """For "according to X", the X token."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    return None


def cue_span(tok: Token, offset: int) -> Cue:
    doc = tok.doc
    end_tok = tok
    if tok.lower_ == "according" and tok.i + 1 < len(doc):
        end_tok = doc[tok.i + 1]
    else:
        for child in tok.rights:
            if child.dep_ == "prt" and child.i == end_tok.i + 1:
                end_tok = child  # "spoken out", "pointed out"
    start, end = tok.idx, end_tok.idx + len(end_tok)
    return Cue(start + offset, end + offset, doc.text[start:end])


def is_cue_token(tok: Token, forms: frozenset[str]) -> bool:
    """Whether a token is a cue: a reporting verb in one of its speech senses."""
    if tok.lower_ == "according":
        return according_to(tok) is not None
    if tok.lower_ not in forms or not tok.tag_.startswith("VB"):
        return False
    # Only what follows the verb makes a sense: "In July, the NAACP called for …" is a
    # cue whatever preposition opens the sentence.
    near = {c.lower_ for c in tok.rights if c.dep_ in (
        "prt", "prep", "dobj", "xcomp", "attr", "npadvmod")}
    needed = PHRASAL_FORMS.get(tok.lower_)
    if needed is not None:
        marks = MARKED_FORMS.get(tok.lower_)
        if marks is not None and not any(
                c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.children):
            return False
        return bool(near & needed)
    spoiling = NON_SPEECH_FORMS.get(tok.lower_)
    if spoiling and near & spoiling and not any(
            c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return False
    return not _asked_of(tok)


def _asked_of(tok: Token) -> bool:
    """"When asked about …", "was asked whether": the subject is who was asked, not a source."""
    if tok.lower_ not in ("asked", "questioned", "pressed") or tok.tag_ != "VBN":
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass", "mark", "advmod") and c.lower_ in (
        "when", "if", "as", "after", "was", "were", "is", "been", "being") or c.dep_ ==
        "nsubjpass" for c in tok.children) or tok.dep_ == "advcl"


def attribution_for(tok: Token, offset: int, quotes: Sequence[QuoteSpan]) -> Attribution:
    """Cue + speaker mention for a cue token (speaker None when it has no usable subject)."""
    subj = (according_to(tok) if tok.lower_ == "according"
            else subject_of(tok, quotes=quotes, offset=offset))
    if (subj is None or inside(subj.idx + offset, quotes)) and tok.tag_ in ("VBG", "VBN"):
        # "…, asserting, ''…''": a participle whose parse went astray inside the quotation
        # speaks for the subject that opens its sentence.
        subj = next((t for t in tok.sent if t.i < tok.i and t.dep_ in SUBJECTS
                     and not inside(t.idx + offset, quotes)), None)
    mention = None
    if subj is not None and not inside(subj.idx + offset, quotes):
        mention = mention_for(subj, offset)
    if mention is None and tok.lower_ in SPEECH_FORMS:
        mention = _name_beside(tok, offset, quotes)
    return Attribution(cue_span(tok, offset), with_relative(mention, tok, offset), "cue")


def _name_beside(tok: Token, offset: int, quotes: Sequence[QuoteSpan]) -> Mention | None:
    """When the parse gives a speech verb no usable subject ('“…,” Flynn, a top Trump
    surrogate, said … on Fox News’s “Fox and Friends”'), the person named right before
    it in its clause (past an apposition), or right after it ("said Flynn")."""
    sent = tok.sent
    before = [e for e in sent.ents if e.end <= tok.i and e.label_ in ("PERSON", "ORG")
              and not inside(e.start_char + offset, quotes)
              and not any(t.is_punct and t.text in ".;:!?”\"" for t in tok.doc[e.end:tok.i])
              and tok.i - e.end <= 12]
    if before:
        return mention_for(_past_apposition(before[-1].root), offset)
    after = [e for e in sent.ents if e.start in (tok.i + 1, tok.i + 2)
             and e.label_ == "PERSON" and not inside(e.start_char + offset, quotes)]
    return mention_for(after[0].root, offset) if after else None


def _past_apposition(tok: Token) -> Token:
    """'Flynn, a top Trump surrogate, said': a name inside a description in apposition
    to another name gives way to that name."""
    node = tok
    for _ in range(4):
        if node.dep_ == "appos" and node.head.ent_type_ in ("PERSON", "ORG") \
                and node.tag_ in ("NN", "NNS") and node is not tok:
            return node.head
        if node.head is node or node.head.i > tok.i + 1:
            break
        node = node.head
    return tok


def with_relative(mention: Mention | None, verb: Token, offset: int) -> Mention | None:
    """"Kamin, who said …": the mention runs from the name to the relative pronoun, so
    both the name and the word standing for it in the clause are marked."""
    relative = _relative_pronoun(verb)
    if mention is not None and relative is not None and relative.idx + offset >= mention.end:
        return Mention(mention.start, relative.idx + len(relative) + offset, mention.text,
                       mention.kind)
    return mention


def _relative_pronoun(verb: Token) -> Token | None:
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECTS and c.tag_ in ("WP", "WDT")),
                None)


# "WALLACE: …" / "MR. TRUMP: …": a speaker label opening an interview transcript turn.
def offsets_of(mention: Mention | None) -> Offsets | None:
    return Offsets(mention.start, mention.end) if mention else None
