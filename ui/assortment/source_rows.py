"""The detail pane's section for a joint workbook: the selected article's source rows (municipality,
file, row, source key, quantity, the rule that matched it), one of which can be split off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.assortment.grid import SourceRowOf

SheetRowRole = Qt.ItemDataRole.UserRole + 20  # the source row's row on Källrader


class SourceRowsSection(QWidget):
    """A heading and a small table; :meth:`show_rows` fills it, :meth:`selected_row` is what to split."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceRowsSection")
        self.language = "sv"
        self.heading = QLabel()
        self.heading.setObjectName("sourceRowsHeading")
        self.heading.setMargin(8)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("sourceRowsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # the elided source key may be narrower than its header's word (the default minimum)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("MM…"))
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.table.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self._rows: list[SourceRowOf] | None = None
        self._state = "none"
        self.retranslate("sv")

    def retranslate(self, language: str) -> None:
        self.language = language
        self.table.setHorizontalHeaderLabels([
            self.tr("Municipality"), self.tr("Quantity"), self.tr("Rule"), self.tr("Source key"), self.tr("Row"),
            self.tr("File")])
        self.table.setAccessibleName(self.tr("Source rows"))
        self._fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """In a pane too narrow for every column (the default layout), the row and file (in each row's
        tooltip) step aside and the source key is elided: what tells the rows apart stays in view, whole."""
        table, header = self.table, self.table.horizontalHeader()
        columns = table.columnCount()
        wanted = [max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in range(columns)]
        narrow = sum(wanted) > table.viewport().width()
        for column in (4, 5):
            table.setColumnHidden(column, narrow)
        header.setStretchLastSection(not narrow)  # as the last section it would not shrink below its word
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch if narrow
                                    else QHeaderView.ResizeMode.ResizeToContents)

    def rule_label(self, rule: str) -> str:
        labels = {"gtin": self.tr("GTIN"), "lev_artnr": self.tr("Supplier article no"), "namn": self.tr("Name"),
                  "ny": self.tr("No match"), "manuell": self.tr("Manual")}
        return labels.get(rule, rule)

    def show_loading(self) -> None:
        self._state, self._rows = "loading", None
        self._fill()

    def show_failed(self) -> None:
        self._state, self._rows = "failed", None
        self._fill()

    def show_rows(self, rows: list[SourceRowOf] | None) -> None:
        """The article's source rows; ``None`` when no article is selected."""
        self._state, self._rows = ("rows" if rows is not None else "none"), rows
        self._fill()

    def rows(self) -> list[SourceRowOf]:
        return list(self._rows or [])

    def selected_row(self) -> SourceRowOf | None:
        """The source row chosen in the table (the only one when the article has just one)."""
        rows = self._rows or []
        chosen = self.table.selectionModel().selectedRows()
        if chosen:
            return rows[chosen[0].row()]
        return None

    def select(self, index: int) -> None:
        self.table.selectRow(index)

    def _fill(self) -> None:
        rows = self._rows or []
        self.table.setRowCount(len(rows))
        for i, found in enumerate(rows):
            record = found.record
            quantity = "" if record.quantity is None else format_number(record.quantity, self.language)
            # what tells the article's rows apart first: the pane is narrow, the row and file can scroll; the
            # file last, as the column that stretches (a number there would stand at its far right)
            cells = [record.municipality, quantity, self.rule_label(record.match), record.source_key or "",
                     "" if record.row is None else str(record.row), record.file]
            headers = [self.table.horizontalHeaderItem(c).text() for c in range(len(cells))]
            tip = "\n".join(f"{header}: {value}" for header, value in zip(headers, cells, strict=True) if value)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(SheetRowRole, found.sheet_row)
                item.setToolTip(tip)
                if column in (1, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)
        if self._state == "loading":
            heading = self.tr("Source rows: reading…")
        elif self._state == "failed":
            heading = self.tr("Source rows could not be read.")
        elif self._state == "none":
            heading = self.tr("Source rows")
        else:
            heading = self.tr("%n source row(s)", "", len(rows))
        self.heading.setText(f"<b>{heading}</b>")
        self.table.setVisible(bool(rows))
        self._fit_columns()
        # as tall as its rows: the detail pane scrolls, not this table
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(i) for i in range(len(rows)))
        # the columns are wider than the pane: the horizontal scroll bar must not cover the last row
        height += self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.table)
        self.table.setFixedHeight(height + 2)
