"""Kommentar: a multi-line editor. As in Excel, Enter commits and moves down; Alt+Enter makes a new line."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QPlainTextEdit, QStyleOptionViewItem, QWidget

from ui.review.delegates.base import ReviewDelegate

_Index = QModelIndex | QPersistentModelIndex


class CommentDelegate(ReviewDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setObjectName("commentEditor")
        editor.setTabChangesFocus(True)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def alt_enter(self, editor: QWidget) -> bool:
        assert isinstance(editor, QPlainTextEdit)
        editor.insertPlainText("\n")
        return True

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        # Room for a few lines below the cell, as a multi-line note needs.
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 280), max(rect.height() * 4, 96))

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setPlainText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        text = editor.toPlainText().strip()
        model.setData(index, text or None, Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return super().sizeHint(option, index)
