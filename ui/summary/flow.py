"""A row of widgets that wraps into more rows when the sheet is too narrow for them side by side (the key
figures, the charts, the tables of Sammanfattning), so that a 1024 px window needs no horizontal scroll bar.
The rows are balanced: five figures that fit four abreast go 3 + 2, not 4 + 1."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class FlowRow(QWidget):
    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(spacing)
        self.grid.setVerticalSpacing(max(8, spacing // 2))
        self.items: list[tuple[QWidget, int, Qt.AlignmentFlag]] = []
        self.columns = 0

    def add(self, widget: QWidget, stretch: int = 1,
            alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop) -> None:
        self.items.append((widget, stretch, alignment))
        self.grid.addWidget(widget, 0, len(self.items) - 1, alignment)
        self.columns = 0
        self.reflow()

    def _shown(self) -> list[tuple[QWidget, int, Qt.AlignmentFlag]]:
        return [item for item in self.items if not item[0].isHidden()]

    @staticmethod
    def _narrowest(widget: QWidget) -> int:
        return max(widget.minimumWidth(), widget.minimumSizeHint().width())

    def columns_for(self, width: int) -> int:
        """How many abreast at ``width``: as many as fit, then balanced over the rows that takes."""
        shown = self._shown()
        if not shown:
            return 1
        spacing = self.grid.horizontalSpacing()
        fit = 0
        used = -spacing
        for widget, _, _ in sorted(shown, key=lambda item: -self._narrowest(item[0])):
            used += self._narrowest(widget) + spacing
            if used > width and fit:
                break
            fit += 1
        rows = math.ceil(len(shown) / max(1, fit))
        return math.ceil(len(shown) / rows)

    def reflow(self) -> None:
        """Put the shown widgets in rows of :meth:`columns_for` the current width (after one is shown or
        hidden, and when the width changes)."""
        columns = self.columns_for(self.width() if self.isVisible() else 1 << 20)
        if columns == self.columns:
            return
        self.columns = columns
        for widget, _, _ in self.items:
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for number, (widget, stretch, alignment) in enumerate(self._shown()):
            row, column = divmod(number, columns)
            self.grid.addWidget(widget, row, column, alignment)
            if row == 0:
                self.grid.setColumnStretch(column, stretch)
        self.grid.invalidate()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        # one column is always possible: the sheet may be narrowed to the widest single widget
        widest = max((self._narrowest(widget) for widget, _, _ in self._shown()), default=0)
        return QSize(widest, self.grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()
