#!/usr/bin/env bash
# The tools that build and exercise the Windows installers on Linux (`make dist-check-windows`, which runs
# this first; tools/windows_check.py): Wine (64-bit, plus 32-bit for Inno Setup's ISCC.exe and setup.exe),
# msitools' wixl/wixl-heat/msiinfo, Xvfb, and Inno Setup's compiler from the npm package `innosetup`,
# installed under build/windows-tools/ (git-ignored), never into the repo. Installs only what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

INNOSETUP_NPM="innosetup@6.4.1"  # Inno Setup 6.4.1's ISCC.exe, Default.isl and Languages\Swedish.isl
TOOLS_DIR="build/windows-tools"
ISCC="$TOOLS_DIR/node_modules/innosetup/bin/ISCC.exe"
DEB_PACKAGES=(wine wine64 wine32:i386 wixl msitools xvfb xauth)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    echo "windows-tools: not a Debian system; install Wine (with 32-bit support), msitools (wixl) and Xvfb."
    return 0
  }
  local missing=()
  for package in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "windows-tools: please install these Debian packages first:"
      echo "  sudo dpkg --add-architecture i386 && sudo apt-get update"
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
      exit 1
    fi
  fi
  # wine32 (ISCC.exe and every Inno Setup setup.exe are 32-bit programs) comes from the i386 architecture.
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    echo "windows-tools: adding the i386 architecture for wine32"
    $sudo dpkg --add-architecture i386
  fi
  echo "windows-tools: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_inno_setup() {
  [[ -f $ISCC ]] && return 0
  command -v npm >/dev/null 2>&1 || { echo "windows-tools: npm is needed for Inno Setup ($INNOSETUP_NPM)"; exit 1; }
  echo "windows-tools: installing Inno Setup ($INNOSETUP_NPM) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-save --no-audit --no-fund --prefix "$TOOLS_DIR" "$INNOSETUP_NPM" >/dev/null
  [[ -f $ISCC ]] || { echo "windows-tools: $ISCC missing after npm install"; exit 1; }
}

install_debian_packages
install_inno_setup
echo "windows-tools: $(wine --version), $(wixl --version 2>/dev/null || echo wixl), ISCC.exe from $INNOSETUP_NPM"
