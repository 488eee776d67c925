"""Keeping the edit journal's write-ahead log short without making an edit wait for it.

The app's journal is opened with ``auto_checkpoint=False`` (``workbench.sharing.journal``): an edit only
appends to the log and syncs it. Once the user has paused for a moment, the log is copied into the
database in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ui import tasks
from workbench.sharing.journal import Journal

log = logging.getLogger(__name__)
IDLE_MS = 1000


class JournalUpkeep(QObject):
    """Call :meth:`edited` after every journalled edit; a checkpoint follows a pause of ``IDLE_MS``."""

    def __init__(self, journal: Callable[[], Journal | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._task: tasks.Task | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def edited(self) -> None:
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        journal = self._journal()
        if journal is None:
            return
        if self._task is not None:  # the previous one still runs: try again after the next pause
            self.timer.start()
            return

        def done(_result: object) -> None:
            self._task = None

        def failed(error: BaseException) -> None:
            self._task = None
            log.warning("Journal checkpoint failed: %r", error)  # SQLite checkpoints on close anyway

        self._task = tasks.run_task(lambda _p: journal.checkpoint(), on_success=done, on_failure=failed)
