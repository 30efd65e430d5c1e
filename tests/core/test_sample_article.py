"""The sample article against its hand-checked gold file (seeds/)."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import SAMPLE_GOLD

pytestmark = pytest.mark.model


def _norm(text: str | None) -> str:
    return re.sub(r"[’']", "'", text or "").strip().lower()


@pytest.fixture(scope="module")
def gold():  # type: ignore[no-untyped-def]
    return json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))


def _name(analysis, speaker_id):  # type: ignore[no-untyped-def]
    s = analysis.speaker_by_id(speaker_id)
    return s.name if s else None


def _accepted(gold, name: str) -> set[str]:  # type: ignore[no-untyped-def]
    info = gold["speakers"][name]
    names = {_norm(name)}
    if info["kind"] == "organisation":
        names |= {_norm(a) for a in info["aliases"]}
    return names


def test_every_quotation_span_and_kind(sample_analysis, gold) -> None:  # type: ignore[no-untyped-def]
    found = [(q.start, q.end, q.kind) for q in sample_analysis.quotes]
    assert found == [(g["start"], g["end"], g["kind"]) for g in gold["quotes"]]


def test_every_attributed_quotation_has_its_speaker(sample_analysis, gold) -> None:  # type: ignore[no-untyped-def]
    by_span = {(q.start, q.end): q for q in sample_analysis.quotes}
    for g in gold["quotes"]:
        q = by_span[(g["start"], g["end"])]
        if g["speaker"] is None:
            assert q.speaker is None, "the term “strategic ambiguity” has no speaker"
        else:
            assert _norm(_name(sample_analysis, q.speaker)) in _accepted(gold, g["speaker"]), g["text"]
            assert sample_analysis.speaker_by_id(q.speaker).kind == gold["speakers"][g["speaker"]]["kind"]


def test_reported_speech_with_speakers(sample_analysis, gold) -> None:  # type: ignore[no-untyped-def]
    hits = 0
    for g in gold["reported_speech"]:
        hits += any(r.start < g["end"] and g["start"] < r.end
                    and _norm(_name(sample_analysis, r.speaker)) in _accepted(gold, g["speaker"])
                    for r in sample_analysis.reported)
    assert hits >= 5


def test_hostile_quotations_are_negative(sample_analysis, gold) -> None:  # type: ignore[no-untyped-def]
    by_span = {(q.start, q.end): q for q in sample_analysis.quotes}
    for g in gold["quotes"]:
        if g.get("tone") == "negative":
            assert by_span[(g["start"], g["end"])].tone.label == "negative", g["text"]


def test_speakers_are_clustered_under_full_names(sample_analysis, gold) -> None:  # type: ignore[no-untyped-def]
    names = {_norm(s.name) for s in sample_analysis.speakers}
    for name, info in gold["speakers"].items():
        assert names & _accepted(gold, name), name
    chiu = next(s for s in sample_analysis.speakers if s.name == "Chiu Kuo-cheng")
    assert "Chiu" in chiu.aliases and len(chiu.mentions) >= 3


def test_same_input_same_analysis(nlp, sample_analysis) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.core.loaders import load
    from stance_reader.core.pipeline import analyse
    from tests.conftest import SAMPLE

    assert analyse(load(SAMPLE), nlp=nlp) == sample_analysis


def test_targets_carry_tone_toward_named_entities(sample_analysis) -> None:  # type: ignore[no-untyped-def]
    tan = next(q for q in sample_analysis.quotes if "delusory" in sample_analysis.text[q.start:q.end])
    names = {t.name for t in tan.targets}
    assert {"United States", "China", "Taiwan"} <= {n.replace("the ", "") for n in names}
    for t in tan.targets:
        assert tan.start <= t.start < t.end <= tan.end
        assert -1.0 <= t.tone.compound <= 1.0
