"""analyse(article) -> Analysis: the analysis as a series of small named steps over a draft.

The steps, in the order `STEPS` gives:
1. `scan_quotations`: quotation marks (characters only);
2. `parse_paragraphs`: spaCy's parse where an attribution can be (parsing.py);
3. `attribute`: each quotation's cue and speaker mention, reported speech, colon
   introductions, named entities (quote_attribution.py, reported.py, mentions.py);
4. `resolve_speakers`: mentions to entities: names, pronouns, descriptions (resolution.py);
5. `inherit_speakers`: cue-less quotations take their paragraph's speaker (inheritance.py);
6. `classify_quotations`: direct, partial or term (quote_kinds.py);
7. `name_speakers`: the voices, in order of first mention;
then `build` scores tone, and tone toward the people each quotation mentions (targets.py).
Progress is reported per paragraph; cancellation is checked between paragraphs and steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from stance_reader import __version__
from stance_reader.core.analysis import (
    Analysis, Offsets, PipelineInfo, Quote, ReportedSpan, SourceInfo)
from stance_reader.core.article import Article
from stance_reader.core.attribution import offsets_of
from stance_reader.core.authorship import writers
from stance_reader.core.draft import Draft, DraftItem, ToneModel
from stance_reader.core.inheritance import inherit_speakers
from stance_reader.core.mentions import entity_mentions
from stance_reader.core.parsing import parse_paragraphs
from stance_reader.core.quote_attribution import attribute_quote, introduction
from stance_reader.core.quote_kinds import classify_quotations
from stance_reader.core.quotes import scan
from stance_reader.core.reported import find_reported
from stance_reader.core.resolution import Resolver
from stance_reader.core.targets import entity_index, targets
from stance_reader.core.types import CancelToken, ProgressFn, no_progress

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["STEPS", "ToneModel", "analyse"]

TARGET_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def scan_quotations(draft: Draft) -> None:
    """Step: top-level quotations, and those inside a quotation left open (an excerpt whose
    paragraphs each reopen with a mark): their own speakers matter."""
    spans = scan(draft.text, draft.paragraphs)
    open_parents = [s for s in spans if s.depth == 0 and not s.closed]
    for s in spans:
        if s.end - s.start > 2 and (s.depth == 0 or (s.depth == 1 and any(
                p.start < s.start and s.end <= p.end for p in open_parents))):
            draft.quoted.setdefault(s.paragraph, []).append(s)


def attribute(draft: Draft) -> None:
    """Step: cue and speaker mention of every quotation, reported speech, introductions,
    and the named entities of every paragraph. Text that is not English (the cues and the
    model are English-only) keeps its quotations but gets no speakers guessed."""
    english = draft.article.language == "en"
    for i, (para, doc) in enumerate(zip(draft.paragraphs, draft.docs)):
        pq = draft.quoted.get(i, [])
        if not english:
            draft.quotes.extend(DraftItem(q.start, q.end, i, None, q) for q in pq)
            continue
        draft.entities.extend(entity_mentions(doc, para.start, TARGET_LABELS))
        if not doc.has_annotation("DEP"):
            continue
        for q in pq:
            # A quotation nested in an open one looks for its cue inside its parent.
            others = [o for o in pq if o is q or not (o.start <= q.start and q.end <= o.end)]
            draft.quotes.append(DraftItem(q.start, q.end, i,
                                          attribute_quote(doc, para.start, q, others), q))
        for r in find_reported(doc, para.start, i, pq):
            draft.reported.append(DraftItem(r.start, r.end, i, r.attribution))
        intro = introduction(doc, para.start, pq)
        if intro is not None:
            draft.intros.append(DraftItem(para.end, para.end, i, intro))
    draft.check_cancel()


def resolve_speakers(draft: Draft) -> None:
    """Step: every mention to the resolver in text order, speakers resolved on the way."""
    draft.progress(0.88, "speakers")
    quotations = [(q.start, q.end) for spans in draft.quoted.values() for q in spans
                  if q.depth == 0]
    draft.resolver = Resolver(draft.sentence_starts, draft.article.byline,
                              writers(draft.text, draft.paragraphs, draft.article.byline),
                              quotations)
    events: list[tuple[int, int, Any]] = [(m.start, 0, m) for m in draft.entities]
    for item in (*draft.quotes, *draft.reported, *draft.intros):
        mention = item.attribution.mention if item.attribution else None
        if mention is not None:
            events.append((mention.start, 1, item))
    events.sort(key=lambda e: (e[0], e[1]))
    for _, what, payload in events:
        if what == 0:
            draft.resolver.observe(payload)
            continue
        target: DraftItem = payload
        mention = target.attribution.mention  # type: ignore[union-attr]
        assert mention is not None
        target.entity = draft.resolver.speaker(mention)
        # An unresolved pronoun or phrase still names the source in the text.
        target.source = mention
        target.how = "pronoun" if mention.kind == "pronoun" else "cue"
    later = draft.resolver.link_later_names()
    for item in (*draft.quotes, *draft.reported, *draft.intros):
        if item.entity in later:
            item.entity = later[item.entity]


def name_speakers(draft: Draft) -> None:
    """Step: the entities that speak (a quotation that is not a term, or reported speech)
    become the voices, numbered in order of first mention."""
    used = [q.entity for q in draft.quotes if q.entity is not None and q.kind != "term"]
    used += [r.entity for r in draft.reported if r.entity is not None]
    entities = draft.resolver.entities
    order = sorted(set(used), key=lambda e: min(m.start for m in entities[e].mentions))
    draft.speakers, draft.ids = draft.resolver.speakers(order)


Step = Callable[[Draft], None]
STEPS: tuple[Step, ...] = (
    scan_quotations, parse_paragraphs, attribute, resolve_speakers, inherit_speakers,
    classify_quotations, name_speakers)


def analyse(article: Article, *, nlp: Language | None = None,
            progress: ProgressFn | None = None, cancel: CancelToken | None = None,
            tone: ToneModel | None = None, model: str | None = None,
            batch_size: int = 256) -> Analysis:
    """Analyse an article. Raises Cancelled if `cancel` is set, ModelMissing without a model.

    `batch_size` is the number of paragraphs spaCy parses per call: large for throughput
    (the command line), small in the window so the GUI thread gets the interpreter often.
    """
    from stance_reader.core.nlp import load_pipeline

    progress = progress or no_progress
    progress(0.0, "loading language model")
    nlp = nlp or load_pipeline(model)
    if tone is None:
        from stance_reader.core.tone import ToneScorer
        tone = ToneScorer()
    draft = Draft(article, nlp, tone, progress, cancel, batch_size)
    for step in STEPS:
        step(draft)
    draft.check_cancel()
    return build(draft)


def build(draft: Draft) -> Analysis:
    """The finished `Analysis`: quotations and reported spans with speakers, tone and the
    tone toward each person or organisation they mention."""
    from stance_reader.core.nlp import model_info

    draft.progress(0.92, "tone")
    text, tone, ids = draft.text, draft.tone, draft.ids
    entity_of = entity_index(draft)
    out_quotes: list[Quote] = []
    for n, qi in enumerate(draft.quotes, start=1):
        attributed = qi.kind != "term" and qi.entity is not None
        named = qi.kind != "term" and qi.source is not None
        inner = qi.span.inner if qi.span else Offsets(qi.start, qi.end)
        out_quotes.append(Quote(
            id=f"q{n}", start=qi.start, end=qi.end, kind=qi.kind,
            speaker=ids.get(qi.entity) if attributed and qi.entity is not None else None,
            source=offsets_of(qi.source) if named else None,
            cue=qi.attribution.cue if qi.attribution and qi.kind != "term" else None,
            tone=tone.score(text[inner.start:inner.end]),
            targets=targets(draft, inner, qi.source, entity_of),
            paragraph=qi.paragraph, attribution=qi.how if attributed else "none"))
    out_reported: list[ReportedSpan] = []
    for n, ri in enumerate(draft.reported, start=1):
        out_reported.append(ReportedSpan(
            id=f"r{n}", start=ri.start, end=ri.end,
            speaker=ids.get(ri.entity) if ri.entity is not None else None,
            source=offsets_of(ri.source), cue=ri.attribution.cue if ri.attribution else None,
            tone=tone.score(text[ri.start:ri.end]),
            targets=targets(draft, Offsets(ri.start, ri.end), ri.source, entity_of),
            paragraph=ri.paragraph))
    model_name, model_version = model_info(draft.nlp)
    article = draft.article
    draft.progress(1.0, "done")
    return Analysis(
        text=text, title=article.title, byline=article.byline, date=article.date,
        notices=article.notices, source=SourceInfo(article.path, article.sha256, article.format),
        pipeline=PipelineInfo(model_name, model_version, __version__),
        paragraphs=tuple(draft.paragraphs), quotes=tuple(out_quotes),
        reported=tuple(out_reported), speakers=draft.speakers)
