"""Desktop files validate; resources are package data in editable installs and wheels."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from stance_reader import resources

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils absent")
def test_desktop_entry_validates() -> None:
    out = subprocess.run(["desktop-file-validate", str(resources.desktop_entry())],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "error" not in out.stdout, out.stdout
    text = resources.desktop_entry().read_text(encoding="utf-8")
    assert "Exec=stance-reader %F" in text
    for mime in ("text/plain", "text/html", "text/markdown", "application/epub+zip",
                 "application/pdf", "wordprocessingml.document"):
        assert mime in text


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream absent")
def test_metainfo_validates() -> None:
    out = subprocess.run(["appstreamcli", "validate", "--no-net", str(resources.metainfo())],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_icons_at_every_size_are_found_as_package_data() -> None:
    from PySide6.QtGui import QImage

    assert resources.icon_path().exists()
    for size in resources.ICON_SIZES:
        image = QImage(str(resources.icon_path(size)))
        assert (image.width(), image.height()) == (size, size)


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT / "desktop").parent.parts)
             for p in (ROOT / "desktop").rglob("__init__.py")}
    assert found | {"stance_reader.resources"} == listed


@pytest.mark.slow
def test_wheel_ships_resources_and_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, timeout=600)
    wheel = next(tmp_path.glob("stance_reader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("stance_reader/resources/io.github.stance_reader.StanceReader.desktop",
                   "stance_reader/resources/icons/stance-reader-256.png",
                   "stance_reader/resources/stance-reader-mime.xml",
                   "stance_reader/data/tone/model.npz", "stance_reader/data/tone/PROVENANCE.md"):
        assert needed in names, needed
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, timeout=600)
    code = ("import stance_reader.resources as r, stance_reader.core.tone as t;"
            "assert str(r.icon_path(48)).startswith(%r) and r.icon_path(48).exists();"
            "t.ToneScorer(); print('ok')" % str(target))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert out.stdout.strip() == "ok", out.stderr[-800:]
