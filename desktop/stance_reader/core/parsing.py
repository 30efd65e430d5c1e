"""Step: spaCy's parse of the paragraphs that can hold an attribution.

Paragraphs with a quotation mark or a possible cue word (or ending in a colon: they may
introduce the next) get the full parse, lemmatizer off; the others get entities only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

from stance_reader.core.analysis import Offsets
from stance_reader.core.article import Article
from stance_reader.core.cues import may_attribute
from stance_reader.core.draft import Draft
from stance_reader.core.nlp import pipe_bounded
from stance_reader.core.types import CancelToken, ProgressFn

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NO_PARSE = ("parser",)


def parse_paragraphs(draft: Draft) -> None:
    """Step: one Doc per paragraph; see the module docstring for which get a full parse."""
    draft.progress(0.05, "parsing")
    draft.docs = _parse(draft.nlp, draft.article, set(draft.quoted), draft.progress,
                        draft.cancel, draft.batch_size)
    draft.sentence_starts = sentence_starts(draft.docs, draft.paragraphs, draft.text)


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


_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def sentence_starts(docs: list[Doc], paragraphs: Sequence[Offsets], text: str) -> list[int]:
    """Sorted start offsets of every sentence (split by punctuation where not parsed)."""
    starts: list[int] = []
    for doc, para in zip(docs, paragraphs):
        if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
            starts.extend(s.start_char + para.start for s in doc.sents)
        else:
            starts.append(para.start)
            starts.extend(m.end() for m in _SENTENCE_BREAK.finditer(text, para.start, para.end))
    return starts
