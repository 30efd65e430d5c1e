#!/usr/bin/env bash
# Remove what packaging/linux/install.sh installed for the current user.
set -euo pipefail
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN_DIR="${STANCE_READER_BIN_DIR:-$HOME/.local/bin}"
ID="io.github.stance_reader.StanceReader"
HERE="$(cd "$(dirname "$0")" && pwd)"
RES="$(cd "$HERE/../.." && pwd)/resources"
xdg-desktop-menu uninstall --mode user "$ID.desktop" 2>/dev/null || rm -f "$DATA/applications/$ID.desktop"
for size in 16 24 32 48 64 128 256 512; do
  xdg-icon-resource uninstall --noupdate --mode user --context apps --size "$size" stance-reader 2>/dev/null || true
done
xdg-icon-resource forceupdate --mode user 2>/dev/null || true
if [ -f "$RES/stance-reader-mime.xml" ]; then
  xdg-mime uninstall --mode user "$RES/stance-reader-mime.xml" 2>/dev/null || true
fi
rm -f "$DATA/mime/packages/stance-reader-mime.xml" "$DATA/metainfo/$ID.metainfo.xml"
if command -v update-desktop-database >/dev/null; then
  update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
fi
if [ -L "$BIN_DIR/stance-reader" ]; then rm -f "$BIN_DIR/stance-reader"; fi
rm -rf "$DATA/stance-reader/app"
rmdir "$DATA/stance-reader" 2>/dev/null || true
echo "Stance Reader removed (your settings and history stay; delete them with 'stance-reader history --clear' first if you want)"
