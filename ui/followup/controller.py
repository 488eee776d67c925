"""Uppföljning in the main window: Visa > Uppföljning shows the page for a joint workbook; the purchase files
added are detected by the core (the municipality each holds); "Kör uppföljning" saves pending review edits
(the follow-up reads the decisions from the file), runs ``workbench.followup.follow_up`` in the background
with a cancel between files, and then appends the run's snapshot to the workbook's Uppföljning sheet through
``ui.sharing.workbook_write`` (the watcher paused, the grid read-only for that short write). A cancelled or
failed run writes nothing. The lists export as csv, the report workbook is written on request, and a
removed article double-clicked is shown in the grid."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui import tasks
from ui.errors import error_text, show_error
from ui.followup.progress import Relay, RunState, Step
from workbench.errors import Cancelled
from workbench.numbers import format_number

if TYPE_CHECKING:
    from ui.followup.page import FollowupPage
    from ui.main_window import MainWindow
    from workbench.followup.files import PurchaseFile
    from workbench.followup.report import FollowupResult
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+U"


class Followup(QObject):
    """The action, the page, the files chosen and the last result."""

    finished = Signal()  # a run ended (done, cancelled or failed) and the page shows it (tests wait for it)
    files_read = Signal()  # the files added are detected and listed
    snapshot_written = Signal()
    report_saved = Signal()  # the report workbook is written (or its writing failed)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: SourceTable | None = None
        self.files: list[PurchaseFile] = []
        self.result: FollowupResult | None = None
        self.errors: list[str] = []  # the last files that could not be added, worded (tests read them)
        self.notice: QMessageBox | None = None
        self._page_widget: FollowupPage | None = None
        self._task: tasks.Task | None = None
        self._inspect_task: tasks.Task | None = None
        self._write_task: tasks.Task | None = None
        self._state: RunState | None = None
        self._relay = Relay(self)
        self._relay.step.connect(self._on_step)
        self.page_action = QAction(window)
        self.page_action.setObjectName("followupAction")
        self.page_action.setShortcut(QKeySequence(SHORTCUT))
        self.page_action.triggered.connect(self.show_page)
        window.view_menu.addAction(self.page_action)
        window.table_loaded.connect(self._on_window_table_loaded)
        self.page_action.setEnabled(False)

    @property
    def target(self) -> float:
        value = float(self.window.settings.get("followup_target"))
        return value if 0.0 < value <= 1.0 else 0.9

    def retranslate(self) -> None:
        self.page_action.setText(self.tr("&Follow-up"))
        if self._page_widget is not None:
            self._page_widget.retranslate(self.window.language)
            self._show_files()

    # --- the page -------------------------------------------------------------------------------
    @property
    def page(self) -> FollowupPage:
        if self._page_widget is None:
            from ui.followup.page import FollowupPage

            page = FollowupPage(self.window)
            page.add_files_requested.connect(self.choose_files)
            page.add_folder_requested.connect(self.choose_folder)
            page.remove_requested.connect(self.remove_files)
            page.run_requested.connect(self.run)
            page.cancel_requested.connect(self.cancel)
            page.export_requested.connect(self.export)
            page.save_report_requested.connect(self.save_report)
            page.back_requested.connect(self.hide_page)
            page.article_activated.connect(self.show_in_grid)
            page.target_changed.connect(self.set_target)
            self.window.stack.addWidget(page)
            page.set_target(self.target)
            page.retranslate(self.window.language)
            page.show_result(self.result)
            self._page_widget = page
            self._show_files()
        return self._page_widget

    def show_page(self) -> FollowupPage | None:
        if not self._joint():
            return None
        page = self.page
        self.window.stack.setCurrentWidget(page)
        return page

    def hide_page(self) -> None:
        if self.table is not None:
            self.window.stack.setCurrentWidget(self.window.table_page)

    @property
    def busy(self) -> bool:
        return self._task is not None or self._inspect_task is not None or self._write_task is not None

    def _joint(self) -> bool:
        return self.table is not None and self.window.joint_grid.columns is not None

    def _on_window_table_loaded(self, table: SourceTable) -> None:
        previous = self.table
        self.table = table
        if previous is None or Path(previous.path) != Path(table.path):
            if self._task is not None:  # a run on the workbook that was open: its result is dropped
                self._task.cancel()
                self._task = None
                self.finished.emit()
            self.result = None
            if self._page_widget is not None:
                self._page_widget.set_running(False)
                self._page_widget.show_progress(0, 1, "")
                self._page_widget.show_result(None)
                self._page_widget.show_note("")
        self.page_action.setEnabled(self._joint())

    # --- files ----------------------------------------------------------------------------------
    def ask_files(self) -> list[str]:
        from ui.file_dialogs import get_open_file_names

        return get_open_file_names(self.window, self.tr("Purchase files"), "",
                                   self.tr("Purchase statistics (*.csv *.txt *.xlsx *.xlsm);;All files (*)"))

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, self.tr("Folder of purchase files"))

    def choose_files(self) -> None:
        files = self.ask_files()
        if files:
            self.add_files([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.add_files([Path(folder)])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Detect ``paths`` (files or folders) in the background and list them; a file that cannot be
        used is named with its problem and left out."""
        if self.table is None or self._inspect_task is not None or self._task is not None:
            return
        joint_path = Path(self.table.path)
        known = {file.path.resolve() for file in self.files}
        language = self.window.language

        def work(_progress: Any) -> Any:
            from workbench.errors import WorkbenchError
            from workbench.followup.joint import read_assortment
            from workbench.followup.run import inspect_files

            joint = read_assortment(joint_path)
            found: list[PurchaseFile] = []
            problems: list[str] = []
            for path in paths:
                try:
                    found += inspect_files([path], joint)
                except WorkbenchError as error:
                    problems.append(error.message(language))
            return found, problems

        def done(outcome: Any) -> None:
            self._inspect_task = None
            found, problems = outcome
            for file in found:
                if file.path.resolve() not in known:
                    known.add(file.path.resolve())
                    self.files.append(file)
            self._show_files()
            self.errors = problems
            if problems:
                self._tell(self.tr("Purchase files"), "\n\n".join(problems))
            self.files_read.emit()

        def failed(error: BaseException) -> None:
            self._inspect_task = None
            self.errors = [error_text(error, language)]
            show_error(self.window, error, language)
            self.files_read.emit()

        self._inspect_task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)

    def remove_files(self, rows: list[int]) -> None:
        if self._task is not None:
            return
        drop = set(rows)
        self.files = [file for number, file in enumerate(self.files) if number not in drop]
        self._show_files()

    def _show_files(self) -> None:
        if self._page_widget is None:
            return
        column = self.tr("column {header}")  # the file names its municipality on every line
        rows = [(str(f.path), f.path.name, f.municipality or column.format(header=f.headers.get("municipality", "?")),
                 f.kind) for f in self.files]
        self._page_widget.show_files(rows)

    # --- the run --------------------------------------------------------------------------------
    def run(self) -> None:
        """Save pending edits, then run the follow-up in the background."""
        if not self._joint() or not self.files or self.busy:
            return
        saver = self.window.saver
        if saver.is_dirty:
            answered = [False]

            def saved(ok: bool) -> None:
                answered[0] = True
                if ok:
                    self._start()
                else:
                    self._cannot_save()

            # save() answers at once when nothing needs writing, and says False when it could not start
            if not saver.save(on_done=saved) and not answered[0]:
                self._cannot_save()
            return
        self._start()

    def _cannot_save(self) -> None:
        self._tell(self.tr("Follow-up"), self.tr("Save your changes first: the workbook could not be saved now."))

    def _start(self) -> None:
        if self.table is None or self._task is not None:
            return
        page = self.page
        joint_path = Path(self.table.path)
        sources = self._sources()
        date_from, date_to = page.period()
        language = self.window.language
        relay = self._relay
        total = len(sources)
        page.set_running(True)
        page.show_note("")
        page.show_progress(0, total, self.tr("Reading the joint assortment…"))
        started = time.perf_counter()
        self._state = RunState(total)

        def work(progress: Any) -> Any:
            from workbench.followup.run import follow_up

            # each hook checks for a cancel: it takes effect after the part of a file being read
            def before(index: int, file: PurchaseFile) -> None:
                progress.check()
                relay.step.emit(Step("file", index, 0, time.perf_counter() - started, file.path.name))

            def read(done: int, size: int) -> None:
                progress.check()
                relay.step.emit(Step("bytes", done, size, time.perf_counter() - started))

            def after(index: int, lines: int) -> None:
                progress.check()
                relay.step.emit(Step("lines", index + 1, lines, time.perf_counter() - started))

            return follow_up(joint_path, sources, date_from=date_from, date_to=date_to, snapshot=False,
                             on_file=before, on_progress=read, on_loaded=after, lang=language)

        def done(result: Any) -> None:
            if self._task is not task:
                return
            self._task = None
            self.result = result
            page.set_running(False)
            page.show_result(result)
            page.show_progress(total, total, self._speed_text(result.lines, result.seconds))
            self._write_snapshot(result)

        def failed(error: BaseException) -> None:
            if self._task is not task:
                return
            self._task = None
            page.set_running(False)
            if isinstance(error, Cancelled):
                page.show_progress(0, total, "")
                page.show_note(self.tr("The follow-up was cancelled; nothing was written to the workbook."))
                self.window.show_status(lambda: self.tr("Follow-up cancelled."), 8000)
            else:
                page.show_note(error_text(error, self.window.language))
                show_error(self.window, error, self.window.language)
            self.finished.emit()

        task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._task = task

    def _sources(self) -> list[Any]:
        from workbench.followup.run import PurchaseSource

        # the municipality the file was found to be, as if named with PATH=KOMMUN (None: its column says)
        return [PurchaseSource(file.path, file.municipality) for file in self.files]

    def _speed_text(self, lines: int, seconds: float) -> str:
        language = self.window.language
        rate = lines / seconds if seconds > 0 else 0.0
        return self.tr("%Ln line(s) in {seconds} s ({rate} lines per second)", "", lines).format(
            seconds=format_number(round(seconds, 1), language, 1), rate=format_number(round(rate), language))

    def _on_step(self, step: Step) -> None:
        state = self._state
        if self._task is None or self._page_widget is None or state is None:
            return
        state.seconds = step.seconds
        if step.kind == "file":
            state.file, state.name = step.a, step.name
        elif step.kind == "bytes":
            state.read, state.size = step.a, step.b
        else:
            state.files_done, state.lines = step.a, step.b
        self._page_widget.show_progress(*self._progress_of(state))

    def _progress_of(self, state: RunState) -> tuple[int, int, str]:
        """(done, total, text) of the progress bar: per mille of the bytes (the files when no bytes are
        known yet), the file being read, the lines so far and their rate."""
        language = self.window.language
        texts = [self.tr("File {index} of %n: {file}", "", state.files).format(
            index=min(state.file + 1, state.files), file=state.name)]
        if state.size > 0 and state.files_done < state.files:
            megabytes = state.read / 1e6
            texts.append(self.tr("{read} of {size} MB read ({rate} MB per second)").format(
                read=format_number(round(megabytes), language), size=format_number(round(state.size / 1e6), language),
                rate=format_number(round(megabytes / state.seconds, 1) if state.seconds > 0 else 0.0, language, 1)))
        if state.lines >= 0:
            rate = state.lines / state.seconds if state.seconds > 0 else 0.0
            texts.append(self.tr("%Ln line(s) read ({rate} lines per second)", "", state.lines).format(
                rate=format_number(round(rate), language)))
        if state.files_done == state.files:
            texts = [*texts[1:], self.tr("Matching the lines to the assortment…")]
        if state.size > 0:
            return round(1000 * state.read / state.size), 1000, "\n".join(texts)
        return state.files_done, state.files, "\n".join(texts)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            if self._page_widget is not None:
                self._page_widget.show_progress(self._page_widget.progress_bar.value(),
                                                self._page_widget.progress_bar.maximum(),
                                                self.tr("Cancelling after the part of the file being read…"))

    def _write_snapshot(self, result: FollowupResult) -> None:
        """The run's rows into the workbook's Uppföljning sheet (after pending edits are saved)."""
        from ui.sharing.workbook_write import write_after_saving

        saver = self.window.saver
        if self.table is None or Path(self.table.path).resolve() != Path(result.joint).resolve():
            self.finished.emit()  # another workbook is open now: the snapshot belongs to the one run on
            return

        def work(path: Path, user: str) -> Any:
            from workbench.followup.snapshot import append_snapshot

            return append_snapshot(path, result, who=user)

        def done(sheet: Any) -> None:
            saver.watcher.accept_current()  # our own write is no colleague's change
            result.snapshot_sheet = str(sheet)
            self.window.show_status(lambda: self.tr("Snapshot saved in the sheet {sheet}.").format(sheet=sheet),
                                    10_000)
            self.snapshot_written.emit()
            self.finished.emit()

        def remember(task: tasks.Task | None) -> None:
            self._write_task = task

        def not_written() -> None:
            self.page.show_note(self.tr("The snapshot could not be written to the workbook."))
            self.finished.emit()

        write_after_saving(self.window, self, work, done, cannot_save=not_written, failed=not_written,
                           started=remember)

    # --- the lists, the report, the jump --------------------------------------------------------
    def set_target(self, target: float) -> None:
        settings = self.window.settings
        settings.set("followup_target", float(target))
        settings.save()
        if self._page_widget is not None:
            self._page_widget.set_target(target)

    def ask_save(self, caption: str, name: str, name_filter: str) -> str:
        from ui.file_dialogs import get_save_file_name

        start = str(Path(self.table.path).with_name(name)) if self.table is not None else name
        return get_save_file_name(self.window, caption, start, name_filter)[0]

    def export(self, name: str) -> Path | None:
        """List ``name`` of the last result as csv (the core writes it)."""
        from workbench.errors import WorkbenchError
        from workbench.followup.tables import list_table, write_csv

        if self.result is None:
            return None
        stems = {"units": self.tr("compliance"), "removed": self.tr("removed_bought"),
                 "outside": self.tr("outside_assortment"), "prices": self.tr("price_deviations")}
        chosen = self.ask_save(self.tr("Export list"), stems.get(name, name) + ".csv", self.tr("CSV (*.csv)"))
        if not chosen:
            return None
        target = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".csv")
        language = self.window.language
        try:
            write_csv(list_table(self.result, name, language, self.target), target, language)  # type: ignore[arg-type]
        except (WorkbenchError, OSError) as error:
            show_error(self.window, error, language)
            return None
        self.window.show_status(lambda: self.tr("List exported to {file}.").format(file=target.name), 10_000)
        return target

    def save_report(self) -> None:
        """The report workbook (tables and native charts) of the last result, written in the background."""
        result = self.result
        if result is None or self.busy:
            return
        chosen = self.ask_save(self.tr("Save report"), self.tr("follow-up") + ".xlsx",
                               self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        target = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".xlsx")
        language, goal = self.window.language, self.target

        def work(_progress: Any) -> Any:
            from workbench.followup.workbook import write_report

            return write_report(result, target, language, goal=goal)

        def done(path: Any) -> None:
            self._write_task = None
            result.report_file = Path(path)
            self.window.show_status(lambda: self.tr("Report saved in {file}.").format(file=Path(path).name), 10_000)
            self.report_saved.emit()

        def failed(error: BaseException) -> None:
            self._write_task = None
            show_error(self.window, error, language)
            self.report_saved.emit()

        self._write_task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)

    def show_in_grid(self, key: str) -> bool:
        """Article ``key``'s row current in the joint grid (the filters cleared when they hide it)."""
        if self.table is None:
            return False
        review = self.window.review_page
        row = review.model.row_of_key(key)
        if row < 0:
            review.clear_filters()
            row = review.model.row_of_key(key)
        if row < 0:
            self.window.show_status(lambda: self.tr("Article {key} is not in the list.").format(key=key), 8000)
            return False
        self.window.stack.setCurrentWidget(self.window.table_page)
        index = review.model.index(row, 0)
        review.view.setCurrentIndex(index)
        review.view.setFocus()
        QTimer.singleShot(0, lambda: review.view.scrollTo(review.view.currentIndex()))
        return True

    def _tell(self, title: str, message: str) -> None:
        from PySide6.QtCore import Qt

        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self.window)
        box.setObjectName("followupNoticeBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.open()
