"""The Qt table model over the core's source table: a thin adapter, no business rules.

Values are read straight from the table's columns (numpy arrays, no copies into Qt items). The
display order is a numpy array of row positions computed by the core (sorting and filtering happen
there, vectorised), so the model only maps view rows to positions.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from workbench.fields import REVIEW_FIELDS, Field
from workbench.table import SourceTable
from workbench.vocabularies import vocabularies

_Index = QModelIndex | QPersistentModelIndex
_SAMPLE_ROWS = 200


class ReviewTableModel(QAbstractTableModel):
    """Source columns as found, then the review columns in canonical order."""

    def __init__(self, language: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.table: SourceTable | None = None
        self._source_headers: list[str] = []
        self._columns: list[np.ndarray] = []
        self._review_fields: list[Field] = list(REVIEW_FIELDS)
        self._order: np.ndarray = np.arange(0)

    # --- domain methods -----------------------------------------------------------------------
    def set_table(self, table: SourceTable | None) -> None:
        self.beginResetModel()
        self.table = table
        if table is None:
            self._source_headers, self._columns, self._order = [], [], np.arange(0)
        else:
            in_review = set(table.review_columns.values())
            self._source_headers = [h for h in table.data.columns if h not in in_review]
            self._columns = [table.data[h].to_numpy(dtype=object) for h in self._source_headers]
            self._order = np.arange(len(table.data))
        self.endResetModel()

    def set_order(self, order: np.ndarray) -> None:
        """Show the rows at these positions, in this order (computed by the core)."""
        self.beginResetModel()
        self._order = order
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self.language = language
        if self.columnCount() and self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def review_field_at(self, column: int) -> Field | None:
        offset = column - len(self._source_headers)
        return self._review_fields[offset] if 0 <= offset < len(self._review_fields) else None

    def position(self, row: int) -> int:
        return int(self._order[row])

    def display_text(self, row: int, column: int) -> str:
        value = self._value(row, column)
        return self._format(value, self.review_field_at(column))

    def apply_column_widths(self, view: QTableView, maximum: int = 360) -> None:
        """Set widths from a sample of rows and the header, never from every row."""
        metrics = view.fontMetrics()
        rows = self.rowCount()
        sample = range(0, rows, max(1, rows // _SAMPLE_ROWS))
        for column in range(self.columnCount()):
            header = str(self.headerData(column, Qt.Orientation.Horizontal))
            widest = metrics.horizontalAdvance(header) + 28
            for row in sample:
                widest = max(widest, metrics.horizontalAdvance(self.display_text(row, column)) + 16)
            view.setColumnWidth(column, min(widest, maximum))

    # --- Qt overrides -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.table is None else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.table is None:
            return 0
        return len(self._source_headers) + len(self._review_fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.table.data.index[self._order[section]]) if self.table is not None else None
        field = self.review_field_at(section)
        if field is not None:
            return field.label(self.language)
        return self._source_headers[section] if 0 <= section < len(self._source_headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._value(index.row(), index.column())
            if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- private ------------------------------------------------------------------------------
    def _value(self, row: int, column: int) -> Any:
        assert self.table is not None
        position = self._order[row]
        if column < len(self._source_headers):
            return self._columns[column][position]
        field = self.review_field_at(column)
        assert field is not None
        return self.table.review[field.name].iat[position]

    def _format(self, value: Any, field: Field | None) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is np.nan:
            return ""
        if field is not None and field.vocabulary is not None:
            vocabulary = vocabularies()[field.vocabulary]
            return vocabulary.label(value, self.language) if value in vocabulary else str(value)
        if isinstance(value, float | np.floating):
            text = f"{value:,.2f}" if not float(value).is_integer() else f"{int(value):,}"
            return text.replace(",", "\u00a0").replace(".", ",") if self.language == "sv" else text
        if isinstance(value, int | np.integer):
            text = f"{int(value):,}"
            return text.replace(",", "\u00a0") if self.language == "sv" else text
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            if value is not None and value != value:  # pandas NA / NaT
                return ""
        except (TypeError, ValueError):
            return ""
        return str(value)
