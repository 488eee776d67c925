"""The Sammanfattning page's two small tables: the figures per municipality and the decisions per reviewer.
A thin read-only model of text rows; the rows are the core's figures (``Summary``) put in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.summary import Summary

_Index = QModelIndex | QPersistentModelIndex


def change_text(before: float, after: float, language: str) -> str:
    """"−14 %", "+3 %", "±0 %"; "–" without a before."""
    if not before:
        return "–"
    percent = (after - before) / before * 100
    if abs(percent) < 0.5:
        return "±0 %"
    return f"{'−' if percent < 0 else '+'}{format_number(abs(round(percent)), language)} %"


def _n(value: float, language: str) -> str:
    return format_number(round(value), language)


class TextTableModel(QAbstractTableModel):
    """Rows of texts under headers; the columns in ``numeric`` right-aligned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.numeric: set[int] = set()

    def set_rows(self, headers: list[str], rows: list[list[str]], numeric: set[int]) -> None:
        self.beginResetModel()
        self.headers, self.rows, self.numeric = headers, rows, numeric
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SummaryTables(QObject):
    """The two tables' headers and rows in the page's language (lupdate files the texts under this class)."""

    def municipality_headers(self) -> list[str]:
        return [self.tr("Municipality"), self.tr("Articles before"), self.tr("Articles after"), self.tr("Change"),
                self.tr("Decided"), self.tr("Spend per year (kr)"), self.tr("Plastic before (kg)"),
                self.tr("Plastic after (kg)")]

    def municipality_rows(self, summary: Summary, language: str) -> list[list[str]]:
        rows = []
        for name, figures in summary.by_municipality.items():
            rows.append([name, _n(figures.articles_before, language), _n(figures.articles_after, language),
                         change_text(figures.articles_before, figures.articles_after, language),
                         _n(figures.decided, language), _n(figures.spend_total, language),
                         _n(figures.plastic_kg_before, language), _n(figures.plastic_kg_after, language)])
        return rows

    def reviewer_headers(self) -> list[str]:
        return [self.tr("Reviewer"), self.tr("Articles decided"), self.tr("Share of the decisions")]

    def reviewer_rows(self, summary: Summary, language: str) -> list[list[str]]:
        decided = sum(summary.by_reviewer.values())
        rows = []
        for name, count in summary.by_reviewer.items():
            share = f"{format_number(round(count / decided * 100), language)} %" if decided else "–"
            rows.append([name, _n(count, language), share])
        without = len(summary.problems.decided_without_reviewer)
        if without:
            rows.append([self.tr("(no reviewer named)"), _n(without, language), "–"])
        return rows

    def progress_text(self, summary: Summary, language: str) -> str:
        whole = summary.whole
        return self.tr("{decided} of %Ln article(s) decided", "", whole.articles_before).format(
            decided=_n(whole.decided, language))
