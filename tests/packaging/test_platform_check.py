"""scripts/check_qt_platform.sh: the exact install command for the window's missing libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_qt_platform.sh"
TABLE = ROOT / "scripts" / "qt-xcb-packages.tsv"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

# What a plain Debian desktop lacked in the report.
MISSING = ("libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libxcb-keysyms.so.1")


def _check(tmp_path: Path, distro: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the check against a stand-in plugin whose `ldd` reports MISSING as not found."""
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    (fake / "ldd").write_text("#!/bin/sh\n" + "".join(
        f'echo "\t{lib} => not found"\n' for lib in MISSING)
        + 'echo "\tlibc.so.6 => /lib/libc.so.6 (0x0)"\n', encoding="utf-8")
    (fake / "ldd").chmod(0o755)
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"\x7fELF")
    os_release = tmp_path / "os-release"
    os_release.write_text(distro, encoding="utf-8")
    env = {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}",
           "OS_RELEASE": str(os_release)}
    return subprocess.run(["bash", str(SCRIPT), *args, str(plugin)], capture_output=True,
                          text=True, env=env, timeout=60)


@pytest.mark.parametrize(("distro", "command"), [
    ("ID=debian\n", "apt-get install -y libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"),
    ("ID=ubuntu\nID_LIKE=debian\n", "apt-get install -y libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"),
    ('ID=fedora\n', "dnf install -y xcb-util-wm xcb-util-keysyms libxkbcommon-x11"),
    ('ID=manjaro\nID_LIKE=arch\n', "pacman -S --needed xcb-util-wm xcb-util-keysyms libxkbcommon-x11"),
])
def test_missing_libraries_are_named_with_the_install_command(tmp_path: Path, distro: str,
                                                               command: str) -> None:
    out = _check(tmp_path, distro)
    assert out.returncode == 1
    assert command in out.stderr
    for lib in MISSING:
        assert lib in out.stderr
    assert "libxcb-cursor" not in out.stderr  # Qt's own (wrong) hint is not repeated


def test_packages_mode_lists_debian_packages_for_the_install_script(tmp_path: Path) -> None:
    out = _check(tmp_path, "ID=debian\n", "--packages")
    assert out.returncode == 0
    assert out.stdout.split() == ["libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"]


def test_the_real_plugin_in_this_venv_has_its_libraries() -> None:
    """Here (and in CI, after `install.sh --test`), nothing is missing."""
    out = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


def test_every_library_the_plugin_loads_has_a_package_on_each_distribution() -> None:
    """A library the plugin needs but the table lacks would print a bare soname."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("no xcb plugin in this PySide6")
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60).stdout
    system = {line.split()[0] for line in ldd.splitlines()
              if "=>" in line and "PySide6" not in line and "/" in line.split("=>")[1]}
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in
            TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    xcb = {lib for lib in system if lib.startswith(("libxcb", "libxkbcommon", "libX11"))}
    assert xcb <= set(rows), sorted(xcb - set(rows))
    assert all(len(r) == 3 and all(r) for r in rows.values())
