"""Annotated copies are untrusted input: crafted ones are refused, clearly, by name.

Crafted files are generated here (tests/crafted.py), never committed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from stance_reader.core.analysis import Analysis
from stance_reader.core.analysis_check import AnalysisLimits, check_analysis_data
from stance_reader.errors import AnalysisFileError, AnnotatedCopyError
from stance_reader.documents.annotated import read_annotated
from tests.crafted import CRAFTED, TEXT, small_analysis, write_copy


@pytest.mark.parametrize("fmt", ["json", "html"])
@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_copy_is_refused_with_a_message_naming_it(name: str, fmt: str,
                                                           tmp_path: Path) -> None:
    copy = write_copy(tmp_path, name, CRAFTED[name], fmt)
    with pytest.raises(AnnotatedCopyError) as caught:
        read_annotated(copy)
    assert caught.value.path == str(copy)
    message = str(caught.value)
    assert "annotated copy" in message and len(message) < 400, message


def test_the_valid_original_of_the_crafted_copies_reopens(tmp_path: Path) -> None:
    analysis = small_analysis()
    for fmt in ("json", "html"):
        copy = write_copy(tmp_path, "valid", analysis.to_json(), fmt)
        back = read_annotated(copy)
        assert back is not None and back.with_changes(source=analysis.source) == analysis


def test_the_claimed_content_hash_is_never_used(tmp_path: Path) -> None:
    real = tmp_path / "article.txt"
    real.write_text("Taiwan's minister said the island would defend itself.", encoding="utf-8")
    claimed = hashlib.sha256(real.read_bytes()).hexdigest()
    crafted = small_analysis(sha256=claimed)
    copy = write_copy(tmp_path, "crafted", crafted.to_json(), "html")
    back = read_annotated(copy)
    assert back is not None
    assert back.source.sha256 == hashlib.sha256(crafted.text.encode()).hexdigest() != claimed


def test_a_reopened_copy_never_carries_a_non_finite_tone(tmp_path: Path) -> None:
    # 1e999 is valid JSON for infinity; NaN/Infinity are Python's extensions: all refused.
    for name in ("NaN tone", "Infinity tone", "1e999 tone"):
        with pytest.raises(AnnotatedCopyError, match="number"):
            read_annotated(write_copy(tmp_path, name, CRAFTED[name], "json"))


def test_counts_are_limited() -> None:
    data = small_analysis().to_dict()
    with pytest.raises(AnalysisFileError, match="at most 1 are accepted"):
        check_analysis_data(data, AnalysisLimits(items=1))
    with pytest.raises(AnalysisFileError, match="mentions"):
        check_analysis_data(data, AnalysisLimits(mentions=2))


def test_the_cache_and_json_readers_refuse_crafted_data_too() -> None:
    with pytest.raises(AnalysisFileError):
        Analysis.from_json(CRAFTED["NaN tone"])
    with pytest.raises(AnalysisFileError):
        Analysis.from_json(CRAFTED["deep nesting"])


def test_an_oversized_copy_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("stance_reader.documents.annotated.MAX_COPY_BYTES", 10_000)
    copy = write_copy(tmp_path, "big", small_analysis(text=TEXT + "x" * 20_000).to_json(), "html")
    with pytest.raises(AnnotatedCopyError, match="reopens copies up to"):
        read_annotated(copy)
