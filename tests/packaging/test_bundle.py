"""The built Linux bundle (packaging/dist; built by packaging/build_linux.sh, not in the
default run) and the per-user installer. Skipped when no bundle has been built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "packaging" / "dist" / "stance-reader"
BINARY = BUNDLE / "stance-reader"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not BINARY.exists(), reason="bundle not built")]
ID = "io.github.stance_reader.StanceReader.desktop"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "STANCE_READER_HOME": str(tmp_path / "home"), **extra}


def test_bundle_annotates_and_renders(tmp_path: Path) -> None:
    out = subprocess.run([str(BINARY), "annotate", str(SAMPLE), "--format", "json", "-o", "-"],
                         capture_output=True, text=True, env=_env(tmp_path), timeout=300)
    assert out.returncode == 0, out.stderr[-500:]
    assert len(json.loads(out.stdout)["quotes"]) == 8
    png = tmp_path / "r.png"
    out = subprocess.run([str(BINARY), "render", str(SAMPLE), "-o", str(png)],
                         capture_output=True, text=True, env=_env(tmp_path), timeout=300)
    assert out.returncode == 0 and png.stat().st_size > 10_000, out.stderr[-500:]


@pytest.mark.skipif(shutil.which("xdg-mime") is None, reason="xdg-utils absent")
def test_installer_registers_and_uninstaller_removes(tmp_path: Path) -> None:
    env = _env(tmp_path, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path / "user"),
               STANCE_READER_BIN_DIR=str(tmp_path / "bin"))
    (tmp_path / "user").mkdir()
    subprocess.run(["bash", str(ROOT / "packaging/linux/install.sh")], check=True, env=env,
                   capture_output=True, timeout=300)
    apps = tmp_path / "data" / "applications"
    assert (apps / ID).exists()
    assert not (apps / "defaults.list").exists()  # no defaults taken
    query = subprocess.run(["xdg-mime", "query", "default", "text/markdown"], env=env,
                           capture_output=True, text=True)
    cache = (apps / "mimeinfo.cache").read_text()
    assert ID in query.stdout or f"text/html={ID}" in cache
    installed = tmp_path / "bin" / "stance-reader"
    out = subprocess.run([str(installed), "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "stance-reader" in out.stdout
    subprocess.run(["bash", str(ROOT / "packaging/linux/uninstall.sh")], check=True, env=env,
                   capture_output=True, timeout=300)
    assert not (apps / ID).exists() and not installed.exists()
    assert not (tmp_path / "data" / "stance-reader").exists()
