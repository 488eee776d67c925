"""Miljöpoäng: a compact 1–5 editor (keys 1–5 on the cell itself are handled by the view)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QSpinBox, QStyleOptionViewItem, QWidget

from ui.review.delegates.base import ReviewDelegate
from ui.review.model import CodeRole

_Index = QModelIndex | QPersistentModelIndex


class ScoreDelegate(ReviewDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setObjectName("scoreEditor")
        editor.setRange(0, 5)
        editor.setSpecialValueText("–")  # 0 shows as a dash and means "no score"
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        code = index.data(CodeRole)
        editor.setValue(int(code) if code is not None else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, str(editor.value()) if editor.value() else None, Qt.ItemDataRole.EditRole)
