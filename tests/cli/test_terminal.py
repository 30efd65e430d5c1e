"""Titles and file names reach the terminal escaped: no ANSI sequence, no forged line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stance_reader.store.history import open_history
from stance_reader.store.paths import user_paths
from stance_reader.terminal import for_terminal

CLI = [sys.executable, "-m", "stance_reader"]
EVIL = "evil\x1b]0;owned\x07\x1b[31m\u202e\nstance-reader: all good"


def test_for_terminal_escapes_what_a_terminal_acts_on() -> None:
    assert for_terminal("a\x1b[31mb\rc\u202ed\udcffe") == "a\\x1b[31mb\\rc\\u202ed\\udcffe"
    assert for_terminal("Taiwan’s “minister” — ok") == "Taiwan’s “minister” — ok"


@pytest.mark.model
def test_an_error_about_a_hostile_file_name_is_one_escaped_line(tmp_path: Path) -> None:
    out = subprocess.run([*CLI, "annotate", str(tmp_path / f"{EVIL}.txt"), "-o", "-"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    assert "\x1b" not in out.stderr and "\u202e" not in out.stderr
    lines = out.stderr.strip().splitlines()  # the error, then the batch's summary line
    assert len(lines) == 2 and "\\x1b[31m" in lines[0] and lines[1].startswith("1 file:")


def test_history_titles_and_paths_are_escaped(tmp_path: Path) -> None:
    history, _ = open_history(user_paths().history_db)
    history.record_open("a" * 64, str(tmp_path / f"{EVIL}.txt"), f"Title {EVIL}")
    history.close()
    out = subprocess.run([*CLI, "history"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout and "\\x1b]0;owned" in out.stdout
    assert "all good" in out.stdout and "\nstance-reader: all good" not in out.stdout
