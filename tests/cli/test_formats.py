"""Formats follow names: -o's extension picks the format; a contradiction is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stance_reader.export import format_for_path
from tests.conftest import SAMPLE

CLI = [sys.executable, "-m", "stance_reader"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("name", "fmt"), [
    ("taiwan.annotated.pdf", "pdf"), ("x.DOCX", "docx"), ("x.htm", "html"), ("x.json", "json"),
    ("x.webanno.jsonld", "webannotation"), ("x.jsonld", "webannotation"), ("x.txt", None),
    (".pdf", None), ("notes", None)])
def test_the_name_says_the_format(name: str, fmt: str | None) -> None:
    found = format_for_path(name)
    assert (found.name if found else None) == fmt


def test_contradicting_format_and_extension_is_refused_before_any_work(tmp_path: Path) -> None:
    out = run("annotate", str(SAMPLE), "--format", "pdf", "-o", str(tmp_path / "x.docx"))
    assert out.returncode == 2
    assert out.stderr.strip() == (f"stance-reader: --format pdf contradicts the output name "
                                  f"{tmp_path / 'x.docx'} (a docx file); drop --format, or give "
                                  "the output the .pdf extension")
    assert not list(tmp_path.iterdir())


@pytest.mark.model
def test_the_output_extension_picks_the_format(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    res = run("annotate", str(SAMPLE), "-o", str(pdf))
    assert res.returncode == 0, res.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    docx = tmp_path / "x.docx"
    assert run("annotate", str(SAMPLE), "-o", str(docx), "--format", "docx").returncode == 0
    assert docx.read_bytes().startswith(b"PK")
