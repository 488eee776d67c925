"""Visa > Miljö…: the assortment's plastic and CO2e per year, a bar per material, the SUP-banned articles
still in the assortment, and plastic and CO2e before and after the decisions (figures from the core)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.environment.detail import number

if TYPE_CHECKING:
    from workbench.environment import BeforeAfter, CriteriaData, EnvironmentReport


MINIMUM_WIDTH = 220  # the panel never asks for more; its content scrolls


class BarChart(QWidget):
    """Horizontal bars, one per (label, value), the longest the widget's width (no QtCharts in Essentials)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentChart")
        self.bars: list[tuple[str, float, str]] = []  # label, value, value as text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, float, str]]) -> None:
        self.bars = bars
        self.setFixedHeight(max(1, len(bars)) * self._line() + 4)
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.bars)) * self._line() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = self._line()
        label_width = max((metrics.horizontalAdvance(b[0]) for b in self.bars), default=0) + 8
        value_width = max((metrics.horizontalAdvance(b[2]) for b in self.bars), default=0) + 8
        room = max(10, self.width() - label_width - value_width - 4)
        top = max((b[1] for b in self.bars), default=0.0) or 1.0
        for i, (label, value, shown) in enumerate(self.bars):
            y = 2 + i * line
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, y, label_width - 4, line), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, label)
            width = room * max(0.0, value) / top
            painter.fillRect(QRectF(label_width, y + 3, max(1.0, width), line - 6),
                             palette.color(QPalette.ColorRole.Highlight))
            painter.drawText(QRectF(label_width + width + 4, y, value_width, line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        painter.end()


class EnvironmentPanel(QDockWidget):
    show_requested = Signal(list)  # article keys to filter the grid to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentPanel")
        self.language = "sv"
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.totals = QLabel()
        self.totals.setObjectName("environmentTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.chart_title = QLabel()
        self.chart = BarChart()
        self.before_after = QLabel()
        self.before_after.setObjectName("environmentBeforeAfter")
        self.before_after.setWordWrap(True)
        self.before_after.setTextFormat(Qt.TextFormat.RichText)
        self.banned_title = QLabel()
        self.banned = QListWidget()
        self.banned.setObjectName("environmentBannedList")
        self.show_button = QPushButton()
        self.show_button.setObjectName("environmentShowBanned")
        self.show_button.clicked.connect(lambda: self.show_requested.emit(list(self.banned_keys)))
        for widget in (self.totals, self.chart_title, self.chart, self.before_after, self.banned_title,
                       self.banned, self.show_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        # A narrow window keeps its size: the panel scrolls inside rather than widening the window.
        scroll = QScrollArea()
        scroll.setObjectName("environmentScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.setWidget(scroll)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.banned_keys: list[str] = []
        self._report: EnvironmentReport | None = None
        self._data: CriteriaData | None = None
        self._figures: BeforeAfter | None = None
        self._names: dict[str, str] = {}
        self.retranslate("sv")

    def retranslate(self, language: str) -> None:
        self.language = language
        self.setWindowTitle(self.tr("Environment"))
        self.chart_title.setText(self.tr("Weight per year by material (kg)"))
        self.show_button.setText(self.tr("Show in the grid"))
        self._show()

    def show_report(self, report: EnvironmentReport | None, data: CriteriaData | None) -> None:
        self._report, self._data = report, data
        self._show()

    def show_figures(self, figures: BeforeAfter | None, names: dict[str, str]) -> None:
        self._figures, self._names = figures, names
        self._show()

    def _show(self) -> None:
        lang, e = self.language, html.escape
        report = self._report
        if report is None:
            self.totals.setText(e(self.tr("Assessing the articles…")))
            self.chart.set_bars([])
        else:
            low, high = number(report.co2e("low"), lang), number(report.co2e("high"), lang)
            plastic_title = self.tr("Plastic per year")
            co2e_title = self.tr("CO2e per year")
            span = self.tr("{low} to {high} kg").format(low=low, high=high)
            unknown = self.tr("%n article(s) whose material is not known are not counted.", "",
                              len(report.unknown_material()))
            self.totals.setText(
                f"<b>{e(plastic_title)}:</b> {e(number(report.plastic_kg_year, lang))} kg<br/>"
                f"<b>{e(co2e_title)}:</b> {e(number(report.co2e(), lang))} kg ({e(span)})<br/>{e(unknown)}")
            materials = self._data.materials if self._data is not None else {}
            bars = []
            for ident, kg in report.by_material().items():
                material = materials.get(ident)
                name = (material.name_en if lang == "en" else material.name_sv) if material else ident
                bars.append((name, kg, number(kg, lang)))
            self.chart.set_bars(bars)
        figures = self._figures
        if figures is None:
            self.before_after.setText("")
            self.banned_keys = []
        else:
            title = self.tr("Before and after the decisions")
            plastic = self.tr("Plastic: {before} → {after} kg per year").format(
                before=number(figures.plastic_kg_before, lang), after=number(figures.plastic_kg_after, lang))
            co2e = self.tr("CO2e: {before} → {after} kg per year").format(
                before=number(figures.co2e_kg_before, lang), after=number(figures.co2e_kg_after, lang))
            lines = [f"<b>{e(title)}</b>", e(plastic), e(co2e)]
            if figures.not_moved:
                lines.append(e(self.tr("%n replaced article(s) could not be moved to the replacement.", "",
                                       len(figures.not_moved))))
            self.before_after.setText("<br/>".join(lines))
            self.banned_keys = list(dict.fromkeys(figures.sup_banned_left))
        self.banned_title.setText(self.tr("%n SUP-banned article(s) still in the assortment", "",
                                          len(self.banned_keys)))
        self.banned.clear()
        for key in self.banned_keys:
            self.banned.addItem(f"{key}  {self._names.get(key, '')}".strip())
        self.show_button.setEnabled(bool(self.banned_keys))
