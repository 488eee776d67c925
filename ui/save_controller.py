"""Saving the open table into its workbook: Save, Save As, unsaved-changes state, asking before closing.

The writing itself is the core's (``workbench.apply.save_review``), run in the background "save" lane
so saves happen one at a time. While a save runs the grid is read-only, so what is saved is exactly
what the user saw.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import tasks
from ui.errors import show_error
from ui.review_page import ReviewPage

log = logging.getLogger(__name__)


class SaveController(QObject):
    """Owns the save actions' behaviour for one main window."""

    saved = Signal(object)  # the core's ApplyResult
    dirty_changed = Signal(bool)

    def __init__(self, window: QWidget, page: ReviewPage, language: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self._language = language
        self.task: tasks.Task | None = None
        self._dirty = False
        page.status_changed.connect(self.update_dirty)

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def saving(self) -> bool:
        return self.task is not None

    def update_dirty(self) -> None:
        session = self.page.session
        dirty = bool(session is not None and session.is_dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def save(self, output: Path | None = None, on_done: Callable[[bool], None] | None = None) -> bool:
        """Save the changed review cells (all of them for Save As); False if nothing was started."""
        from workbench.apply import save_review

        session = self.page.session
        if session is None or self.task is not None:
            return False
        changed = None if output is not None else session.changed_cells()
        if changed is not None and not changed:
            if on_done is not None:
                on_done(True)
            return False
        table = session.table
        self.page.model.read_only = True

        def succeeded(result: Any) -> None:
            self.task = None
            self.page.model.read_only = False
            if output is not None or result.converted:
                table.path = Path(result.written)
            session.mark_saved()
            self.update_dirty()
            log.info("Saved %s cells to %s", result.cells, result.written)
            self.saved.emit(result)
            if on_done is not None:
                on_done(True)

        def failed(error: BaseException) -> None:
            self.task = None
            self.page.model.read_only = False
            show_error(self.window, error, self._language())
            if on_done is not None:
                on_done(False)

        self.task = tasks.run_task(lambda progress: save_review(table, changed, output=output, progress=progress),
                                   on_success=succeeded, on_failure=failed, lane="save")
        return True

    def save_as(self) -> bool:
        session = self.page.session
        if session is None:
            return False
        start = str(session.table.path.with_name(session.table.path.stem + " (granskad).xlsx"))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save as"), start,
                                              self.tr("Excel workbook (*.xlsx *.xlsm)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".xlsm"):
            target = target.with_suffix(".xlsx")
        return self.save(output=target)

    def confirm_discard(self, proceed: Callable[[], None]) -> bool:
        """Ask before losing unsaved changes; calls ``proceed`` once it is safe. True if it ran now."""
        if not self._dirty:
            proceed()
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The review has changes that are not saved in the workbook. Save them first?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("unsavedChangesBox")
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def answered(_result: int) -> None:
            button = box.standardButton(box.clickedButton())
            if button == QMessageBox.StandardButton.Save:
                self.save(on_done=lambda ok: proceed() if ok else None)
            elif button == QMessageBox.StandardButton.Discard:
                self._dirty = False
                proceed()

        box.finished.connect(answered)
        box.open()
        return False
