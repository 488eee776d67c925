"""Opening a file in the main window: the open dialog, recent files and drops, the background load, the
read-only preview of a small workbook, the import dialog's route, and the hand-over to the review grid.

The window comes up without the review core (pandas and the grid's modules load on the first table):
opening a small workbook first shows its rows read-only (:class:`ui.importing.preview.PreviewPage`) and the review
grid replaces them when the full load finishes, so a user sees the file in a fraction of the time.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ui import tasks
from ui.errors import show_error
from ui.file_dialogs import get_open_file_name
from ui.importing.preview import PreviewPage
from workbench.errors import Cancelled, UsageError
from workbench.formats import SPREADSHEET_SUFFIXES
from workbench.messages import text
from workbench.reading.preview import Preview, read_preview
from workbench.reading.profiles import (
    ImportProfile,
    forget_profile,
    needs_confirming,
    remember_profile,
    remembered_profile,
)

if TYPE_CHECKING:
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

PREVIEW_HEAD_START_S = 0.5  # the longest the background load waits for a preview to be painted


class OpeningMixin:
    """Opening files in :class:`ui.main_window.MainWindow`."""

    def _on_open_action_triggered(self) -> None:
        self._confirm_discard(self._choose_file_to_open)

    def _choose_file_to_open(self) -> None:
        start = str(Path(self.settings.get("recent_files")[0]).parent) if self.settings.get("recent_files") else ""
        path = get_open_file_name(
            self, self.tr("Open article list"), start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def request_open(self, path: Path) -> None:
        """Open ``path`` once unsaved changes of the current table are saved or discarded."""
        self._confirm_discard(lambda: self.open_file(path))

    def open_file(self, path: Path, profile: ImportProfile | None = None) -> tasks.Task:
        """Load ``path`` in the background with the remembered (or given) import choices.

        A file read for the first time whose detection needs attention (no key column, findings) opens
        the import dialog; a clean one is shown at once, its findings in the banner.
        """
        if self._load_task is not None:
            self._load_task.cancel()
        remembered = profile or remembered_profile(self.settings, path)
        options = (remembered or ImportProfile()).read_options()
        self.show_status(lambda: self.tr("Reading {file}…").format(file=path.name))
        self.load_progress.setRange(0, 0)
        self.load_progress.show()
        self.cancel_button.show()
        # the load waits (at most half a second) until a preview has been painted: importing pandas holds
        # the interpreter, and the rows should not wait for it
        painted = threading.Event()
        joint = [False]
        if self.table is None:
            self._show_preview(read_preview(path, options.get("sheet"), options.get("header_row")))
        if self._preview is not None:
            self._preview.painted.connect(painted.set)
        else:
            painted.set()

        def done(table: Any) -> None:
            if task.progress.cancelled:  # the user cancelled (or opened another file) meanwhile
                if self._load_task is task:
                    self._finish_loading()
                    self.show_status(lambda: self.tr("Opening cancelled."), 5000)
                return
            self._finish_loading()
            # a joint workbook's layout is the app's own: nothing for the import dialog to ask
            if needs_confirming(table, remembered) and not joint[0]:
                self._confirm_import(path, table)
            else:
                self._show_table(table)

        def failed(error: BaseException) -> None:
            if self._load_task is not task:
                return  # a later open superseded this one
            self._finish_loading()
            if isinstance(error, Cancelled):
                self.show_status(lambda: self.tr("Opening cancelled."), 5000)
                return
            if isinstance(error, UsageError) and remembered is not None and profile is None:
                # The remembered columns are no longer in the file: detect afresh and let the user check.
                log.info("Remembered import choices for %s no longer fit: %s", path, error)
                forget_profile(self.settings, path)
                self.open_file(path)
                return
            self.statusBar().clearMessage()
            show_error(self, error, self.language)

        def read(progress: Any) -> Any:
            painted.wait(PREVIEW_HEAD_START_S)
            # pandas and the grid's modules load here, off the window's thread (on the first open)
            from workbench.reading.importer import read_table

            table = read_table(path, progress=progress, **options)
            from workbench.assortment.grid import joint_columns, joint_findings

            columns = joint_columns(table)
            if columns is not None:  # the joint layout's own columns are no unrecognised ones
                table.findings = joint_findings(table, columns)
            joint[0] = columns is not None
            import ui.review.page
            import ui.sharing.save_controller  # noqa: F401

            return table

        task = tasks.run_task(read,
                              on_success=done, on_failure=failed, on_progress=self._on_load_progressed)
        self._load_task = task
        return task

    def _confirm_import(self, path: Path, table: SourceTable) -> None:
        from ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(path, table, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            remember_profile(self.settings, path, dialog.profile())
            self.settings.save()
            self._show_table(dialog.table)

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: self.statusBar().clearMessage())
        dialog.open()

    def _on_import_settings_action_triggered(self) -> None:
        if self.table is not None:
            self._confirm_import(self.table.path, self.table)

    def _on_load_progressed(self, done: int, total: int, _stage: str) -> None:
        if total > 0:
            self.load_progress.setRange(0, total)
            self.load_progress.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        if self._load_task is not None:
            self._load_task.cancel()

    @property
    def loading(self) -> bool:
        """Whether a file is being read in the background."""
        return self._load_task is not None

    def _finish_loading(self) -> None:
        self._load_task = None
        self.load_progress.hide()
        self.cancel_button.hide()
        self._drop_preview()

    def _show_preview(self, preview: Preview | None) -> None:
        """Show the rows of a small workbook read-only while the full load runs (nothing when the file
        is large, not a workbook or unreadable: the load then reports as usual)."""
        if preview is None:
            return
        self._drop_preview()
        self._preview = PreviewPage(preview, self, self.language)
        self._preview.painted.connect(self.rows_shown)
        self.stack.addWidget(self._preview)
        self.stack.setCurrentWidget(self._preview)

    def _drop_preview(self) -> None:
        if self._preview is not None:
            if self.stack.currentWidget() is self._preview:
                self.stack.setCurrentIndex(0 if self.table is None else self.stack.indexOf(self.table_page))
            self.stack.removeWidget(self._preview)
            self._preview.deleteLater()
            self._preview = None

    def _show_table(self, table: SourceTable) -> None:
        if self._saver is not None:
            self._saver.cancel_owner_wait()
        self.conflict_bar.hide()
        self.table = table
        self._update_title()  # the "[*]" placeholder must be in the title before the dirty state is shown
        from workbench.sharing.lock import current_user

        # the name chosen in the settings, else what the core records everywhere (BEHOVSANALYS_USER or the login)
        restored = self.review_page.set_table(table, self.settings.get("user_name") or current_user(),
                                              self.journal)
        self.saver.table_opened()
        self.stack.setCurrentWidget(self.table_page)
        self._drop_preview()
        self.import_settings_action.setEnabled(self._import_settings_offered(table))
        self.save_as_action.setEnabled(True)
        self.export_view_action.setEnabled(True)
        self.columns_action.setEnabled(True)
        self.saver.update_dirty()
        self._on_saver_dirty_changed(self.saver.is_dirty)
        self._show_banner(table)
        self.settings.add_recent_file(table.path)
        self.settings.save()
        self._refresh_recent_menu()
        self._update_title()
        self._update_progress_label()
        self.show_status(lambda: self.tr("Read %Ln article(s) from {file}", "", table.row_count).format(
            file=table.path.name), 8000)
        if restored:
            # Edits that were never saved (the app or the computer stopped): back from the journal.
            self._show_restore_note(lambda: text("journal_restored", self.language, count=restored,
                                                 file=table.path.name))
        self.rows_shown.emit()
        self.table_loaded.emit(table)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.request_open(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()
