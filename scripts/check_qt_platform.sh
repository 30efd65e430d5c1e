#!/usr/bin/env bash
# Can the reader window open on this Linux desktop? Qt's xcb platform plugin (the window on
# X11 and XWayland) loads a dozen system libraries that a plain desktop may lack, and Qt's
# own hint when one is missing names the wrong one. This runs `ldd` on the plugin inside
# the venv's PySide6 and prints the exact command that installs what is missing, for
# Debian/Ubuntu, Fedora or Arch (scripts/qt-xcb-packages.tsv maps libraries to packages).
#
#   bash scripts/check_qt_platform.sh [PLUGIN]        report; exit 1 if libraries are missing
#   bash scripts/check_qt_platform.sh --packages      only the missing packages, one line
#
# OS_RELEASE (default /etc/os-release) names the file that says which distribution this is.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=report
if [ "${1:-}" = "--packages" ]; then mode=packages; shift; fi
[ "$(uname -s)" = Linux ] || exit 0  # macOS and Windows wheels carry their own libraries

plugin=${1:-}
if [ -z "$plugin" ]; then
  plugin=$(.venv/bin/python - <<'PY' 2>/dev/null || true
import importlib.util, pathlib
spec = importlib.util.find_spec("PySide6")
if spec and spec.origin:
    print(pathlib.Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so")
PY
)
fi
if [ -z "$plugin" ] || [ ! -f "$plugin" ]; then
  [ "$mode" = report ] && echo "note: Qt's xcb platform plugin not found in .venv; run scripts/install.sh first" >&2
  exit 0
fi

missing=$(ldd "$plugin" 2>/dev/null | awk '/=> not found/ {print $1}' | sort -u)
[ -n "$missing" ] || exit 0

# Which distribution family: Debian/Ubuntu, Fedora (and RHEL-likes), Arch (and Manjaro).
os_release=${OS_RELEASE:-/etc/os-release}
ids=$( (. "$os_release" 2>/dev/null; echo "${ID:-} ${ID_LIKE:-}") || true)
family=""
for id in $ids; do
  case "$id" in
    debian|ubuntu) family=debian; break ;;
    fedora|rhel|centos) family=fedora; break ;;
    arch|manjaro|endeavouros) family=arch; break ;;
  esac
done
column=$(case "$family" in debian) echo 2 ;; fedora) echo 3 ;; arch) echo 4 ;; *) echo 2 ;; esac)

packages=$(for lib in $missing; do
  pkg=$(awk -F'\t' -v lib="$lib" -v col="$column" '!/^#/ && $1 == lib {print $col}' scripts/qt-xcb-packages.tsv)
  echo "${pkg:-$lib}"
done | awk '!seen[$0]++' | tr '\n' ' ' | sed 's/ $//')

if [ "$mode" = packages ]; then
  echo "$packages"
  exit 0
fi
sudo="sudo "; [ "$(id -u)" != 0 ] || sudo=""
case "$family" in
  debian) command="${sudo} apt-get install -y $packages" ;;
  fedora) command="${sudo}dnf install -y $packages" ;;
  arch) command="${sudo}pacman -S --needed $packages" ;;
  *) command="install the packages that provide: $(echo $missing | tr '\n' ' ') (Debian names: $packages)" ;;
esac
{
  echo "The reader window needs system libraries that are missing here:"
  echo "  $(echo $missing)"
  echo "Install them with:"
  echo "  $command"
  echo "(Only the window needs them: 'stance-reader annotate', 'render' and the offscreen tests run without.)"
} >&2
exit 1
