"""Sammanfattning in the main window: Visa > Sammanfattning shows the page in the window's stack; the core
summarises the loaded table in the background on a copy of its review values (typing in the grid goes on),
again 300 ms after the last decision, undo, redo or colleague's pull while the page is shown (else when it
is shown next). The page's buttons write the PDF and the workbook from that summary in the background
(both read the summary in memory, not the file, so nothing needs saving first), and trigger Arkiv >
Anbudsunderlag… where the app has it; Arkiv > Skriv ut… prints the page."""

from __future__ import annotations

import copy
import importlib.util
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ui import tasks
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review.page import ReviewPage
    from ui.summary.page import SummaryPage
    from workbench.summary import Summary
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Shift+M"
WRITERS = {"pdf": ("workbench.summary.pdf", "write_pdf"), "workbook": ("workbench.summary.workbook", "write_workbook")}


def writer(kind: str) -> Callable[..., Any] | None:
    """The core's writer of ``kind`` ("pdf", "workbook"), or None when this version has none. The module
    (reportlab, xlsxwriter) is imported when the writer runs, in the background, not when it is asked for."""
    module_name, function = WRITERS[kind]
    try:
        if importlib.util.find_spec(module_name) is None:
            return None
    except ModuleNotFoundError:
        return None

    def write(summary: Summary, path: Path, lang: str) -> None:
        getattr(importlib.import_module(module_name), function)(summary, path, lang)

    return write


class SummaryController(QObject):
    """The page, its actions, the summary of the loaded table and what is written from it."""

    computed = Signal()  # a new summary is on the page (tests wait for it)
    written = Signal(str)  # a file was written from the summary: its path

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: SourceTable | None = None
        self.summary: Summary | None = None
        self.seconds = 0.0  # how long the last summary took in the background
        self.notice: QMessageBox | None = None  # the last message shown (tests read it)
        self._page_widget: SummaryPage | None = None
        self._task: tasks.Task | None = None
        self._writes = 0
        self._stale = True
        self._after: list[Callable[[], None]] = []  # run once the summary is current
        self._hooked: ReviewPage | None = None
        self.page_action = QAction(window)
        self.page_action.setObjectName("summaryAction")
        self.page_action.setShortcut(QKeySequence(SHORTCUT))
        self.page_action.triggered.connect(self.show_page)
        window.view_menu.addAction(self.page_action)
        self.print_action = QAction(window)
        self.print_action.setObjectName("printAction")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_page)
        quit_at = window.file_menu.actions().index(window.quit_action)
        window.file_menu.insertAction(window.file_menu.actions()[max(0, quit_at - 1)], self.print_action)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.recompute)
        window.table_loaded.connect(self._on_window_table_loaded)
        self._update_actions()

    def retranslate(self) -> None:
        self.page_action.setText(self.tr("&Summary"))
        self.print_action.setText(self.tr("&Print…"))
        if self._page_widget is not None:
            self._page_widget.retranslate(self.window.language)
            self._show()

    def _update_actions(self) -> None:
        loaded = self.table is not None
        self.page_action.setEnabled(loaded)
        self.print_action.setEnabled(loaded)
        if self._page_widget is not None:
            tender = self.tender_action()
            self._page_widget.tender_button.setVisible(tender is not None)
            self._page_widget.tender_button.setEnabled(tender is not None and tender.isEnabled())

    # --- the page -------------------------------------------------------------------------------
    @property
    def page(self) -> SummaryPage:
        """The page, built on first use and put in the window's stack."""
        if self._page_widget is None:
            from ui.summary.page import SummaryPage

            page = SummaryPage(self.window)
            page.pdf_requested.connect(lambda: self.save("pdf"))
            page.workbook_requested.connect(lambda: self.save("workbook"))
            page.tender_requested.connect(self.tender)
            page.print_requested.connect(self.print_page)
            page.back_requested.connect(self.hide_page)
            self.window.stack.addWidget(page)
            page.retranslate(self.window.language)
            self._page_widget = page
            self._update_actions()
            self._show()
        return self._page_widget

    @property
    def shown(self) -> bool:
        return self._page_widget is not None and self.window.stack.currentWidget() is self._page_widget

    def show_page(self) -> SummaryPage | None:
        if self.table is None:
            return None
        page = self.page
        self._update_actions()
        self.window.stack.setCurrentWidget(page)
        if self._stale and self._task is None:
            self.recompute()
        return page

    def hide_page(self) -> None:
        if self.table is not None:
            self.window.stack.setCurrentWidget(self.window.table_page)

    @property
    def busy(self) -> bool:
        """A summary is being computed or waits for the pause after an edit, or a file is being written."""
        return self._task is not None or self._debounce.isActive() or self._writes > 0

    def _show(self) -> None:
        if self._page_widget is None:
            return
        if self.summary is None:
            self._page_widget.show_loading()
            return
        from workbench.summary import page

        self._page_widget.show_summary(self.summary, page(self.summary, self.window.language))

    # --- the summary ----------------------------------------------------------------------------
    def _on_window_table_loaded(self, table: SourceTable) -> None:
        review_page = self.window.review_page
        if self._hooked is not review_page:
            self._hooked = review_page
            review_page.model.review_changed.connect(self._on_model_review_changed)
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._debounce.stop()
        self.table, self.summary, self._stale = table, None, True
        self._update_actions()
        self._show()
        if self.shown:
            self.recompute()

    def _on_model_review_changed(self) -> None:
        self._stale = True
        if self.shown:
            self._debounce.start()

    def recompute(self) -> None:
        """The summary of the table as it is now, in the background on a copy of the review values."""
        self._debounce.stop()
        table = self.table
        if table is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._stale = False
        snapshot = copy.copy(table)
        snapshot.review = table.review.copy()
        environment = self.window.environment
        report = environment.report if environment.table is table else None
        path = Path(table.path)
        if self._page_widget is not None and self.summary is not None:
            self._page_widget.show_busy(True)

        def work(_progress: Any) -> Any:
            from workbench.summary import summarise

            start = time.perf_counter()
            summary = summarise(snapshot, report, file=path)
            return summary, time.perf_counter() - start

        def done(result: Any) -> None:
            if self._task is not task:
                return
            self._task = None
            if self.table is not table:
                return
            self.summary, self.seconds = result
            self._show()
            self.computed.emit()
            if self._after and self._stale and not self._debounce.isActive():
                self.recompute()  # decided again meanwhile (the page hidden): what waits needs the new figures
            elif self._after and not self._debounce.isActive():
                waiting, self._after = self._after, []
                for then in waiting:
                    then()

        def failed(error: BaseException) -> None:
            if self._task is not task:
                return
            self._task = None
            self._after = []
            log.warning("Summarising %s failed: %r", table.path, error)
            if self._page_widget is not None:
                if self.summary is None:
                    self._page_widget.show_failed()
                else:
                    self._page_widget.show_busy(False)
            show_error(self.window, error, self.window.language)

        task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._task = task

    def _when_current(self, then: Callable[[], None]) -> None:
        """``then()`` now if the summary shows the decisions as they are, else once it does."""
        if self.table is None:
            return
        if self.summary is not None and not self._stale and self._task is None and not self._debounce.isActive():
            then()
            return
        self._after.append(then)
        if self._task is None:
            self.recompute()

    # --- writing --------------------------------------------------------------------------------
    def ask_path(self, kind: str, suggested: Path) -> Path | None:
        from ui.file_dialogs import get_save_file_name

        if kind == "pdf":
            caption, name_filter = self.tr("Save the summary as PDF"), self.tr("PDF (*.pdf)")
        else:
            caption, name_filter = self.tr("Save the summary as a workbook"), self.tr("Excel workbook (*.xlsx)")
        chosen, _ = get_save_file_name(self.window, caption, str(suggested), name_filter)
        return Path(chosen) if chosen else None

    def save(self, kind: str) -> None:
        """Spara PDF… ("pdf") or Spara arbetsbok… ("workbook"): ask where, then write in the background."""
        if self.table is None:
            return
        write = writer(kind)
        if write is None:
            self._tell(self.tr("Summary"), self.tr("This version of Behovsanalys cannot save the summary as a PDF.")
                       if kind == "pdf" else
                       self.tr("This version of Behovsanalys cannot save the summary as a workbook."))
            return
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        joint = Path(self.table.path)
        word = self.tr("summary", "the end of a suggested file name")
        suggested = joint.with_name(f"{joint.stem}-{word}{suffix}")
        path = self.ask_path(kind, suggested)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if path.resolve() == joint.resolve():
            self._tell(self.tr("Summary"), self.tr("Choose another file: {file} is the workbook itself.")
                       .format(file=path.name))
            return
        self._when_current(lambda: self._write(write, path))

    def _write(self, write: Callable[..., Any], path: Path) -> None:
        summary, lang = self.summary, self.window.language
        if summary is None:
            return
        self._writes += 1
        self.window.show_status(lambda: self.tr("Writing {file}…").format(file=path.name))

        def done(_result: Any) -> None:
            self._writes -= 1
            self.window.show_status(lambda: self.tr("The summary is saved in {file}.").format(file=path.name), 15_000)
            self.written.emit(str(path))

        def failed(error: BaseException) -> None:
            self._writes -= 1
            log.warning("Writing the summary to %s failed: %r", path, error)
            self.window.statusBar().clearMessage()
            show_error(self.window, error, self.window.language)

        tasks.run_task(lambda _progress: write(summary, path, lang), on_success=done, on_failure=failed, owner=self)

    def tender_action(self) -> QAction | None:
        """Arkiv > Anbudsunderlag…, where this version of the app has it."""
        action = getattr(self.window, "tender_action", None)
        if isinstance(action, QAction):
            return action
        return next((a for a in self.window.findChildren(QAction) if a.objectName().lower().startswith("tender")),
                    None)

    def tender(self) -> None:
        action = self.tender_action()
        if action is not None and action.isEnabled():
            action.trigger()

    # --- printing -------------------------------------------------------------------------------
    def print_page(self) -> None:
        """Arkiv > Skriv ut…: the page (shown first, and brought up to date) on the printer the user picks."""
        from ui.summary.printing import printing_available

        if self.table is None:
            return
        if not printing_available():
            self._tell(self.tr("Print"), self.tr("This version of Behovsanalys cannot print. Save the summary as "
                                                 "a PDF and print that."))
            return
        self.show_page()
        self._when_current(self._ask_and_print)

    def ask_printer(self, printer: Any) -> bool:
        from ui.summary.printing import ask_printer

        return ask_printer(self.window, printer)

    def _ask_and_print(self) -> None:
        from ui.summary.printing import new_printer

        printer = new_printer()
        if self.ask_printer(printer):
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        """The page's sheet on one page of ``printer`` (a file too, with a PDF printer)."""
        from ui.summary.printing import print_widget

        try:
            print_widget(self.page.sheet, printer)
        except OSError as error:
            show_error(self.window, error, self.window.language)
            return
        self.window.show_status(lambda: self.tr("The summary was sent to the printer."), 10_000)

    def _tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self.window)
        box.setObjectName("summaryNoticeBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.open()
