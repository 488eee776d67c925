"""Notice when the open workbook changes on disk: QFileSystemWatcher plus a periodic check, since
network drives often send no events."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

POLL_MS = 20_000


class WorkbookWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._debounce.start())
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(700)  # a save is a rename plus writes: wait for it to settle
        self._debounce.timeout.connect(self.check)
        self.path: Path | None = None
        self._stamp: tuple[int, int] | None = None
        self.paused = False

    def watch(self, path: Path) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = path
        self._watcher.addPath(str(path))
        self.accept_current()
        self._poll.start()

    def accept_current(self) -> None:
        """Take the file as it is now as known (after opening it, or after our own save)."""
        self._stamp = self._read_stamp()
        if self.path is not None and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))  # a rename-over drops the watch: watch the new file

    def _read_stamp(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        with contextlib.suppress(OSError):
            stat = self.path.stat()
            return (stat.st_mtime_ns, stat.st_size)
        return None

    def check(self) -> None:
        if self.paused or self.path is None:
            return
        stamp = self._read_stamp()
        if stamp is not None and stamp != self._stamp:
            self._stamp = stamp
            self.accept_current()
            self.changed.emit()
