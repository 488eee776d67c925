"""The review page: search and views above, facets on the left, the grid, the detail pane on the right.

It owns the review session of the open table and the current :class:`ViewSpec`; every change of the
view is computed by the core and shown by the model.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import tasks
from ui.review.detail_pane import DetailPane
from ui.review.empty_result import EmptyResultNote
from ui.review.filter_panel import FilterPanel
from ui.review.model import KeyRole, ReviewTableModel
from ui.review.view import ReviewTableView
from workbench import paths
from workbench.errors import WorkbenchError
from workbench.numbers import format_number
from workbench.review.named_views import NamedView, load_views, save_user_views, user_view
from workbench.review.session import ReviewSession, ViewSpec, compute_view, prepare, progress, selection_sums
from workbench.settings import UiState
from workbench.sharing.journal import Journal
from workbench.table import SourceTable

log = logging.getLogger(__name__)


LAYOUT_VERSION = 2  # 2: the review columns follow the name by default




class ReviewPage(QWidget):
    """Everything of one open table's review; the main window hosts it."""

    status_changed = Signal()
    edit_refused = Signal(object)

    def __init__(self, ui_state: UiState, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.ui_state = ui_state
        self.language = language
        self.session: ReviewSession | None = None
        self.spec = ViewSpec()
        self.views: list[NamedView] = []
        self.model = ReviewTableModel(language, self)
        self.model.edit_failed.connect(self.edit_refused)
        self.model.review_changed.connect(self._on_model_review_changed)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._on_search_action_triggered)
        self.addAction(self.search_action)
        self.views_combo = QComboBox()
        self.views_combo.setObjectName("viewsCombo")
        self.views_combo.setMinimumWidth(200)
        self.save_view_button = QPushButton()
        self.save_view_button.setObjectName("saveViewButton")
        self.save_view_button.clicked.connect(self._on_save_view_button_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("rowCountLabel")
        self.views_label = QLabel()
        self.views_label.setBuddy(self.views_combo)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search_edit, 3)
        toolbar.addWidget(self.views_label)
        toolbar.addWidget(self.views_combo, 1)
        toolbar.addWidget(self.save_view_button)
        toolbar.addWidget(self.count_label)

        self.view = ReviewTableView(self.model)
        self.empty_result = EmptyResultNote(self.view.viewport())
        self.empty_result.clear_requested.connect(self.clear_filters)
        self.view.paste_refused.connect(self.edit_refused)
        self.filter_panel = FilterPanel()
        self.filter_panel.setMinimumWidth(250)
        self.detail_pane = DetailPane(self.model)
        self.detail_pane.setMinimumWidth(220)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 900, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.filter_panel.changed.connect(self.refresh)
        self.filter_panel.bulk_requested.connect(self._on_filter_panel_bulk_requested)
        self.views_combo.activated.connect(self._on_views_combo_activated)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_section_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self.view.selection_rows_changed.connect(self.status_changed)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.retranslate(language)

    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        row = current.row() if current.isValid() else -1
        self.detail_pane.show_row(row)
        self.model.mark_seen(row)  # a colleague's change counts as seen once its row is visited

    # --- language -------------------------------------------------------------------------------
    def retranslate(self, language: str) -> None:
        self.language = language
        self.model.set_language(language)
        self.model.widen_for_headers(self.view)
        self.view.set_language(language)
        self.filter_panel.retranslate(language)
        self.search_edit.setPlaceholderText(self.tr("Search all text columns (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_action.setText(self.tr("Search"))  # named in Help › Keyboard shortcuts
        self.views_label.setText(self.tr("&View:"))
        self.views_combo.setAccessibleName(self.tr("Named views"))
        self.save_view_button.setText(self.tr("Save view…"))
        self.empty_result.retranslate()
        self.view.setAccessibleName(self.tr("Review table"))
        self._fill_views_combo()
        self.detail_pane.show_row(self.view.currentIndex().row())
        self._update_count_label()

    # --- table --------------------------------------------------------------------------------
    def set_table(self, table: SourceTable, user: str, journal: Journal | None = None) -> int:
        """Show ``table`` for review; returns how many articles' unsaved edits the journal restored."""
        self.session = ReviewSession(table, user=user, journal=journal)
        restored = len(self.session.changed_keys()) if self.session.restore_unsaved() else 0
        self.model.set_session(self.session)
        self.detail_pane.journal = journal
        self.filter_panel.set_available(self.session)
        self.views, findings = load_views(paths.user_views_file())
        for finding in findings:
            log.warning("Views: %s", finding.message("en"))
        self._fill_views_combo()
        self.spec = ViewSpec()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.filter_panel.show_spec(self.spec)
        self.model.apply_column_widths(self.view)
        self._restore_layout()
        self.model.widen_for_headers(self.view)  # widths remembered while the app spoke another language
        self.refresh()
        # Build the search and sort caches in the background so the first search is quick.
        self._prepare_task = tasks.run_task(lambda _p: prepare(table), on_success=lambda _r: None,
                                            on_failure=lambda e: log.warning("prepare failed: %r", e))
        return restored

    def refresh(self) -> None:
        """Recompute the shown rows from the current filter, search and sort."""
        if self.session is None:
            return
        self.view.commit_open_editor()  # a new order closes editors; what was typed is kept
        spec = self.filter_panel.apply_to(dataclasses.replace(self.spec, text=self.search_edit.text()))
        self.spec = spec
        try:
            order = compute_view(self.session, spec)
        except KeyError:
            order = compute_view(self.session, dataclasses.replace(spec, sort=None))
        current_key = self.view.currentIndex().data(KeyRole)
        current_column = self.view.currentIndex().column()
        self.model.set_order(order)
        self.filter_panel.update_counts(self.session, spec)
        self._show_sort_indicator()
        self._reselect(current_key, current_column)
        self._update_count_label()
        self.empty_result.setVisible(self.model.rowCount() == 0 and self.session.table.row_count > 0)
        self.status_changed.emit()

    def clear_filters(self) -> None:
        """Show every article again: the search, the facets, ranges and any view's conditions go; the
        sort and the columns stay."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self.views_combo.setCurrentIndex(0)
        self.spec = ViewSpec(sort=self.spec.sort, columns=self.spec.columns)
        self.filter_panel.clear()  # emits changed: the view is recomputed

    def _reselect(self, key: str | None, column: int = 0) -> None:
        """Keep the current article current; when the view left it out, the first row (same column).
        With no current cell before (a table just opened) there is none after either."""
        if key is None or self.model.rowCount() == 0:
            return
        row = self.model.row_of_key(key)
        self.view.setCurrentIndex(self.model.index(max(row, 0), max(0, column)))

    def _update_count_label(self) -> None:
        if self.session is None:
            self.count_label.setText("")
            return
        self.count_label.setText(self.tr("{shown} of %Ln article(s) shown", "", self.session.table.row_count)
                                 .format(shown=format_number(self.model.rowCount(), self.language)))

    def _on_model_review_changed(self) -> None:
        self.detail_pane.show_row(self.view.currentIndex().row())
        if self.session is not None:
            self.filter_panel.update_counts(self.session, self.spec)
        self.status_changed.emit()

    def _on_filter_panel_bulk_requested(self, facet: str, value: str, field: str, code: Any) -> None:
        self.model.set_from_facet(facet, value, field, code)

    def _on_search_action_triggered(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- sorting and columns -------------------------------------------------------------------
    def _on_header_section_clicked(self, column: int) -> None:
        column_id = self.model.column_id(column)
        if self.spec.sort and self.spec.sort[0] == column_id:
            sort = (column_id, not self.spec.sort[1]) if self.spec.sort[1] else None
        else:
            sort = (column_id, True)
        self.spec = dataclasses.replace(self.spec, sort=sort)
        self.refresh()
        self._save_layout()

    def sort_by(self, column_id: str, ascending: bool = True) -> None:
        self.spec = dataclasses.replace(self.spec, sort=(column_id, ascending))
        self.refresh()

    def _show_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        if self.spec.sort is None:
            header.setSortIndicatorShown(False)
            return
        column_id, ascending = self.spec.sort
        mapped = self.session.table.columns.get(column_id) if self.session is not None else None
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        for column in range(self.model.columnCount()):
            if self.model.column_id(column) in (column_id, mapped):
                header.setSortIndicatorShown(True)
                header.setSortIndicator(column, order)
                return
        header.setSortIndicatorShown(False)

    def _on_header_context_menu_requested(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        for column in range(self.model.columnCount()):
            if column < self.model.frozen_count:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(point))
        menu.deleteLater()

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.view.setColumnHidden(column, not visible)
        self._save_layout()

    def _layout_key(self) -> str | None:
        return None if self.session is None else f"layout:{self.session.table.path.resolve()}"

    def _save_layout(self) -> None:
        key = self._layout_key()
        if key is None:
            return
        header = self.view.horizontalHeader()
        ids = [self.model.column_id(c) for c in range(self.model.columnCount())]
        self.ui_state.set(key, {
            "version": LAYOUT_VERSION,
            "hidden": [ids[c] for c in range(len(ids)) if self.view.isColumnHidden(c)],
            "widths": {ids[c]: self.view.columnWidth(c) for c in range(len(ids))},
            "order": [ids[header.logicalIndex(v)] for v in range(len(ids))],
            "sort": list(self.spec.sort) if self.spec.sort else None,
        })

    def save_layout(self) -> None:
        """Remember widths, order, hidden columns and sort for this workbook (called on close too)."""
        self._save_layout()

    def _restore_layout(self) -> None:
        key = self._layout_key()
        stored = self.ui_state.get(key) if key else None
        if not isinstance(stored, dict):
            return
        ids = [self.model.column_id(c) for c in range(self.model.columnCount())]
        header = self.view.horizontalHeader()
        widths = stored.get("widths") if isinstance(stored.get("widths"), dict) else {}
        hidden = set(stored.get("hidden") or [])
        for column, column_id in enumerate(ids):
            if isinstance(widths.get(column_id), int):
                self.view.setColumnWidth(column, widths[column_id])
            self.view.setColumnHidden(column, column_id in hidden and column >= self.model.frozen_count)
        # an order saved before the review columns moved next to the name would hide that move
        order = [i for i in (stored.get("order") or []) if i in ids] if stored.get("version") == LAYOUT_VERSION else []
        for visual, column_id in enumerate(order):
            logical = ids.index(column_id)
            current_visual = header.visualIndex(logical)
            if current_visual != visual and logical >= self.model.frozen_count:
                header.moveSection(current_visual, visual)
        sort = stored.get("sort")
        if isinstance(sort, list) and len(sort) == 2:
            self.spec = dataclasses.replace(self.spec, sort=(str(sort[0]), bool(sort[1])))

    # --- named views ---------------------------------------------------------------------------
    def _fill_views_combo(self) -> None:
        self.views_combo.blockSignals(True)
        self.views_combo.clear()
        self.views_combo.addItem(self.tr("All articles"), None)
        for view in self.views:
            self.views_combo.addItem(view.name(self.language), view.id)
        self.views_combo.blockSignals(False)

    def _on_views_combo_activated(self, index: int) -> None:
        view_id = self.views_combo.itemData(index)
        view = next((v for v in self.views if v.id == view_id), None)
        self.apply_view(view.spec if view is not None else ViewSpec())

    def apply_view(self, spec: ViewSpec) -> None:
        self.filter_panel.show_spec(spec)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(spec.text)
        self.search_edit.blockSignals(False)
        self.spec = spec
        if spec.columns is not None:
            for column in range(self.model.columnCount()):
                self.view.setColumnHidden(column, column >= self.model.frozen_count
                                          and self.model.column_id(column) not in spec.columns)
        self.refresh()

    def _on_save_view_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"))
        if ok and name.strip():
            self.save_view(name.strip())

    def save_view(self, name: str) -> NamedView:
        columns = tuple(self.model.column_id(c) for c in range(self.model.columnCount())
                        if not self.view.isColumnHidden(c))
        view = user_view(name, dataclasses.replace(self.spec, columns=columns))
        view_id = view.id
        self.views = [v for v in self.views if v.id != view_id] + [view]
        try:
            save_user_views(paths.user_views_file(), self.views)
        except (OSError, WorkbenchError) as error:
            self.edit_refused.emit(error)
        self._fill_views_combo()
        self.views_combo.setCurrentIndex(self.views_combo.findData(view_id))
        return view

    # --- figures for the status bar ------------------------------------------------------------
    def progress_figures(self) -> Any:
        return None if self.session is None else progress(self.session)

    def selection_sums(self) -> tuple[int, float | None, float | None]:
        if self.session is None:
            return 0, None, None
        rows = self.view.selected_rows()
        spend, quantity = selection_sums(self.session, self.model.positions(rows))
        return len(rows), spend, quantity
