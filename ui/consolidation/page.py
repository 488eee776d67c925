"""The Konsolidering page: progress and the assortment before → after at the top, the clusters by what
they would save (filterable by category, kind and status), and the chosen cluster's articles side by side
with its keeper marked and the decision buttons, each with its key."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.consolidation.lists import ClusterListModel, ClusterRole, MemberModel, kind_label, status_label
from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.consolidation import ClusterReport, ClusterView

ALL = ""


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class ConsolidationPage(QWidget):
    """Shows a report; the decisions go out as signals to :class:`ui.consolidation.controller.Consolidation`."""

    accept_requested = Signal()
    reject_requested = Signal()
    reopen_requested = Signal()
    keep_requested = Signal(str)  # the article to keep instead
    split_requested = Signal(str)  # the article to split off
    back_requested = Signal()
    cluster_shown = Signal(object)  # the ClusterView now open (None: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consolidationPage")
        self.language = "sv"
        self.report: ClusterReport | None = None
        self.keepers: dict[str, str] = {}  # cluster ID -> the keeper the user chose
        self._busy = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("consolidationTitle")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("consolidationProgress")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("consolidationCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton()
        self.back_button.setObjectName("consolidationBack")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.title)
        top.addSpacing(24)
        top.addWidget(self.progress_label)
        top.addSpacing(24)
        top.addWidget(self.counts_label)
        top.addStretch(1)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.category_label, self.kind_label, self.status_label = QLabel(), QLabel(), QLabel()
        self.category_combo, self.kind_combo, self.status_combo = QComboBox(), QComboBox(), QComboBox()
        for name, combo in (("consolidationCategory", self.category_combo), ("consolidationKind", self.kind_combo),
                            ("consolidationStatus", self.status_combo)):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._refilter)
        for label, combo in ((self.category_label, self.category_combo), (self.kind_label, self.kind_combo),
                             (self.status_label, self.status_combo)):
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(12)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("consolidationShown")
        filters.addStretch(1)
        filters.addWidget(self.shown_label)
        layout.addLayout(filters)
        self.list_model = ClusterListModel(self)
        self.list_view = _table("clusterList")
        self.list_view.setModel(self.list_model)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.member_model = MemberModel(self)
        self.member_view = _table("clusterMembers")
        self.member_view.setModel(self.member_model)
        self.member_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.cluster_title = QLabel()
        self.cluster_title.setObjectName("clusterTitle")
        self.cluster_title.setTextFormat(Qt.TextFormat.RichText)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("clusterReason")
        self.reason_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.accept_button, self.reject_button, self.keep_button, self.split_button, self.reopen_button = (
            QPushButton(), QPushButton(), QPushButton(), QPushButton(), QPushButton())
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        for name, button in (("clusterAccept", self.accept_button), ("clusterReject", self.reject_button),
                             ("clusterKeep", self.keep_button), ("clusterSplit", self.split_button),
                             ("clusterReopen", self.reopen_button),
                             ("clusterPrevious", self.previous_button), ("clusterNext", self.next_button)):
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the tables
        self.accept_button.clicked.connect(self.accept_requested)
        self.reject_button.clicked.connect(self.reject_requested)
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.keep_button.clicked.connect(self._keep_selected)
        self.split_button.clicked.connect(self._split_selected)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        for button in (self.accept_button, self.reject_button, self.keep_button, self.split_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.cluster_title)
        detail_layout.addWidget(self.reason_label)
        detail_layout.addWidget(self.member_view, 1)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list_view)
        splitter.addWidget(detail)
        splitter.setSizes([380, 420])
        layout.addWidget(splitter, 1)
        self._shortcuts = []
        for keys, slot in ((("Return", "Enter", "A"), self.accept_requested.emit),
                           (("R", "Delete"), self.reject_requested.emit),
                           (("K",), self._keep_selected), (("S",), self._split_selected),
                           (("O",), self.reopen_requested.emit),
                           (("N", "PgDown"), lambda: self.step(1)), (("P", "PgUp"), lambda: self.step(-1)),
                           (("Escape",), self.back_requested.emit)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)
        self.retranslate("sv")

    # --- language -------------------------------------------------------------------------------
    def retranslate(self, language: str) -> None:
        self.language = language
        self.list_model.language = self.member_model.language = language
        self.title.setText("<b>" + html.escape(self.tr("Consolidation")) + "</b>")
        self.back_button.setText(self.tr("Back to the list"))
        self.back_button.setToolTip(QKeySequence("Escape").toString(QKeySequence.SequenceFormat.NativeText))
        self.category_label.setText(self.tr("&Category:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.accept_button.setText(self.tr("Accept (A)"))
        self.accept_button.setToolTip(self.tr("Replace the others by the kept article (Enter or A)"))
        self.reject_button.setText(self.tr("Reject (R)"))
        self.reject_button.setToolTip(self.tr("Not the same need: the cluster does not come back (R or Delete)"))
        self.keep_button.setText(self.tr("Keep this one (K)"))
        self.keep_button.setToolTip(self.tr("Keep the selected article instead of the suggestion"))
        self.split_button.setText(self.tr("Split off (S)"))
        self.split_button.setToolTip(self.tr("Take the selected article out of the cluster"))
        self.reopen_button.setText(self.tr("Reopen (O)"))
        self.reopen_button.setToolTip(self.tr("A rejected cluster becomes a candidate again"))
        self.previous_button.setText(self.tr("◀ Previous (P)"))
        self.next_button.setText(self.tr("Next (N) ▶"))
        self._fill_combos()
        self.list_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.list_model.columnCount() - 1)
        self.list_model.layoutChanged.emit()
        self._show_current()
        self._show_figures()

    def _fill_combos(self) -> None:
        categories = sorted({c.category for c in self.report.clusters if c.category}) if self.report else []
        choices = (
            (self.category_combo, [(self.tr("All"), ALL), *((c, c) for c in categories)]),
            (self.kind_combo, [(self.tr("All"), ALL), (kind_label("same_product"), "same_product"),
                               (kind_label("variants"), "variants")]),
            (self.status_combo, [(self.tr("All"), ALL), (status_label("open"), "open"),
                                 (status_label("accepted"), "accepted"), (status_label("rejected"), "rejected")]),
        )
        for combo, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    # --- showing --------------------------------------------------------------------------------
    def show_report(self, report: ClusterReport | None) -> None:
        """A new report (after a decision too): the same cluster stays open when it is still there."""
        self.report = report
        self._fill_combos()
        self._refilter()
        self._show_figures()

    def set_busy(self, busy: bool) -> None:
        """While a decision is written, the next one waits (the keys and buttons do nothing)."""
        self._busy = busy
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._busy

    def current_cluster(self) -> ClusterView | None:
        index = self.list_view.currentIndex()
        return index.data(ClusterRole) if index.isValid() else None

    def keeper(self, cluster: ClusterView) -> str:
        chosen = self.keepers.get(cluster.id)
        return chosen if chosen in cluster.keys else cluster.keep

    def selected_member(self) -> str | None:
        index = self.member_view.currentIndex()
        return self.member_model.keys[index.row()] if index.isValid() else None

    def select_cluster(self, cluster_id: str | None, fallback_row: int = 0) -> None:
        row = self.list_model.row_of(cluster_id)
        if row < 0:
            row = min(fallback_row, self.list_model.rowCount() - 1)
        if row >= 0:
            index = self.list_model.index(row, 0)
            self.list_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.list_view.scrollTo(index)
        else:
            self._show_current()

    def step(self, by: int) -> None:
        """The next (or previous) cluster in the list."""
        rows = self.list_model.rowCount()
        if not rows:
            return
        row = self.list_view.currentIndex().row()
        self.select_cluster(None, max(0, min(rows - 1, row + by if row >= 0 else 0)))

    def _refilter(self) -> None:
        current = self.current_cluster()
        row = max(0, self.list_view.currentIndex().row())
        clusters = list(self.report.clusters) if self.report is not None else []
        category, kind, status = (self.category_combo.currentData(), self.kind_combo.currentData(),
                                  self.status_combo.currentData())
        shown = [c for c in clusters if (not category or c.category == category) and (not kind or c.kind == kind)
                 and (not status or c.status == status)]
        self.list_model.set_clusters(shown)
        self.list_view.resizeColumnsToContents()
        self.list_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the keeper's name
        self.shown_label.setText(self.tr("%n cluster(s) shown", "", len(shown)))
        self.select_cluster(current.id if current is not None else None, row)

    def _show_figures(self) -> None:
        report = self.report
        if report is None:
            self.progress_label.setText(self.tr("Finding clusters…"))
            self.counts_label.setText("")
            return
        lang = self.language
        total = len(report.clusters)
        self.progress_label.setText(self.tr("{done} of %n cluster(s) decided", "", total).format(
            done=format_number(report.decided, lang)))
        now = self.tr("{before} → %n article(s)", "", report.articles_after_accepted).format(
            before=format_number(report.articles, lang))
        if_all = self.tr("%n article(s) if every suggestion is accepted", "", report.articles_if_accepted)
        self.counts_label.setText(f"<b>{html.escape(now)}</b> &nbsp;({html.escape(if_all)})")

    def _show_current(self) -> None:
        cluster = self.current_cluster()
        lang = self.language
        selected = self.selected_member()
        if cluster is None:
            self.member_model.set_cluster(None, None, None)
            self.cluster_title.setText(html.escape(self.tr("No cluster chosen")) if self.report is not None else "")
            self.reason_label.setText("")
        else:
            keep = self.keeper(cluster)
            self.member_model.set_cluster(self.report, cluster, keep)
            facts = " · ".join((kind_label(cluster.kind), self.tr("%n article(s)", "", len(cluster.keys)),
                                cluster.category, status_label(cluster.status)))
            self.cluster_title.setText(f"<b>{html.escape(cluster.product_name(lang))}</b> &nbsp; "
                                       f"{html.escape(facts)}")
            if keep != cluster.keep:
                reason = self.tr("★ {key} is kept: your choice. The suggestion: {reason}").format(
                    key=keep, reason=cluster.reason_text(lang))
            else:
                reason = "★ " + cluster.reason_text(lang)
            if cluster.kind == "variants":
                reason += "  " + self.tr("Variants are not interchangeable: decide each size in the list, "
                                         "or reject the family here.")
            self.reason_label.setText(reason)
            self.member_view.resizeColumnsToContents()
            header = self.member_view.horizontalHeader()
            for column in (2, 4):  # the name and what was read from it take the room left
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            keys = self.member_model.keys
            row = keys.index(selected) if selected in keys else 0
            if keys:
                self.member_view.selectionModel().setCurrentIndex(
                    self.member_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()
        self.cluster_shown.emit(cluster)

    def _update_buttons(self) -> None:
        cluster = self.current_cluster()
        ready = cluster is not None and not self._busy
        member = self.selected_member()
        self.accept_button.setEnabled(ready and cluster is not None and cluster.kind == "same_product")
        undecided = ready and cluster is not None and cluster.status == "open"  # an accepted one: Ctrl+Z first
        self.reject_button.setEnabled(undecided)
        self.keep_button.setEnabled(ready and member is not None and cluster is not None
                                    and member != self.keeper(cluster))
        self.split_button.setEnabled(undecided and member is not None)
        self.reopen_button.setEnabled(ready and cluster is not None and cluster.status == "rejected")
        rows, row = self.list_model.rowCount(), self.list_view.currentIndex().row()
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(0 <= row < rows - 1)

    def _keep_selected(self) -> None:
        cluster, member = self.current_cluster(), self.selected_member()
        if cluster is not None and member is not None and not self._busy:
            self.keep_requested.emit(member)

    def _split_selected(self) -> None:
        member = self.selected_member()
        if member is not None and self.current_cluster() is not None and not self._busy:
            self.split_requested.emit(member)

    def choose_keeper(self, cluster: ClusterView, key: str) -> None:
        """Keep ``key`` instead of the suggestion (nothing is written until the cluster is accepted)."""
        self.keepers[cluster.id] = key
        self._show_current()
