"""The analysis itself as JSON (schema `stance-reader/analysis`): the copy that reopens exactly."""

from __future__ import annotations

from stance_reader.core.analysis import Analysis


def to_bytes(analysis: Analysis) -> bytes:
    return (analysis.to_json() + "\n").encode("utf-8")
