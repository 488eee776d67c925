"""Arkiv > Anbudsunderlag…: the tender list of the open joint workbook, made by ``workbench.tender`` in the
background once the pending review edits are saved (the list is made from the file, which it only reads);
the status bar says how many articles it holds and offers to open its folder."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from ui import tasks
from ui.errors import show_error
from ui.file_dialogs import get_save_file_name

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from workbench.table import SourceTable

log = logging.getLogger(__name__)


class TenderList(QObject):
    """The File menu's Anbudsunderlag… and the status bar's word about the list made."""

    finished = Signal(object)  # the TenderReport, once the list is written and the status bar says so
    failed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = window.tender_action
        self.report: Any = None  # the last TenderReport
        self._task: tasks.Task | None = None
        self._message = ""
        self.open_folder_button = QPushButton()
        self.open_folder_button.setObjectName("tenderOpenFolderButton")
        self.open_folder_button.setFlat(True)
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self.open_folder)
        window.statusBar().addWidget(self.open_folder_button)
        window.statusBar().messageChanged.connect(self._on_status_bar_message_changed)
        window.table_loaded.connect(self._on_window_table_loaded)
        self._update_action()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Tender list…"))
        self.action.setToolTip(self.tr("The remaining articles with their pooled yearly volumes, as a workbook the "
                                       "suppliers fill in with their offers"))
        self.open_folder_button.setText(self.tr("Open folder"))
        if self.report is not None and self.open_folder_button.isVisible():
            self._say(self.report)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _joint_open(self) -> bool:
        return self.window.table is not None and self.window.joint_grid.columns is not None

    def _update_action(self) -> None:
        self.action.setEnabled(self._joint_open() and self._task is None)

    def _on_window_table_loaded(self, _table: SourceTable) -> None:
        self._update_action()

    def ask_target(self) -> str:
        """The file to write, asked of the user ("" when cancelled)."""
        table = self.window.table
        assert table is not None
        suggested = Path(table.path).with_name(self.tr("{name} – tender list").format(name=Path(table.path).stem)
                                               + ".xlsx")
        chosen, _ = get_save_file_name(self.window, self.tr("Tender list"), str(suggested),
                                       self.tr("Excel workbook (*.xlsx)"))
        if chosen and not chosen.lower().endswith(".xlsx"):
            chosen += ".xlsx"
        return chosen

    def make(self, target: str | None = None) -> None:
        """Ask for the file (unless ``target`` is given), save the pending edits, then write the list."""
        if not self._joint_open() or self._task is not None:
            return
        chosen = target if target is not None else self.ask_target()
        if not chosen:
            return
        out = Path(chosen)
        saver = self.window.saver
        if saver.is_dirty:
            if not saver.save(on_done=lambda ok: self._start(out) if ok else self._not_saved()):
                self._not_saved()
            return
        self._start(out)

    def _not_saved(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("The tender list was not made: save your changes first (the workbook could not be saved now)."),
            10_000)
        self.failed.emit()

    def _start(self, out: Path) -> None:
        table = self.window.table
        if table is None:
            return
        joint = Path(table.path)
        self.window.statusBar().showMessage(self.tr("Making the tender list…"))

        def work(progress: Any) -> Any:
            from workbench.tender import make_tender

            return make_tender(joint, out, progress=progress)

        def done(report: Any) -> None:
            self._task = None
            self._update_action()
            self.report = report
            self._say(report)
            self.finished.emit(report)

        def failed(error: BaseException) -> None:
            self._task = None
            self._update_action()
            log.info("The tender list of %s failed: %r", joint, error)
            self.window.statusBar().clearMessage()
            show_error(self.window, error, self.window.language)
            self.failed.emit()

        self._task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._update_action()

    def _say(self, report: Any) -> None:
        self._message = self.tr("Tender list with %n article(s) saved: {file}", "", report.articles).format(
            file=Path(report.file).name)
        self.window.statusBar().showMessage(self._message, 30_000)
        self.open_folder_button.show()

    def _on_status_bar_message_changed(self, message: str) -> None:
        if message != self._message:
            self.open_folder_button.hide()

    def open_folder(self) -> bool:
        if self.report is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.report.file).parent)))
