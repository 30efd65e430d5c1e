"""Batch `annotate`: existing outputs skipped before any analysis, progress, summary, --quiet."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stance_reader import batch
from tests.conftest import SAMPLE

CLI = [sys.executable, "-m", "stance_reader"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)


def _inputs(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"a{i:04d}.txt"
        shutil.copy(SAMPLE, p)
        paths.append(str(p))
    return paths


@pytest.mark.model
@pytest.mark.slow
def test_a_rerun_skips_finished_files_before_analysing_or_loading_the_model(tmp_path: Path) -> None:
    files = _inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    t0 = time.monotonic()
    first = run("annotate", "--format", "json", "--output-dir", str(out), *files)
    first_s = time.monotonic() - t0
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == "6 files: 6 written, 0 skipped, 0 failed"  # nothing else
    assert sorted(p.name for p in out.iterdir()) == [f"a{i:04d}.json" for i in range(6)]
    stamps = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    t0 = time.monotonic()
    # A model that does not exist: the rerun never loads one, so it cannot fail on it.
    again = run("annotate", "--format", "json", "--output-dir", str(out), "--model",
                "no_such_model", *files)
    again_s = time.monotonic() - t0
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines() == [
        "6 files: 0 written, 6 skipped, 0 failed (existing outputs kept; --force replaces them)"]
    assert "or confirm" not in again.stderr
    assert again_s < first_s / 2, (again_s, first_s)
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


@pytest.mark.model
def test_some_outputs_exist_the_rest_are_written_and_counted(tmp_path: Path) -> None:
    files = _inputs(tmp_path / "in", 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a0001.json").write_text("kept", encoding="utf-8")
    res = run("annotate", "--output-dir", str(out), *files, str(tmp_path / "gone.txt"))
    assert res.returncode == 1  # one failed: the exit code says so
    lines = res.stderr.strip().splitlines()
    assert "gone.txt" in lines[0] and "does not exist" in lines[0]
    assert lines[-1].startswith("4 files: 2 written, 1 skipped, 1 failed")
    assert (out / "a0001.json").read_text(encoding="utf-8") == "kept"


@pytest.mark.model
def test_quiet_keeps_only_failures(tmp_path: Path) -> None:
    files = _inputs(tmp_path / "in", 2)
    ok = run("annotate", "--quiet", "--output-dir", str(tmp_path / "out"), *files)
    assert ok.returncode == 0 and ok.stderr == ""
    bad = run("annotate", "-q", "--output-dir", str(tmp_path / "out2"), str(tmp_path / "gone.txt"))
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "gone.txt" in bad.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_plain_lines_otherwise(tmp_path: Path) -> None:
    """Unit level, no model: the bar counts files and estimates the time left."""
    items = [batch.BatchItem(tmp_path / f"s{i}.txt", tmp_path / f"s{i}.json") for i in range(4)]
    (tmp_path / "s0.json").write_text("done", encoding="utf-8")
    prepared: list[int] = []

    def prepare(sources):  # type: ignore[no-untyped-def]
        prepared.append(1)
        return lambda src: src.name

    def emit(analysis, target) -> None:  # type: ignore[no-untyped-def]
        if analysis == "s2.txt":
            from stance_reader.errors import CorruptDocument
            raise CorruptDocument("s2.txt is not readable")
        target.write_text(analysis, encoding="utf-8")

    term = _Terminal()
    progress = batch.make_progress(len(items), quiet=False, verbose=False, stream=term)
    assert isinstance(progress, batch.TerminalProgress)
    summary = batch.run(items, prepare=prepare, emit=emit, force=False, progress=progress,
                        prog="stance-reader")
    assert summary.line == "4 files: 2 written, 1 skipped, 1 failed"
    assert "4/4" in term.getvalue() and "<" in term.getvalue()  # count and time left
    assert prepared == [1]
    plain = io.StringIO()
    progress = batch.make_progress(3, quiet=False, verbose=True, stream=plain)
    assert isinstance(progress, batch.PlainProgress)
    summary = batch.run(items[:3], prepare=prepare, emit=emit, force=False, progress=progress,
                        prog="stance-reader")
    assert summary.line == "3 files: 0 written, 2 skipped, 1 failed"
    assert "[1/3]" in plain.getvalue() and "skipped" in plain.getvalue()


def test_nothing_to_do_never_prepares(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text("{}", encoding="utf-8")

    def prepare(sources):  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not load when every output exists")

    progress = batch.make_progress(1, quiet=True, verbose=False, stream=io.StringIO())
    summary = batch.run([batch.BatchItem(tmp_path / "x.txt", target)], prepare=prepare,
                        emit=lambda a, t: None, force=False, progress=progress, prog="x")
    assert (summary.written, summary.skipped, summary.failed) == (0, 1, 0)


@pytest.mark.model
def test_inputs_sharing_a_stem_get_distinct_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "taiwan.txt").write_text("“We will win,” Ann Lee said.", encoding="utf-8")
    (folder / "taiwan.md").write_text("# Taiwan\n\n“We will lose,” Bob Stone said.", encoding="utf-8")
    out = tmp_path / "out"
    res = run("annotate", "--output-dir", str(out), str(folder / "taiwan.txt"),
              str(folder / "taiwan.md"))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["taiwan.json", "taiwan.md.json"]
    assert res.stderr.strip() == "2 files: 2 written, 0 skipped, 0 failed"
