"""Commands never write onto their inputs, checked before any work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "stance_reader"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def _docx(path: Path, text: str) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    d.save(str(path))
    return path


def test_render_onto_its_input_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    out = run("render", str(article), "-o", str(article))
    assert out.returncode == 1 and "never overwrites an input" in out.stderr, out.stderr
    link = tmp_path / "view.png"
    os.link(article, link)
    out = run("render", str(article), "-o", str(link))
    assert out.returncode == 1 and "same file as the input" in out.stderr, out.stderr
    assert article.read_bytes() == before


def test_annotate_never_replaces_an_input(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("“We will win,” Ann Lee said.", encoding="utf-8")
    d = _docx(tmp_path / "a.docx", "Bob Stone said: “The plan failed.”")
    before = d.read_bytes()
    out = run("annotate", "a.txt", "a.docx", "--format", "docx", "--output-dir", ".",
              "--force", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert d.read_bytes() == before
    assert {p.name for p in tmp_path.iterdir()} == {"a.txt", "a.docx", "a.txt.docx",
                                                   "a.docx.docx"}
    link = tmp_path / "copy.json"
    os.link(a, link)
    out = run("annotate", "a.txt", "-o", "copy.json", "--force", cwd=tmp_path)
    assert out.returncode == 1 and "same file as the input" in out.stderr
    assert a.read_text(encoding="utf-8").startswith("“We will win")


def test_shared_stems_in_an_output_folder(tmp_path: Path) -> None:
    (tmp_path / "taiwan.txt").write_text("“We will win,” Ann Lee said.", encoding="utf-8")
    (tmp_path / "taiwan.md").write_text("# T\n\nBob Stone told reporters that it failed.",
                                        encoding="utf-8")
    (tmp_path / "other.txt").write_text("Nothing quoted here.", encoding="utf-8")
    out = run("annotate", "taiwan.txt", "taiwan.md", "other.txt", "--format", "json",
              "--output-dir", "out", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "other.json", "taiwan.json", "taiwan.md.json"]
