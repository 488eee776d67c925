"""What a merge did, as the merge wizard's result page and the update dialog's summary show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.assortment import MergeReport

RULES = ("gtin", "lev_artnr", "namn", "manuell", "ny")
_LISTED = 10
_SHOWN_MUNICIPALITIES = 10


def rule_name(rule: str) -> str:
    """The user's name of a matching rule (the joint workbook's ``Matchning`` values)."""
    names = {
        "gtin": QCoreApplication.translate("MergeRules", "GTIN"),
        "lev_artnr": QCoreApplication.translate("MergeRules", "Supplier article number"),
        "namn": QCoreApplication.translate("MergeRules", "Name"),
        "manuell": QCoreApplication.translate("MergeRules", "Manual"),
        "ny": QCoreApplication.translate("MergeRules", "No match"),
    }
    return names.get(rule, rule)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, str]]) -> None:
    table.setRowCount(len(rows))
    for r, (label, count) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(label))
        number = QTableWidgetItem(count)
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, 1, number)


class MergeResultView(QWidget):
    """The figures of one :class:`MergeReport`: totals, rows per municipality and rule, the findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("mergeSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        tables = QHBoxLayout()
        self.municipality_box = QGroupBox(self.tr("Source rows per municipality"))
        self.municipality_table = _table([self.tr("Municipality"), self.tr("Rows")], "municipalityTable")
        QVBoxLayout(self.municipality_box).addWidget(self.municipality_table)
        self.rule_box = QGroupBox(self.tr("Rows matched by rule"))
        self.rule_table = _table([self.tr("Rule"), self.tr("Rows")], "ruleTable")
        QVBoxLayout(self.rule_box).addWidget(self.rule_table)
        tables.addWidget(self.municipality_box)
        tables.addWidget(self.rule_box)
        tables.setAlignment(self.municipality_box, Qt.AlignmentFlag.AlignTop)
        tables.setAlignment(self.rule_box, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(tables, 0)
        self.findings_box = QGroupBox(self.tr("Findings"))
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("mergeFindings")
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)
        QVBoxLayout(self.findings_box).addWidget(self.findings_list)
        layout.addWidget(self.findings_box, 1)
        # the five rules always fit without scrolling
        self._fit(self.rule_table, len(RULES))

    @staticmethod
    def _fit(table: QTableWidget, rows: int) -> None:
        """Make ``table`` as tall as ``rows`` rows: the findings below take the room that is left."""
        height = table.verticalHeader().defaultSectionSize() * rows
        table.setFixedHeight(height + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 6)

    def show_report(self, report: MergeReport, language: str) -> None:
        lines = []
        if not report.written:
            lines.append(self.tr("Nothing new to merge: {file} already holds these lists.").format(
                file=report.joint.name))
        else:
            figures = self.tr("{joint_articles} from {source_rows} in {municipality_count}.").format(
                joint_articles=self.tr("%Ln joint article(s)", "", report.articles),
                source_rows=self.tr("%Ln source row(s)", "", report.source_rows),
                municipality_count=self.tr("%Ln municipality(-ies)", "", len(report.municipalities)))
            lines.append("<b>" + figures + "</b>")
            lines.append(self.tr("%Ln new article(s).", "", report.new_articles))
            gone = report.no_longer_listed
            if gone:
                shown = ", ".join(gone[:_LISTED]) + (" …" if len(gone) > _LISTED else "")
                lines.append(self.tr("%Ln article(s) no longer listed by any municipality: {ids}", "",
                                     len(gone)).format(ids=shown))
            lines.append(self.tr("Saved in {file}.").format(file=str(report.joint)))
        self.summary_label.setText("<br>".join(lines))
        _fill(self.municipality_table, [(name, format_number(rows, language))
                                        for name, rows in report.municipalities.items()])
        # a joint analysis of a region's municipalities shows them all; a national one scrolls
        self._fit(self.municipality_table, max(len(RULES), min(len(report.municipalities), _SHOWN_MUNICIPALITIES)))
        rules = [*RULES, *(rule for rule in report.matched_by if rule not in RULES)]
        _fill(self.rule_table, [(rule_name(rule), format_number(report.matched_by.get(rule, 0), language))
                                for rule in rules])
        self.findings_list.clear()
        warnings = report.warnings(language)
        self.findings_list.addItems(warnings or [self.tr("No findings.")])
        self.findings_box.setTitle(self.tr("Findings (%n)", "", len(warnings)))

    def rule_counts(self) -> dict[str, str]:
        """Rule name -> count as shown (for tests and screen readers' sake, the table's text)."""
        def text(row: int, column: int) -> str:
            item = self.rule_table.item(row, column)
            return "" if item is None else item.text()

        return {text(r, 0): text(r, 1) for r in range(self.rule_table.rowCount())}
