"""Visa > Kolumner…: show, hide and order the review grid's columns (remembered per workbook).

The dialog only rearranges the view's header; the page's layout (per workbook, in the UI state) is what
remembers it. The frozen key and name columns always stay first and visible, so they are not listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.review.page import ReviewPage

ColumnRole = Qt.ItemDataRole.UserRole + 1  # the model's (logical) column of an item


class ColumnsDialog(QDialog):
    """A checkable list of the movable columns in their on-screen order, with up and down buttons."""

    def __init__(self, page: ReviewPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnsDialog")
        self.page = page
        self.setWindowTitle(self.tr("Columns"))
        self.hint = QLabel(self.tr("Tick the columns to show and drag them (or use the buttons) into the "
                                   "order you want. Article number and name always stay first."))
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("columnsList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setAccessibleName(self.tr("Columns"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setObjectName("columnUpButton")
        self.down_button = QPushButton(self.tr("Move &down"))
        self.down_button.setObjectName("columnDownButton")
        self.show_all_button = QPushButton(self.tr("Show &all"))
        self.show_all_button.setObjectName("columnsShowAllButton")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.show_all_button.clicked.connect(self._on_show_all_button_clicked)
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addSpacing(12)
        side.addWidget(self.show_all_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self.resize(420, 520)
        self._fill()

    def _fill(self) -> None:
        view, model = self.page.view, self.page.model
        header = view.horizontalHeader()
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if column < model.frozen_count:
                continue
            item = QListWidgetItem(str(model.headerData(column, Qt.Orientation.Horizontal)))
            item.setData(ColumnRole, column)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Unchecked if view.isColumnHidden(column) else Qt.CheckState.Checked)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def item_of(self, column_id: str) -> QListWidgetItem:
        """The list's item for the column ``column_id`` (a review field name or a source header)."""
        model = self.page.model
        return next(self.list.item(i) for i in range(self.list.count())
                    if model.column_id(self.list.item(i).data(ColumnRole)) == column_id)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _on_show_all_button_clicked(self) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def apply(self) -> None:
        """Put the columns in the listed order, show the ticked ones, and remember it for the workbook."""
        view, model = self.page.view, self.page.model
        header = view.horizontalHeader()
        items = [self.list.item(i) for i in range(self.list.count())]
        order = [*range(model.frozen_count), *(int(item.data(ColumnRole)) for item in items)]
        for visual, column in enumerate(order):
            current = header.visualIndex(column)
            if current != visual:
                header.moveSection(current, visual)
        for item in items:
            view.setColumnHidden(int(item.data(ColumnRole)), item.checkState() != Qt.CheckState.Checked)
        self.page.save_layout()
