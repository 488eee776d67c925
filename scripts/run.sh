#!/usr/bin/env bash
# Run the app on a copy of the bundled sample: the joint workbook the eight Södertörn municipalities' own
# lists make (resources/sample/kommuner, merged by `workbench merge`). Without a display, run it under Xvfb and save a
# screenshot of the main window to build/screenshot.png.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh

mkdir -p build/sample
WORKBOOK="build/sample/sodertorn_gemensam.xlsx"
if [[ ! -f $WORKBOOK ]]; then
  cp resources/sample/sodertorn_gemensam.xlsx "$WORKBOOK"  # always work on a copy, never the committed file
  echo "Copied the sample joint workbook to $WORKBOOK"
fi

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec .venv/bin/python -m ui "$WORKBOOK" "$@"
fi
echo "No display found: starting the app under Xvfb and saving a screenshot."
xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python -m ui "$WORKBOOK" --screenshot build/screenshot.png "$@"
echo "The main window with the sample loaded is in build/screenshot.png"
