"""Direct, partial or term: what kind of quotation a quoted span is.

direct: a quoted utterance; partial: a fragment in the writer's sentence; term: a name or
scare quote nobody is reported as saying. Thresholds are named here, measured on PolNeAR
train and the sample article.
"""

from __future__ import annotations

import re

from stance_reader.core.analysis import Offsets, QuoteKind
from stance_reader.core.draft import Draft, DraftItem

TITLE_MAX_WORDS = 8  # "Orange Is the New Black": a title is short ...
TITLE_CAPITALISED_SHARE = 0.75  # ... and mostly capitalised
SHOW_TITLE_MAX_WORDS = 6  # "Fox and Friends" after "on": every word capitalised or small
SENTENCE_MIN_WORDS = 4  # a capitalised quotation this long reads as a sentence
LONG_QUOTE_WORDS = 6  # a sentence-like quotation this long is direct wherever it stands
OPENING_QUOTE_WORDS = 3  # a quotation opening its sentence with this many words is direct
# Words before a capitalised quotation that make it a title ("on “Fox and Friends”").
TITLE_PRECEDERS = frozenset("on in to of at from the titled called named dubbed".split())
CONTRACTIONS = frozenset("it's that's he's she's there's here's what's who's let's where's "
                         "how's".split())
TITLE_SMALL_WORDS = frozenset("a an and the of with in on for to at by or".split())
# Words that may follow a quotation in running text ('shouted “Lock Her Up” at the
# rally', '“Enough,” he said'): after anything else a capitalised quotation is a name.
WORDS_AFTER_A_QUOTATION = TITLE_SMALL_WORDS | frozenset((
    "as from during after before while when because but since into outside inside over "
    "until then and so again too he she they it we i you said says say told asked added "
    "wrote according repeatedly".split()))


def quote_kind(text: str, q: DraftItem, para: Offsets) -> QuoteKind:
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
    has_speaker = q.named
    before = text[para.start:q.start].rstrip()
    between = text[cue.end:q.start] if cue is not None and cue.end <= q.start else None
    # "He said, “…”", "Schumer tweeted: “…”", "he yelled “You lie!”": the quotation is
    # the whole of what the cue reports.
    introduced = between is not None and between.strip(" ,:\u00a0\n") == ""
    at_start = not before or before[-1] in ".!?:\"”’»―—" or introduced
    letters = [w for w in words if w[0].isalpha()]
    title_case = bool(len(words) <= TITLE_MAX_WORDS and letters
                  and sum(w[0].isupper() for w in letters) >= TITLE_CAPITALISED_SHARE * len(letters)
                  and not inner.endswith((".", "!", "?", ",")))
    # A capitalised title after a preposition or possessive names a show, a book or a
    # programme even when a cue is near: 'told MSNBC's “Morning Joe”'.
    titled = title_case or bool(len(words) <= SHOW_TITLE_MAX_WORDS and letters and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words))
    prev_word = before.split()[-1].lower() if before.split() else ""
    possessive = prev_word.endswith(("’s", "'s")) and prev_word.replace(
        "’", "'") not in CONTRACTIONS
    if titled and len(letters) > 1 and (prev_word in TITLE_PRECEDERS or possessive):
        return "term"
    if title_case and len(letters) > 1 and not (cue is not None and has_speaker):
        return "term"  # "Orange Is the New Black", ‘Anti-Semitic Images’
    following = re.match(r"[ \u00a0]*([A-Za-z][\w-]*)", text[q.end:q.end + 40])
    if title_case and len(letters) > 1 and following is not None \
            and following.group(1).lower() not in WORDS_AFTER_A_QUOTATION:
        return "term"  # 'told “CBS This Morning” co-host Gayle King': a name in the sentence
    sentence_like = (inner[0].isupper() or inner[0].isdigit() or inner[0] in "…(['‘\"“") and (
        len(words) >= SENTENCE_MIN_WORDS or inner[-1:] in ".!?,…")
    if introduced and has_speaker:
        return "direct"
    if sentence_like and (at_start or len(words) >= LONG_QUOTE_WORDS):
        return "direct"
    if at_start and len(words) >= OPENING_QUOTE_WORDS:
        return "direct"
    if cue is not None or (has_speaker and q.how != "inherited"):
        return "partial"
    return "term"


def classify_quotations(draft: Draft) -> None:
    """Step: the kind of every quotation."""
    for q in draft.quotes:
        q.kind = quote_kind(draft.text, q, draft.paragraphs[q.paragraph])
