"""Cues and speakers from spaCy's parse, for quotations and for reported speech.

Works on one paragraph's `Doc` at a time; every result is in plain character offsets into
the article text (`offset` is the paragraph's start), never spaCy objects, so later steps
and the view never touch the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from stance_reader.core.analysis import Cue, Offsets
from stance_reader.core.cues import (
    ACT_FORMS, AGENT_NOUNS, NON_SPEECH_FORMS, PHRASAL_FORMS, QUOTE_FORMS, SPEECH_FORMS,
    THOUGHT_FORMS)
from stance_reader.core.mentions import NAMED, SUBJECTS, Mention, mention_for
from stance_reader.core.quotes import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["NAMED", "Attribution", "Mention", "attribute_quote", "find_reported",
           "introduction", "mention_for", "offsets_of"]

# Participles and clauses whose subject is their head's subject: "..., stating that",
# "..., adding", "and told".
CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "acomp")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quotation (or a reported sentence), and the words that say so."""

    cue: Cue | None
    mention: Mention | None
    how: str  # cue | colon


@dataclass(frozen=True, slots=True)
class ReportedCandidate:
    start: int
    end: int
    paragraph: int
    attribution: Attribution


def _inside(pos: int, spans: Sequence[QuoteSpan]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def subject_of(verb: Token, climb: tuple[str, ...] = CLIMB,
               quotes: Sequence[QuoteSpan] = (), offset: int = 0) -> Token | None:
    """The subject of a cue verb, climbing from participles to the clause they hang on.

    A subject inside a quotation is the quoted speaker's word, not the source: '“If it
    …,” said James Acton' has "it" and "Acton" both parsed as subjects of "said".
    """
    tok = verb
    for _ in range(4):
        for child in sorted(tok.children, key=lambda c: _inside(c.idx + offset, quotes)):
            if child.dep_ in SUBJECTS:
                if child.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return tok.head  # "Chiu, who said …": the relative points at Chiu
                return child
        if tok.dep_ in climb and tok.head is not tok:
            if tok.dep_ == "relcl" and tok.head.tag_.startswith("NN"):
                return tok.head  # "Chiu, who said"
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return None  # "a box labeled …": the noun is what was labelled
            if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.head.tag_.startswith("NN"):
                return tok.head  # "a man yelled “…”" parsed as a clause on "man"
            tok = tok.head
            continue
        break
    return None


def _according_to(tok: Token) -> Token | None:
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


def _cue_span(tok: Token, offset: int) -> Cue:
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


def _is_cue_token(tok: Token, forms: frozenset[str]) -> bool:
    """Whether a token is a cue: a reporting verb in one of its speech senses."""
    if tok.lower_ == "according":
        return _according_to(tok) is not None
    if tok.lower_ not in forms or not tok.tag_.startswith("VB"):
        return False
    near = {c.lower_ for c in tok.children if c.dep_ in (
        "prt", "prep", "dobj", "xcomp", "attr", "npadvmod")}
    needed = PHRASAL_FORMS.get(tok.lower_)
    if needed is not None:
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
    subj = (_according_to(tok) if tok.lower_ == "according"
            else subject_of(tok, quotes=quotes, offset=offset))
    if (subj is None or _inside(subj.idx + offset, quotes)) and tok.tag_ in ("VBG", "VBN"):
        # "…, asserting, ''…''": a participle whose parse went astray inside the quotation
        # speaks for the subject that opens its sentence.
        subj = next((t for t in tok.sent if t.i < tok.i and t.dep_ in SUBJECTS
                     and not _inside(t.idx + offset, quotes)), None)
    mention = None
    if subj is not None and not _inside(subj.idx + offset, quotes):
        mention = mention_for(subj, offset)
    return Attribution(_cue_span(tok, offset), _with_relative(mention, tok, offset), "cue")


def _with_relative(mention: Mention | None, verb: Token, offset: int) -> Mention | None:
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
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s")


def transcript_label(text: str, start: int, offset: int) -> Attribution | None:
    """The label of a transcript turn starting at `start` (paragraph-relative)."""
    m = TRANSCRIPT_LABEL.match(text, start)
    if m is None or not any(c.isalpha() for c in m.group(1)) or len(m.group(1).split()) > 4:
        return None
    name = m.group(1)
    colon = m.end(1)
    return Attribution(Cue(colon + offset, colon + 1 + offset, ":"),
                       Mention(m.start(1) + offset, colon + offset, name.title(), "person"),
                       "label")


def attribute_quote(doc: Doc, offset: int, quote: QuoteSpan,
                    quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """Find the cue and speaker of `quote` in its own sentence(s), on either side."""
    label = transcript_label(doc.text, quote.inner.start - offset, offset)
    if label is not None:
        return label
    all_sents = list(doc.sents)
    sents = [s for s in all_sents
             if s.start_char + offset < quote.end and s.end_char + offset > quote.start]
    # '“…?” Graham asked.' is often split after the closing mark: look at the sentence
    # that starts right after the quotation too.
    nxt = [s for s in all_sents if 0 <= s.start_char + offset - quote.end <= 2]
    # A cue in the quotation's own sentence wins; only without one may the next
    # sentence's cue speak for it (it has a quotation of its own to attribute otherwise).
    best = _nearest_cue(sents, offset, quote, quotes)
    if best is None and quote.closed and nxt and nxt[0] not in sents:
        best = _nearest_cue(nxt[:1], offset, quote, quotes)
    if best is not None:
        return attribution_for(best, offset, quotes)
    dashed = _dash_attribution(doc, offset, quote) or _trailing_attribution(doc, offset, quote)
    if dashed is not None:
        return dashed
    # "Trump: “…”" or "She put it this way: “…”"
    i = quote.start - offset - 1
    while i >= 0 and doc.text[i].isspace():
        i -= 1
    if i >= 0 and doc.text[i] == ":":
        colon = doc.char_span(i, i + 1)
        names = [e for e in doc.ents if e.end_char <= i and e.label_ in ("PERSON", "ORG")
                 and not _inside(e.start_char + offset, quotes)]
        mention = None
        if names:
            mention = mention_for(names[-1].root, offset)
        elif colon is not None:
            root = colon.root.sent.root
            subj = subject_of(root)
            if subj is not None and subj.idx < i:
                mention = mention_for(subj, offset)
            else:  # a headline: "Trump: ‘…’" with no entity found
                before = [t for t in doc if t.idx + len(t) <= i and t.tag_ == "NNP"
                          and t.idx >= colon.sent.start_char]
                if before and before[-1].idx + len(before[-1]) >= i - 1:
                    mention = mention_for(before[-1], offset)
        return Attribution(Cue(i + offset, i + 1 + offset, ":"), mention, "colon")
    return headline_label(doc, offset, quote)


def _nearest_cue(sents: Sequence[Span], offset: int, quote: QuoteSpan,
                 quotes: Sequence[QuoteSpan]) -> Token | None:
    """The cue verb in `sents` nearest to the quotation, outside any quotation."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            pos = tok.idx + offset
            if _inside(pos, quotes) or not _is_cue_token(tok, QUOTE_FORMS):
                continue
            distance = quote.start - pos if pos < quote.start else pos - quote.end
            if tok.lower_ not in SPEECH_FORMS and tok.lower_ != "according" and distance > 30:
                continue  # "echo", "yell", "answer" cue a quotation only right beside it
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best is not None else None


# "Pat Caddell: Democrat Voters Worried …; It's ‘in Their Heads.’", "Obama on Climate
# Change: The Trends Are 'Terrifying'": a headline opening with a name and a colon.
HEADLINE_LABEL = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?: on [^:]{1,40})?:\s")


def headline_label(doc: Doc, offset: int, quote: QuoteSpan) -> Attribution | None:
    """The speaker named before the colon of a headline-like paragraph, for a quotation
    after it that has no cue of its own."""
    m = HEADLINE_LABEL.match(doc.text)
    if m is None or m.end() > quote.start - offset or len(doc.text) > 300:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if span is None:
        return None
    ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
    if ents:
        mention = mention_for(ents[0].root, offset)
    elif all(t.tag_ in ("NNP", "NNPS") for t in span):
        mention = Mention(span.start_char + offset, span.end_char + offset, span.text, "person",
                          "PROPN")
    else:
        return None
    colon = m.end() - 2 if doc.text[m.end() - 2] == ":" else m.end() - 1
    return Attribution(Cue(colon + offset, colon + 1 + offset, ":"), mention, "colon")


DASHES = "―—–-"


def _dash_attribution(doc: Doc, offset: int, quote: QuoteSpan) -> Attribution | None:
    """'“…” ― Pamela Padilla': a dash after the quotation, then the name."""
    i = quote.end - offset
    text = doc.text
    while i < len(text) and text[i] in " \u00a0\t":
        i += 1
    if i >= len(text) or text[i] not in DASHES:
        return None
    dash = i
    i += 1
    while i < len(text) and text[i] in " \u00a0\t":
        i += 1
    for ent in doc.ents:
        if ent.start_char == i and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            return Attribution(Cue(dash + offset, dash + 1 + offset, text[dash]),
                               mention_for(ent.root, offset), "dash")
    span = doc.char_span(i, min(len(text), i + 60), alignment_mode="contract")
    if span is not None and len(span) and span[0].text[:1].isupper():
        tok = span[0]
        while tok.head is not tok and tok.head.i > tok.i and tok.head.tag_.startswith("NNP"):
            tok = tok.head
        mention = mention_for(tok, offset)
        if mention is not None:
            return Attribution(Cue(dash + offset, dash + 1 + offset, text[dash]), mention, "dash")
    return None


_TRAILING = re.compile(
    r"[\s,]*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|he|she|they|it|we|I)\s+"
    r"(?P<cue>[a-z]+)\b")


def _trailing_attribution(doc: Doc, offset: int, quote: QuoteSpan) -> Attribution | None:
    """'“…” Viguerie notes.' when the tagger took the verb for a noun: a name or pronoun
    and a cue word right after the closing mark."""
    m = _TRAILING.match(doc.text, quote.end - offset)
    if m is None or m.group("cue") not in QUOTE_FORMS:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if span is None:
        return None
    mention = mention_for(span.root, offset) or Mention(
        span.start_char + offset, span.end_char + offset, span.text, "unknown")
    return Attribution(Cue(m.start("cue") + offset, m.end("cue") + offset, m.group("cue")),
                       mention, "cue")


def _content_tokens(tok: Token) -> list[Token]:
    """What the source put forward: a complement clause, an object, or, for "…, he said,
    …" and "according to X", the rest of the sentence."""
    if tok.lower_ == "according":
        sent = tok.sent
        return [t for t in sent if not (tok.i <= t.i <= tok.i + 2)]
    result: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("ccomp", "parataxis") or (child.dep_ == "xcomp" and child.tag_ == "VB"):
            result.extend(child.subtree)
    if not result and tok.dep_ == "parataxis" and tok.lower_ in SPEECH_FORMS:
        inner = set(t.i for t in tok.subtree)
        result = [t for t in tok.head.subtree if t.i not in inner]
    if not result and tok.lower_ in ACT_FORMS | SPEECH_FORMS:
        for child in tok.children:
            if child.dep_ in ("dobj", "attr") or (child.dep_ == "prep" and child.lower_ in (
                    "about", "on", "for", "of", "against")):
                result.extend(child.subtree)
    return result


def introduction(doc: Doc, offset: int, quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """A paragraph ending in a colon ("The New York Times reports:") introduces the next."""
    if not doc.text.rstrip().endswith(":") or not len(doc):
        return None
    sent = list(doc.sents)[-1]
    cues = [t for t in sent if _is_cue_token(t, QUOTE_FORMS) and not _inside(t.idx + offset, quotes)]
    if cues:
        return attribution_for(cues[-1], offset, quotes)
    subj = subject_of(sent.root)
    if subj is not None and not _inside(subj.idx + offset, quotes):
        # "President Clinton released the following statement:", "He then listed …:"
        mention = mention_for(subj, offset)
        if mention is not None:
            end = len(doc.text.rstrip()) + offset
            return Attribution(Cue(end - 1, end, ":"), mention, "colon")
    names = [e for e in sent.ents if e.label_ in ("PERSON", "ORG")]
    if names:
        colon = doc.text.rstrip()
        end = len(colon) + offset
        return Attribution(Cue(end - 1, end, ":"), mention_for(names[-1].root, offset), "colon")
    return None


REPORT_FORMS = SPEECH_FORMS | THOUGHT_FORMS | ACT_FORMS


def find_reported(doc: Doc, offset: int, paragraph: int,
                  quotes: Sequence[QuoteSpan]) -> list[ReportedCandidate]:
    """Sentences of indirect speech: a cue with a content clause not made of a direct quote."""
    found: list[ReportedCandidate] = []
    for sent in doc.sents:
        candidates: list[tuple[tuple[int, int], int, int, Attribution]] = []
        for tok in sent:
            pos = tok.idx + offset
            if _inside(pos, quotes) or not _is_cue_token(tok, REPORT_FORMS):
                continue
            content = _content_tokens(tok)
            if not content:
                continue
            outside = sum(1 for t in content
                          if not t.is_punct and not _inside(t.idx + offset, quotes))
            if outside <= 1:
                continue  # the content is a direct quotation: attributed as such
            speech = tok.lower_ in SPEECH_FORMS or tok.lower_ == "according"
            rank = 0 if speech else 1 if tok.lower_ in THOUGHT_FORMS else 2
            if speech:
                attribution = attribution_for(tok, offset, quotes)
            else:
                # Beliefs and acts need someone who holds or does them, as the verb's own
                # subject: "capacity to attack" is nobody's statement.
                subj = subject_of(tok, climb=("conj",))
                if subj is None or _inside(subj.idx + offset, quotes):
                    continue
                mention = mention_for(subj, offset)
                if mention is None or (mention.kind == "unknown"
                                       and subj.lower_ not in AGENT_NOUNS):
                    continue
                attribution = Attribution(_cue_span(tok, offset),
                                          _with_relative(mention, tok, offset), "cue")
            words = [t for t in content if not t.is_punct or _inside(t.idx + offset, quotes)]
            if not words:
                continue
            start = min(t.idx for t in words)
            end = max(t.idx + len(t) for t in words)
            # A quotation that the content starts or ends in belongs to it whole.
            for q in quotes:
                if q.start <= start + offset < q.end:
                    start = q.start - offset
                if q.start < end + offset <= q.end:
                    end = q.end - offset
            candidates.append(((rank, _depth(tok)), start, end, attribution))
        taken: list[tuple[int, int]] = []
        for _, start, end, attribution in sorted(candidates, key=lambda c: c[0]):
            if any(start < e and s < end for s, e in taken):
                continue  # nested attributions: the outermost one speaks for the sentence
            taken.append((start, end))
            found.append(ReportedCandidate(start + offset, end + offset, paragraph, attribution))
    found.sort(key=lambda r: r.start)
    return found


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head is not tok and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def offsets_of(mention: Mention | None) -> Offsets | None:
    return Offsets(mention.start, mention.end) if mention else None
