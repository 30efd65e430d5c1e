"""The Analysis model: exact JSON round trips, clear refusals, corrections."""

from __future__ import annotations

import json

import pytest

from stance_reader.core import corrections
from stance_reader.core.analysis import (
    SCHEMA, SCHEMA_VERSION, Analysis, Cue, Offsets, PipelineInfo, Quote, ReportedSpan,
    SourceInfo, Speaker, Target, Tone)
from stance_reader.errors import AnalysisFileError


def small_analysis() -> Analysis:
    text = "“We will win,” Ann Lee said. Bob Stone told reporters that it was over."
    return Analysis(
        text=text, title="T", byline="B", date="2024-01-01",
        source=SourceInfo("/x/a.txt", "ab" * 32, "txt"),
        pipeline=PipelineInfo("en_core_web_sm", "3.8.0", "0.1.0"),
        paragraphs=(Offsets(0, len(text)),),
        quotes=(Quote("q1", 0, 14, "s1", Offsets(15, 22), Cue(23, 27, "said"),
                      Tone(0.59, "positive"),
                      (Target(29, 38, "Bob Stone", "s2", "Bob Stone", Tone(-0.2, "negative")),),
                      0, kind="direct", attribution="cue"),),
        reported=(ReportedSpan("r1", 56, 70, "s2", Offsets(29, 38), Cue(39, 43, "told"),
                               Tone(0.0, "neutral")),),
        speakers=(Speaker("s1", "Ann Lee", "person", ("Lee",), (Offsets(15, 22),)),
                  Speaker("s2", "Bob Stone", "person", (), (Offsets(29, 38),))))


def test_json_round_trip_is_exact() -> None:
    a = small_analysis()
    data = json.loads(a.to_json())
    assert data["schema"] == SCHEMA and data["schema_version"] == SCHEMA_VERSION
    for key in ("schema", "text", "title", "source", "pipeline", "quotes", "reported", "speakers"):
        assert key in data
    assert Analysis.from_json(a.to_json()) == a


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(schema="other"), "not a Stance Reader analysis"),
    (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "not supported"),
    (lambda d: d["quotes"][0].update(kind="shout"), "kind is .shout.; expected one of"),
    (lambda d: d["quotes"][0].update(end=10_000), "must lie between 0 and"),
    (lambda d: d.pop("source"), "malformed"),
])
def test_bad_analysis_files_are_refused_clearly(mutate, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(small_analysis().to_json())
    mutate(data)
    with pytest.raises(AnalysisFileError, match=message):
        Analysis.from_dict(data)


def test_not_json_is_refused() -> None:
    with pytest.raises(AnalysisFileError, match="not valid JSON"):
        Analysis.from_json("{nope")


def test_corrections_apply_record_and_replay() -> None:
    a = small_analysis()
    b, new_id = corrections.add_speaker(a, "Carla Diaz")
    b = corrections.set_speaker(b, "q1", new_id)
    b = corrections.set_tone(b, "q1", "negative")
    assert b.quote_by_id("q1").speaker == new_id  # type: ignore[union-attr]
    assert b.quote_by_id("q1").attribution == "person"  # type: ignore[union-attr]
    assert [c.field for c in b.corrections] == ["speaker_new", "speaker", "tone"]
    assert all(c.by == "person" for c in b.corrections)
    again = corrections.replay(a, b.corrections)
    assert again.quotes == b.quotes and again.speakers == b.speakers
    assert Analysis.from_json(b.to_json()) == b
    c = corrections.remove_quote(b, "q1")
    assert c.quote_by_id("q1") is None and c.corrections[-1].field == "removed"


# A version-1 file as earlier versions wrote it: a quote's keys in the file's order, a
# reported span without the keys added later (targets, paragraph).
OLD_FILE = {
    "schema": SCHEMA, "schema_version": 1, "title": None, "byline": None, "date": None,
    "source": {"path": None, "sha256": "ab" * 32, "format": "txt"},
    "pipeline": {"model": "m", "model_version": "1", "project_version": "0.0.1"},
    "text": "“Go,” Ann said. Ann told us that it was over.",
    "paragraphs": [{"start": 0, "end": 45}],
    "quotes": [{"id": "q1", "start": 0, "end": 5, "kind": "direct", "speaker": "s1",
                "source": {"start": 6, "end": 9}, "cue": {"start": 10, "end": 14, "text": "said"},
                "tone": {"compound": 0.0, "label": "neutral"}, "targets": [], "paragraph": 0,
                "attribution": "cue"}],
    "reported": [{"id": "r1", "start": 16, "end": 45, "speaker": "s1", "source": None,
                  "cue": {"start": 20, "end": 24, "text": "told"},
                  "tone": {"compound": -0.2, "label": "negative"}}],
    "speakers": [{"id": "s1", "name": "Ann", "kind": "person", "aliases": [],
                  "mentions": [{"start": 6, "end": 9}]}],
    "corrections": [],
}


def test_an_older_file_loads_and_is_written_back_in_the_same_shape() -> None:
    a = Analysis.from_dict(json.loads(json.dumps(OLD_FILE)))
    q, r = a.quotes[0], a.reported[0]
    assert (q.kind, q.speaker, q.cue, q.attribution) == ("direct", "s1", Cue(10, 14, "said"), "cue")
    assert (r.speaker, r.tone, r.targets, r.paragraph) == ("s1", Tone(-0.2, "negative"), (), 0)
    written = json.loads(a.to_json())
    assert list(written["quotes"][0].items()) == list(OLD_FILE["quotes"][0].items())  # type: ignore[index]
    assert written["reported"][0] == {**OLD_FILE["reported"][0], "targets": [], "paragraph": 0}  # type: ignore[index]
