"""Ersätts av: a searchable picker of existing articles (by key or name); nothing else is accepted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QStyleOptionViewItem, QWidget

from ui.review.delegates.base import ReviewDelegate
from ui.review.model import CodeRole, KeyRole
from workbench.table import SourceTable

_Index = QModelIndex | QPersistentModelIndex
_SEPARATOR = " – "


class ArticlePickerDelegate(ReviewDelegate):
    """Offers "key – name" of every article; typing filters by any part of the key or the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: SourceTable | None = None
        self._choices: list[str] | None = None
        self._keys: set[str] = set()

    def set_table(self, table: SourceTable) -> None:
        """Offer the articles of ``table``; the list is built when an editor first needs it."""
        self._table = table
        self._choices = None

    def set_articles(self, articles: list[tuple[str, str]]) -> None:
        """The articles that may replace another: ``(key, name)`` pairs."""
        self._choices = [f"{key}{_SEPARATOR}{name}" if name else key for key, name in articles]
        self._keys = {key for key, _ in articles}

    def _ensure_choices(self) -> list[str]:
        if self._choices is None:
            table = self._table
            articles: list[tuple[str, str]] = []
            if table is not None:
                keys = table.keys.to_numpy(dtype=object)
                name_column = table.columns.get("name")
                names = table.data[name_column].to_numpy(dtype=object) if name_column else [None] * len(keys)
                seen: set[str] = set()
                for key, name in zip(keys, names, strict=True):
                    if isinstance(key, str) and key not in seen:
                        seen.add(key)
                        articles.append((key, name if isinstance(name, str) else ""))
            self.set_articles(articles)
        assert self._choices is not None
        return self._choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("articlePicker")
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.setModel(QStringListModel(["", *self._ensure_choices()], editor))
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
        match = next((i for i, text in enumerate(self._ensure_choices()) if text.split(_SEPARATOR)[0] == key), -1)
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
