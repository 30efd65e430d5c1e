"""`stance-reader annotate`: many files, one model load, exit codes, stderr lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "stance_reader"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("stance-reader ")


def test_annotate_to_stdout_matches_the_gold_check(tmp_path: Path) -> None:
    out = run("annotate", str(SAMPLE), "--format", "json", "-o", "-")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "stance-reader/analysis" and len(data["quotes"]) == 8
    analysis = tmp_path / "a.json"
    analysis.write_text(out.stdout, encoding="utf-8")
    check = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "check_seed.py"
    if check.exists():
        gold = SAMPLE.with_name("taiwan-self-defense.gold.json")
        res = subprocess.run([sys.executable, str(check), str(gold), str(analysis)],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout


def test_many_files_output_dir_and_one_failure(tmp_path: Path) -> None:
    good1 = tmp_path / "one.txt"
    good2 = tmp_path / "two.md"
    bad = tmp_path / "broken.docx"
    good1.write_text("“We will win,” Ann Lee said.", encoding="utf-8")
    good2.write_text("# Title\n\nBob Stone told reporters that the plan failed.", encoding="utf-8")
    bad.write_bytes(b"PK\x03\x04 this is not a real docx")
    out_dir = tmp_path / "out"
    out = run("annotate", str(good1), str(good2), str(bad), str(tmp_path / "missing.txt"),
              "--output-dir", str(out_dir))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 3 and lines[2] == "4 files: 2 written, 0 skipped, 2 failed"
    assert "broken.docx" in lines[0] and "not a readable Word document" in lines[0]
    assert "missing.txt" in lines[1] and "does not exist" in lines[1]
    assert sorted(p.name for p in out_dir.iterdir()) == ["one.json", "two.json"]
    assert "Traceback" not in out.stderr


def test_default_output_beside_the_original_and_force(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = src.read_bytes()
    assert run("annotate", str(src), "--format", "html").returncode == 0
    target = tmp_path / "story.annotated.html"
    assert target.exists()
    written = target.read_bytes()
    again = run("annotate", str(src), "--format", "html")  # kept and counted, not a failure
    assert again.returncode == 0 and "0 written, 1 skipped" in again.stderr
    assert "--force" in again.stderr and target.read_bytes() == written
    assert run("annotate", str(src), "--format", "html", "--force").returncode == 0
    # Reopening our own copy does not re-analyse: the same analysis comes back as JSON.
    back = run("annotate", str(target), "--format", "json", "-o", "-")
    assert back.returncode == 0 and json.loads(back.stdout)["source"]["path"] == str(src.resolve())
    assert src.read_bytes() == before


def test_usage_errors(tmp_path: Path) -> None:
    out = run("annotate", str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "x.json"))
    assert out.returncode == 2 and "--output-dir" in out.stderr
    out = run("annotate", str(SAMPLE), "--format", "pdf", "-o", "-")
    assert out.returncode == 2


def test_missing_model_is_a_clear_error() -> None:
    out = run("annotate", str(SAMPLE), "--model", "en_core_web_xl_nope", "-o", "-")
    assert out.returncode == 1
    assert "not installed" in out.stderr and "pip install" in out.stderr
    assert "Traceback" not in out.stderr
