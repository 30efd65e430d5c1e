"""Who a quotation mentions, and the tone toward each (stance targets)."""

from __future__ import annotations

import bisect

from stance_reader.core.analysis import Offsets, Target
from stance_reader.core.draft import Draft
from stance_reader.core.mentions import Mention


def entity_index(draft: Draft) -> dict[tuple[int, int], int]:
    """Each resolved mention's (start, end) -> the index of its entity."""
    result: dict[tuple[int, int], int] = {}
    for ci, entity in enumerate(draft.resolver.entities):
        for m in entity.mentions:
            result[(m.start, m.end)] = ci
    return result


def targets(draft: Draft, inner: Offsets, source: Mention | None,
            entity_of: dict[tuple[int, int], int]) -> tuple[Target, ...]:
    """People and organisations named inside a span, with the tone toward each.

    `entity_of` maps a mention's (start, end) to its entity (see `entity_index`)."""
    text, entities, sent_bounds = draft.text, draft.entities, draft.sentence_starts
    ids, index, tone = draft.ids, draft.resolver, draft.tone
    found: list[Target] = []
    lo = bisect.bisect_left(entities, inner.start, key=lambda m: m.start)
    for m in entities[lo:]:
        if m.start >= inner.end:
            break
        if m.end > inner.end or (source is not None and m.start == source.start):
            continue
        ci = entity_of.get((m.start, m.end))
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
