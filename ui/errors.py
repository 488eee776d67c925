"""The one place that decides how an error is shown, and the crash handler."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench import paths
from workbench.errors import Cancelled, WorkbenchError

log = logging.getLogger(__name__)


def error_text(error: BaseException, language: str) -> str:
    """The user message for ``error`` in ``language``: typed errors from the core's catalogue."""
    if isinstance(error, WorkbenchError):
        return error.message(language)
    if isinstance(error, MemoryError):
        return QCoreApplication.translate(
            "ErrorMessages", "The computer ran out of memory. Close other programs and try again.")
    if isinstance(error, OSError):
        name = getattr(error, "filename", None) or ""
        template = QCoreApplication.translate(
            "ErrorMessages", "The file {file} could not be read or written: {problem}")
        return template.format(file=name, problem=error.strerror or str(error))
    template = QCoreApplication.translate("ErrorMessages", "An unexpected error occurred: {problem}")
    return template.format(problem=str(error) or type(error).__name__)


def show_error(parent: QWidget | None, error: BaseException, language: str) -> None:
    """Show ``error`` in a message box (blocking problems only; findings go in the banner)."""
    if isinstance(error, Cancelled):
        return
    log.info("Showing error to user: %r", error)
    title = QCoreApplication.translate("ErrorMessages", "Behovsanalys")
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error, language),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Write a crash log in the user's log folder; returns its path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = paths.log_dir() / f"crash-{stamp}.log"
    path.write_text("".join(traceback.format_exception(exc_type, exc, tb)), encoding="utf-8")
    return str(path)


def install_excepthook() -> None:
    """Log unexpected exceptions to a crash file and tell the user, instead of dying silently."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        try:
            where = write_crash_log(exc_type, exc, tb)
        except OSError:
            where = "?"
        sys.__stderr__.write(f"Behovsanalys: unexpected error, details in {where}\n") if sys.__stderr__ else None

    sys.excepthook = hook
