#!/bin/sh
# Add (or with --uninstall remove) the Behovsanalys menu entry and icons for the current user only.
# Run it from the unpacked bundle; the bundle itself stays where it is (move it first if you want it elsewhere).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$APPS/behovsanalys.desktop"
  find "$ICONS" -name behovsanalys.png -path '*/apps/*' -delete 2>/dev/null || true
  rm -f "$ICONS/scalable/apps/behovsanalys.svg"
  command -v update-desktop-database >/dev/null && update-desktop-database "$APPS" 2>/dev/null || true
  echo "Removed the menu entry. Delete $HERE to remove the app itself."
  exit 0
fi

mkdir -p "$APPS" "$ICONS/scalable/apps"
cp -r "$HERE/share/icons/"*x* "$ICONS/"
cp "$HERE/share/icons/behovsanalys.svg" "$ICONS/scalable/apps/"
# The menu entry must name the executable by its absolute path: the bundle is not on PATH.
sed "s|^Exec=behovsanalys|Exec=\"$HERE/behovsanalys\"|" "$HERE/share/applications/behovsanalys.desktop" \
  > "$APPS/behovsanalys.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$APPS" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
echo "Behovsanalys is in the applications menu (entry: $APPS/behovsanalys.desktop)."
