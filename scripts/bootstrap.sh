#!/usr/bin/env bash
# Prepare a machine for Behovsanalys: Debian packages (when missing), .venv, the package, translations.
# Usage: scripts/bootstrap.sh [--with-libreoffice]. Sourced by scripts/run.sh and scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Qt's xcb platform plugin and fonts, Xvfb for machines without a display, poppler-utils (pdftotext,
# pdftoppm) for the tests that read and render the summary PDF.
DEB_PACKAGES=(xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core poppler-utils)
if [[ " $* " == *" --with-libreoffice "* ]]; then
  DEB_PACKAGES+=(libreoffice-calc-nogui)
fi

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "bootstrap: not a Debian system; make sure Qt's xcb libraries and Xvfb are installed."; return 0; }
  local missing=()
  for package in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "bootstrap: please install these Debian packages first:"
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
      exit 1
    fi
  fi
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  local python="${PYTHON:-python3}"
  if [[ ! -x .venv/bin/python ]]; then
    echo "bootstrap: creating .venv"
    "$python" -m venv .venv
  fi
  # Reinstall only when the project's dependencies changed.
  local stamp=.venv/.behovsanalys-installed
  local want; want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
    echo "bootstrap: installing Python packages into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "is ignored" || true
    .venv/bin/python -c "import workbench, PySide6" # fail loudly if the install did not work
    echo "$want" > "$stamp"
  fi
}

install_debian_packages
install_python_packages
.venv/bin/python tools/translations.py build
