"""The `--jobs` pool: the largest article of each block goes first, results come back in
input order whatever order the workers finish in."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stance_reader.collection.pool import largest_first, run_local
from stance_reader.collection.work import Outcome


def _files(folder: Path, sizes: list[int]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, size in enumerate(sizes):
        path = folder / f"a{n}.txt"
        path.write_text("x" * size, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_each_block_starts_with_its_largest_file_and_keeps_input_numbers(tmp_path: Path) -> None:
    paths = _files(tmp_path, [1, 5, 3, 9, 2, 7, 4])
    blocks = [[n for n, _ in block] for block in largest_first(paths, 3)]
    assert blocks == [[1, 2, 0], [3, 5, 4], [6]]
    missing = [str(tmp_path / "gone.txt"), paths[3]]  # a missing file counts as empty
    assert [n for n, _ in next(largest_first(missing, 2))] == [1, 0]


def slow_by_size(path: str, model: str | None = None) -> Outcome:
    """A stand-in analysis (importable by the workers) that takes longer on larger files."""
    time.sleep(Path(path).stat().st_size / 20_000)
    return Outcome(path, error="not analysed")


@pytest.mark.model
@pytest.mark.slow
def test_workers_results_come_back_in_input_order(tmp_path: Path) -> None:
    sizes = [200, 4000, 300, 6000, 100, 2500, 800, 5000, 50, 3000, 700]
    paths = _files(tmp_path, sizes)
    outcomes = list(run_local(paths, jobs=2, analyse=slow_by_size))
    assert [o.path for o in outcomes] == paths
