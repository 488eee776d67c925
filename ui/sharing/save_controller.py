"""Saving the open table into the shared workbook, and taking in what colleagues saved.

The core does the work (``workbench.sharing.shared_save``: lock, three-way merge, cell-level write, journal);
this controller runs it in the background "save" lane (one save at a time), keeps the grid read-only
meanwhile so that what is saved is what the user saw, and turns the core's typed refusals into
choices: conflicts -> the conflict dialog; the file open in Excel -> wait (the owner file is watched
and the save runs by itself once it is gone) / save anyway / save a copy; an older copy of the file ->
save anyway or not. A colleague's save that meets a pending edit of ours with another value leaves a
pending conflict in the session (``conflicts_pending``), which the user can settle at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import tasks
from ui.errors import show_error
from ui.file_dialogs import get_save_file_name
from ui.review.page import ReviewPage
from ui.sharing.conflict_dialog import ConflictDialog
from ui.sharing.file_watcher import WorkbookWatcher
from workbench.errors import ConflictError, FileOpenElsewhereError, OlderCopyError
from workbench.formats import XLSX_SUFFIXES

log = logging.getLogger(__name__)
LOCK_WAIT_SECONDS = 30.0
OWNER_POLL_MS = 1000


class SaveController(QObject):
    """Owns saving, dirty state and merging colleagues' saved changes for one main window."""

    saved = Signal(object)  # the core's SharedSaveResult (or SaveResult for Save As)
    pulled = Signal(object)  # the core's PullResult, after a colleague's save was merged in
    dirty_changed = Signal(bool)
    waiting = Signal(str)  # who holds the lock while we wait (emitted from the worker thread)
    converted = Signal(object)  # an xls/ods was saved as a new xlsx beside it: the path to open now
    conflicts_pending = Signal(list)  # the session's unsettled conflicts (Conflict objects), after a pull/save
    owner_wait = Signal(str)  # waiting for who has the file open in Excel to close it ("" when the wait ends)

    def __init__(self, window: QWidget, page: ReviewPage, language: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self._language = language
        self.task: tasks.Task | None = None
        self._dirty = False
        self.watcher = WorkbookWatcher(self)
        self.watcher.changed.connect(self.pull)
        page.model.review_changed.connect(self.update_dirty)  # not on every selection change
        self._owner_timer = QTimer(self)
        self._owner_timer.setInterval(OWNER_POLL_MS)
        self._owner_timer.timeout.connect(self._on_owner_timer_timeout)
        self._owner_done: Callable[[bool], None] | None = None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def saving(self) -> bool:
        return self.task is not None

    @property
    def waiting_for_owner(self) -> bool:
        """Whether a save waits for the file to be closed in Excel or LibreOffice."""
        return self._owner_timer.isActive()

    def update_dirty(self) -> None:
        session = self.page.session
        dirty = bool(session is not None and session.is_dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def table_opened(self) -> None:
        session = self.page.session
        if session is not None:
            self.watcher.watch(Path(session.table.path))

    # --- saving -------------------------------------------------------------------------------
    def save(self, on_done: Callable[[bool], None] | None = None, *, resolve_as: Any = "ask",
             open_elsewhere: str = "ask", allow_older: bool = False) -> bool:
        """Save our changed cells into the shared workbook; False if nothing was started."""
        from workbench.sharing.shared_save import save_shared

        session = self.page.session
        if session is None or self.task is not None or self.waiting_for_owner:
            return False
        changed = session.changed_cells()
        if not changed:
            if on_done is not None:
                on_done(True)
            return False
        table = session.table
        journal = session.journal
        up_to = journal.last_id() if journal is not None else None
        base, fingerprint = session.baseline, session.base_fingerprint
        self._started(pause_watcher=True)

        def work(progress: Any) -> Any:
            return save_shared(table, base, changed, user=session.user, journal=journal, resolve_as=resolve_as,
                               wait_seconds=LOCK_WAIT_SECONDS, on_wait=lambda info: self.waiting.emit(info.who),
                               open_elsewhere=open_elsewhere, allow_older=allow_older, journal_up_to=up_to,
                               progress=progress, base_fingerprint=fingerprint)

        def succeeded(result: Any) -> None:
            self._finished()
            self._take_in(session, result, pending=False)  # the save settled every conflict
            log.info("Saved %d cells to %s", len(result.written), table.path)
            self.saved.emit(result)
            if result.applied is not None and result.applied.converted:
                # The decisions now live in the new .xlsx; keep working there, never in the xls/ods again.
                self.converted.emit(Path(result.applied.written))
            if on_done is not None:
                on_done(True)

        def failed(error: BaseException) -> None:
            self._finished()
            handled = self._offer_choices(error, on_done)
            if not handled:
                show_error(self.window, error, self._language())
                if on_done is not None:
                    on_done(False)

        self.task = tasks.run_task(work, on_success=succeeded, on_failure=failed, lane="save")
        return True

    def _started(self, *, pause_watcher: bool) -> None:
        """A save or pull runs: the grid is read-only meanwhile, so what is saved is what the user saw."""
        self.page.model.read_only = True
        if pause_watcher:
            self.watcher.paused = True  # our own write is not a colleague's change

    def _finished(self, *, accept_file: bool = True) -> None:
        self.task = None
        self.page.model.read_only = False
        if accept_file:
            self.watcher.accept_current()
        self.watcher.paused = False

    def _take_in(self, session: Any, result: Any, *, pending: bool) -> None:
        """Apply what a save or a pull hands back (the new base, the colleagues' changes and, for a pull, the
        conflicts it left pending) to the session and the grid: the one place that does it."""
        if pending:
            session.rebase(result.base, result.fingerprint, conflicts=result.conflicts,
                           theirs_values=result.theirs_values)
        else:
            session.rebase(result.base, result.fingerprint)
        self.page.model.highlight(result.theirs_changes)
        self._review_values_changed(session)

    def _review_values_changed(self, session: Any) -> None:
        """The session's review values changed outside the grid's edits: repaint, refilter, say what is left."""
        self.page.model.review_reloaded()
        self.page.refresh()
        self.update_dirty()
        self.conflicts_pending.emit(session.pending_conflicts)

    def _offer_choices(self, error: BaseException, on_done: Callable[[bool], None] | None) -> bool:
        language = self._language()
        if isinstance(error, ConflictError):
            conflicts = list(error.params.get("conflicts", []))
            session = self.page.session
            names = session.table.names_of(c["key"] for c in conflicts) if session is not None else {}
            dialog = ConflictDialog(conflicts, language, self.window, names=names)
            dialog.accepted.connect(lambda: self.save(on_done, resolve_as=dialog.choices()))
            dialog.rejected.connect(lambda: on_done(False) if on_done is not None else None)
            dialog.open()
            return True
        if isinstance(error, FileOpenElsewhereError):
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Open in another program"),
                              error.message(language), QMessageBox.StandardButton.NoButton, self.window)
            box.setObjectName("openElsewhereBox")
            box.setInformativeText(self.tr("Saving while it is open there may make them lose their own changes "
                                           "when they save. Your edits are kept in the journal either way."))
            wait = box.addButton(self.tr("Wait until it is closed"), QMessageBox.ButtonRole.AcceptRole)
            anyway = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
            copy = box.addButton(self.tr("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(wait)  # Enter waits: the safe choice, never "save anyway"
            box.setEscapeButton(cancel)
            who = str(error.params.get("who") or "")

            def answered(_result: int) -> None:
                clicked = box.clickedButton()
                if clicked is anyway:
                    self.save(on_done, open_elsewhere="save")
                elif clicked is copy:
                    self.save_as()
                elif clicked is wait:
                    self.wait_for_owner(who, on_done)
                elif on_done is not None:
                    on_done(False)

            box.finished.connect(answered)
            box.open()
            return True
        if isinstance(error, OlderCopyError):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Older copy of the workbook"),
                              error.message(language),
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self.window)
            box.setObjectName("olderCopyBox")
            box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save anyway"))

            def older_answered(_result: int) -> None:
                if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Save:
                    self.save(on_done, allow_older=True)
                elif on_done is not None:
                    on_done(False)

            box.finished.connect(older_answered)
            box.open()
            return True
        return False

    # --- waiting for Excel --------------------------------------------------------------------
    def wait_for_owner(self, who: str, on_done: Callable[[bool], None] | None = None) -> None:
        """Watch the owner file of Excel or LibreOffice and save by itself once it is gone."""
        self._owner_done = on_done
        self._owner_timer.start()
        self.owner_wait.emit(who or "?")

    def cancel_owner_wait(self) -> None:
        """Stop waiting (the edits stay, unsaved, in the grid and the journal)."""
        if not self._owner_timer.isActive():
            return
        self._owner_timer.stop()
        self.owner_wait.emit("")
        done, self._owner_done = self._owner_done, None
        if done is not None:
            done(False)

    def _on_owner_timer_timeout(self) -> None:
        from workbench.sharing.lock import office_owner

        session = self.page.session
        if session is None:
            self.cancel_owner_wait()
            return
        if office_owner(session.table.path) is not None:
            return
        self._owner_timer.stop()
        self.owner_wait.emit("")
        done, self._owner_done = self._owner_done, None
        if not self.save(done) and done is not None:
            done(not self.is_dirty)

    # --- conflicts a pull left --------------------------------------------------------------------
    def settle_pending(self) -> ConflictDialog | None:
        """Show the pending conflicts in the conflict dialog; the choices are settled at once."""
        session = self.page.session
        if session is None or not session.pending_conflicts or self.task is not None:
            return None
        conflicts = [c.as_dict() for c in session.pending_conflicts]
        dialog = ConflictDialog(conflicts, self._language(), self.window,
                                names=session.table.names_of(c["key"] for c in conflicts),
                                accept_text=self.tr("Apply"))

        def accepted() -> None:
            if self.task is not None or self.page.session is not session:
                return
            session.settle_conflicts(dialog.choices())  # type: ignore[arg-type]
            self._review_values_changed(session)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def save_copy(self, output: Path) -> bool:
        """Save As: write the whole review into a new workbook, which becomes the open document."""
        from workbench.writing.save import save_review

        session = self.page.session
        if session is None or self.task is not None:
            return False
        table = session.table
        self._started(pause_watcher=False)

        def succeeded(result: Any) -> None:
            self._finished()
            table.path = Path(result.written)
            session.mark_saved(result.fingerprint)
            self.watcher.watch(table.path)
            self.update_dirty()
            self.saved.emit(result)

        def failed(error: BaseException) -> None:
            self._finished()
            show_error(self.window, error, self._language())

        self.task = tasks.run_task(lambda progress: save_review(table, None, output=output, progress=progress),
                                   on_success=succeeded, on_failure=failed, lane="save")
        return True

    def save_as(self) -> bool:
        session = self.page.session
        if session is None:
            return False
        # a macro workbook opens in Excel only as .xlsm (the core refuses another ending)
        ending = ".xlsm" if session.table.format == "xlsm" else ".xlsx"
        start = str(session.table.path.with_name(session.table.path.stem + " (granskad)" + ending))
        path, _ = get_save_file_name(self.window, self.tr("Save as"), start, self.tr("Excel workbook (*.xlsx *.xlsm)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in XLSX_SUFFIXES:
            target = target.with_suffix(ending)
        return self.save_copy(target)

    # --- colleagues' saves ----------------------------------------------------------------------
    def pull(self) -> None:
        """The workbook changed on disk: merge the colleagues' saved decisions in (nothing is written)."""
        from workbench.sharing.shared_save import pull_changes

        session = self.page.session
        if session is None or self.task is not None:
            return
        table = session.table
        base = session.baseline
        changed = session.changed_cells()
        self._started(pause_watcher=False)

        def succeeded(result: Any) -> None:
            self._finished(accept_file=False)  # the watcher took the file's stamp when it noticed the change
            self._take_in(session, result, pending=True)
            self.pulled.emit(result)

        def failed(error: BaseException) -> None:
            self._finished(accept_file=False)
            log.warning("Could not take in the colleague's changes: %r", error)

        self.task = tasks.run_task(lambda _p: pull_changes(table, base, changed), on_success=succeeded,
                                   on_failure=failed, lane="save")

    # --- closing --------------------------------------------------------------------------------
    def confirm_discard(self, proceed: Callable[[], None]) -> bool:
        """Ask before leaving unsaved changes; calls ``proceed`` once it is safe. True if it ran now.

        "Don't save" keeps the edits in the journal: they come back the next time the file is opened.
        """
        if not self._dirty:
            proceed()
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The review has changes that are not saved in the workbook. Save them first?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("unsavedChangesBox")
        box.setInformativeText(self.tr("If you do not save now, the changes stay in the journal on this computer "
                                       "and come back the next time you open the workbook."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Don't save now"))

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
