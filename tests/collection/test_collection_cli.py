"""`stance-reader collection` and `annotate --jobs`: sheets, process pools, the cache."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from stance_reader.collection.sheet import COLUMNS
from tests.collection.articles import write_collection
from tests.conftest import EVAL

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "stance_reader"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)


def _analyses(files: list[Path], tmp: Path) -> list[dict]:  # type: ignore[type-arg]
    out = tmp / "json"
    res = run("annotate", *map(str, files), "--output-dir", str(out), "--jobs", "1")
    assert res.returncode == 0, res.stderr
    return [json.loads((out / f"{f.stem}.json").read_text(encoding="utf-8")) for f in files]


def _rows(sheet: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))


def test_sheet_has_a_row_per_quotation_and_reported_span(tmp_path: Path) -> None:
    files = write_collection(tmp_path / "c")
    sheet = tmp_path / "quotes.csv"
    res = run("collection", str(tmp_path / "c"), "-o", str(sheet), "--jobs", "1")
    assert res.returncode == 0, res.stderr
    assert "3 of 3 articles" in res.stderr and "0 from cache" in res.stderr
    rows = _rows(sheet)
    assert tuple(rows[0]) == COLUMNS
    expected = []
    for f, a in zip(files, _analyses(files, tmp_path)):
        names = {s["id"]: s["name"] for s in a["speakers"]}
        items = sorted([*a["quotes"], *a["reported"]], key=lambda x: (x["start"], x["id"]))
        expected += [(str(f), x["id"], names.get(x["speaker"]), a["text"][x["start"]:x["end"]])
                     for x in items]
    assert [(r["article_path"], r["quote_id"], r["speaker"] or None, r["text"]) for r in rows] == expected
    by_file = {r["article_path"]: r for r in rows}
    assert by_file[str(files[0])]["date"] == "5 March 2024"  # the Markdown front matter
    assert by_file[str(files[2])]["outlet"] == "The Valley Courier"  # the page's metadata
    assert {r["speaker"] for r in rows} >= {"Anna Berg", "Tom Wells", "Lena Fox", "Maria Lopez"}


@pytest.mark.slow
def test_two_jobs_write_the_same_sheet_and_the_cache_serves_a_rerun(tmp_path: Path) -> None:
    write_collection(tmp_path / "c")
    one, two, again = tmp_path / "1.jsonl", tmp_path / "2.jsonl", tmp_path / "3.jsonl"
    assert run("collection", str(tmp_path / "c"), "-o", str(one), "--jobs", "1",
               "--no-cache").returncode == 0
    res = run("collection", str(tmp_path / "c"), "-o", str(two), "--jobs", "2")
    assert res.returncode == 0 and "2 jobs" in res.stderr, res.stderr
    assert two.read_bytes() == one.read_bytes()
    res = run("collection", str(tmp_path / "c"), "-o", str(again))
    assert "3 from cache" in res.stderr and again.read_bytes() == one.read_bytes()


@pytest.mark.slow
def test_annotate_with_two_jobs_matches_one_and_reports_failures_in_order(tmp_path: Path) -> None:
    files = [str(f) for f in write_collection(tmp_path / "c")]
    bad = tmp_path / "c" / "empty.txt"
    bad.write_text("", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        res = run("annotate", *files, str(bad), "--output-dir", str(out), "--jobs", jobs)
        lines = res.stderr.strip().splitlines()  # the failure, then the batch's summary
        assert res.returncode == 1 and lines[-2].endswith("empty.txt is empty"), res.stderr
        assert lines[-1] == "4 files: 3 written, 0 skipped, 1 failed", res.stderr
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(outs[0]) == 3 and outs[0] == outs[1]


def test_bad_inputs_say_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    res = run("collection", str(tmp_path / "empty"), "-o", str(tmp_path / "q.csv"))
    assert res.returncode == 1 and "no article files in" in res.stderr
    res = run("collection", str(tmp_path), "-o", str(tmp_path / "q.xlsx"))
    assert res.returncode == 1 and ".csv, .jsonl" in res.stderr and "Traceback" not in res.stderr
    res = run("annotate", "x.txt", "--jobs", "0")
    assert res.returncode == 2 and "must be 1 or more" in res.stderr


DEV = EVAL / "polnear_dev.jsonl"


@pytest.mark.slow
@pytest.mark.eval
@pytest.mark.skipif(not DEV.exists(), reason="PolNeAR dev not available")
def test_forty_polnear_articles_give_one_row_per_item(tmp_path: Path) -> None:
    records = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines()[:40]]
    folder = tmp_path / "dev"
    folder.mkdir()
    files = []
    for i, r in enumerate(records):
        files.append(folder / f"a{i:02d}.txt")
        files[-1].write_text(r["text"], encoding="utf-8")
    sheet = tmp_path / "quotes.csv"
    res = run("collection", str(folder), "-o", str(sheet), "--no-cache")
    assert res.returncode == 0, res.stderr
    rows = _rows(sheet)
    analyses = _analyses(files, tmp_path)
    assert len(rows) == sum(len(a["quotes"]) + len(a["reported"]) for a in analyses)
    for r in rows[:50]:
        text = (folder / Path(r["article_path"]).name).read_text(encoding="utf-8")
        assert text[int(r["start"]):int(r["end"])] == r["text"]
