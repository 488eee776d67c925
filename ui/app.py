"""Start the desktop app: ``behovsanalys [FILE] [--lang sv|en] [--screenshot PNG]``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ui.errors import install_excepthook
from ui.i18n import install_translator
from ui.main_window import MainWindow
from workbench import paths
from workbench.resources import resource_path
from workbench.settings import Settings, UiState

log = logging.getLogger("behovsanalys")


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def _rotate_log(path: Path) -> None:
    """At start, a log past LOG_MAX_BYTES becomes ``.1`` (older ones move up to ``.5``; the oldest goes)."""
    if not path.exists() or path.stat().st_size < LOG_MAX_BYTES:
        return
    for n in range(LOG_BACKUPS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def configure_logging() -> Path:
    """Log to a file in the user's data folder (never beside the workbooks), rotated at start.

    (Not logging.handlers' RotatingFileHandler: that module imports socket and pickle, ~10 ms of every
    start-up, and one session does not write a megabyte of log.)
    """
    path = paths.log_dir() / "behovsanalys.log"
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    target = path.absolute()
    if not any(Path(getattr(h, "baseFilename", "")) == target for h in root.handlers):
        with contextlib.suppress(OSError):  # e.g. another instance has the file open on Windows
            _rotate_log(path)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    return path


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="behovsanalys", description="Behovsanalys desktop app")
    parser.add_argument("file", nargs="?", type=Path, help="article list to open")
    parser.add_argument("--lang", choices=["sv", "en"], help="UI language (default: the saved choice, Swedish)")
    parser.add_argument("--screenshot", type=Path,
                        help="save a PNG of the main window 600 ms after FILE is loaded in the review grid, "
                             "then quit")
    return parser.parse_args(argv)


def create_window(app: QApplication, language: str | None = None) -> MainWindow:
    """Build the main window with the user's settings (tests use this too)."""
    settings = Settings()
    chosen = install_translator(app, language or settings.get("language"))
    return MainWindow(settings, UiState(), chosen)


#: How long after the window shows what it should the screenshot is taken (packaging/bare_window.py and
#: benchmarks/bench_bundle.py use the same).
GRAB_DELAY_MS = 600


def screenshot_when_shown(window: MainWindow, shot: Path, *, file_given: bool, then: Callable[[], None]) -> None:
    """Save a PNG of ``window`` to ``shot`` :data:`GRAB_DELAY_MS` after it shows what a user opening the
    file sees: the review grid with the file loaded (not the read-only preview that may come first and
    shows no review columns), or the empty window when no file is given; then call ``then``."""

    def grab() -> None:
        shot.parent.mkdir(parents=True, exist_ok=True)
        began = time.time()
        window.grab().save(str(shot))
        # benchmarks/bench_bundle.py adds the grab to the app's time, as the bare window's PNG includes it
        log.info("Screenshot saved to %s in %.3f s", shot, time.time() - began)
        print(f"Screenshot saved to {shot}", flush=True)
        then()

    def soon(*_args: object) -> None:
        QTimer.singleShot(GRAB_DELAY_MS, grab)

    if file_given:
        window.table_loaded.connect(soon, Qt.ConnectionType.SingleShotConnection)
    else:
        soon()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    log_path = configure_logging()
    install_excepthook()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Behovsanalys")
    app.setOrganizationName("Behovsanalys")
    app.setWindowIcon(QIcon(str(resource_path("icons", "behovsanalys.svg"))))
    window = create_window(app, args.lang)
    log.info("Started; log file %s", log_path)
    window.show()
    exit_code = 0
    if args.screenshot is not None:
        if args.file is not None:
            # wall-clock times for benchmarks/bench_bundle.py, in the log (not on the user's terminal)
            window.rows_shown.connect(lambda: log.info("Rows shown at %.3f", time.time()),
                                      Qt.ConnectionType.SingleShotConnection)
            window.table_loaded.connect(lambda _table: log.info("Review grid shown at %.3f", time.time()),
                                        Qt.ConnectionType.SingleShotConnection)
        screenshot_when_shown(window, args.screenshot, file_given=args.file is not None, then=app.quit)

        # Never hang in screenshot mode: a failed load still ends the run (with an error code).
        def give_up() -> None:
            nonlocal exit_code
            exit_code = 1
            print("Screenshot: the file did not load in time", file=sys.stderr)
            app.quit()
        QTimer.singleShot(60_000, give_up)
    if args.file is not None:
        window.open_file(args.file)
    result = app.exec()
    return exit_code or result


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
