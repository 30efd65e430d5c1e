"""Shared fixtures: paths, the spaCy pipeline loaded once, an isolated user store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
