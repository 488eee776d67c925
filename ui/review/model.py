"""The Qt table model over the core's review session: a thin adapter, no business rules.

Values are read straight from the table's columns (numpy arrays, no copies into Qt items). The display
order is an array of row positions computed by the core (sorting and filtering happen there, vectorised),
so the model only maps view rows to positions. Edits go to :class:`workbench.review.session.ReviewSession` through
the undo stack; each returned :class:`~workbench.review.session.Change` becomes ``dataChanged``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QTableView

from ui.importing.preview import preview_text
from workbench.errors import WorkbenchError
from workbench.fields import REVIEW_FIELDS, Field
from workbench.review.session import Change, ReviewSession
from workbench.review.values import label
from workbench.table import SourceTable

_Index = QModelIndex | QPersistentModelIndex
_SAMPLE_ROWS = 200
FieldRole = Qt.ItemDataRole.UserRole + 1  # the review field name of a column, or None
KeyRole = Qt.ItemDataRole.UserRole + 2  # the article key of a row
CodeRole = Qt.ItemDataRole.UserRole + 3  # the stored review code (not the label)
SuggestionRole = Qt.ItemDataRole.UserRole + 4  # a suggested code shown faintly in an empty cell, or None

# Okabe-Ito colours, distinguishable with the common colour-vision deficiencies, blended with the
# palette's base colour so that light and dark themes both stay readable.
DECISION_COLOURS = {
    "keep": QColor("#0072B2"),
    "remove": QColor("#D55E00"),
    "replace": QColor("#E69F00"),
    "investigate": QColor("#CC79A7"),
}
_TINT = 0.28


def _blend(colour: QColor, base: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (colour.red() - base.red()) * amount),
        round(base.green() + (colour.green() - base.green()) * amount),
        round(base.blue() + (colour.blue() - base.blue()) * amount),
    )


class _EditCommand(QUndoCommand):
    """One undo step of the session; the first redo() is the edit itself, already applied."""

    def __init__(self, model: ReviewTableModel, change: Change, text: str) -> None:
        super().__init__(text)
        self._model = model
        self._first = True
        self._model._announce(change)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        session = self._model.session
        if session is not None and (change := session.redo()) is not None:
            self._model._announce(change)

    def undo(self) -> None:
        session = self._model.session
        if session is not None and (change := session.undo()) is not None:
            self._model._announce(change)


class ReviewTableModel(QAbstractTableModel):
    """Key and name first, then the review columns, then the other source columns as found.

    The review columns come right after the name so a reviewer sees what they decide beside what the
    article is, without scrolling past every column of the purchase statistics.
    """

    edit_failed = Signal(object)  # a WorkbenchError from a refused edit
    review_changed = Signal()  # any review value changed (edit, undo, redo)

    def __init__(self, language: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.table: SourceTable | None = None
        self.session: ReviewSession | None = None
        self.undo_stack = QUndoStack(self)
        self._source_headers: list[str] = []
        self._columns: list[np.ndarray] = []
        self._review_fields: list[Field] = list(REVIEW_FIELDS)
        # per column: the index into the source columns, or the review field shown there
        self._slots: list[int | Field] = []
        self._column_of: dict[str, int] = {}
        self._order: np.ndarray = np.arange(0)
        self._row_of: np.ndarray = np.arange(0)
        self._keys: np.ndarray = np.empty(0, dtype=object)
        self.read_only = False  # while a save runs, edits wait
        self._highlights: dict[str, set[str]] = {}  # colleagues' changes not yet seen: key -> fields
        # per review field, a suggested code per row position (None for none), shown faintly while the
        # cell is empty and never stored until accepted (the environment's Miljöpoäng)
        self._suggestions: dict[str, np.ndarray] = {}

    # --- domain methods -----------------------------------------------------------------------
    def set_session(self, session: ReviewSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self.table = session.table if session is not None else None
        self.undo_stack.clear()
        self._highlights.clear()
        self._suggestions.clear()
        table = self.table
        lead = 0  # key and name
        if table is None:
            self._source_headers, self._columns = [], []
            self._order = np.arange(0)
            self._keys = np.empty(0, dtype=object)
        else:
            in_review = set(table.review_columns.values())
            first = [table.columns[name] for name in ("key", "name") if name in table.columns]
            rest = [h for h in table.data.columns if h not in in_review and h not in first]
            self._source_headers = [*first, *rest]
            lead = len(first)
            self._columns = [table.data[h].to_numpy(dtype=object) for h in self._source_headers]
            self._order = np.arange(len(table.data))
            self._keys = table.keys.to_numpy(dtype=object)
        self._slots = [*range(lead), *self._review_fields, *range(lead, len(self._source_headers))]
        self._column_of = {slot.name: column for column, slot in enumerate(self._slots) if isinstance(slot, Field)}
        self._update_row_map()
        self.endResetModel()

    def review_reloaded(self) -> None:
        """The review values changed outside the model's edits (a merge): repaint everything."""
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.review_changed.emit()

    def set_order(self, order: np.ndarray) -> None:
        """Show the rows at these positions, in this order (computed by the core)."""
        self.beginResetModel()
        self._order = np.asarray(order, dtype=np.int64)
        self._update_row_map()
        self.endResetModel()

    @property
    def order(self) -> np.ndarray:
        return self._order

    def set_language(self, language: str) -> None:
        self.language = language
        if self.columnCount() and self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def frozen_count(self) -> int:
        """How many leading columns (key, name) stay put when scrolling sideways."""
        if self.table is None:
            return 0
        return sum(1 for name in ("key", "name") if name in self.table.columns)

    def review_field_at(self, column: int) -> Field | None:
        slot = self._slots[column] if 0 <= column < len(self._slots) else None
        return slot if isinstance(slot, Field) else None

    def column_of_field(self, name: str) -> int:
        return self._column_of.get(name, -1)

    def column_id(self, column: int) -> str:
        """A stable name for a column: the review field name or the source header."""
        slot = self._slots[column]
        return slot.name if isinstance(slot, Field) else self._source_headers[slot]

    def position(self, row: int) -> int:
        return int(self._order[row])

    def positions(self, rows: list[int]) -> np.ndarray:
        return self._order[np.asarray(rows, dtype=np.int64)] if rows else np.empty(0, dtype=np.int64)

    def row_of_key(self, key: str) -> int:
        """The view row showing article ``key`` (its first row), or -1 when it is filtered out."""
        matches = np.flatnonzero(self._keys[self._order] == key)
        return int(matches[0]) if len(matches) else -1

    def display_text(self, row: int, column: int) -> str:
        return self._format(self._value(row, column), self.review_field_at(column))

    def display_texts(self, rows: list[int], column: int) -> list[str]:
        """The column's cells on ``rows`` as shown (a copy of many rows: each distinct value formatted once)."""
        if self.table is None or not rows:
            return []
        field = self.review_field_at(column)
        positions = self._order[np.asarray(rows, dtype=np.int64)]
        if field is None:
            slot = self._slots[column]
            assert isinstance(slot, int)
            values = self._columns[slot][positions]
        else:
            values = self.table.review[field.name].to_numpy(dtype=object)[positions]
        memo: dict[tuple[type, Any], str] = {}
        texts: list[str] = []
        for value in values:
            try:
                memo_key = (type(value), value)
                text = memo.get(memo_key)
            except TypeError:  # an unhashable value: formatted each time
                memo_key, text = None, None
            if text is None:
                text = self._format(value, field)
                if memo_key is not None:
                    memo[memo_key] = text
            texts.append(text)
        return texts

    def set_field(self, rows: list[int], field: str, value: Any) -> bool:
        """Set ``field`` to ``value`` on the given view rows as one undo step; False if refused."""
        return self._edit(lambda s: s.set_values(self.positions(rows), field, value), field)

    def set_from_facet(self, facet_field: str, facet_value: str, field: str, value: Any) -> bool:
        """"Every article of category Sugrör: Ta bort" as one undo step."""
        return self._edit(lambda s: s.set_from_facet(facet_field, facet_value, field, value), field)

    def set_suggestions(self, field: str, values: np.ndarray | None) -> None:
        """Show ``values[position]`` faintly in ``field``'s empty cells (``None``: no suggestions)."""
        if values is None:
            self._suggestions.pop(field, None)
        else:
            self._suggestions[field] = np.asarray(values, dtype=object)
        column = self.column_of_field(field)
        if column >= 0 and self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def suggestion(self, row: int, column: int) -> Any:
        """The suggested code of an empty cell, or None (a set value is never suggested over)."""
        field = self.review_field_at(column)
        values = self._suggestions.get(field.name) if field is not None else None
        if values is None or self.table is None or not _is_empty(self._value(row, column)):
            return None
        value = values[self._order[row]]
        return None if _is_empty(value) else value

    def set_cells(self, cells: dict[str, dict[int, Any]], code: str, text: str | None = None, *,
                  stamp: bool = True) -> bool:
        """Several fields, each on its own rows (positions), as ONE undo step (a paste, a fill-down);
        ``text`` names the step on the undo stack (else a paste's or a fill-down's words); ``stamp``:
        as the session's ``set_cells``."""
        if self.session is None or self.read_only:
            return False
        try:
            change = self.session.set_cells(cells, code, stamp=stamp)
        except WorkbenchError as error:
            self.edit_failed.emit(error)
            return False
        if change is None:
            return False
        count = len(change.positions)
        if text is None:
            text = (self.tr("Paste into %Ln row(s)", "", count) if code == "paste"
                    else self.tr("Fill down %Ln row(s)", "", count))
        self.undo_stack.push(_EditCommand(self, change, text))
        return True

    def _edit(self, action: Any, field: str) -> bool:
        if self.session is None or self.read_only:
            return False
        try:
            change = action(self.session)
        except WorkbenchError as error:
            self.edit_failed.emit(error)
            return False
        if change is None:
            return False
        label = next(f.label_in_sentence(self.language) for f in REVIEW_FIELDS if f.name == field)
        text = self.tr("Set {field} on %Ln row(s)", "", len(change.positions)).format(field=label)
        self.undo_stack.push(_EditCommand(self, change, text))
        return True

    def _announce(self, change: Change) -> None:
        """Turn a core change into dataChanged for the visible rows it touched.

        Every column of those rows: a row's colour (BackgroundRole) follows its decision in all review
        columns, wherever they stand. One span from the first to the last row: a view repaints the
        visible part of it, far cheaper than one signal per row.
        """
        rows = self._row_of[change.positions]
        rows = rows[rows >= 0]
        if len(rows) and self.columnCount():
            self.dataChanged.emit(self.index(int(rows.min()), 0),
                                  self.index(int(rows.max()), self.columnCount() - 1))
        self.review_changed.emit()

    def highlight(self, cells: list[tuple[str, str]]) -> None:
        """Mark colleagues' changes (key, field) until the user has seen the row."""
        for key, name in cells:
            self._highlights.setdefault(str(key), set()).add(name)
        if cells and self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def mark_seen(self, row: int) -> None:
        if not self._highlights or not 0 <= row < self.rowCount():
            return
        key = self._keys[self._order[row]]
        if self._highlights.pop(str(key), None) is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def highlighted(self, row: int, column: int) -> bool:
        if not self._highlights:
            return False
        field = self.review_field_at(column)
        fields = self._highlights.get(str(self._keys[self._order[row]])) if field is not None else None
        return bool(fields) and field is not None and field.name in fields

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

    def widen_for_headers(self, view: QTableView, maximum: int = 360) -> None:
        """Widen every column narrower than its header needs (up to ``maximum``): a header in another
        language ("Environmental score" where the width was set for "Miljöpoäng"), or a width remembered
        from it. Never narrows a column."""
        header = view.horizontalHeader()
        for column in range(self.columnCount()):
            need = min(header.sectionSizeFromContents(column).width(), maximum)
            if view.columnWidth(column) < need:
                view.setColumnWidth(column, need)

    # --- Qt overrides -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.table is None else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.table is None:
            return 0
        return len(self._slots)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
                return str(self.table.data.index[self._order[section]])
            return None
        if not 0 <= section < self.columnCount():
            return None
        slot = self._slots[section]
        field = slot if isinstance(slot, Field) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return slot.label(self.language) if isinstance(slot, Field) else self._source_headers[slot]
        if role == FieldRole:
            return field.name if field is not None else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = self.review_field_at(index.column())
        if (field is not None and field.editable and not self.read_only
                and self._keys[self._order[index.row()]] is not None):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.display_text(row, column)
            if not text and self._suggestions and (suggested := self.suggestion(row, column)) is not None:
                field = self.review_field_at(column)
                return self._format(suggested, field)
            return text
        if role == SuggestionRole:
            return self.suggestion(row, column) if self._suggestions else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._suggestions and self.suggestion(row, column) is not None:
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display_text(row, column)
            if self.highlighted(row, column):
                return self.tr("{value} (changed by a colleague)").format(value=text)
            if not text and self._suggestions and (suggested := self.suggestion(row, column)) is not None:
                return self.tr("Suggested: {value} (not set until accepted)").format(
                    value=self._format(suggested, self.review_field_at(column)))
            return text
        if role == Qt.ItemDataRole.FontRole:
            if self._suggestions and self.suggestion(row, column) is not None:
                font = QFont()
                font.setItalic(True)
                return font
            if self.highlighted(row, column):
                font = QFont()
                font.setBold(True)
                font.setUnderline(True)
                return font
            return None
        if role == Qt.ItemDataRole.EditRole:
            value = self._value(row, column)
            return None if _is_empty(value) else value
        if role == Qt.ItemDataRole.BackgroundRole:
            field = self.review_field_at(column)
            if field is not None:
                decision = self.table.review["decision"].iat[self._order[row]]
                colour = DECISION_COLOURS.get(decision) if isinstance(decision, str) else None
                if colour is not None:
                    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
                    return _blend(colour, base, _TINT)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._value(row, column)
            if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == FieldRole:
            field = self.review_field_at(column)
            return field.name if field is not None else None
        if role == KeyRole:
            key = self._keys[self._order[row]]
            return None if _is_empty(key) else str(key)
        if role == CodeRole:
            value = self._value(row, column)
            return None if _is_empty(value) else value
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = self.review_field_at(index.column())
        if field is None or not field.editable:
            return False
        current = self.data(index, CodeRole)
        if (current is None and value in (None, "")) or (current is not None and str(current) == str(value)):
            return False
        return self.set_field([index.row()], field.name, value)

    # --- private ------------------------------------------------------------------------------
    def _update_row_map(self) -> None:
        size = len(self.table.data) if self.table is not None else 0
        self._row_of = np.full(size, -1, dtype=np.int64)
        self._row_of[self._order] = np.arange(len(self._order))

    def _value(self, row: int, column: int) -> Any:
        assert self.table is not None
        position = self._order[row]
        slot = self._slots[column]
        if isinstance(slot, Field):
            return self.table.review[slot.name].iat[position]
        return self._columns[slot][position]

    def format_value(self, value: Any, field: Field | None) -> str:
        """A value as the grid shows it (labels for codes, Swedish number style in Swedish)."""
        return self._format(value, field)

    def _format(self, value: Any, field: Field | None) -> str:
        if _is_empty(value):
            return ""
        if field is not None and field.review:
            return label(field.name, value, self.language)
        if isinstance(value, np.bool_):
            value = bool(value)
        elif isinstance(value, np.floating):
            value = float(value)
        elif isinstance(value, np.integer):
            value = int(value)
        return preview_text(value, self.language)


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return True  # pandas.NA
