"""Attribution on real parses: cue and speaker on either side of the quotation."""

from __future__ import annotations

import pytest

from stance_reader.core.analysis import Analysis
from stance_reader.core.article import Article, split_paragraphs
from stance_reader.core.pipeline import analyse

pytestmark = pytest.mark.model


def run(nlp, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    return analyse(Article(text, split_paragraphs(text), "txt", "0" * 64), nlp=nlp)


def speaker_of(a: Analysis, item) -> str | None:  # type: ignore[no-untyped-def]
    s = a.speaker_by_id(item.speaker)
    return s.name if s else None


@pytest.mark.parametrize("text, speaker, cue, kind", [
    ("“We will not back down,” Maria Lopez said on Friday.", "Maria Lopez", "said", "direct"),
    ("Maria Lopez said: “We will not back down.”", "Maria Lopez", "said", "direct"),
    ("“We will not back down,” said Maria Lopez, the union’s leader.", "Maria Lopez", "said", "direct"),
    ("Taiwan’s defense minister, Chiu Kuo-cheng, told reporters: “We are ready.”",
     "Chiu Kuo-cheng", "told", "direct"),
    ("The plan is “dead on arrival,” according to Senator Ann Kerr.", "Ann Kerr", "according to", "partial"),
    ("Former mayor Tom Hale described the deal as “a disaster.”", "Tom Hale", "described", "partial"),
    ("“Does anybody know the platform?” Graham asked. “Neither do I.”", "Graham", "asked", "direct"),
    ("“He represents our greatest shame.” ― Sonya Herridge", "Sonya Herridge", "―", "direct"),
    ("The Foreign Ministry issued a statement, stating that it is \"firmly opposed to any move.\"",
     "Foreign Ministry", "stating", "partial"),
])
def test_quote_speaker_and_cue(nlp, text, speaker, cue, kind) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, text)
    q = a.quotes[0]
    assert (speaker_of(a, q), q.cue.text if q.cue else None, q.kind) == (speaker, cue, kind)
    src = q.source
    assert src is not None and speaker.split()[-1] in a.text[src.start:src.end]


def test_following_quote_and_paragraph_inherit_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“The country must rely on itself,” Chiu said. “However, we cannot rely on it.”\n\n"
            "“We are ready for anything, and we will be.”\n\nThe weather was fine.")
    a = run(nlp, text)
    assert [speaker_of(a, q) for q in a.quotes] == ["Chiu"] * 3
    assert [q.attribution for q in a.quotes] == ["cue", "inherited", "inherited"]


def test_pronoun_resolves_to_the_last_named_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tsai Ing-wen spoke to reporters on Thursday in Taipei.\n\n"
            "“We will defend our democracy,” she said.")
    a = run(nlp, text)
    assert speaker_of(a, a.quotes[0]) == "Tsai Ing-wen"
    assert a.quotes[0].attribution == "pronoun"
    assert a.text[a.quotes[0].source.start:a.quotes[0].source.end] == "she"  # type: ignore[union-attr]


def test_scare_quote_without_speaker_is_a_term(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "The country has a policy of “strategic ambiguity” with its neighbour.")
    assert (a.quotes[0].kind, a.quotes[0].speaker) == ("term", None)


@pytest.mark.parametrize("text, speaker, cue", [
    ("Tsai also stated that a small number of troops are on the island.", "Tsai", "stated"),
    ("The economy will shrink next year, according to the Central Bank.", "Central Bank", "according to"),
    ("Joe Biden told the AP that the US was committed to the island.", "Joe Biden", "told"),
    ("Senator Ann Kerr, who said the vote was rigged, left early.", "Ann Kerr", "said"),
])
def test_reported_speech(nlp, text, speaker, cue) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, text)
    assert a.quotes == ()
    r = a.reported[0]
    assert speaker in speaker_of(a, r)  # type: ignore[operator]
    assert r.cue is not None and r.cue.text == cue


def test_direct_quote_sentence_is_not_also_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "“We are leaving,” Ann Kerr said.")
    assert a.reported == ()


def test_hyphenated_names_stay_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    a = run(nlp, "Chiu Kuo-cheng told the AP that the island was ready.")
    assert [s.name for s in a.speakers] == ["Chiu Kuo-cheng"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["“", "”", '"', "'", "‘", "’", " said ", " told ", "according to ", "Ann Lee", "he",
          ", ", ". ", "\n\n", "\n", ":", "—", "The minister", " that ", "«", "»", "x", "We"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40))
def test_any_text_analyses_within_bounds(nlp, pieces) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces)
    if not text.strip():
        return
    a = run(nlp, text)
    ids = {s.id for s in a.speakers}
    for item in (*a.quotes, *a.reported):
        assert 0 <= item.start < item.end <= len(text)
        assert item.speaker is None or item.speaker in ids
        if item.source:
            assert 0 <= item.source.start < item.source.end <= len(text)
    for s in a.speakers:
        assert s.name.strip()
    assert run(nlp, text) == a
