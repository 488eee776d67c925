"""The rows of a small workbook, read-only, shown while the full load runs (see workbench.reading.preview).

No pandas and no review grid here: this is what makes the window show a file's rows a moment after
start. The main window swaps in the review grid when the load finishes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from workbench.numbers import format_number
from workbench.reading.preview import Preview

__all__ = ["PreviewModel", "PreviewPage", "preview_text"]

_Index = QModelIndex | QPersistentModelIndex


def preview_text(value: Any, language: str) -> str:
    """A source value as text, as the preview and the review grid show it (numbers grouped, two decimals
    unless whole, a decimal comma in Swedish; dates ISO)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ""
        return format_number(value, language)
    if isinstance(value, int):
        return format_number(value, language)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class PreviewModel(QAbstractTableModel):
    """The preview's rows as a read-only table; numbers right-aligned like the grid's."""

    def __init__(self, preview: Preview, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._language = language

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._preview.headers)

    def _value(self, index: _Index) -> Any:
        row = self._preview.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return preview_text(self._value(index), self._language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._value(index)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._preview.headers[section]
        return str(self._preview.row_numbers[section])  # the sheet's row, as the review grid shows


class PreviewPage(QWidget):
    """A plain, read-only table of the preview (the status bar says the file is being read).

    ``painted`` is emitted once, when the rows have first been painted: the moment a user sees them.
    """

    painted = Signal()

    def __init__(self, preview: Preview, parent: QWidget | None = None, language: str = "sv") -> None:
        super().__init__(parent)
        self.setObjectName("previewPage")
        self.model = PreviewModel(preview, language, self)
        self.view = QTableView(self)
        self.view.setObjectName("previewView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.view.viewport():
            watched.removeEventFilter(self)
            # after this paint event has been handled (the rows are drawn), not before
            QTimer.singleShot(0, self.painted.emit)
        return super().eventFilter(watched, event)
