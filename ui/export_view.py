"""Arkiv > Exportera vy…: the rows and columns on screen, through :func:`workbench.export_view.export_view`.

The grid decides only *what* is on screen (the model's row order, the header's visible columns in their
visual order); the core writes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.errors import show_error
from workbench.errors import WorkbenchError
from workbench.export_view import export_view

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review_page import ReviewPage


def visible_columns(page: ReviewPage) -> list[str]:
    """The ids of the shown columns, left to right as on screen."""
    view, model = page.view, page.model
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [model.column_id(column) for column in logical if not view.isColumnHidden(column)]


class ViewExporter(QObject):
    """Asks where to save the view and has the core write it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def export(self) -> Path | None:
        """Returns the written file (``None`` if cancelled or refused: the error is shown)."""
        window = self.window
        table = window.table
        if table is None:
            return None
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        csv_filter = self.tr("CSV for Excel (*.csv)")
        suggested = table.path.with_name(self.tr("{name} – view").format(name=table.path.stem) + ".xlsx")
        chosen, selected = QFileDialog.getSaveFileName(window, self.tr("Export view"), str(suggested),
                                                       f"{xlsx_filter};;{csv_filter}")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if selected == csv_filter else ".xlsx"))
        page = window.review_page
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_view(table, page.model.order, visible_columns(page), path, window.language)
        except (WorkbenchError, OSError) as error:
            QApplication.restoreOverrideCursor()
            show_error(window, error, window.language)
            return None
        QApplication.restoreOverrideCursor()
        window.statusBar().showMessage(
            self.tr("Exported %Ln article row(s) to {file}", "", result.rows).format(file=path.name), 10_000)
        return path
