"""The Sammanfattning page: the buttons (PDF, workbook, tender list, print, back) above a sheet that shows
the core's page (``workbench.summary.charts.Page``): the title, the key figures in large type, the three
charts, the notes, the figures per municipality and the decisions per reviewer. The sheet alone is what
Arkiv > Skriv ut… prints."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.summary.chart_widget import ChartWidget
from ui.summary.flow import FlowRow
from ui.summary.tables import SummaryTables, TextTableModel

if TYPE_CHECKING:
    from workbench.summary import KeyFigure, Page, Summary

CHART_KEYS = ("decisions", "municipalities", "materials")


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def _heading() -> QLabel:
    label = QLabel()
    _scaled(label, 1.15, bold=True)
    return label


def _table(name: str, model: TextTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _fit(view: QTableView) -> None:
    """Every row and column shown: the sheet is printed as it is, so a table never scrolls (the sheet does,
    in a narrow window). The first column (the names) takes what is left over."""
    header = view.horizontalHeader()
    columns = view.model().columnCount()
    width = sum(max(header.sectionSizeHint(c), view.sizeHintForColumn(c)) for c in range(columns))
    if columns:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setMinimumWidth(width + 2 * view.frameWidth() + 2)
    rows = view.model().rowCount()
    view.setFixedHeight(header.sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
                        + 2 * view.frameWidth())


class FigureCard(QFrame):
    """One key figure: its label, the value in large type ("526 → 350") and the change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryFigure")
        self.setStyleSheet("#summaryFigure { border-left: 4px solid #1f4e79; padding-left: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 4, 2)
        layout.setSpacing(0)
        self.label, self.value, self.note = QLabel(), QLabel(), QLabel()
        self.value.setObjectName("summaryFigureValue")
        _scaled(self.value, 1.9, bold=True)
        for widget in (self.label, self.value, self.note):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_figure(self, figure: KeyFigure) -> None:
        self.label.setText(figure.label)
        self.value.setText(figure.value)
        self.note.setText(figure.note)


class SummaryPage(QWidget):
    """Shows a summary; the buttons go out as signals to :class:`ui.summary.controller.SummaryController`."""

    pdf_requested = Signal()
    workbook_requested = Signal()
    tender_requested = Signal()
    print_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.language = "sv"
        self.summary: Summary | None = None
        self.shown: Page | None = None
        self.words = SummaryTables(self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("summaryState")
        self.pdf_button, self.workbook_button, self.tender_button = QPushButton(), QPushButton(), QPushButton()
        self.print_button, self.back_button = QPushButton(), QPushButton()
        top.addWidget(self.state_label, 1)
        for name, button, signal in (("summaryPdf", self.pdf_button, self.pdf_requested),
                                     ("summaryWorkbook", self.workbook_button, self.workbook_requested),
                                     ("summaryTender", self.tender_button, self.tender_requested),
                                     ("summaryPrint", self.print_button, self.print_requested),
                                     ("summaryBack", self.back_button, self.back_requested)):
            button.setObjectName(name)
            button.clicked.connect(signal)
            top.addWidget(button)
        layout.addLayout(top)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("summaryScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet = self._build_sheet()
        self.scroll_area.setWidget(self.sheet)
        layout.addWidget(self.scroll_area, 1)
        self.back_shortcut = QShortcut(QKeySequence("Escape"), self)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_shortcut.activated.connect(self.back_requested)
        self.retranslate("sv")

    def _build_sheet(self) -> QWidget:
        sheet = QWidget()
        sheet.setObjectName("summarySheet")
        palette = sheet.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        sheet.setPalette(palette)
        sheet.setAutoFillBackground(True)  # white like the paper it prints on
        layout = QVBoxLayout(sheet)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("summaryTitle")
        _scaled(self.title, 1.6, bold=True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("summarySubtitle")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.figures_row = FlowRow(16)
        self.figures_row.setObjectName("summaryFigures")
        self.cards: list[FigureCard] = []
        layout.addWidget(self.figures_row)
        self.charts_row = FlowRow(28)
        self.charts_row.setObjectName("summaryCharts")
        self.charts = {key: ChartWidget() for key in CHART_KEYS}
        for key, chart in self.charts.items():
            chart.setObjectName(f"summaryChart_{key}")
            self.charts_row.add(chart)
        layout.addWidget(self.charts_row)
        self.notes_title = _heading()
        self.notes = QLabel()
        self.notes.setObjectName("summaryNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes)
        bottom = FlowRow(28)
        bottom.setObjectName("summaryTables")
        left, right = QVBoxLayout(), QVBoxLayout()
        self.municipality_title = _heading()
        self.municipality_model = TextTableModel(self)
        self.municipality_view = _table("summaryMunicipalities", self.municipality_model)
        left.addWidget(self.municipality_title)
        left.addWidget(self.municipality_view)
        left.addStretch(1)
        self.reviewer_title = _heading()
        self.progress = QProgressBar()
        self.progress.setObjectName("summaryProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("summaryProgressLabel")
        self.reviewer_model = TextTableModel(self)
        self.reviewer_view = _table("summaryReviewers", self.reviewer_model)
        for widget in (self.reviewer_title, self.progress_label, self.progress, self.reviewer_view):
            right.addWidget(widget)
        right.setSpacing(6)
        self.municipality_box = QWidget()
        self.municipality_box.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        right.setContentsMargins(0, 0, 0, 0)
        self.reviewer_box = QWidget()
        self.reviewer_box.setLayout(right)
        bottom.add(self.municipality_box, 3)
        bottom.add(self.reviewer_box, 2)
        self.tables_row = bottom
        layout.addWidget(bottom)
        layout.addStretch(1)
        return sheet

    def retranslate(self, language: str) -> None:
        self.language = language
        self.pdf_button.setText(self.tr("Save &PDF…"))
        self.workbook_button.setText(self.tr("Save &workbook…"))
        self.tender_button.setText(self.tr("&Tender list…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.back_button.setText(self.tr("&Back to the list"))
        self.back_button.setToolTip(QKeySequence("Escape").toString(QKeySequence.SequenceFormat.NativeText))
        self.pdf_button.setToolTip(self.tr("The page and its tables as a PDF for the politicians"))
        self.workbook_button.setToolTip(self.tr("The figures and charts as an Excel workbook of their own"))
        self.tender_button.setToolTip(self.tr("The remaining articles as a price list for the suppliers"))
        self.notes_title.setText(self.tr("Good to know"))
        self.municipality_title.setText(self.tr("Per municipality"))
        self.reviewer_title.setText(self.tr("Progress per reviewer"))
        if self.summary is None:
            self.show_loading()

    def show_loading(self) -> None:
        """No summary yet (a workbook just opened): no figures of the one before meanwhile."""
        self.summary = self.shown = None
        self.scroll_area.hide()
        self.state_label.setText(self.tr("Computing the summary…"))

    def show_failed(self) -> None:
        self.state_label.setText(self.tr("The summary could not be computed."))

    def show_busy(self, busy: bool) -> None:
        self.state_label.setText(self.tr("Updating…") if busy else "")

    def show_summary(self, summary: Summary, shown: Page) -> None:
        """``shown`` is ``charts.page(summary, language)``: what the sheet says, in order."""
        self.summary, self.shown = summary, shown
        lang = self.language
        self.state_label.setText("")
        self.scroll_area.show()
        self.title.setText(shown.title)
        self.subtitle.setText(shown.subtitle)
        while len(self.cards) < len(shown.figures):
            card = FigureCard()
            self.cards.append(card)
            self.figures_row.add(card)
        for card, figure in zip(self.cards, shown.figures, strict=False):
            card.show_figure(figure)
        for number, card in enumerate(self.cards):
            card.setVisible(number < len(shown.figures))
        by_key = {chart.key: chart for chart in shown.charts}
        for key, widget in self.charts.items():
            widget.set_chart(by_key.get(key), lang)
            widget.setVisible(key in by_key)
        self.notes.setText("<br/>".join(f"• {html.escape(note)}" for note in shown.notes))
        self.notes.setVisible(bool(shown.notes))
        self.notes_title.setVisible(bool(shown.notes))
        words = self.words
        self.municipality_model.set_rows(words.municipality_headers(), words.municipality_rows(summary, lang),
                                         set(range(1, 8)))
        self.municipality_box.setVisible(bool(summary.by_municipality))
        self.reviewer_model.set_rows(words.reviewer_headers(), words.reviewer_rows(summary, lang), {1, 2})
        self.reviewer_view.setVisible(self.reviewer_model.rowCount() > 0)
        whole = summary.whole
        self.progress.setRange(0, max(1, whole.articles_before))
        self.progress.setValue(whole.decided)
        self.progress_label.setText(words.progress_text(summary, lang))
        for view in (self.municipality_view, self.reviewer_view):
            _fit(view)
        for row in (self.figures_row, self.charts_row, self.tables_row):
            row.columns = 0  # what is shown changed: placed again
            row.reflow()
