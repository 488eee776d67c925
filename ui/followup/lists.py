"""The Uppföljning page's tables: the purchase files chosen, and the core's lists
(:mod:`workbench.followup.tables`) shown as they are exported, numbers formatted in the app's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ui.followup.chart import LIGHT_COLOURS
from workbench.followup.report import percent
from workbench.followup.tables import Table, light_text
from workbench.numbers import format_number

_Index = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1  # the row's joint article ID (None: not a joint article)
SortRole = Qt.ItemDataRole.UserRole + 2  # the raw value (numbers sort as numbers)

_MONEY = {"spend", "spend_in_assortment", "excess"}
_PRICE = {"agreed", "paid"}
_COUNT = {"quantity", "lines"}


def cell_text(value: Any, column: str, language: str) -> str:
    """A list's cell as the page shows it."""
    if column == "light":
        return light_text(value, language)
    if column == "compliance":
        return percent(value, language)
    if value is None:
        return ""
    if column in _MONEY:
        return format_number(round(float(value)), language)
    if column in _PRICE:
        return format_number(round(float(value), 2), language, 2)
    if column in _COUNT:
        number = float(value)
        return format_number(int(number) if number.is_integer() else round(number, 2), language)
    return str(value)


class ListModel(QAbstractTableModel):
    """One of the core's lists (a :class:`workbench.followup.tables.Table`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self.language = "sv"

    def show_table(self, table: Table | None, language: str) -> None:
        self.beginResetModel()
        self.table, self.language = table, language
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.table.headers[section]
        return section + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value, column, self.language)
        if role == SortRole:
            return "" if value is None else value
        if role == KeyRole:
            return self.table.keys[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and column == "light" and value is not None:
            return LIGHT_COLOURS[value]
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str) and column != "light":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.table.name == "units" and not self.table.rows[index.row()][1]:
            font = QFont()
            font.setBold(True)  # a municipality's own row above its förvaltningar
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in ("name", "replacement_name", "municipalities"):
            return None if value is None else str(value)
        return None

    def row_of_key(self, key: str) -> int:
        if self.table is None:
            return -1
        return self.table.keys.index(key) if key in self.table.keys else -1


class FilesModel(QAbstractTableModel):
    """The purchase files chosen: name, municipality (detected, or as the file's column says), format."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str]] = []  # path, name, municipality, kind
        self.headers = ("", "", "")

    def show_rows(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_headers(self, headers: tuple[str, str, str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path, name, municipality, kind = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (name, municipality, kind)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return path
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and not municipality:
            return QColor("#9e9e9e")
        return None
