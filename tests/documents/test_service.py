"""The documents service: one way from a path to what a person sees, Qt-free."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance_reader import export
from stance_reader.core import corrections
from stance_reader.documents import DocumentService
from stance_reader.store.history import History
from tests.conftest import SAMPLE

pytestmark = pytest.mark.model


@pytest.fixture
def history(tmp_path: Path):  # type: ignore[no-untyped-def]
    h = History.open(tmp_path / "history.sqlite3")
    yield h
    h.close()


def test_stored_corrections_are_replayed_unless_left_out(history, sample_analysis) -> None:  # type: ignore[no-untyped-def]
    term = next(q for q in sample_analysis.quotes if q.kind == "term")
    tan = next(s for s in sample_analysis.speakers if s.name == "Tan Kefei")
    fixed = corrections.set_speaker(sample_analysis, term.id, tan.id)
    history.cache_put(sample_analysis)
    DocumentService(history).add_correction(fixed, fixed.corrections[-1])
    service = DocumentService(history, record_opens=False)
    opened = service.open(SAMPLE)
    assert opened.quote_by_id(term.id).speaker == tan.id
    assert [c.field for c in opened.corrections] == ["speaker"]
    plain = service.open(SAMPLE, corrections=False)
    assert plain.quote_by_id(term.id).speaker == term.speaker and not plain.corrections
    assert history.get(sample_analysis.source.sha256) is None  # no open recorded


def test_second_open_comes_from_the_cache_under_one_key(history, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    service = DocumentService(history)
    first = service.open(SAMPLE)
    copy = tmp_path / "moved.txt"
    copy.write_bytes(SAMPLE.read_bytes())

    def no_analysis(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("analysed again instead of using the cache")
    monkeypatch.setattr("stance_reader.core.pipeline.analyse", no_analysis)
    again = service.open(copy)
    assert again.quotes == first.quotes and again.source.path == str(copy.resolve())
    assert history.get(first.source.sha256).times_opened == 2


def test_an_annotated_copy_opens_as_its_analysis(history, sample_analysis, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    term = next(q for q in sample_analysis.quotes if q.kind == "term")
    fixed = corrections.remove_quote(sample_analysis, term.id)
    out = export.write(fixed, "html", tmp_path / "copy.html")
    monkeypatch.setattr("stance_reader.core.pipeline.analyse", None)  # never analysed
    opened = DocumentService(history).open(out)
    assert opened.quote_by_id(term.id) is None and opened.corrections == fixed.corrections


def test_thresholds_are_the_persons(history) -> None:  # type: ignore[no-untyped-def]
    strict = DocumentService(history, thresholds=(0.99, -0.99)).open(SAMPLE)
    assert all(q.tone.label == "neutral" for q in strict.quotes if abs(q.tone.compound) < 0.99)
    assert any(q.tone.label != "neutral" for q in DocumentService(history).open(SAMPLE).quotes)


def test_cli_annotate_carries_window_corrections(sample_analysis, capsysbinary) -> None:  # type: ignore[no-untyped-def]
    """Written to the person's own history (as the window does), read by `annotate`."""
    from stance_reader.cli import main
    from stance_reader.store.history import open_history
    from stance_reader.store.paths import user_paths

    history, _ = open_history(user_paths().history_db)
    term = next(q for q in sample_analysis.quotes if q.kind == "term")
    fixed = corrections.set_tone(sample_analysis, term.id, "positive")
    DocumentService(history).add_correction(fixed, fixed.corrections[-1])
    history.close()
    assert main(["annotate", str(SAMPLE), "-f", "json", "-o", "-"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert [c["field"] for c in data["corrections"]] == ["tone"]
    assert main(["annotate", str(SAMPLE), "-f", "json", "-o", "-", "--no-corrections"]) == 0
    assert json.loads(capsysbinary.readouterr().out)["corrections"] == []
