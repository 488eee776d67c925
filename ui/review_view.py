"""The review grid's view: frozen key and name columns, Excel-like keys, bulk edits of a selection."""

from __future__ import annotations

import numpy as np

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from ui.delegates.article_picker import ArticlePickerDelegate
from ui.delegates.comment import CommentDelegate
from ui.delegates.score import ScoreDelegate
from ui.delegates.vocabulary import VocabularyDelegate
from ui.review_model import FieldRole, ReviewTableModel
from workbench.fields import REVIEW_FIELDS
from workbench.vocabularies import vocabularies

_SCORE_KEYS = {Qt.Key.Key_1: "1", Qt.Key.Key_2: "2", Qt.Key.Key_3: "3", Qt.Key.Key_4: "4", Qt.Key.Key_5: "5"}
_VOCABULARY_FIELDS = ("decision", "usage", "future_need", "env_score")


class ReviewTableView(QTableView):
    """A table view whose first columns (key, name) stay visible while scrolling sideways."""

    selection_rows_changed = Signal()

    def __init__(self, model: ReviewTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTable")
        self.review_model = model
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSectionsMovable(True)
        self.horizontalHeader().setHighlightSections(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.language = model.language
        self.vocabulary_delegate = VocabularyDelegate(model.language, self)
        self.score_delegate = ScoreDelegate(self)
        self.comment_delegate = CommentDelegate(self)
        self.article_delegate = ArticlePickerDelegate(self)

        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())
        self.frozen.setAlternatingRowColors(True)
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; border-right: 2px solid palette(mid); }")
        self.viewport().stackUnder(self.frozen)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._on_header_section_resized)
        model.modelReset.connect(self._on_model_reset)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_rows_changed.emit())
        self.frozen.installEventFilter(self)
        self._configured_table: object = None
        self._configured_columns = -1
        self._configure_columns()

    # --- frozen columns ---------------------------------------------------------------------
    def _on_model_reset(self) -> None:
        # A new order of the same table keeps its delegates; only a new table or column set needs them.
        model = self.review_model
        if model.table is not self._configured_table or model.columnCount() != self._configured_columns:
            self._configure_columns()

    def _configure_columns(self) -> None:
        model = self.review_model
        self._configured_columns = model.columnCount()
        count = model.frozen_count
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= count)
            field = model.review_field_at(column)
            delegate: QAbstractItemDelegate | None = None
            if field is not None:
                if field.name in ("usage", "future_need", "decision"):
                    delegate = self.vocabulary_delegate
                elif field.name == "env_score":
                    delegate = self.score_delegate
                elif field.name == "comment":
                    delegate = self.comment_delegate
                elif field.name == "replaced_by":
                    delegate = self.article_delegate
            self.setItemDelegateForColumn(column, delegate)
        if model.table is not None and model.table is not self._configured_table:
            self.article_delegate.set_table(model.table)
        self._configured_table = model.table
        self.frozen.setVisible(count > 0)
        self._update_frozen_geometry()

    def set_language(self, language: str) -> None:
        self.language = language
        self.vocabulary_delegate.language = language

    def _on_header_section_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.review_model.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self._update_frozen_geometry()

    def _update_frozen_geometry(self) -> None:
        count = self.review_model.frozen_count
        width = sum(self.columnWidth(c) for c in range(count))
        for column in range(count):
            self.frozen.setColumnWidth(column, self.columnWidth(column))
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
                                width, self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_frozen_geometry()

    def setColumnWidth(self, column: int, width: int) -> None:
        super().setColumnWidth(column, width)
        if column < self.review_model.frozen_count:
            self._update_frozen_geometry()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        # Keep the current cell visible to the right of the frozen columns when moving left.
        current = super().moveCursor(action, modifiers)
        frozen_width = self.frozen.width() if self.frozen.isVisible() else 0
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self.review_model.frozen_count
                and self.visualRect(current).topLeft().x() < frozen_width):
            new_value = self.horizontalScrollBar().value() + self.visualRect(current).topLeft().x() - frozen_width
            self.horizontalScrollBar().setValue(new_value)
        return current

    def scrollTo(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: E501
        if index.column() >= self.review_model.frozen_count:
            super().scrollTo(index, hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.frozen and event.type() == QEvent.Type.Wheel:
            self.wheelEvent(event)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    # --- selection ----------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """View rows touched by the selection (from its ranges, cheap for 10,000 rows)."""
        rows: list[np.ndarray] = [np.arange(r.top(), r.bottom() + 1) for r in self.selectionModel().selection()]
        if not rows:
            current = self.currentIndex()
            return [current.row()] if current.isValid() else []
        return np.unique(np.concatenate(rows)).tolist()

    def selected_review_fields(self) -> list[str]:
        fields = {self.review_model.review_field_at(c) for r in self.selectionModel().selection()
                  for c in range(r.left(), r.right() + 1)}
        current = self.review_model.review_field_at(self.currentIndex().column())
        fields.add(current)
        return [f.name for f in REVIEW_FIELDS if f in fields and f.editable]

    # --- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        field = current.data(FieldRole) if current.isValid() else None
        if self.state() != QAbstractItemView.State.EditingState and current.isValid():
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if field == "env_score" and event.key() in _SCORE_KEYS and plain:
                rows = self.selected_rows()
                self.review_model.set_field(rows, "env_score", _SCORE_KEYS[Qt.Key(event.key())])
                if len(rows) <= 1:
                    self._move_down()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection_values()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._move_down()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down()  # Enter commits and moves down, as in Excel

    def _move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.review_model.rowCount():
            below = self.review_model.index(current.row() + 1, current.column())
            self.selectionModel().setCurrentIndex(below, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def clear_selection_values(self) -> None:
        """Delete clears the review values of the selected cells (one undo step per field)."""
        rows = self.selected_rows()
        fields = self.selected_review_fields()
        if not rows or not fields:
            return
        stack = self.review_model.undo_stack
        stack.beginMacro(self.tr("Clear %Ln row(s)", "", len(rows)))
        try:
            for name in fields:
                self.review_model.set_field(rows, name, None)
        finally:
            stack.endMacro()

    # --- context menu -------------------------------------------------------------------------
    def build_bulk_menu(self, parent: QWidget) -> QMenu:
        """"Set for the selected rows" menus: one per vocabulary field, each value one undo step."""
        menu = QMenu(self.tr("Set for selected rows"), parent)
        menu.setObjectName("bulkMenu")
        for name in _VOCABULARY_FIELDS:
            field = next(f for f in REVIEW_FIELDS if f.name == name)
            submenu = menu.addMenu(field.label(self.language))
            submenu.setObjectName(f"bulk_{name}")
            for term in vocabularies()[field.vocabulary or name].terms:
                action = submenu.addAction(term.label(self.language))
                action.setData(term.code)
                action.triggered.connect(
                    lambda _checked=False, f=name, c=term.code: self.review_model.set_field(self.selected_rows(), f, c))
            submenu.addSeparator()
            clear = submenu.addAction(self.tr("Clear"))
            clear.triggered.connect(
                lambda _checked=False, f=name: self.review_model.set_field(self.selected_rows(), f, None))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_bulk_menu(self)
        menu.exec(event.globalPos())
        menu.deleteLater()
