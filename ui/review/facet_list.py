"""The list of one facet: check boxes with the value on the left and its count right-aligned.

A long value is elided, never its count: the count gets the room it needs first. The list is as tall
as its values up to :data:`VISIBLE_ROWS`, and updating the counts keeps the items (and the scroll
position) in place, so values do not move while the user ticks them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ValueRole = Qt.ItemDataRole.UserRole + 10
LabelRole = Qt.ItemDataRole.UserRole + 11
CountRole = Qt.ItemDataRole.UserRole + 12
VISIBLE_ROWS = 10
_GAP = 8  # pixels between a value and its count
_PADDING = 4

_Index = QModelIndex | QPersistentModelIndex


class FacetItemDelegate(QStyledItemDelegate):
    """Paints an item's label (elided when it must be) and its count (always whole)."""

    def layout(self, option: QStyleOptionViewItem, index: _Index) -> tuple[QRect, QRect, str]:
        """The label's rect, the count's rect and the label as drawn (elided to fit)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        text_rect = (style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
                     if style is not None else opt.rect)
        metrics = opt.fontMetrics
        count = str(index.data(CountRole) or "")
        count_width = metrics.horizontalAdvance(count) + 2 if count else 0
        count_rect = QRect(text_rect.right() - count_width + 1, text_rect.top(), count_width, text_rect.height())
        label_rect = QRect(text_rect.left(), text_rect.top(),
                           max(0, count_rect.left() - _GAP - text_rect.left()), text_rect.height())
        label = str(index.data(LabelRole) or opt.text)
        return label_rect, count_rect, metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width())

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        # narrow on purpose: the item then spans the viewport and its count stays in view (a wide hint
        # would make the row wider than the list, with the count past its right edge)
        return QSize(min(size.width(), 60), size.height() + _PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        label_rect, count_rect, label = self.layout(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(label_rect, align | Qt.AlignmentFlag.AlignLeft, label)
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(count_rect, align | Qt.AlignmentFlag.AlignRight, str(index.data(CountRole) or ""))
        painter.restore()


class FacetList(QListWidget):
    """A facet's values with check boxes; :meth:`show_values` updates it without moving anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = FacetItemDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._fit_height()

    def values(self) -> list[str]:
        return [self.item(i).data(ValueRole) for i in range(self.count())]

    def show_values(self, rows: list[tuple[str, str, str, bool]]) -> None:
        """Show ``(value, label, count text, checked)`` rows; the same values are updated in place."""
        if [row[0] for row in rows] != self.values():
            scroll = self.verticalScrollBar().value()
            self.clear()
            for value, *_rest in rows:
                item = QListWidgetItem()
                item.setData(ValueRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.addItem(item)
            self._fit_height()
            self.verticalScrollBar().setValue(scroll)
        for i, (_value, label, count, checked) in enumerate(rows):
            item = self.item(i)
            # the plain text is what screen readers (and tests) read: value and count
            item.setText(f"{label} ({count})")
            item.setToolTip(label)
            item.setData(LabelRole, label)
            item.setData(CountRole, count)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def count_rect(self, row: int) -> tuple[QRect, str]:
        """Where the count of ``row`` is drawn (viewport coordinates) and its text."""
        item = self.item(row)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualItemRect(item)
        index = self.indexFromItem(item)
        _label_rect, count_rect, _label = self.delegate.layout(option, index)
        return count_rect, str(index.data(CountRole))

    def drawn_label(self, row: int) -> str:
        """The label of ``row`` as drawn (with an ellipsis when it had to be shortened)."""
        item = self.item(row)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualItemRect(item)
        return self.delegate.layout(option, self.indexFromItem(item))[2]

    def _fit_height(self) -> None:
        # As tall as the values, up to VISIBLE_ROWS: short vocabularies show whole, long lists scroll.
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 6
        rows = min(max(self.count(), 1), VISIBLE_ROWS)
        self.setFixedHeight(row * rows + 2 * self.frameWidth() + 2)
