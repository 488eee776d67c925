"""The frozen bundle: start-up against a bare PySide6 window frozen the same way, and the size budgets.

Needs ``make dist`` (dist/behovsanalys/) and ``make bare`` (build/bare/bare_window/); without them it
prints how to build them and passes. Both programs run offscreen in screenshot mode. The bare one grabs
its window 600 ms after the first paint and writes a PNG: its start-up time is when that PNG was written,
less the 600 ms. The app (with the 2,000-row sample: a small workbook's rows appear read-only at once and
the review grid replaces them when the full load is done) logs when the file's rows were first painted
and when the review grid came up (editable), and takes its screenshot of the grid 600 ms later: its
start-up time is the logged first paint plus the time its own grab and PNG took (logged too), so both
figures hold the same work. Both count from the moment the program was started: the same instant in
both programs, so the ratio is the price of our imports, the main window and reading the sample. The
whole runs are shown for the record.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import REPO, Row, print_table

EXE = ".exe" if sys.platform == "win32" else ""
BUNDLE = REPO / "dist" / "behovsanalys"
APP = BUNDLE / f"behovsanalys{EXE}"
BARE = REPO / "build" / "bare" / "bare_window" / f"bare_window{EXE}"
SAMPLE = REPO / "resources" / "sample" / "sodertorn_sortiment.xlsx"
GRAB_DELAY_S = 0.6  # ui/app.py and packaging/bare_window.py both wait this long before the grab
START_VS_BARE = 2.0
sys.path.insert(0, str(REPO / "packaging"))
from budgets import ARCHIVE_MB, BUNDLE_MB  # noqa: E402 (needs the path above)


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _archive() -> Path | None:
    found = sorted(BUNDLE.parent.glob("behovsanalys-*.tar.gz")) + sorted(BUNDLE.parent.glob("behovsanalys-*.zip"))
    return found[-1] if found else None


def _logged(log: Path, since: int, pattern: str) -> float | None:
    """The number after ``pattern`` in what the app logged since offset ``since`` (the last one)."""
    if not log.exists():
        return None
    with log.open("rb") as handle:
        handle.seek(since if log.stat().st_size >= since else 0)  # rotated at start: all of it is new
        found = re.findall(pattern + r" ([0-9.]+)", handle.read().decode("utf-8", "replace"))
    return float(found[-1].rstrip(".")) if found else None


def _started(command: list[str], env: dict[str, str], shot: Path) -> tuple[float, float, float | None]:
    """Run ``command`` once: (seconds to the first paint, see above; whole run; to the review grid)."""
    shot.unlink(missing_ok=True)
    log = Path(env["BEHOVSANALYS_HOME"]) / "logs" / "behovsanalys.log"
    since = log.stat().st_size if log.exists() else 0
    start = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    total = time.time() - start
    if result.returncode != 0 or not shot.exists():
        raise RuntimeError(f"{command[0]} exited {result.returncode}: {result.stderr[-1000:]}")
    rows, grabbed = _logged(log, since, "Rows shown at"), _logged(log, since, r"Screenshot saved to .* in")
    grid = _logged(log, since, "Review grid shown at")
    if rows is not None and grabbed is not None:  # the app
        return rows - start + grabbed, total, None if grid is None else grid - start
    return shot.stat().st_mtime - start - GRAB_DELAY_S, total, None


def _runs(command: list[str], env: dict[str, str], shot: Path, repeat: int) -> list[tuple[float, float, float | None]]:
    _started(command, env, shot)  # warm-up: file caches
    return [_started(command, env, shot) for _ in range(repeat)]


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
        bare = _runs([str(BARE), "--screenshot", str(work / "bare.png")], env, work / "bare.png", repeat)
        app = _runs([str(APP), str(workbook), "--screenshot", str(work / "app.png")], env, work / "app.png",
                    repeat)
    grids = [g for _, _, g in app if g is not None]
    info = [Row("bare window: whole run", statistics.median(t for _, t, _ in bare)),
            Row("app + sample: whole run", statistics.median(t for _, t, _ in app))]
    if grids:
        info.append(Row("app: review grid editable", statistics.median(grids)))
    print_table(f"Frozen start-up, whole runs (incl. the {GRAB_DELAY_S} s grab delay; information)", info,
                enforce=False)
    ok = print_table("Frozen start-up to the window shown (bare) / the sample's rows shown (app), offscreen, median",
                     [Row("bare window shown", statistics.median(s for s, _, _ in bare)),
                      Row("app + sample rows shown", statistics.median(s for s, _, _ in app),
                          target=("bare window shown", START_VS_BARE))],
                     enforce=not quick)
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
