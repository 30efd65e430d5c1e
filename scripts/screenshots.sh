#!/bin/bash
# Screenshots of the sample article, to compare before and after a change:
#   scripts/screenshots.sh OUTDIR        (then: .venv/bin/python scripts/pixel_diff.py OLD NEW)
# Writes render.png (reading view, offscreen), render-dark.png, window.png (the whole
# window with its panels) and html.png (the HTML copy in headless Chromium). Uses a fresh
# user folder inside OUTDIR, so history and settings of the person are not touched.
set -euo pipefail
OUT=$(realpath -m "$1"); mkdir -p "$OUT"
HERE=$(cd "$(dirname "$0")/.." && pwd); cd "$HERE"
SAMPLE=seeds/taiwan-self-defense.txt
export STANCE_READER_HOME="$OUT/home"; rm -rf "$STANCE_READER_HOME"
export QT_QPA_PLATFORM=offscreen
.venv/bin/stance-reader render "$SAMPLE" -o "$OUT/render.png"
.venv/bin/stance-reader render "$SAMPLE" -o "$OUT/render-dark.png" --theme dark --layers speakers,tone,cues
.venv/bin/stance-reader annotate "$SAMPLE" -f html -o "$OUT/sample.html" --force
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --window-size=1200,3000 \
  --screenshot="$OUT/html.png" "file://$OUT/sample.html" 2>/dev/null
rm -rf "$STANCE_READER_HOME"
.venv/bin/python scripts/window_shot.py "$SAMPLE" "$OUT/window.png"
rm -rf "$STANCE_READER_HOME"
