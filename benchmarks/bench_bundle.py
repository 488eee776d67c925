"""The frozen bundle: start-up against a bare PySide6 window frozen the same way, and the size budgets.

Needs ``make dist`` (dist/behovsanalys/) and ``make bare`` (build/bare/bare_window/); without them it
prints how to build them and passes. Both programs run offscreen in screenshot mode: show the main window,
wait the same fixed 600 ms, grab it, save a PNG and quit. The app also loads the 2,000-row sample first, so
the ratio is the price of our imports, the main window and the load. The fixed wait is padding of the
screenshot mode, not start-up work, so the verdict is on the times without it ("net"); the gross times
are printed for the record.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import REPO, Row, measure, print_table

EXE = ".exe" if sys.platform == "win32" else ""
BUNDLE = REPO / "dist" / "behovsanalys"
APP = BUNDLE / f"behovsanalys{EXE}"
BARE = REPO / "build" / "bare" / "bare_window" / f"bare_window{EXE}"
SAMPLE = REPO / "resources" / "sample" / "sodertorn_sortiment.xlsx"
GRAB_DELAY_S = 0.6  # ui/app.py and packaging/bare_window.py both wait this long before the grab
START_VS_BARE = 2.0
BUNDLE_MB = 150
ARCHIVE_MB = 60


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _archive() -> Path | None:
    found = sorted(BUNDLE.parent.glob("behovsanalys-*.tar.gz")) + sorted(BUNDLE.parent.glob("behovsanalys-*.zip"))
    return found[-1] if found else None


def _runner(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {result.returncode}: {result.stderr[-1000:]}")


def main(quick: bool = False) -> bool:
    if not APP.exists() or not BARE.exists():
        print(f"\nbundle: skipped: build {APP.relative_to(REPO)} with `make dist` and "
              f"{BARE.relative_to(REPO)} with `make bare` first")
        return True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        workbook = work / SAMPLE.name
        shutil.copyfile(SAMPLE, workbook)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BEHOVSANALYS_HOME": str(work / "home")}
        repeat = 2 if quick else 7
        bare = measure(lambda: _runner([str(BARE), "--screenshot", str(work / "bare.png")], env), repeat=repeat)
        app = measure(lambda: _runner([str(APP), str(workbook), "--screenshot", str(work / "app.png")], env),
                      repeat=repeat)
    print_table(f"Frozen start-up incl. the fixed {GRAB_DELAY_S} s grab delay in both (information)", [
        Row("bare window", bare.median),
        Row("app + 2,000-row sample", app.median),
    ], enforce=False)
    ok = print_table("Frozen start-up to a shown main window, without the grab delay (offscreen, median)", [
        Row("bare window (net)", bare.median - GRAB_DELAY_S),
        Row("app + sample (net)", app.median - GRAB_DELAY_S, target=("bare window (net)", START_VS_BARE)),
    ], enforce=not quick)
    archive = _archive()
    sizes = [("one-folder bundle", _folder_mb(BUNDLE), BUNDLE_MB)]
    if archive is not None:
        sizes.append((archive.name, archive.stat().st_size / 1e6, ARCHIVE_MB))
    print("\nBundle size (MB = 10^6 bytes)")
    for name, mb, limit in sizes:
        passed = mb <= limit
        verdict = ("PASS" if passed else "FAIL") if not quick else "info"
        ok = ok and (passed or quick)
        print(f"{name:<48}{mb:>8.1f} MB  <= {limit} MB: {verdict}")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main(quick="--quick" in sys.argv) else 1)
