"""Bounded fuzzing of every export over generated analyses (hypothesis), for CI.

A fixed, derandomised budget per format (a few seconds each); the long run on demand is
`scripts/fuzz_exports.py`, its figures in docs/reliability.md.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from stance_reader.core.analysis import Analysis
from tests.export.analyses import analyses, export_checked

# Examples per format: PDF goes through Qt's layout and painting, the slowest.
BUDGET = {"json": 30, "webannotation": 30, "html": 30, "docx": 15, "pdf": 8}


@pytest.mark.parametrize("fmt", sorted(BUDGET))
def test_every_export_of_any_analysis_is_whole(fmt: str) -> None:
    @settings(max_examples=BUDGET[fmt], derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(analyses())
    def check(analysis: Analysis) -> None:
        export_checked(analysis, fmt)

    check()
