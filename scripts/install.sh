#!/usr/bin/env bash
# Create .venv and install Stance Reader into it (editable). With --test, also the test
# tools and the system programs the tests drive (Chromium, poppler, desktop-file-utils,
# appstream, Xvfb and the libraries of Qt's xcb platform plugin) when apt-get is available.
# Afterwards, checks that the window can open on this desktop (scripts/check_qt_platform.sh)
# and prints the exact command that installs any missing system library.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Stance Reader needs Python 3.11 or newer; set PYTHON=/path/to/python3.11 and retry" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
extras=""
if [ "${1:-}" = "--test" ]; then
  extras="[test,cluster]"  # the Dask tests run a local cluster
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
  command -v appstreamcli >/dev/null || need+=(appstream)
  command -v xdg-mime >/dev/null || need+=(xdg-utils)
  command -v xvfb-run >/dev/null || need+=(xvfb)
  command -v xauth >/dev/null || need+=(xauth)
  # The real window under Xvfb (tests/ui/test_xcb_window.py) needs the xcb plugin's libraries.
  libs=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
  while IFS=$'\t' read -r lib debian _; do
    case "$lib" in '#'*|'') continue ;; esac
    grep -qF "$lib " <<<"$libs" || need+=("$debian")
  done < scripts/qt-xcb-packages.tsv
  if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
      --no-install-recommends "${need[@]}" >/dev/null) \
      || echo "warning: could not install ${need[*]}; tests that need them will be skipped" >&2
  fi
fi
.venv/bin/python -m pip install --quiet -e ".${extras}"
# The window needs system libraries pip cannot install. Missing ones on a desktop stop here
# with the command that installs them; without a display (servers, CI) it is a note only.
if ! bash scripts/check_qt_platform.sh; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Stance Reader is installed in .venv, but its window cannot open until those are installed." >&2
    exit 1
  fi
fi
