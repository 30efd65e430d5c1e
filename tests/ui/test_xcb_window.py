"""The real window under Xvfb with Qt's xcb platform plugin, as on a plain Linux desktop.

The other UI tests run offscreen, which loads none of the X11 libraries a desktop may lack;
this one starts `stance-reader` the way a user does and checks the window is shown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.skipif(shutil.which("xvfb-run") is None or not sys.platform.startswith("linux"),
                                 reason="needs xvfb-run (apt-get install xvfb xauth)")]


def test_window_opens_on_the_xcb_platform_under_xvfb(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", STANCE_READER_EXIT_AFTER_SHOW="1",
               STANCE_READER_HOME=str(tmp_path))
    out = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
                          sys.executable, "-m", "stance_reader"],
                         capture_output=True, text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    shown = next((x for x in out.stdout.splitlines() if x.startswith("window-shown")), "")
    assert "platform=xcb" in shown and "exposed=yes" in shown, (out.stdout, out.stderr)
    assert "Could not load the Qt platform plugin" not in out.stderr
    assert out.stderr == ""  # quiet: no INFO lines, no Qt plugin notes
