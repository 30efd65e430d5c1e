"""The processing core, the store and the exports never import Qt; no module is over 400
lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

MODULES = [
    "stance_reader.core.analysis", "stance_reader.core.pipeline", "stance_reader.core.quotes",
    "stance_reader.core.attribution", "stance_reader.core.quote_attribution", "stance_reader.core.reported", "stance_reader.core.resolution", "stance_reader.core.mentions", "stance_reader.core.nlp",
    "stance_reader.core.corrections", "stance_reader.cli", "stance_reader.evaluate.quotes",
    "stance_reader.style.palette", "stance_reader.collection.collect",
    "stance_reader.collection.cluster", "stance_reader.collection.commands",
    "stance_reader.collection.sheet", "stance_reader.collection.store",
]
OPTIONAL = ["stance_reader.core.loaders", "stance_reader.core.tone", "stance_reader.store",
            "stance_reader.documents", "stance_reader.presentation",
            "stance_reader.export"]


@pytest.mark.parametrize("module", MODULES + OPTIONAL)
def test_module_does_not_import_qt(module: str) -> None:
    code = (f"import importlib, sys\nimportlib.import_module({module!r})\n"
            "assert 'PySide6' not in sys.modules, 'imports PySide6'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    if "ModuleNotFoundError" in out.stderr and module in OPTIONAL:
        pytest.fail(f"{module} is missing")
    assert out.returncode == 0, out.stderr[-500:]


PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "stance_reader"
QT_FREE_ROOMS = ("core", "store", "documents", "presentation", "style", "collection", "evaluate")


@pytest.mark.parametrize("room", QT_FREE_ROOMS)
def test_no_module_of_a_qt_free_room_imports_qt(room: str) -> None:
    """Every module, also those the import test above does not reach (lazy imports too)."""
    importing = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / room).rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+(PySide6|shiboken6)", p.read_text("utf-8"),
                              re.MULTILINE)]
    assert importing == []


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert long == {}
