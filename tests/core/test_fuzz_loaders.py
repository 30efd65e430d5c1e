"""Bounded fuzzing of every loader (CI budget): mutated files of each format give an
article, an analysis or a typed refusal, never a crash. The long run is
scripts/fuzz_loaders.py (figures in docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import FORMATS, annotated_copies, load_any, mutate, seeds

BUDGET = settings(max_examples=60, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow,
                                         HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def seed_files(sample_analysis) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return seeds(annotated_copies(sample_analysis))


@pytest.mark.model
@pytest.mark.parametrize("kind", FORMATS)
def test_seed_files_load(kind: str, seed_files: dict[str, bytes], tmp_path: Path) -> None:
    assert load_any(kind, seed_files[kind], tmp_path) == "ok"


@pytest.mark.model
@pytest.mark.parametrize("kind", FORMATS)
def test_mutated_files_never_crash(kind: str, seed_files: dict[str, bytes],
                                   tmp_path: Path) -> None:
    @BUDGET
    @given(rnd=st.randoms(use_true_random=False))
    def run(rnd) -> None:  # type: ignore[no-untyped-def]
        outcome = load_any(kind, mutate(kind, seed_files[kind], rnd), tmp_path)
        assert outcome in ("ok", "refused"), outcome

    run()
