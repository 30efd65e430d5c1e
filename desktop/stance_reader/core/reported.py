"""Reported speech: the content clause of "X said that …", "according to X, …", and beliefs
and stances ("X believes …", "X endorsed …") with an agent as subject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from stance_reader.core.attribution import (
    Attribution, attribution_for, cue_span, inside, is_cue_token, subject_of, with_relative)
from stance_reader.core.agents import can_hold_views, whole_group
from stance_reader.core.cues import (
    ACT_FORMS, NOT_REPORTING_PASSIVES, SPEECH_FORMS, SPEECH_NOUNS, THOUGHT_FORMS)
from stance_reader.core.mentions import mention_for
from stance_reader.core.quotes import QuoteSpan
from stance_reader.core.reported_content import (
    content_tokens, is_passive, noun_owner, passive_agent, passive_content, segments,
    that_clause)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class ReportedCandidate:
    start: int
    end: int
    paragraph: int
    attribution: Attribution


REPORT_FORMS = SPEECH_FORMS | THOUGHT_FORMS | ACT_FORMS


@dataclass(frozen=True, slots=True)
class _Report:
    """One cue's reading: its rank among the sentence's cues (speech before thought before
    act), its content tokens and its attribution."""

    rank: int
    content: list[Token]
    attribution: Attribution
    subject_first: bool = False  # a passive cue: its subject is content


def _passive_report(tok: Token, offset: int, quotes: Sequence[QuoteSpan]) -> _Report | None:
    """"The issue was first reported by the Post", "Oz has been called a charlatan by
    physicians", "the veto is expected to come Friday": the subject and what follows are
    content, the "by" agent the source; only a belief goes without an agent."""
    if not is_passive(tok):
        return None
    if tok.dep_ == "acl" or tok.lower_ in NOT_REPORTING_PASSIVES:
        return _Report(3, [], Attribution(None, None, "cue"))  # a name or a sense, not a report
    content = passive_content(tok)
    agent = passive_agent(tok)
    if agent is None and tok.lower_ not in THOUGHT_FORMS:
        # "was accused of …" with nobody named: the source is elsewhere, and guessing none
        # would credit the words to nobody. Beliefs ("is expected to") have no other.
        return _Report(3, [], Attribution(None, None, "cue"))
    mention = None
    if agent is not None and not inside(agent.idx + offset, quotes):
        mention = mention_for(agent, offset)
    return _Report(3, content, Attribution(cue_span(tok, offset), mention, "cue"), True)


def _active_report(tok: Token, offset: int, quotes: Sequence[QuoteSpan]) -> _Report | None:
    """"X said that …", "according to X, …", "X believes …", "X endorsed …"."""
    content = content_tokens(tok)
    speech = tok.lower_ in SPEECH_FORMS or tok.lower_ == "according"
    rank = 0 if speech else 1 if tok.lower_ in THOUGHT_FORMS else 2
    if speech:
        found = attribution_for(tok, offset, quotes)
        mention = whole_group(found.mention, tok.doc, offset)
        return _Report(rank, content, Attribution(found.cue, mention, found.how))
    # Beliefs and acts need someone who holds or does them, as the verb's own subject:
    # "capacity to attack" is nobody's statement. "…, citing the release of prisoners":
    # a participle's subject is its clause's.
    subj = subject_of(tok, climb=("conj", "advcl") if tok.tag_ == "VBG" else ("conj",))
    if subj is None or inside(subj.idx + offset, quotes):
        return None
    mention = mention_for(subj, offset)
    if mention is None or not can_hold_views(subj, mention):
        return None
    mention = whole_group(with_relative(mention, tok, offset), tok.doc, offset)
    return _Report(rank, content, Attribution(cue_span(tok, offset), mention, "cue"))


def _noun_report(tok: Token, offset: int, quotes: Sequence[QuoteSpan]) -> _Report | None:
    """"the police's claim that …", "a New York Times report that …": a speech noun's
    "that" clause, when the text says whose it is."""
    owner = noun_owner(tok)
    if owner is None or inside(owner.idx + offset, quotes):
        return None
    content = that_clause(tok)
    mention = mention_for(owner, offset)
    if not content or mention is None:
        return None
    return _Report(3, content, Attribution(cue_span(tok, offset), mention, "cue"))


# The readings of a cue, tried in order: the first that gives one is the cue's.
RULES: tuple[Callable[[Token, int, Sequence[QuoteSpan]], _Report | None], ...] = (
    _passive_report, _active_report)


def find_reported(doc: Doc, offset: int, paragraph: int,
                  quotes: Sequence[QuoteSpan]) -> list[ReportedCandidate]:
    """Sentences of indirect speech: a cue with content not made of a direct quote."""
    found: list[ReportedCandidate] = []
    for sent in doc.sents:
        candidates: list[tuple[tuple[int, int], int, int, Attribution]] = []
        for tok in sent:
            if inside(tok.idx + offset, quotes):
                continue
            if tok.lower_ in SPEECH_NOUNS and tok.tag_.startswith("NN"):
                report = _noun_report(tok, offset, quotes)
            elif is_cue_token(tok, REPORT_FORMS):
                report = next((r for rule in RULES if (r := rule(tok, offset, quotes))), None)
            else:
                continue
            if report is None or not _enough_content(tok, report.content, offset, quotes):
                continue
            for segment in segments(report.content, tok, subject_first=report.subject_first):
                if all(inside(t.idx + offset, quotes) for t in segment if not t.is_punct):
                    continue  # a quotation of its own: attributed as such
                start, end = _whole_quotations(segment, offset, quotes)
                candidates.append(((report.rank, _depth(tok)), start, end, report.attribution))
        taken: list[tuple[int, int]] = []
        for _, start, end, attribution in sorted(candidates, key=lambda c: c[0]):
            if any(start < e and s < end for s, e in taken):
                continue  # nested attributions: the outermost one speaks for the sentence
            taken.append((start, end))
            found.append(ReportedCandidate(start + offset, end + offset, paragraph, attribution))
    found.sort(key=lambda r: r.start)
    return found


def _enough_content(tok: Token, content: list[Token], offset: int,
                    quotes: Sequence[QuoteSpan]) -> bool:
    """Content of two words or more outside quotation marks: with one, the content is a
    quotation (attributed as such), an addressee ("told reporters") or a bare object
    ("endorsed him"), which news annotators mark as often as not."""
    outside = [t for t in content if not t.is_punct and not inside(t.idx + offset, quotes)]
    return len(outside) >= 2


def _whole_quotations(segment: list[Token], offset: int,
                      quotes: Sequence[QuoteSpan]) -> tuple[int, int]:
    """A segment's span in paragraph offsets; a quotation it starts or ends in belongs to
    it whole."""
    start = segment[0].idx
    end = segment[-1].idx + len(segment[-1])
    for q in quotes:
        if q.start <= start + offset < q.end:
            start = q.start - offset
        if q.start < end + offset <= q.end:
            end = q.end - offset
    return start, end


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head is not tok and depth < 50:
        tok = tok.head
        depth += 1
    return depth

