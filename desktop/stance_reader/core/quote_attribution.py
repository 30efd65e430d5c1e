"""Who said a quotation: rules tried in order, each a small named function.

The order is data (`QUOTE_RULES`): a transcript label ("WALLACE: …"), a cue in the
quotation's own sentence, a cue in the sentence right after it, a dash byline
("― Pamela Padilla"), a name and a cue right after the closing mark, a colon
introduction ("Trump: “…”"), a headline label ("Pat Caddell: … ‘…’").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Sequence

from stance_reader.core.analysis import Cue
from stance_reader.core.attribution import (
    Attribution, attribution_for, cue_span, inside, is_cue_token, subject_of)
from stance_reader.core.cues import AGENT_NOUNS, QUOTE_FORMS, SPEECH_FORMS
from stance_reader.core.mentions import Mention, mention_for
from stance_reader.core.quotes import QuoteSpan
from stance_reader.core.speaker_words import PERSON_ROLES, SPEECH_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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


Rule = Callable[["Doc", int, QuoteSpan, Sequence[QuoteSpan]], "Attribution | None"]


def attribute_quote(doc: Doc, offset: int, quote: QuoteSpan,
                    quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """The cue and speaker of `quote`: the first rule of `QUOTE_RULES` that finds one."""
    for rule in QUOTE_RULES:
        found = rule(doc, offset, quote, quotes)
        if found is not None:
            return found
    return None


def transcript_turn(doc: Doc, offset: int, quote: QuoteSpan,
                    quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'WALLACE: “…”': the label opening an interview transcript turn."""
    return transcript_label(doc.text, quote.inner.start - offset, offset)


def _own_sentences(doc: Doc, offset: int, quote: QuoteSpan) -> list[Span]:
    return [s for s in doc.sents
            if s.start_char + offset < quote.end and s.end_char + offset > quote.start]


def cue_in_own_sentence(doc: Doc, offset: int, quote: QuoteSpan,
                        quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """A cue verb in the quotation's own sentence(s), the nearest on either side."""
    best = _nearest_cue(_own_sentences(doc, offset, quote), offset, quote, quotes)
    return attribution_for(best, offset, quotes) if best is not None else None


def cue_in_next_sentence(doc: Doc, offset: int, quote: QuoteSpan,
                         quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'“…?” Graham asked.' split after the closing mark: the sentence right after it.
    Tried only when the quotation's own sentence has no cue (that one wins)."""
    if not quote.closed:
        return None
    own = _own_sentences(doc, offset, quote)
    nxt = [s for s in doc.sents if 0 <= s.start_char + offset - quote.end <= 2
           and s not in own]
    best = _nearest_cue(nxt[:1], offset, quote, quotes)
    return attribution_for(best, offset, quotes) if best is not None else None


def byline_after(doc: Doc, offset: int, quote: QuoteSpan,
                 quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'“…” ― Pamela Padilla' or '“…” Viguerie notes.' right after the closing mark."""
    return _dash_attribution(doc, offset, quote) or _trailing_attribution(doc, offset, quote)


def colon_before(doc: Doc, offset: int, quote: QuoteSpan,
                 quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'Trump: “…”' or 'She put it this way: “…”'."""
    i = quote.start - offset - 1
    while i >= 0 and doc.text[i].isspace():
        i -= 1
    if i >= 0 and doc.text[i] == ":":
        colon = doc.char_span(i, i + 1)
        names = [e for e in doc.ents if e.end_char <= i and e.label_ in ("PERSON", "ORG")
                 and not inside(e.start_char + offset, quotes)]
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
    return None


def headline(doc: Doc, offset: int, quote: QuoteSpan,
             quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'Pat Caddell: Democrat Voters … ‘in Their Heads.’'."""
    return headline_label(doc, offset, quote)


def _nearest_cue(sents: Sequence[Span], offset: int, quote: QuoteSpan,
                 quotes: Sequence[QuoteSpan]) -> Token | None:
    """The cue verb in `sents` nearest to the quotation, outside any quotation."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            pos = tok.idx + offset
            if inside(pos, quotes) or not is_cue_token(tok, QUOTE_FORMS):
                continue
            distance = quote.start - pos if pos < quote.start else pos - quote.end
            if tok.lower_ not in SPEECH_FORMS and tok.lower_ != "according" and distance > 30:
                continue  # "echo", "yell", "answer" cue a quotation only right beside it
            if best is None or distance < best[0]:
                best = (distance, tok)
    return _outer_speaker_cue(best[1], offset, quotes) if best is not None else None


def _outer_speaker_cue(cue: Token, offset: int, quotes: Sequence[QuoteSpan]) -> Token:
    """'Obama said it would tell an American story, one of “suffering and delight”': a
    cue inside what another cue reports, whose own subject cannot speak ("it", "the
    plan"), gives way to the outer cue."""
    subj = subject_of(cue, quotes=quotes, offset=offset)
    if subj is None or not (subj.lower_ == "it" or (
            subj.tag_ in ("NN", "NNS") and not subj.ent_type_
            and subj.lower_ not in PERSON_ROLES and subj.lower_ not in AGENT_NOUNS)):
        return cue
    node = cue
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if node.lower_ in SPEECH_FORMS and is_cue_token(node, QUOTE_FORMS) \
                and not inside(node.idx + offset, quotes):
            return node
    return cue


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


def introduction(doc: Doc, offset: int, quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """A paragraph ending in a colon ("The New York Times reports:") introduces the next."""
    if not doc.text.rstrip().endswith(":") or not len(doc):
        return None
    sent = list(doc.sents)[-1]
    cues = [t for t in sent if is_cue_token(t, QUOTE_FORMS) and not inside(t.idx + offset, quotes)]
    if cues:
        return attribution_for(cues[-1], offset, quotes)
    subj = subject_of(sent.root)
    if subj is not None and not inside(subj.idx + offset, quotes):
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


# Verbs whose subject is what a fragment describes, not who chose its words: "Trump was
# “furious”", "the plan seems “rushed”".
# Word forms, not lemmas: the pipeline runs without its lemmatizer.
NOT_WORDING_FORMS = frozenset((
    "be is are was were been being am 's 're seem seems seemed seeming become becomes became "
    "becoming appear appears appeared appearing remain remains remained remaining look looks "
    "looked looking sound sounds sounded feel feels felt get gets got gotten getting "
    "have has had having").split())


def clause_subject(doc: Doc, offset: int, quote: QuoteSpan,
                   quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """'Reid has gone after Trump as a “human leech”', 'Kall compared Trump to a coach who
    is “working the referees”': a lower-case fragment in a sentence with no cue is the
    wording of the person the clause is about, the subject of the verb it hangs on."""
    inner = doc.text[quote.inner.start - offset:quote.inner.end - offset].strip(" '\"‘’“”")
    if not inner or not inner[0].islower() or len(inner.split()) > FRAGMENT_MAX_WORDS:
        return None
    span = doc.char_span(quote.inner.start - offset, quote.inner.end - offset,
                         alignment_mode="contract")
    if span is None or not len(span):
        return None
    inside_quote = {t.i for t in span}
    tok = span.root
    for _ in range(8):  # up to the word the fragment hangs on, outside the quotation
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.i in inside_quote:
            continue
        if tok.tag_.startswith("NN"):
            # "Trump's claim that there were “thousands of shootings”": a noun that reports
            # words speaks for its possessor; any other noun names a thing ("a policy of
            # “strategic ambiguity”").
            return _possessor_of_speech_noun(tok, offset, quotes)
        if tok.tag_.startswith("VB"):
            found = _wording_subject(tok, offset, quote, quotes)
            if found is None and tok.dep_ in ("acl", "ccomp") and tok.head.lower_ in SPEECH_NOUNS:
                continue  # "his claim that there have been “…”": on to the noun
            return found
    return None


def _wording_subject(verb: Token, offset: int, quote: QuoteSpan,
                     quotes: Sequence[QuoteSpan]) -> Attribution | None:
    """The subject of the verb a fragment hangs on, when it can have chosen the words."""
    if verb.lower_ in NOT_WORDING_FORMS:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "Trump was called “a fraud”": the one spoken about
    subj = subject_of(verb, quotes=quotes, offset=offset)
    if subj is None or subj.idx + offset >= quote.start or inside(subj.idx + offset, quotes):
        return None
    mention = mention_for(subj, offset)
    if mention is None or mention.kind in ("document",) or (
            mention.kind == "pronoun" and mention.text.lower() not in WORDING_PRONOUNS) or (
            mention.kind == "unknown" and mention.head not in PERSON_ROLES):
        return None
    return Attribution(cue_span(verb, offset), mention, "cue")


def _possessor_of_speech_noun(noun: Token, offset: int,
                              quotes: Sequence[QuoteSpan]) -> Attribution | None:
    if noun.lower_ not in SPEECH_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or inside(owner.idx + offset, quotes):
        return None
    if owner.lower_ in WORDING_POSSESSIVES:
        mention: Mention | None = Mention(owner.idx + offset, owner.idx + len(owner) + offset,
                                          owner.text, "pronoun")
    else:
        mention = mention_for(owner, offset)
    if mention is None or mention.kind in ("document", "unknown", "pronoun") and not (
            owner.lower_ in WORDING_POSSESSIVES):
        return None
    return Attribution(cue_span(noun, offset), mention, "cue")


FRAGMENT_MAX_WORDS = 25
WORDING_POSSESSIVES = frozenset(("his", "her", "their", "our"))
WORDING_PRONOUNS = frozenset(("he", "she", "they", "we"))

# The order in which the rules are tried: the first that finds a speaker wins.
QUOTE_RULES: tuple[Rule, ...] = (
    transcript_turn, headline, cue_in_own_sentence, cue_in_next_sentence, byline_after,
    colon_before, clause_subject)
