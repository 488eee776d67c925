"""Ersätts av: a searchable picker of existing articles (by key or name); the core checks the choice."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QStyleOptionViewItem, QWidget

from ui.review.delegates.base import ReviewDelegate
from ui.review.model import CodeRole
from workbench.table import SourceTable

_Index = QModelIndex | QPersistentModelIndex
_SEPARATOR = " – "


class ArticlePickerDelegate(ReviewDelegate):
    """Offers "key – name" of every article; typing filters by any part of the key or the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: SourceTable | None = None
        self._choices: list[str] | None = None

    def set_table(self, table: SourceTable) -> None:
        """Offer the articles of ``table``; the list is built when an editor first needs it."""
        self._table = table
        self._choices = None

    def set_articles(self, articles: list[tuple[str, str]]) -> None:
        """The articles that may replace another: ``(key, name)`` pairs."""
        self._choices = [f"{key}{_SEPARATOR}{name}" if name else key for key, name in articles]

    def _ensure_choices(self) -> list[str]:
        if self._choices is None:
            from workbench.review import replacement_candidates

            self.set_articles(replacement_candidates(self._table) if self._table is not None else [])
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
        # the key of a chosen "key – name", or what was typed: the core checks it (an unknown article or
        # the article itself is refused with a message naming it, never dropped silently)
        model.setData(index, text.split(_SEPARATOR)[0].strip(), Qt.ItemDataRole.EditRole)
