"""The processing core, the store and the exports never import Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = [
    "stance_reader.core.analysis", "stance_reader.core.pipeline", "stance_reader.core.quotes",
    "stance_reader.core.attribution", "stance_reader.core.quote_attribution", "stance_reader.core.reported", "stance_reader.core.resolution", "stance_reader.core.mentions", "stance_reader.core.nlp",
    "stance_reader.core.corrections", "stance_reader.cli", "stance_reader.evaluate.quotes",
    "stance_reader.style.palette",
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
