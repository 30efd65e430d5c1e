"""Step: cue-less quotations take the speaker of their paragraph, or of the one before."""

from __future__ import annotations

from stance_reader.core.article import is_separator
from stance_reader.core.draft import Draft, DraftItem


def inherit_speakers(draft: Draft) -> None:
    """Cue-less quotations take the speaker of their paragraph, or of the one before.

    Within a paragraph the nearest attributed quotation gives the speaker (before it, else
    after it). A paragraph that opens with a quotation and has no attribution of its own
    continues the last speaker of the nearest earlier paragraph with an attribution (a
    quotation, reported speech, or a colon introduction): multi-paragraph quotations and
    follow-up paragraphs made only of a quotation. Separator paragraphs (only
    punctuation: " .", "*", "—") are skipped, never counted as the previous paragraph.
    """
    quotes, reported, intros = draft.quotes, draft.reported, draft.intros
    paragraphs, text = draft.paragraphs, draft.text
    real = [i for i, p in enumerate(paragraphs) if not is_separator(text[p.start:p.end])]
    previous = {b: a for a, b in zip(real, real[1:])}
    last_by_para: dict[int, DraftItem] = {}
    for item in sorted((*quotes, *reported), key=lambda o: o.start):
        if item.named:
            last_by_para[item.paragraph] = item
    introducers = {item.paragraph: item for item in intros if item.named}
    by_para: dict[int, list[DraftItem]] = {}
    for q in quotes:
        by_para.setdefault(q.paragraph, []).append(q)
    for q in quotes:
        if q.named or (q.attribution is not None and q.attribution.cue
                        and q.attribution.mention is not None):
            continue
        same = [o for o in by_para[q.paragraph] if o.named and o.how != "inherited"]
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
            q.entity, q.source, q.how = donor.entity, donor.source, "inherited"
            last_by_para.setdefault(q.paragraph, q)
