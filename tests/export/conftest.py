"""Fixtures for export tests: the sample analysis with one correction applied."""

from __future__ import annotations

import pytest

from stance_reader.core import corrections


@pytest.fixture(scope="module")
def corrected(sample_analysis):  # type: ignore[no-untyped-def]
    """The sample with a person's correction: the term is set to negative tone."""
    term = next(q for q in sample_analysis.quotes if q.kind == "term")
    return corrections.set_tone(sample_analysis, term.id, "negative", at="2026-11-25T10:00:00+00:00")
