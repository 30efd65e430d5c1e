"""Shared fixtures: paths, the spaCy pipeline loaded once, an isolated user store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stance_reader.core.analysis import (
    Analysis, Cue, Offsets, PipelineInfo, Quote, ReportedSpan, SourceInfo, Speaker, Target, Tone)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLE = SEEDS / "taiwan-self-defense.txt"
SAMPLE_GOLD = SEEDS / "taiwan-self-defense.gold.json"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own settings/history folder (STANCE_READER_HOME)."""
    monkeypatch.setenv("STANCE_READER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from stance_reader.core.nlp import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def sample_analysis(nlp):  # type: ignore[no-untyped-def]
    from stance_reader.core.loaders import load
    from stance_reader.core.pipeline import analyse
    return analyse(load(SAMPLE), nlp=nlp)


# A small hand-made analysis: two speakers, quotes of known length and tone, a term,
# a reported span; no model needed.
SMALL_TEXT = ('Ann said "Bob will lose this fight today". Bob said "no". '
        'Ann added that Bob was wrong. A "term" here.')


def _at(part: str, after: int = 0) -> tuple[int, int]:
    start = SMALL_TEXT.index(part, after)
    return start, start + len(part)


@pytest.fixture
def small() -> Analysis:
    q1, q2 = _at('"Bob will lose this fight today"'), _at('"no"')
    bob_in_q1 = Target(*_at("Bob"), "Bob", "s2", "Bob", Tone(-0.03, "neutral"))
    second_said = _at("said", q1[1])
    return Analysis(
        text=SMALL_TEXT, title="Small", source=SourceInfo(None, "0" * 64, "txt"),
        pipeline=PipelineInfo("m", "1", "t"),
        quotes=(Quote("q1", *q1, "s1", Offsets(*_at("Ann")), Cue(*_at("said"), "said"),
                      Tone(0.6, "positive"), targets=(bob_in_q1,), kind="direct"),
                Quote("q2", *q2, "s2", None, Cue(*second_said, "said"),
                      Tone(-0.3, "negative"), kind="direct"),
                Quote("q3", *_at('"term"'), None, None, None, Tone(0.0, "neutral"), kind="term")),
        reported=(ReportedSpan("r1", *_at("Bob was wrong"), "s1", None,
                               Cue(*_at("added"), "added"), Tone(-0.04, "neutral")),),
        speakers=(Speaker("s1", "Ann", "person", mentions=(Offsets(*_at("Ann")),)),
                  Speaker("s2", "Bob", "person", mentions=(
                      Offsets(*_at("Bob")), Offsets(_at("Bob said")[0], _at("Bob said")[0] + 3)))),
        paragraphs=(Offsets(0, len(SMALL_TEXT)),))
