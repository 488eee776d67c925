"""Arkiv > Exportera vy…: the rows and columns on screen, through :func:`workbench.review.export_view.export_view`.

The grid decides only *what* is on screen (the model's row order, the header's visible columns in their
visual order); the core writes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from ui import tasks
from ui.errors import show_error
from ui.file_dialogs import get_save_file_name
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review.page import ReviewPage


def visible_columns(page: ReviewPage) -> list[str]:
    """The ids of the shown columns, left to right as on screen."""
    view, model = page.view, page.model
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [model.column_id(column) for column in logical if not view.isColumnHidden(column)]


class ViewExporter(QObject):
    """Asks where to save the view, copies it out of the table and has the core write it in the
    background (a 20,000-row view takes seconds); the reviewer may go on meanwhile."""

    finished = Signal(object)  # the written Path, or None when it failed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: tasks.Task | None = None

    def export(self) -> tasks.Task | None:
        """Returns the running export (``None`` when cancelled in the file dialog or nothing is open)."""
        window = self.window
        table = window.table
        if table is None or self.task is not None:
            return None
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        csv_filter = self.tr("CSV for Excel (*.csv)")
        suggested = table.path.with_name(self.tr("{name} – view").format(name=table.path.stem) + ".xlsx")
        chosen, selected = get_save_file_name(window, self.tr("Export view"), str(suggested),
                                              f"{xlsx_filter};;{csv_filter}")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if selected == csv_filter else ".xlsx"))
        page = window.review_page
        from workbench.review.export_view import snapshot_view, write_view

        try:
            snapshot = snapshot_view(table, page.model.order, visible_columns(page), window.language)
        except WorkbenchError as error:
            show_error(window, error, window.language)
            return None
        window.statusBar().showMessage(self.tr("Exporting the view to {file}…").format(file=path.name))

        def done(result: Any) -> None:
            self.task = None
            if not shiboken6.isValid(window):  # the window was closed meanwhile; the file is written
                return
            window.statusBar().showMessage(
                self.tr("Exported %Ln article row(s) to {file}", "", result.rows).format(file=path.name), 10_000)
            self.finished.emit(path)

        def failed(error: BaseException) -> None:
            self.task = None
            if not shiboken6.isValid(window):
                return
            window.statusBar().clearMessage()
            show_error(window, error, window.language)
            self.finished.emit(None)

        self.task = tasks.run_task(lambda progress: write_view(snapshot, path, progress),
                                   on_success=done, on_failure=failed)
        return self.task
