"""The review grid's view: frozen key and name columns, Excel-like keys, bulk edits of a selection."""

from __future__ import annotations

import numpy as np

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from ui.review.delegates.article_picker import ArticlePickerDelegate
from ui.review.delegates.comment import CommentDelegate
from ui.review.delegates.score import ScoreDelegate
from ui.review.delegates.vocabulary import VocabularyDelegate
from ui.review.model import FieldRole, ReviewTableModel
from workbench.fields import REVIEW_FIELDS, Field
from workbench.vocabularies import vocabularies

_SCORE_KEYS = {Qt.Key.Key_1: "1", Qt.Key.Key_2: "2", Qt.Key.Key_3: "3", Qt.Key.Key_4: "4", Qt.Key.Key_5: "5"}
_VOCABULARY_FIELDS = ("decision", "usage", "future_need", "env_score")
_EDGE = 2  # width of the line that ends the frozen pane
_EDGE_ACTIONS = (
    QAbstractItemView.CursorAction.MoveUp, QAbstractItemView.CursorAction.MoveDown,
    QAbstractItemView.CursorAction.MoveLeft, QAbstractItemView.CursorAction.MoveRight,
    QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd,
)


_EDGE_KEYS = {
    Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp, Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
    Qt.Key.Key_Left: QAbstractItemView.CursorAction.MoveLeft,
    Qt.Key.Key_Right: QAbstractItemView.CursorAction.MoveRight,
    Qt.Key.Key_Home: QAbstractItemView.CursorAction.MoveHome, Qt.Key.Key_End: QAbstractItemView.CursorAction.MoveEnd,
}


def _clipboard_key(event: QKeyEvent) -> str | None:
    if event.matches(QKeySequence.StandardKey.Copy):
        return "copy"
    if event.matches(QKeySequence.StandardKey.Paste):
        return "paste"
    if event.key() == Qt.Key.Key_D and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
        return "fill"
    return None


class ReviewTableView(QTableView):
    """A table view whose first columns (key, name) stay visible while scrolling sideways."""

    selection_rows_changed = Signal()
    paste_refused = Signal(object)  # a PasteRefusedError naming the values a paste or fill-down did not set
    _ready = False  # Qt calls the overrides below while __init__ is still building the view

    def __init__(self, model: ReviewTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTable")
        self.review_model = model
        # actions a joint workbook adds to the context menu (ui/assortment/joint_grid.py)
        self.context_actions: list[QAction] = []
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
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; }")
        # The pane's edge is drawn over its own last pixels, so the pane covers exactly the frozen columns.
        self.frozen_edge = QFrame(self)
        self.frozen_edge.setObjectName("frozenEdge")
        self.frozen_edge.setStyleSheet("QFrame#frozenEdge { background: palette(mid); }")
        self.frozen_edge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.viewport().stackUnder(self.frozen)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._on_header_section_resized)
        model.modelReset.connect(self._on_model_reset)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_rows_changed.emit())
        self.frozen.installEventFilter(self)
        self.frozen.setAutoScroll(False)  # the grid scrolls both; the pane never scrolls sideways
        self.frozen.horizontalScrollBar().valueChanged.connect(self._pin_frozen)
        self._snapping = False
        self._scrolled_to = 0
        self.horizontalScrollBar().valueChanged.connect(self._on_horizontal_scrolled)
        self.horizontalHeader().sectionMoved.connect(self._keep_frozen_first)
        self._configured_table: object = None
        self._configured_columns = -1
        self._configure_columns()
        self._ready = True

    # --- frozen columns ---------------------------------------------------------------------
    def _on_model_reset(self) -> None:
        # A new order of the same table keeps its delegates; only a new table or column set needs them.
        model = self.review_model
        if model.table is not self._configured_table or model.columnCount() != self._configured_columns:
            self._configure_columns()

    def _delegate_for(self, field: Field | None) -> QAbstractItemDelegate | None:
        """The editor of an editable review field, chosen by its kind (``workbench.fields``), never by name."""
        if field is None or not field.editable:
            return None
        by_kind: dict[str, QAbstractItemDelegate] = {
            "code": self.vocabulary_delegate, "score": self.score_delegate,
            "text": self.comment_delegate, "key_ref": self.article_delegate,
        }
        return by_kind.get(field.kind)

    def _configure_columns(self) -> None:
        model = self.review_model
        self._configured_columns = model.columnCount()
        count = model.frozen_count
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= count)
            field = model.review_field_at(column)
            self.setItemDelegateForColumn(column, self._delegate_for(field))
        if model.table is not None and model.table is not self._configured_table:
            self.article_delegate.set_table(model.table)
        self._configured_table = model.table
        self.frozen.setVisible(count > 0)
        self._update_frozen_geometry()

    def _pin_frozen(self, value: int) -> None:
        if value:
            self.frozen.horizontalScrollBar().setValue(0)

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
        margins = self.frozen.contentsMargins()
        # Beside the row numbers, whose width changes with the rows shown (a filter): at the viewport's edge.
        left = self.viewport().geometry().left()
        height = self.viewport().height() + self.horizontalHeader().height()
        self.frozen.setGeometry(left, self.frameWidth(), width + margins.left() + margins.right(), height)
        self.frozen.horizontalScrollBar().setValue(0)
        self.frozen_edge.setGeometry(left + width - _EDGE, self.frameWidth(), _EDGE, height)
        self.frozen_edge.setVisible(self.frozen.isVisibleTo(self))
        self.frozen_edge.raise_()

    def frozen_width(self) -> int:
        """Width of the frozen pane over the viewport's left edge (0 when there is none)."""
        if not self.frozen.isVisibleTo(self):
            return 0
        return sum(self.columnWidth(c) for c in range(self.review_model.frozen_count))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_frozen_geometry()

    def setColumnWidth(self, column: int, width: int) -> None:
        super().setColumnWidth(column, width)
        if column < self.review_model.frozen_count:
            self._update_frozen_geometry()

    # --- whole columns beside the frozen pane -----------------------------------------------
    def _snap_points(self) -> list[int]:
        """Horizontal scroll values that put a whole column's left edge at the frozen pane's edge."""
        header = self.horizontalHeader()
        frozen = self.frozen_width()
        points = []
        for visual in range(self.review_model.frozen_count, header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                points.append(header.sectionPosition(logical) - frozen)
        return points

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if not self._ready:
            return
        self._update_frozen_geometry()
        # Let the last columns scroll fully into view with a whole column at the pane's edge.
        bar = self.horizontalScrollBar()
        points = self._snap_points()
        if bar.maximum() > 0 and points and bar.maximum() not in points:
            bar.setMaximum(next((p for p in points if p >= bar.maximum()), points[-1]))

    def _on_horizontal_scrolled(self, value: int) -> None:
        """Scrolling sideways moves by whole columns (no half cell beside the frozen pane)."""
        if self._snapping:
            return
        points = self._snap_points()
        if not points or value in points:
            self._scrolled_to = value
            return
        if value > self._scrolled_to:
            target = next((p for p in points if p >= value), points[-1])
        else:
            target = next((p for p in reversed(points) if p <= value), points[0])
        self._set_horizontal(target)

    def _set_horizontal(self, value: int) -> None:
        bar = self.horizontalScrollBar()
        self._snapping = True
        try:
            bar.setValue(min(max(value, bar.minimum()), bar.maximum()))
        finally:
            self._snapping = False
        self._scrolled_to = bar.value()

    def scrollTo(self, index: QModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not self._ready or not index.isValid():
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        before = bar.value()
        super().scrollTo(index, hint)  # the rows; its sideways move knows nothing of the frozen pane
        if index.column() < self.review_model.frozen_count:
            self._set_horizontal(before)  # the frozen pane always shows these columns
            return
        header = self.horizontalHeader()
        left = header.sectionPosition(index.column())
        right = left + header.sectionSize(index.column())
        frozen = self.frozen_width()
        width = self.viewport().width()
        target = before
        if left - before < frozen or right - left > width - frozen:
            target = left - frozen
        elif right - before > width:
            target = next((p for p in self._snap_points() if p >= right - width), left - frozen)
        self._set_horizontal(target)

    def visible_columns(self) -> list[int]:
        """Logical columns in the order shown, hidden ones left out."""
        header = self.horizontalHeader()
        return [c for c in (header.logicalIndex(v) for v in range(header.count())) if not header.isSectionHidden(c)]

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.review_model
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        columns = self.visible_columns()
        if ctrl and model.rowCount() and columns and action in _EDGE_ACTIONS:
            current = self.currentIndex()
            row, column = (current.row(), current.column()) if current.isValid() else (0, columns[0])
            if action == QAbstractItemView.CursorAction.MoveHome:
                # As in Excel with frozen panes: the first cell beside them.
                row, column = 0, next((c for c in columns if c >= model.frozen_count), columns[0])
            elif action == QAbstractItemView.CursorAction.MoveEnd:
                row, column = model.rowCount() - 1, columns[-1]
            elif action == QAbstractItemView.CursorAction.MoveUp:
                row = 0
            elif action == QAbstractItemView.CursorAction.MoveDown:
                row = model.rowCount() - 1
            elif action == QAbstractItemView.CursorAction.MoveLeft:
                column = columns[0]
            elif action == QAbstractItemView.CursorAction.MoveRight:
                column = columns[-1]
            return model.index(row, column)
        return super().moveCursor(action, modifiers)

    def _keep_frozen_first(self, _logical: int, _old: int, _new: int) -> None:
        # Columns may be reordered, but the frozen ones stay first (the pane shows them only there).
        header = self.horizontalHeader()
        for column in range(self.review_model.frozen_count):
            if header.visualIndex(column) != column:
                header.blockSignals(True)
                header.moveSection(header.visualIndex(column), column)
                header.blockSignals(False)
                self.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._ready and watched is self.frozen and event.type() == QEvent.Type.Wheel:
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
    def event(self, event: QEvent) -> bool:
        # Copy, paste and fill-down belong to the grid while it has the focus, whatever a menu binds.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self.state() != QAbstractItemView.State.EditingState and _clipboard_key(event)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if (key := _clipboard_key(event)) is not None:
                from ui.review import grid_clipboard
                {"copy": grid_clipboard.copy_selection, "paste": grid_clipboard.paste,
                 "fill": grid_clipboard.fill_selection_down}[key](self)
                return
            action = _EDGE_KEYS.get(Qt.Key(event.key()))
            if action is not None and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._jump(action, event.modifiers())
                return
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

    def _jump(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> None:
        """Ctrl+arrow, Ctrl+Home, Ctrl+End: to the edge of the data; with Shift the selection grows there."""
        current = self.currentIndex()
        target = self.moveCursor(action, modifiers)
        if not target.isValid():
            return
        selection = self.selectionModel()
        if modifiers & Qt.KeyboardModifier.ShiftModifier and current.isValid():
            anchor = current
            for block in selection.selection():
                if block.contains(current.row(), current.column(), current.parent()):
                    row = block.bottom() if current.row() == block.top() else block.top()
                    column = block.right() if current.column() == block.left() else block.left()
                    anchor = self.review_model.index(row, column)
            selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
            selection.select(QItemSelection(anchor, target), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # An edit that made the view recompute its rows (the edited article left a filtered view) has
        # already ended with the model's reset, and the next article is current: no move down then.
        editing = self.state() == QAbstractItemView.State.EditingState
        super().closeEditor(editor, hint)
        if editing and hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_down()  # Enter commits and moves down, as in Excel

    def commit_open_editor(self) -> None:
        """Commit and close the current cell's editor, if one is open (before the rows change)."""
        editor = self.indexWidget(self.currentIndex()) if self.state() == QAbstractItemView.State.EditingState else None
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

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
        extra = [action for action in self.context_actions if action.isVisible()]
        if extra:
            menu.addSeparator()
            menu.addActions(extra)
        menu.exec(event.globalPos())
        menu.deleteLater()
