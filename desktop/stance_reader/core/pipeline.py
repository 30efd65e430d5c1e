"""analyse(article) -> Analysis: the analysis as a series of small named steps.

1. scan quotation marks (characters only);
2. parse the paragraphs that can hold an attribution (spaCy, lemmatizer off; paragraphs
   with neither a quotation mark nor a cue word get entities only);
3. attribute each quotation (cue + speaker on either side, colon introductions);
4. find reported speech;
5. cluster speaker mentions, resolve pronouns, let cue-less quotations inherit;
6. class quotations as direct, partial or term;
7. score tone, and tone toward the people and organisations each quotation mentions.
Progress is reported per paragraph; cancellation is checked between paragraphs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from stance_reader import __version__
from stance_reader.core.analysis import (
    Analysis, Offsets, PipelineInfo, Quote, ReportedSpan, SourceInfo, Target, Tone)
from stance_reader.core.article import Article, is_separator
from stance_reader.core.attribution import Attribution, offsets_of
from stance_reader.core.quote_attribution import attribute_quote, introduction
from stance_reader.core.reported import find_reported
from stance_reader.core.cues import may_attribute
from stance_reader.core.mentions import Mention, entity_mentions
from stance_reader.core.nlp import pipe_bounded
from stance_reader.core.quotes import QuoteSpan, scan
from stance_reader.core.resolution import Resolver
from stance_reader.core.types import CancelToken, ProgressFn, no_progress

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TARGET_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Words before a capitalised quotation that make it a title ("on “Fox and Friends”").
TITLE_PRECEDERS = frozenset("on in to of at from the titled called named dubbed".split())
CONTRACTIONS = frozenset("it's that's he's she's there's here's what's who's let's where's "
                         "how's".split())
TITLE_SMALL_WORDS = frozenset("a an and the of with in on for to at by or".split())
NO_PARSE = ("parser",)


class ToneModel(Protocol):
    def score(self, text: str) -> Tone: ...
    def toward(self, text: str, start: int, end: int) -> Tone: ...


@dataclass(slots=True)
class _Item:
    """A quotation or reported sentence on its way to the Analysis."""

    start: int
    end: int
    paragraph: int
    attribution: Attribution | None
    span: QuoteSpan | None = None
    cluster: int | None = None
    source: Mention | None = None
    how: str = "none"


def _parse(nlp: Language, article: Article, quoted: set[int], progress: ProgressFn,
           cancel: CancelToken | None, batch_size: int) -> list[Doc]:
    """One Doc per paragraph; paragraphs without quotation or cue get entities only."""
    text = article.text
    paras = [text[p.start:p.end] for p in article.paragraphs]
    # Parse what can hold an attribution, and paragraphs ending in a colon: they may
    # introduce the quotation that follows ("Clinton released the following statement:").
    need = [i in quoted or may_attribute(p) or p.rstrip().endswith(":")
            for i, p in enumerate(paras)]
    docs: list[Any] = [None] * len(paras)
    full = [i for i, n in enumerate(need) if n]
    light = [i for i, n in enumerate(need) if not n]
    total = max(1, len(paras))
    done = 0
    disabled = [n for n in ("attribute_ruler",) if n in nlp.pipe_names]
    for indices, extra in ((full, []), (light, list(NO_PARSE))):
        off = [n for n in (*disabled, *extra) if n in nlp.pipe_names]
        for i, doc in zip(indices, pipe_bounded(nlp, (paras[i] for i in indices), disable=off,
                                                batch_size=batch_size)):
            docs[i] = doc
            done += 1
            if done % 8 == 0 or done == total:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                progress(0.05 + 0.8 * done / total, "parsing")
    return docs


def analyse(article: Article, *, nlp: Language | None = None,
            progress: ProgressFn | None = None, cancel: CancelToken | None = None,
            tone: ToneModel | None = None, model: str | None = None,
            batch_size: int = 256) -> Analysis:
    """Analyse an article. Raises Cancelled if `cancel` is set, ModelMissing without a model.

    `batch_size` is the number of paragraphs spaCy parses per call: large for throughput
    (the command line), small in the window so the GUI thread gets the interpreter often.
    """
    from stance_reader.core.nlp import load_pipeline, model_info

    progress = progress or no_progress
    progress(0.0, "loading language model")
    nlp = nlp or load_pipeline(model)
    if tone is None:
        from stance_reader.core.tone import ToneScorer
        tone = ToneScorer()
    text = article.text
    paragraphs = article.paragraphs
    spans = scan(text, paragraphs)
    # Top-level quotations, and those inside a quotation left open (an excerpt whose
    # paragraphs each reopen with a mark): their own speakers matter.
    open_parents = [s for s in spans if s.depth == 0 and not s.closed]
    top = [s for s in spans if s.end - s.start > 2 and (s.depth == 0 or (
        s.depth == 1 and any(p.start < s.start and s.end <= p.end for p in open_parents)))]
    by_para: dict[int, list[QuoteSpan]] = {}
    for s in top:
        by_para.setdefault(s.paragraph, []).append(s)
    progress(0.05, "parsing")
    docs = _parse(nlp, article, set(by_para), progress, cancel, batch_size)

    quotes: list[_Item] = []
    reported: list[_Item] = []
    intros: list[_Item] = []  # paragraphs that introduce the next one ("X said:")
    entities: list[Mention] = []
    for i, (para, doc) in enumerate(zip(paragraphs, docs)):
        pq = by_para.get(i, [])
        entities.extend(entity_mentions(doc, para.start, TARGET_LABELS))
        if not doc.has_annotation("DEP"):
            continue
        for q in pq:
            # A quotation nested in an open one looks for its cue inside its parent.
            others = [o for o in pq if o is q or not (o.start <= q.start and q.end <= o.end)]
            quotes.append(_Item(q.start, q.end, i, attribute_quote(doc, para.start, q, others), q))
        for r in find_reported(doc, para.start, i, pq):
            reported.append(_Item(r.start, r.end, i, r.attribution))
        intro = introduction(doc, para.start, pq)
        if intro is not None:
            intros.append(_Item(para.end, para.end, i, intro))
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.88, "speakers")
    sent_bounds = _sentence_bounds(docs, paragraphs, text)
    index = _cluster(quotes, reported, intros, entities, Resolver(sent_bounds, article.byline))
    _inherit(quotes, reported, intros, paragraphs, text)
    kinds = [_kind(text, q, docs[q.paragraph], paragraphs[q.paragraph]) for q in quotes]

    progress(0.92, "tone")
    used = [q.cluster for q, k in zip(quotes, kinds) if q.cluster is not None and k != "term"]
    used += [r.cluster for r in reported if r.cluster is not None]
    order = sorted(set(used), key=lambda c: min(m.start for m in index.entities[c].mentions))
    speakers, ids = index.speakers(order)
    entity_cluster = _entity_clusters(index, entities)

    out_quotes: list[Quote] = []
    for n, (qi, kind) in enumerate(zip(quotes, kinds), start=1):
        attributed = kind != "term" and qi.cluster is not None
        named = kind != "term" and qi.source is not None
        inner = qi.span.inner if qi.span else Offsets(qi.start, qi.end)
        out_quotes.append(Quote(
            id=f"q{n}", start=qi.start, end=qi.end, kind=kind,  # type: ignore[arg-type]
            speaker=ids.get(qi.cluster) if attributed and qi.cluster is not None else None,
            source=offsets_of(qi.source) if named else None,
            cue=qi.attribution.cue if qi.attribution and kind != "term" else None,
            tone=tone.score(text[inner.start:inner.end]),
            targets=_targets(text, inner, entities, entity_cluster, qi.source, ids, index,
                             sent_bounds, tone),
            paragraph=qi.paragraph, attribution=qi.how if attributed else "none"))
    out_reported: list[ReportedSpan] = []
    for n, ri in enumerate(reported, start=1):
        out_reported.append(ReportedSpan(
            id=f"r{n}", start=ri.start, end=ri.end,
            speaker=ids.get(ri.cluster) if ri.cluster is not None else None,
            source=offsets_of(ri.source), cue=ri.attribution.cue if ri.attribution else None,
            tone=tone.score(text[ri.start:ri.end]),
            targets=_targets(text, Offsets(ri.start, ri.end), entities, entity_cluster, ri.source,
                             ids, index, sent_bounds, tone),
            paragraph=ri.paragraph))
    model_name, model_version = model_info(nlp)
    progress(1.0, "done")
    return Analysis(
        text=text, title=article.title, byline=article.byline, date=article.date,
        source=SourceInfo(article.path, article.sha256, article.format),
        pipeline=PipelineInfo(model_name, model_version, __version__),
        paragraphs=tuple(paragraphs), quotes=tuple(out_quotes), reported=tuple(out_reported),
        speakers=speakers)


def _cluster(quotes: list[_Item], reported: list[_Item], intros: list[_Item],
             entities: list[Mention], index: Resolver) -> Resolver:
    """Feed every mention to the resolver in text order, resolving speakers on the way."""
    events: list[tuple[int, int, Any]] = [(m.start, 0, m) for m in entities]
    for item in (*quotes, *reported, *intros):
        mention = item.attribution.mention if item.attribution else None
        if mention is not None:
            events.append((mention.start, 1, item))
    events.sort(key=lambda e: (e[0], e[1]))
    for _, what, payload in events:
        if what == 0:
            index.observe(payload)
            continue
        target: _Item = payload
        mention = target.attribution.mention  # type: ignore[union-attr]
        assert mention is not None
        target.cluster = index.speaker(mention)
        how = "pronoun" if mention.kind == "pronoun" else "cue"
        # An unresolved pronoun or phrase still names the source in the text.
        target.source, target.how = mention, how
    return index


def _inherit(quotes: list[_Item], reported: list[_Item], intros: list[_Item],
             paragraphs: Sequence[Offsets], text: str) -> None:
    """Cue-less quotations take the speaker of their paragraph, or of the one before.

    Within a paragraph the nearest attributed quotation gives the speaker (before it, else
    after it). A paragraph that opens with a quotation and has no attribution of its own
    continues the last speaker of the nearest earlier paragraph with an attribution (a
    quotation, reported speech, or a colon introduction): multi-paragraph quotations and
    follow-up paragraphs made only of a quotation. Separator paragraphs (only
    punctuation: " .", "*", "—") are skipped, never counted as the previous paragraph.
    """
    def named(o: _Item) -> bool:  # a speaker, or at least the words that name one
        return o.cluster is not None or o.source is not None

    real = [i for i, p in enumerate(paragraphs) if not is_separator(text[p.start:p.end])]
    previous = {b: a for a, b in zip(real, real[1:])}
    last_by_para: dict[int, _Item] = {}
    for item in sorted((*quotes, *reported), key=lambda o: o.start):
        if named(item):
            last_by_para[item.paragraph] = item
    introducers = {item.paragraph: item for item in intros if named(item)}
    by_para: dict[int, list[_Item]] = {}
    for q in quotes:
        by_para.setdefault(q.paragraph, []).append(q)
    for q in quotes:
        if named(q) or (q.attribution is not None and q.attribution.cue
                        and q.attribution.mention is not None):
            continue
        same = [o for o in by_para[q.paragraph] if named(o) and o.how != "inherited"]
        donor = None
        before = [o for o in same if o.start < q.start]
        after = [o for o in same if o.start > q.start]
        prev = previous.get(q.paragraph)
        if before:
            donor = before[-1]
        elif after:
            donor = after[0]
        elif prev is not None and prev in introducers:
            donor = introducers[prev]
        elif prev is not None and (q.start == paragraphs[q.paragraph].start
                                   or (q.span and q.span.continued)):
            donor = last_by_para.get(prev)
        if donor is not None:
            q.cluster, q.source, q.how = donor.cluster, donor.source, "inherited"
            last_by_para.setdefault(q.paragraph, q)


def _kind(text: str, q: _Item, doc: Doc, para: Offsets) -> str:
    """direct: a quoted utterance; partial: a fragment in the writer's sentence; term: a
    name or scare quote nobody is reported as saying."""
    span = q.span
    assert span is not None
    inner = text[span.inner.start:span.inner.end].strip()
    words = inner.split()
    if span.continued or span.continues:
        return "direct"
    if not words:
        return "term"
    cue = q.attribution.cue if q.attribution is not None else None
    has_speaker = q.cluster is not None or q.source is not None
    before = text[para.start:q.start].rstrip()
    between = text[cue.end:q.start] if cue is not None and cue.end <= q.start else None
    # "He said, “…”", "Schumer tweeted: “…”", "he yelled “You lie!”": the quotation is
    # the whole of what the cue reports.
    introduced = between is not None and between.strip(" ,:\u00a0\n") == ""
    at_start = not before or before[-1] in ".!?:\"”’»―—" or introduced
    letters = [w for w in words if w[0].isalpha()]
    title_case = (len(words) <= 8 and letters
                  and sum(w[0].isupper() for w in letters) >= 0.75 * len(letters)
                  and not inner.endswith((".", "!", "?", ",")))
    # A capitalised title after a preposition or possessive names a show, a book or a
    # programme even when a cue is near: 'told MSNBC's “Morning Joe”'.
    titled = title_case or (len(words) <= 6 and letters and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words))
    prev_word = before.split()[-1].lower() if before.split() else ""
    possessive = prev_word.endswith(("’s", "'s")) and prev_word.replace(
        "’", "'") not in CONTRACTIONS
    if titled and len(letters) > 1 and (prev_word in TITLE_PRECEDERS or possessive):
        return "term"
    if title_case and len(letters) > 1 and not (cue is not None and has_speaker):
        return "term"  # "Orange Is the New Black", ‘Anti-Semitic Images’
    sentence_like = (inner[0].isupper() or inner[0].isdigit() or inner[0] in "…(['‘\"“") and (
        len(words) >= 4 or inner[-1:] in ".!?,…")
    if introduced and has_speaker:
        return "direct"
    if sentence_like and (at_start or len(words) >= 6):
        return "direct"
    if at_start and len(words) >= 3:
        return "direct"
    if cue is not None or (has_speaker and q.how != "inherited"):
        return "partial"
    return "term"


def _entity_clusters(index: Resolver, entities: list[Mention]) -> dict[tuple[int, int], int]:
    result: dict[tuple[int, int], int] = {}
    for ci, cluster in enumerate(index.entities):
        for m in cluster.mentions:
            result[(m.start, m.end)] = ci
    return result


_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def _sentence_bounds(docs: list[Doc], paragraphs: Sequence[Offsets], text: str) -> list[int]:
    """Sorted start offsets of every sentence (split by punctuation where not parsed)."""
    starts: list[int] = []
    for doc, para in zip(docs, paragraphs):
        if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
            starts.extend(s.start_char + para.start for s in doc.sents)
        else:
            starts.append(para.start)
            starts.extend(m.end() for m in _SENTENCE_BREAK.finditer(text, para.start, para.end))
    return starts


def _targets(text: str, inner: Offsets, entities: list[Mention],
             entity_cluster: dict[tuple[int, int], int], source: Mention | None,
             ids: dict[int, str], index: Resolver, sent_bounds: list[int],
             tone: ToneModel) -> tuple[Target, ...]:
    """People and organisations named inside a span, with the tone toward each."""
    found: list[Target] = []
    lo = bisect.bisect_left(entities, inner.start, key=lambda m: m.start)
    for m in entities[lo:]:
        if m.start >= inner.end:
            break
        if m.end > inner.end or (source is not None and m.start == source.start):
            continue
        ci = entity_cluster.get((m.start, m.end))
        name = index.entities[ci].name if ci is not None else m.text
        s_index = bisect.bisect_right(sent_bounds, m.start) - 1
        s_start = max(inner.start, sent_bounds[s_index] if s_index >= 0 else inner.start)
        s_end = inner.end
        if s_index + 1 < len(sent_bounds):
            s_end = min(s_end, max(sent_bounds[s_index + 1], m.end))
        sentence = text[s_start:s_end]
        found.append(Target(m.start, m.end, m.text, ids.get(ci) if ci is not None else None,
                            name, tone.toward(sentence, m.start - s_start, m.end - s_start)))
    return tuple(found)
