"""The Uppföljning page: the purchase files chosen (with the municipality each was found to be), an optional
period and the target on the left, with "Kör uppföljning" and its progress; on the right the key figures,
compliance per municipality and per month as charts with the target line, and the lists (the units' lights,
removed articles still bought, purchases outside the assortment, price deviations), each exportable."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.followup.chart import ComplianceChart
from ui.followup.lists import FilesModel, KeyRole, ListModel, SortRole
from workbench.followup.report import percent
from workbench.followup.tables import LISTS, ListName, list_table
from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.followup.report import FollowupResult


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class FollowupPage(QWidget):
    """Shows the files and a result; what the user asks for goes out as signals to
    :class:`ui.followup.controller.Followup`."""

    add_files_requested = Signal()
    add_folder_requested = Signal()
    remove_requested = Signal(list)  # the rows of the files to drop
    run_requested = Signal()
    cancel_requested = Signal()
    export_requested = Signal(str)  # the list's name (workbench.followup.tables.LISTS)
    save_report_requested = Signal()
    back_requested = Signal()
    article_activated = Signal(str)  # a removed article double-clicked: its joint ID
    target_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupPage")
        self.language = "sv"
        self.running = False
        self.result: FollowupResult | None = None
        self.target = 0.9
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("followupTitle")
        self.figures_label = QLabel()
        self.figures_label.setObjectName("followupFigures")
        self.figures_label.setTextFormat(Qt.TextFormat.RichText)
        self.figures_label.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.setObjectName("followupBack")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.title)
        top.addSpacing(24)
        top.addWidget(self.figures_label, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 1000])
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.set_running(False)
        self.show_result(None)

    def _build_left(self) -> QWidget:
        left = QWidget()
        left.setMinimumWidth(340)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        self.files_title = QLabel()
        self.files_title.setObjectName("followupFilesTitle")
        self.files_model = FilesModel(self)
        self.files_view = _table("followupFiles")
        self.files_view.setModel(self.files_model)
        self.files_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.files_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.files_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        self.add_files_button = QPushButton()
        self.add_files_button.setObjectName("followupAddFiles")
        self.add_files_button.clicked.connect(self.add_files_requested)
        self.add_folder_button = QPushButton()
        self.add_folder_button.setObjectName("followupAddFolder")
        self.add_folder_button.clicked.connect(self.add_folder_requested)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("followupRemoveFiles")
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit(sorted({i.row() for i in self.files_view.selectionModel()
                                                       .selectedRows()})))
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        self.period_check = QCheckBox()
        self.period_check.setObjectName("followupPeriod")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = QDate.currentDate()
        for edit, name, date in ((self.date_from, "followupFrom", QDate(today.year() - 1, 1, 1)),
                                 (self.date_to, "followupTo", QDate(today.year() - 1, 12, 31))):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(date)
        self.period_check.toggled.connect(lambda _on: self.set_running(self.running))
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        self.period_dash = QLabel("–")
        period.addWidget(self.period_dash)
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("followupTarget")
        self.target_spin.setRange(1, 100)
        self.target_spin.setSuffix(" %")
        self.target_spin.setValue(90)
        self.target_spin.valueChanged.connect(lambda value: self.target_changed.emit(value / 100))
        self.target_label = QLabel()
        self.target_label.setBuddy(self.target_spin)
        form.addRow(self.period_check, period)
        form.addRow(self.target_label, self.target_spin)
        run_row = QHBoxLayout()
        self.run_button = QPushButton()
        self.run_button.setObjectName("followupRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_requested)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("followupCancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("followupProgressBar")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("followupProgress")
        self.progress_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("followupNote")
        self.note_label.setWordWrap(True)
        column.addWidget(self.files_title)
        column.addWidget(self.files_view, 1)
        column.addLayout(buttons)
        column.addSpacing(8)
        column.addLayout(form)
        column.addSpacing(8)
        column.addLayout(run_row)
        column.addWidget(self.progress_bar)
        column.addWidget(self.progress_label)
        column.addWidget(self.note_label)
        return left

    def _build_right(self) -> QWidget:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        charts = QHBoxLayout()
        self.municipality_chart = ComplianceChart()
        self.municipality_chart.setObjectName("followupMunicipalityChart")
        self.month_chart = ComplianceChart()
        self.month_chart.setObjectName("followupMonthChart")
        charts.addWidget(self.municipality_chart, 1)
        charts.addSpacing(12)
        charts.addWidget(self.month_chart, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followupLists")
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.list_models: dict[str, ListModel] = {}
        self.list_views: dict[str, QTableView] = {}
        for name in LISTS:
            model = ListModel(self)
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setSortRole(SortRole)
            view = _table(f"followupList_{name}")
            view.setModel(proxy)
            view.setSortingEnabled(True)
            # the core's order (largest first, municipalities in order) until the user sorts by a column
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            view.horizontalHeader().setSortIndicatorShown(True)
            view.horizontalHeader().setStretchLastSection(True)
            if name in ("removed", "prices"):
                view.doubleClicked.connect(lambda index, v=view: self._activate(v, index.row()))
            self.list_models[name], self.list_views[name] = model, view
            self.tabs.addTab(view, "")
        buttons = QHBoxLayout()
        self.hint_label = QLabel()
        self.hint_label.setObjectName("followupHint")
        self.export_button = QPushButton()
        self.export_button.setObjectName("followupExport")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.current_list()))
        self.report_button = QPushButton()
        self.report_button.setObjectName("followupSaveReport")
        self.report_button.clicked.connect(self.save_report_requested)
        buttons.addWidget(self.hint_label)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.report_button)
        column.addLayout(charts, 2)
        column.addWidget(self.tabs, 3)
        column.addLayout(buttons)
        return right

    def current_list(self) -> ListName:
        return LISTS[max(0, self.tabs.currentIndex())]

    def _activate(self, view: QTableView, row: int) -> None:
        key = view.model().index(row, 0).data(KeyRole)
        if key:
            self.article_activated.emit(str(key))

    def activate_row(self, name: ListName, row: int) -> None:
        """As a double-click on ``row`` (in the shown order) of list ``name``."""
        self._activate(self.list_views[name], row)

    # --- texts ----------------------------------------------------------------------------------
    def retranslate(self, language: str) -> None:
        self.language = language
        self.title.setText("<h2>" + self.tr("Follow-up") + "</h2>")
        self.back_button.setText(self.tr("Back to the list"))
        self.files_title.setText("<b>" + self.tr("Purchase files") + "</b>")
        self.files_model.set_headers((self.tr("File"), self.tr("Municipality"), self.tr("Format")))
        self.add_files_button.setText(self.tr("Add purchase files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.remove_button.setText(self.tr("Remove"))
        self.period_check.setText(self.tr("Period"))
        self.target_label.setText(self.tr("Compliance target"))
        self.run_button.setText(self.tr("Run follow-up"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export list…"))
        self.report_button.setText(self.tr("Save report…"))
        self.hint_label.setText(self.tr("Double-click an article to show it in the list."))
        self.show_result(self.result)

    def _tab_titles(self) -> list[str]:
        result = self.result
        if result is None:
            return [self.tr("Units"), self.tr("Removed but bought"), self.tr("Outside the assortment"),
                    self.tr("Price deviations")]
        return [self.tr("Units"),
                self.tr("Removed but bought (%n)", "", len(result.removed_bought)),
                self.tr("Outside the assortment (%n)", "", len(result.outside_largest)),
                self.tr("Price deviations (%n)", "", len(result.price_deviations))]

    # --- state ----------------------------------------------------------------------------------
    def show_files(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.files_model.show_rows(rows)
        self._update_buttons()

    def set_target(self, target: float) -> None:
        self.target = target
        self.target_spin.blockSignals(True)
        self.target_spin.setValue(round(target * 100))
        self.target_spin.blockSignals(False)
        self.show_result(self.result)

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.period_check.isChecked():
            return None, None
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def set_running(self, running: bool) -> None:
        self.running = running
        self.cancel_button.setVisible(running)
        self.progress_bar.setVisible(running)
        for widget in (self.add_files_button, self.add_folder_button, self.period_check, self.target_spin):
            widget.setEnabled(not running)
        self.date_from.setEnabled(not running and self.period_check.isChecked())
        self.date_to.setEnabled(not running and self.period_check.isChecked())
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.running
        has_files = self.files_model.rowCount() > 0
        self.run_button.setEnabled(has_files and not running)
        self.remove_button.setEnabled(not running and self.files_view.selectionModel().hasSelection())
        has_result = getattr(self, "result", None) is not None
        if hasattr(self, "export_button"):
            self.hint_label.setVisible(self.current_list() in ("removed", "prices"))
            self.export_button.setEnabled(has_result)
            self.report_button.setEnabled(has_result and not running)

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_label.setText(text)

    def show_note(self, text: str) -> None:
        self.note_label.setText(text)

    def show_result(self, result: FollowupResult | None) -> None:
        """The figures, charts and lists of ``result`` (None: nothing run yet)."""
        self.result = result
        language = self.language
        target_text = self.tr("Target {target}")
        if result is None:
            self.figures_label.setText(self.tr("Add the municipalities' purchase files and run the follow-up: "
                                               "the share of the spend inside the agreed assortment."))
            self.municipality_chart.show_bars(self.tr("Compliance per municipality"), [], self.target, language,
                                              target_text, self.tr("No follow-up run yet"))
            self.month_chart.show_bars(self.tr("Compliance per month"), [], self.target, language, target_text,
                                       self.tr("No follow-up run yet"))
            for model in self.list_models.values():
                model.show_table(None, language)
        else:
            self.figures_label.setText(self._figures_text(result))
            self.municipality_chart.show_bars(
                self.tr("Compliance per municipality"),
                [(name, c.compliance) for name, c in result.by_municipality.items()], self.target, language,
                target_text)
            self.month_chart.show_bars(
                self.tr("Compliance per month"), [(month, c.compliance) for month, c in result.by_month.items()],
                self.target, language, target_text)
            for name, model in self.list_models.items():
                model.show_table(list_table(result, name, language, self.target), language)  # type: ignore[arg-type]
            for view in self.list_views.values():
                view.resizeColumnsToContents()
                for column in range(view.model().columnCount()):
                    view.setColumnWidth(column, min(view.columnWidth(column), 320))
        for number, title in enumerate(self._tab_titles()):
            self.tabs.setTabText(number, title)
        self._update_buttons()

    def _figures_text(self, result: FollowupResult) -> str:
        language = self.language
        total = result.total

        def money(value: float) -> str:
            return format_number(round(value), language) + " kr"

        parts = [
            self.tr("<b>{compliance}</b> of {spend} inside the agreed assortment").format(
                compliance=percent(total.compliance, language), spend=money(total.spend)),
            self.tr("%Ln purchase line(s)", "", total.lines),
            self.tr("period {period}").format(period=result.period_text()),
            self.tr("outside the assortment {spend}").format(spend=money(result.outside_assortment_spend)),
        ]
        if result.plastic_kg_planned or result.plastic_kg_bought:
            parts.append(self.tr("plastic {bought} kg bought against {planned} kg planned").format(
                bought=format_number(round(result.plastic_kg_bought), language),
                planned=format_number(round(result.plastic_kg_planned), language)))
        if result.co2e_kg_planned or result.co2e_kg_bought:
            parts.append(self.tr("CO₂e {bought} kg against {planned} kg").format(
                bought=format_number(round(result.co2e_kg_bought), language),
                planned=format_number(round(result.co2e_kg_planned), language)))
        return " · ".join(parts)
