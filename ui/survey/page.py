"""The Enkäter page: one row per unit (answered or not, when, how many answers, how many articles), the
round's headline, a reminder to copy for the units that have not answered, and a drop target for the
returned forms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.survey.controller import UnitRow


class SurveyPage(QWidget):
    """Where the round stands, per unit."""

    files_dropped = Signal(list)  # paths of the returned forms (files or folders)
    reminder_requested = Signal()
    make_requested = Signal()
    collect_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyPage")
        self.setAcceptDrops(True)
        self.rows: list[UnitRow] = []
        self.headline = QLabel()
        self.headline.setObjectName("surveyHeadline")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("surveyTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the file the answers came from
        self.make_button = QPushButton()
        self.make_button.setObjectName("surveyMakeButton")
        self.make_button.clicked.connect(self.make_requested)
        self.collect_button = QPushButton()
        self.collect_button.setObjectName("surveyCollectButton")
        self.collect_button.clicked.connect(self.collect_requested)
        self.reminder_button = QPushButton()
        self.reminder_button.setObjectName("surveyReminderButton")
        self.reminder_button.clicked.connect(self.reminder_requested)
        self.back_button = QPushButton()
        self.back_button.setObjectName("surveyBackButton")
        self.back_button.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.collect_button)
        buttons.addWidget(self.reminder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Answered"), self.tr("When"),
                                              self.tr("Answers"), self.tr("Articles"), self.tr("File")])
        self.hint.setText(self.tr("Drop the returned forms (files or a folder) here to read their answers in."))
        self.make_button.setText(self.tr("Make forms…"))
        self.collect_button.setText(self.tr("Read answers…"))
        self.reminder_button.setText(self.tr("Copy reminder"))
        self.back_button.setText(self.tr("Back to the list"))
        self.show_rows(self.rows)

    def show_loading(self) -> None:
        self.headline.setText("<h2>" + self.tr("Reading the answers…") + "</h2>")

    def show_rows(self, rows: list[UnitRow]) -> None:
        self.rows = rows
        answered = sum(1 for r in rows if r.answered)
        # the plural follows the total, the noun's count ("1 av 8 enheter"), not the answered count
        self.headline.setText("<h2>" + self.tr("Answers from {answered} of %n unit(s)", "", len(rows)).format(
            answered=answered) + "</h2>")
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            when = row.collected.strftime("%Y-%m-%d %H:%M") if row.collected is not None else ""
            values = [row.unit, self.tr("Yes") if row.answered else self.tr("No"), when,
                      str(row.answers) if row.answered else "", str(row.articles), row.file or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, item)
        self.reminder_button.setEnabled(any(not r.answered for r in rows))

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row (tests read it)."""
        return [[(self.table.item(r, c).text() if self.table.item(r, c) else "") for c in range(6)]
                for r in range(self.table.rowCount())]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
