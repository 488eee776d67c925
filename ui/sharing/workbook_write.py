"""One route for a background command that rewrites the open workbook (a link or split, reading answers
back, making forms that give the workbook its ID): the pending review edits are saved first by the
window's ordinary save, the file watcher is paused (our own write is no colleague's change), the grid is
read-only meanwhile, and the command runs in the save lane so it never overlaps a save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from ui import tasks
from ui.errors import show_error


def write_after_saving(window: Any, owner: QObject, work: Callable[[Path, str], Any],
                       done: Callable[[Any], None], *, cannot_save: Callable[[], None],
                       failed: Callable[[], None] | None = None,
                       started: Callable[[tasks.Task | None], None] | None = None) -> None:
    """Run ``work(path, user)`` on the workbook open in ``window``'s grid once its pending edits are
    saved; ``done(result)`` on success. When the edits cannot be saved now, ``cannot_save()``; when the
    save or the work fails, ``failed()`` (the work's error is also shown). ``started`` is told of the task
    when it starts, and of ``None`` when it ends; ``owner`` is the task's owner (a result for an owner
    that was deleted is dropped)."""
    page = window.review_page
    if page is None or page.session is None:
        return
    path = Path(page.session.table.path)
    user = page.session.user
    saver = window.saver

    def saved(ok: bool) -> None:
        if not ok:
            if failed is not None:
                failed()
            return
        saver.watcher.paused = True
        page.model.read_only = True

        def settle() -> None:
            saver.watcher.paused = False
            page.model.read_only = False
            if started is not None:
                started(None)

        def succeeded(result: Any) -> None:
            settle()
            done(result)

        def failed_with(error: BaseException) -> None:
            settle()
            if failed is not None:
                failed()
            show_error(window, error, window.language)

        task = tasks.run_task(lambda _p: work(path, user), on_success=succeeded, on_failure=failed_with,
                              lane="save", owner=owner)
        if started is not None:
            started(task)

    if saver.is_dirty:
        if not saver.save(on_done=saved):
            cannot_save()
            if failed is not None:
                failed()
        return
    saved(True)
