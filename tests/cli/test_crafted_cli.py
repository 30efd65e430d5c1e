"""`annotate` on crafted annotated copies: one clear line per file, never an internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.crafted import CRAFTED, write_copy

pytestmark = pytest.mark.model


def test_every_crafted_copy_is_refused_by_name(tmp_path: Path) -> None:
    copies = [write_copy(tmp_path, name, raw, fmt)
              for name, raw in CRAFTED.items() for fmt in ("json", "html")]
    out = subprocess.run([sys.executable, "-m", "stance_reader", "annotate",
                          *map(str, copies), "--format", "html",
                          "--output-dir", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    *lines, summary = out.stderr.strip().splitlines()
    assert len(lines) == len(copies), out.stderr[-2000:]
    assert summary == f"{len(copies)} files: 0 written, 0 skipped, {len(copies)} failed"
    for copy, line in zip(copies, lines):
        assert line.startswith(f"stance-reader: {copy}: "), line
        assert "annotated copy" in line and "internal error" not in line, line
    assert not list((tmp_path / "out").iterdir())
