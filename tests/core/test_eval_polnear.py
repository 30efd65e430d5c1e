"""Quotation and speaker figures on PolNeAR dev (skipped when the data is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EVAL

DEV = EVAL / "polnear_dev.jsonl"
@pytest.mark.eval
@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not DEV.exists(), reason="PolNeAR dev data not present")
def test_dev_figures_meet_the_bar() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "stance_reader.evaluate", "quotes", str(DEV), "--json"],
        capture_output=True, text=True, check=True, timeout=900)
    row = json.loads(out.stdout)[0]
    assert row["direct_f1"] >= 0.97
    assert row["recall_quoted"] >= 0.93
    assert row["recall_all"] >= 0.60
    assert row["speaker_accuracy"] >= 0.90


def test_bad_data_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "stance_reader.evaluate", "quotes", str(bad)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "bad.jsonl:1" in out.stderr and "Traceback" not in out.stderr
