"""The one way to run work in the background.

``run_task(fn, ...)`` runs ``fn(progress)`` on a worker thread and calls ``on_success(result)`` or
``on_failure(error)`` on the GUI thread. Core functions know nothing of threads: they take a
:class:`workbench.progress.Progress`, whose reports are forwarded here as a Qt signal. Tasks in the
"save" lane run one at a time, in order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from workbench.progress import Progress

log = logging.getLogger(__name__)

_active: set[Task] = set()
_save_lock = threading.Lock()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Task(QRunnable):
    """A unit of background work; keep the returned object to cancel it."""

    def __init__(self, fn: Callable[[Progress], Any], lane: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.progress = Progress(self._emit_progress)
        self._fn = fn
        self._lane = lane
        self.finished = threading.Event()

    def _emit_progress(self, done: int, total: int, stage: str) -> None:
        self.signals.progressed.emit(done, total, stage)

    def cancel(self) -> None:
        self.progress.cancel()

    def run(self) -> None:
        try:
            if self._lane == "save":
                with _save_lock:
                    result = self._fn(self.progress)
            else:
                result = self._fn(self.progress)
        except BaseException as error:  # delivered to the GUI thread, where it is shown
            log.info("Background task failed: %r", error)
            self.finished.set()
            self.signals.failed.emit(error)
        else:
            self.finished.set()
            self.signals.succeeded.emit(result)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    lane: str = "default",
    owner: QObject | None = None,
) -> Task:
    """Run ``fn(progress)`` in the background; callbacks run on the GUI thread. With ``owner``, a result that
    arrives after the owner was deleted (its window closed meanwhile) is dropped instead of reaching it."""
    task = Task(fn, lane)
    _active.add(task)

    def gone() -> bool:
        return owner is not None and not shiboken6.isValid(owner)

    @Slot(object)
    def succeeded(result: Any) -> None:
        _active.discard(task)
        if not gone():
            on_success(result)

    @Slot(object)
    def failed(error: BaseException) -> None:
        _active.discard(task)
        if not gone():
            on_failure(error)

    task.signals.succeeded.connect(succeeded)
    task.signals.failed.connect(failed)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def active_tasks() -> int:
    """How many tasks have not yet delivered their result (tests use this to catch leaks)."""
    return len(_active)
