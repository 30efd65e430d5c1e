#!/usr/bin/env bash
# Build the one-folder Linux bundle from a clean checkout: packaging/dist/stance-reader/.
# Creates its own build environment (packaging/.build-venv); needs Python >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=packaging/.build-venv
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
"$VENV/bin/python" -m pip install --quiet . "pyinstaller==6.22.3"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/stance-reader.spec
du -sh packaging/dist/stance-reader | awk '{print "bundle size: " $1}'
echo "built packaging/dist/stance-reader/stance-reader"
