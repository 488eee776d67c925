"""Ersätts av: a searchable picker of existing articles (by key or name); nothing else is accepted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.review_model import CodeRole, KeyRole

_Index = QModelIndex | QPersistentModelIndex
_SEPARATOR = " – "


class ArticlePickerDelegate(QStyledItemDelegate):
    """Offers "key – name" of every article; typing filters by any part of the key or the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[str] = []
        self._keys: set[str] = set()

    def set_articles(self, articles: list[tuple[str, str]]) -> None:
        """The articles that may replace another: ``(key, name)`` pairs."""
        self._choices = [f"{key}{_SEPARATOR}{name}" if name else key for key, name in articles]
        self._keys = {key for key, _ in articles}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("articlePicker")
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.setModel(QStringListModel(["", *self._choices], editor))
        completer = QCompleter(editor.model(), editor)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        editor.setCompleter(completer)
        editor.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        key = index.data(CodeRole)
        if key is None:
            editor.setCurrentIndex(0)
            return
        match = next((i for i, text in enumerate(self._choices) if text.split(_SEPARATOR)[0] == key), -1)
        editor.setCurrentIndex(match + 1)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText().strip()
        if not text:
            model.setData(index, None, Qt.ItemDataRole.EditRole)
            return
        key = text.split(_SEPARATOR)[0].strip()
        if key in self._keys and key != index.data(KeyRole):
            model.setData(index, key, Qt.ItemDataRole.EditRole)
        # Anything else is not an existing article (or is the article itself): the edit is dropped.
