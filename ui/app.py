"""Start the desktop app: ``behovsanalys [FILE] [--lang sv|en] [--screenshot PNG]``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
from collections.abc import Sequence
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
                        help="save a PNG of the main window 600 ms after FILE's rows are shown, quit once loaded")
    return parser.parse_args(argv)


def create_window(app: QApplication, language: str | None = None) -> MainWindow:
    """Build the main window with the user's settings (tests use this too)."""
    settings = Settings()
    chosen = install_translator(app, language or settings.get("language"))
    return MainWindow(settings, UiState(), chosen)


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
        shot: Path = args.screenshot

        def quit_when_loaded() -> None:
            # never quit mid-load: the rows shown may be the preview of a file still being read
            if window.loading:
                QTimer.singleShot(50, quit_when_loaded)
            else:
                app.quit()

        def grab() -> None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(shot))
            print(f"Screenshot saved to {shot}", flush=True)
            quit_when_loaded()

        def save_and_quit() -> None:
            QTimer.singleShot(600, grab)

        if args.file is not None:
            # the first rows on screen: a small workbook's preview, else the loaded table
            window.rows_shown.connect(save_and_quit, Qt.ConnectionType.SingleShotConnection)
            # for benchmarks/bench_bundle.py: when the review grid (editable) came up, as a wall-clock time
            window.table_loaded.connect(lambda _table: print(f"Review grid shown at {time.time():.3f}", flush=True))
        else:
            save_and_quit()
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
