"""The Qt-free parts type-check (mypy): core, store, export, style, documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_is_clean_on_the_core() -> None:
    pytest.importorskip("mypy")
    parts = [str(ROOT / "desktop" / "stance_reader" / p) for p in ("core", "store", "export", "style", "documents", "presentation")]
    out = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", "/tmp/stance-reader-mypy",
                          *parts], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:]
