"""Progress reporting and cancellation for long core operations.

Core functions take an optional :class:`Progress` and call :meth:`Progress.report` now and then. They
know nothing about threads: the GUI's background helper creates a ``Progress`` whose callback forwards
to the GUI thread, and calls :meth:`Progress.cancel` from there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from workbench.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Reports ``(done, total, stage)`` and raises :class:`Cancelled` once cancelled."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was asked for."""
        if self._cancelled.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, stage: str = "") -> None:
        self.check()
        if self._callback is not None:
            self._callback(done, total, stage)


def report(progress: Progress | None, done: int, total: int, stage: str = "") -> None:
    """Report to ``progress`` when one was given."""
    if progress is not None:
        progress.report(done, total, stage)


def finished(progress: Progress | None, total: int, stage: str = "done") -> None:
    """Say the work is done. A cancel asked for now comes too late (the result is written) and is ignored,
    so the caller is never told "nothing was saved" about a file that was."""
    if progress is not None and progress._callback is not None:
        progress._callback(total, total, stage)
