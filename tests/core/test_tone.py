"""Tone for news: quotations, tone toward targets, the held-out margin over VADER."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from stance_reader.core.tone import ToneScorer, label_for, plain_vader_tone
from tests.conftest import EVAL

TONE_DATA = EVAL / "tone" / "newsmtsc_train.jsonl"


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return ToneScorer()


@pytest.mark.parametrize("text, label", [
    ("If the United States persists in its delusory belief that Taiwan can be used to "
     "constrain China…China will decisively resist and fight back", "negative"),
    ("firmly opposed to any type of.", "negative"),
    ("This is a disgusting, rigged process run by corrupt officials.", "negative"),
    ("We are grateful for the strong support and friendship of our allies.", "positive"),
    ("The committee will meet on Tuesday at ten.", "neutral"),
])
def test_quotation_tone(scorer: ToneScorer, text: str, label: str) -> None:
    assert scorer.score(text).label == label


def test_news_language_that_plain_vader_misses(scorer: ToneScorer) -> None:
    text = "firmly opposed to any type of."
    assert plain_vader_tone(text).label == "neutral"
    assert scorer.score(text).label == "negative"


@pytest.mark.parametrize("text, start, end, label", [
    ("The senator praised Jones for her courage.", 21, 26, "positive"),
    ("The senator condemned Jones for her lies.", 23, 28, "negative"),
    ("Jones was accused of fraud.", 0, 5, "negative"),
])
def test_tone_toward_a_target(scorer: ToneScorer, text: str, start: int, end: int,
                              label: str) -> None:
    assert scorer.toward(text, start, end).label == label


def test_scores_are_bounded_labelled_consistently_and_deterministic(scorer: ToneScorer) -> None:
    for text in ("", "   ", "Great!!!", "Terrible, awful, horrible.", "x" * 5000):
        tone = scorer.score(text)
        assert -1.0 <= tone.compound <= 1.0
        assert tone.label == label_for(tone.compound)
        assert scorer.score(text) == tone
    assert scorer.toward("abc", 5, 2).label == "neutral"  # bad offsets: neutral, no crash


@pytest.mark.eval
@pytest.mark.skipif(not TONE_DATA.exists(), reason="NewsMTSC data not present")
def test_held_out_margin_over_plain_vader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    preds = tmp_path / "p.jsonl"
    out = subprocess.run([sys.executable, "-m", "stance_reader.evaluate", "tone", str(TONE_DATA),
                          "--held-out", "--json", "--predictions", str(preds)],
                         capture_output=True, text=True, check=True, timeout=600)
    ours, vader = json.loads(out.stdout)
    assert ours["macro_f1"] - vader["macro_f1"] >= 0.08
    rows = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert rows and set(rows[0]) == {"id", "label", "compound"}


def test_bad_tone_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "target": {"start": 0, "end": 9}}\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "stance_reader.evaluate", "tone", str(bad)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "bad.jsonl:1" in out.stderr
