"""Vocabulary fields (usage, future need, decision): a combo box with type-ahead.

Typing ``b`` on a Beslut cell opens the editor with Behåll chosen; Enter commits and moves down.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from ui.review.delegates.base import ReviewDelegate
from ui.review.model import CodeRole, FieldRole
from workbench.vocabularies import vocabularies

_Index = QModelIndex | QPersistentModelIndex


class VocabularyDelegate(ReviewDelegate):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        vocabulary = vocabularies()[index.data(FieldRole)]
        editor = QComboBox(parent)
        editor.setObjectName("vocabularyEditor")
        editor.addItem("", None)
        for term in vocabulary.terms:
            editor.addItem(term.label(self.language), term.code)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CodeRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
