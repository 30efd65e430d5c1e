#!/usr/bin/env bash
# Install the Stance Reader bundle for the current user and register it with the desktop:
# menu entry, icons, our MIME type, and "Open with" associations (no defaults are taken).
#   packaging/linux/install.sh [BUNDLE_DIR]      (default: packaging/dist/stance-reader)
# Honours XDG_DATA_HOME (default ~/.local/share) and STANCE_READER_BIN_DIR (~/.local/bin).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="${1:-$ROOT/packaging/dist/stance-reader}"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
DEST="$DATA/stance-reader/app"
BIN_DIR="${STANCE_READER_BIN_DIR:-$HOME/.local/bin}"
ID="io.github.stance_reader.StanceReader"
RES="$ROOT/resources"
[ -x "$BUNDLE/stance-reader" ] || { echo "no bundle at $BUNDLE; build it with packaging/build_linux.sh" >&2; exit 1; }
[ -d "$RES" ] || RES="$BUNDLE/_internal/stance_reader/resources"
for tool in xdg-desktop-menu xdg-icon-resource xdg-mime; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: install xdg-utils" >&2; exit 1; }
done
mkdir -p "$DEST" "$BIN_DIR"
rm -rf "$DEST.new"
cp -a "$BUNDLE" "$DEST.new"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"
ln -sf "$DEST/stance-reader" "$BIN_DIR/stance-reader"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed -e "s|^Exec=.*|Exec=\"$DEST/stance-reader\" %F|" -e "s|^TryExec=.*|TryExec=$DEST/stance-reader|" \
  "$RES/$ID.desktop" > "$tmp/$ID.desktop"
for size in 16 24 32 48 64 128 256 512; do
  xdg-icon-resource install --noupdate --mode user --context apps --size "$size" \
    "$RES/icons/stance-reader-$size.png" stance-reader
done
xdg-icon-resource forceupdate --mode user || true
xdg-mime install --mode user --novendor "$RES/stance-reader-mime.xml"
# xdg-desktop-menu, outside a known desktop, writes our entry as the default for every
# type into defaults.list. We only want "Open with": keep the user's defaults as they were.
DEFAULTS="$DATA/applications/defaults.list"
had_defaults=0
if [ -f "$DEFAULTS" ]; then cp "$DEFAULTS" "$tmp/defaults.list"; had_defaults=1; fi
xdg-desktop-menu install --mode user --novendor "$tmp/$ID.desktop"
if [ "$had_defaults" = 1 ]; then cp "$tmp/defaults.list" "$DEFAULTS"; else rm -f "$DEFAULTS"; fi
if command -v update-desktop-database >/dev/null; then
  update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
fi
mkdir -p "$DATA/metainfo"
cp "$RES/$ID.metainfo.xml" "$DATA/metainfo/"
echo "installed Stance Reader in $DEST (command: $BIN_DIR/stance-reader)"
