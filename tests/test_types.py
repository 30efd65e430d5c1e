"""The Qt-free parts type-check (mypy): every package and module but `ui/` and the
command-line glue that reaches into it (`cli.py`, `__main__.py`, `collection/commands.py`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_is_clean_on_the_core() -> None:
    pytest.importorskip("mypy")
    package = ROOT / "desktop" / "stance_reader"
    parts = [str(package / p) for p in ("core", "store", "export", "style", "documents",
                                        "presentation", "evaluate", "batch.py", "output_plan.py",
                                        "terminal.py", "fileio.py", "errors.py", "logs.py")]
    # The collection package without its command-line glue (which reaches into cli.py).
    parts += [str(p) for p in (package / "collection").glob("*.py")
              if p.name != "commands.py"]
    out = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", "/tmp/stance-reader-mypy",
                          *parts], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:]
