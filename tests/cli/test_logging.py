"""stderr stays quiet (warnings and errors only) unless --verbose or --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

CLI = [sys.executable, "-m", "stance_reader"]


@pytest.mark.model
def test_annotate_is_quiet_by_default_and_verbose_on_request(tmp_path: Path) -> None:
    # Each run with an empty home: a cached analysis would not load the model at all.
    def env(name: str) -> dict[str, str]:
        return {**os.environ, "STANCE_READER_HOME": str(tmp_path / name)}

    quiet = subprocess.run([*CLI, "annotate", str(SAMPLE), "-o", str(tmp_path / "a.json")],
                           capture_output=True, text=True, timeout=300, env=env("q"))
    assert quiet.returncode == 0 and "INFO" not in quiet.stderr, quiet.stderr
    loud = subprocess.run([*CLI, "annotate", str(SAMPLE), "-o", str(tmp_path / "b.json"),
                           "--verbose"], capture_output=True, text=True, timeout=300,
                          env=env("v"))
    assert loud.returncode == 0 and "INFO stance_reader.core.nlp: loaded spaCy model" in loud.stderr


def _stderr(script: str) -> tuple[str, str]:
    """stderr of `script` run quietly, then with -v (the script reads sys.argv)."""
    return tuple(subprocess.run([sys.executable, "-c", script, *flags], capture_output=True,  # type: ignore[return-value]
                                text=True, timeout=60).stderr for flags in ((), ("-v",)))


def test_qt_messages_go_to_the_log_not_the_terminal() -> None:
    script = ("import logging, sys\n"
              "from stance_reader.logs import configure_stderr, route_qt_messages\n"
              "configure_stderr(verbose='-v' in sys.argv)\n"
              "route_qt_messages()\n"
              "from PySide6.QtCore import qWarning, qCritical\n"
              "qWarning('qt.qpa.plugin: Could not find the Qt platform plugin wayland')\n"
              "qCritical('something really broke')\n")
    quiet, loud = _stderr(script)
    assert "wayland" not in quiet
    assert "ERROR qt: default: something really broke" in quiet
    assert "INFO qt: default: qt.qpa.plugin: Could not find the Qt platform plugin wayland" in loud


def test_other_libraries_warnings_stay_off_the_terminal_unless_verbose() -> None:
    script = ("import logging, sys\n"
              "from stance_reader.logs import configure_stderr\n"
              "configure_stderr(verbose='-v' in sys.argv)\n"
              "logging.getLogger('trafilatura.external').warning('readability_lxml failed')\n"
              "logging.getLogger('stance_reader.core.nlp').warning('our own warning')\n"
              "logging.getLogger('trafilatura').error('a real error')\n")
    quiet, loud = _stderr(script)
    assert quiet.splitlines() == ["WARNING stance_reader.core.nlp: our own warning",
                                  "ERROR trafilatura: a real error"]
    assert "readability_lxml failed" in loud
