"""A small bar chart painted with QPainter (Qt Charts is deprecated from Qt 6.10 and not in Essentials): one
:class:`workbench.summary.charts.Chart` as the core describes it — its title, a legend, horizontal or
vertical bars, stacked or grouped, in the chart's own colours, an axis whose ticks have digit groups, and
the chart's sentence under it. It draws only what it is given; the figures and the words are the core's."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from workbench.numbers import format_number

if TYPE_CHECKING:
    from workbench.summary.charts import Chart

_PAD = 6
_SWATCH = 11
_OUTLINE = QColor("#4d4d4d")  # around every segment: white (Ej beslutad) stays visible on white paper


def nice_ticks(maximum: float, intervals: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum``: the finest step of 1, 2 or 5 × 10^k that needs at most
    ``intervals`` intervals (so that the longest bar reaches well into the last one)."""
    if maximum <= 0:
        return [0.0, 1.0]
    intervals = max(1, intervals)
    power = 10.0 ** math.floor(math.log10(maximum / intervals))
    step = next(m * power for m in (1, 2, 5, 10, 20) if math.ceil(maximum / (m * power) - 1e-9) <= intervals)
    if step < 1 and maximum >= 1:
        step = 1.0
    count = math.ceil(maximum / step - 1e-9)
    return [i * step for i in range(count + 1)]


def tick_text(value: float, language: str) -> str:
    """A tick as the page words numbers: "100 000" (sv) / "100,000" (en), decimals only below one step."""
    return format_number(round(value) if abs(value - round(value)) < 1e-9 else round(value, 2), language)


class ChartWidget(QWidget):
    """Paints one chart; as tall as its bars and its sentence need at the width it is given."""

    def __init__(self, parent: QWidget | None = None, orientation: Qt.Orientation = Qt.Orientation.Horizontal) -> None:
        super().__init__(parent)
        self.setObjectName("summaryChart")
        self.chart: Chart | None = None
        self.language = "sv"
        self.orientation = orientation
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(260)
        self._hits: list[tuple[QRectF, int]] = []  # where each bar was painted: its slot and its index

    def tooltip_at(self, x: float, y: float) -> str:
        """The bar under (x, y) in full: its label (cut short on the chart when long) and each series' value."""
        if self.chart is None:
            return ""
        for rect, index in self._hits:
            if rect.contains(x, y):
                bar = self.chart.bars[index]
                values = ", ".join(f"{series} {tick_text(round(value), self.language)}"
                                   for series, value in zip(self.chart.series, bar.values, strict=False) if value)
                return f"{bar.label}: {values} {self.chart.unit}" if values else bar.label
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def set_chart(self, chart: Chart | None, language: str) -> None:
        self.chart, self.language = chart, language
        self.setAccessibleName(chart.title if chart is not None else "")
        self.setAccessibleDescription(chart.sentence if chart is not None else "")
        self.updateGeometry()
        self.update()

    # --- geometry -------------------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _band(self) -> float:
        """The height (horizontal) or width (vertical) of one bar's slot."""
        height = QFontMetrics(self.font()).height()
        if self.chart is None or self.chart.stacked:
            return height + 8
        return max(height + 8, len(self.chart.series) * (height * 0.7) + 8)

    def _legend_height(self, width: float) -> float:
        if self.chart is None:
            return 0.0
        metrics = QFontMetrics(self._small_font())
        x, lines = 0.0, 1
        for label in self.chart.series:
            item = _SWATCH + 4 + metrics.horizontalAdvance(label) + 14
            if x and x + item > width:
                x, lines = 0.0, lines + 1
            x += item
        return lines * (metrics.height() + 4)

    def _sentence_height(self, width: float) -> float:
        if self.chart is None or not self.chart.sentence:
            return 0.0
        rect = QFontMetrics(self.font()).boundingRect(0, 0, max(10, int(width)), 10_000,
                                                      int(Qt.TextFlag.TextWordWrap), self.chart.sentence)
        return rect.height() + _PAD

    def _plot_height(self) -> float:
        bars = len(self.chart.bars) if self.chart is not None else 0
        if self.orientation == Qt.Orientation.Horizontal:
            return max(1, bars) * self._band()
        return 12 * QFontMetrics(self.font()).height()

    def heightForWidth(self, width: int) -> int:
        title = QFontMetrics(self._title_font()).height() + _PAD
        axis = QFontMetrics(self._small_font()).height() + _PAD
        labels = QFontMetrics(self.font()).height() + _PAD if self.orientation == Qt.Orientation.Vertical else 0
        return int(title + self._legend_height(width) + _PAD + self._plot_height() + axis + labels
                   + self._sentence_height(width) + _PAD)

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(420, self.heightForWidth(420))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.heightForWidth(max(260, self.width())))

    # --- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        chart = self.chart
        self._hits = []
        if chart is None:
            return
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        width = float(self.width())
        y = 0.0
        painter.setFont(self._title_font())
        painter.setPen(text_colour)
        title_height = QFontMetrics(self._title_font()).height()
        painter.drawText(QRectF(0, y, width, title_height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         chart.title)
        y += title_height + _PAD
        y = self._paint_legend(painter, chart, y, width, text_colour) + _PAD
        axis_height = QFontMetrics(self._small_font()).height() + _PAD
        plot = self._plot_height()
        if self.orientation == Qt.Orientation.Horizontal:
            self._paint_horizontal(painter, chart, QRectF(0, y, width, plot), text_colour)
            y += plot + axis_height
        else:
            labels = QFontMetrics(self.font()).height() + _PAD
            self._paint_vertical(painter, chart, QRectF(0, y, width, plot + labels), text_colour)
            y += plot + labels + axis_height
        if chart.sentence:
            painter.setFont(self.font())
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y, width, self._sentence_height(width)),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                             | int(Qt.TextFlag.TextWordWrap), chart.sentence)

    def _paint_legend(self, painter: QPainter, chart: Chart, y: float, width: float, text_colour: QColor) -> float:
        font = self._small_font()
        metrics = QFontMetrics(font)
        painter.setFont(font)
        line = metrics.height() + 4
        x = 0.0
        for label, colour in zip(chart.series, chart.colours, strict=False):
            item = _SWATCH + 4 + metrics.horizontalAdvance(label) + 14
            if x and x + item > width:
                x, y = 0.0, y + line
            swatch = QRectF(x, y + (line - _SWATCH) / 2, _SWATCH, _SWATCH)
            painter.fillRect(swatch, QColor(colour))
            painter.setPen(QPen(_OUTLINE, 1))
            painter.drawRect(swatch)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + _SWATCH + 4, y, item, line), Qt.AlignmentFlag.AlignVCenter, label)
            x += item
        return y + line

    def _segments(self, chart: Chart, values: tuple[float, ...]) -> list[tuple[float, float, int]]:
        """(start, length, series) of one bar's parts: stacked end to end, or grouped side by side."""
        if chart.stacked:
            parts, start = [], 0.0
            for series, value in enumerate(values):
                if value > 0:
                    parts.append((start, value, series))
                    start += value
            return parts
        return [(0.0, value, series) for series, value in enumerate(values) if value > 0]

    def _paint_horizontal(self, painter: QPainter, chart: Chart, area: QRectF, text_colour: QColor) -> None:
        metrics = QFontMetrics(self.font())
        small = QFontMetrics(self._small_font())
        label_width = min(area.width() * 0.38, max((metrics.horizontalAdvance(b.label) for b in chart.bars),
                                                   default=0) + _PAD)
        widest = small.horizontalAdvance(tick_text(nice_ticks(chart.maximum)[-1], self.language)) + 16
        # every bar carries its number at its end (the page reads without the axis, and in grey-scale print)
        numbers = small.horizontalAdvance(tick_text(round(chart.maximum), self.language)) + 6
        left, right = area.left() + label_width + _PAD, area.right() - max(widest / 2, numbers)
        span = max(10.0, right - left)
        ticks = nice_ticks(chart.maximum, min(5, max(2, int(span // widest))))
        top = ticks[-1] or 1.0
        band = self._band()
        grid = QColor(text_colour)
        grid.setAlpha(50)
        painter.setFont(self._small_font())
        bottom = area.top() + len(chart.bars) * band
        for tick in ticks:
            x = left + span * tick / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(int(x), int(area.top()), int(x), int(bottom))
            painter.setPen(text_colour)
            text = tick_text(tick, self.language)
            advance = small.horizontalAdvance(text)
            painter.drawText(QRectF(x - advance / 2 - 2, bottom + 2, advance + 4, small.height()),
                             Qt.AlignmentFlag.AlignCenter, text)
        series_count = 1 if chart.stacked else max(1, len(chart.series))
        for row, bar in enumerate(chart.bars):
            y = area.top() + row * band
            painter.setFont(self.font())
            painter.setPen(text_colour)
            self._hits.append((QRectF(area.left(), y, area.width(), band), row))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 2))
            painter.drawText(QRectF(area.left(), y, label_width, band),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            thickness = (band - 6) / series_count
            ends: list[tuple[QRectF, float]] = []
            for start, length, series in self._segments(chart, bar.values):
                offset = 0 if chart.stacked else series * thickness
                rect = QRectF(left + span * start / top, y + 3 + offset, max(1.0, span * length / top), thickness)
                painter.fillRect(rect, QColor(chart.colours[series]))
                painter.setPen(QPen(_OUTLINE, 1))
                painter.drawRect(rect)
                if not chart.stacked:
                    ends.append((rect, length))
            if chart.stacked and sum(bar.values) > 0:
                total = sum(bar.values)
                ends.append((QRectF(left, y + 3, span * total / top, band - 6), total))
            painter.setFont(self._small_font())
            painter.setPen(text_colour)
            for rect, value in ends:
                painter.drawText(QRectF(rect.right() + 3, rect.center().y() - small.height() / 2, numbers,
                                        small.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 tick_text(round(value), self.language))
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(int(left), int(area.top()), int(left), int(bottom))

    def _paint_vertical(self, painter: QPainter, chart: Chart, area: QRectF, text_colour: QColor) -> None:
        metrics = QFontMetrics(self.font())
        small = QFontMetrics(self._small_font())
        ticks = nice_ticks(chart.maximum)
        top = ticks[-1] or 1.0
        axis_width = max(small.horizontalAdvance(tick_text(t, self.language)) for t in ticks) + _PAD
        labels = metrics.height() + _PAD
        plot = QRectF(area.left() + axis_width, area.top() + small.height() / 2, area.width() - axis_width,
                      area.height() - labels - small.height() / 2)
        grid = QColor(text_colour)
        grid.setAlpha(50)
        painter.setFont(self._small_font())
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(area.left(), y - small.height() / 2, axis_width - 4, small.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tick_text(tick, self.language))
        count = max(1, len(chart.bars))
        slot = plot.width() / count
        series_count = 1 if chart.stacked else max(1, len(chart.series))
        thickness = slot * 0.7 / series_count
        for column, bar in enumerate(chart.bars):
            x = plot.left() + column * slot + slot * 0.15
            self._hits.append((QRectF(plot.left() + column * slot, area.top(), slot, area.height()), column))
            for start, length, series in self._segments(chart, bar.values):
                offset = 0 if chart.stacked else series * thickness
                height = max(1.0, plot.height() * length / top)
                rect = QRectF(x + offset, plot.bottom() - plot.height() * start / top - height, thickness, height)
                painter.fillRect(rect, QColor(chart.colours[series]))
                painter.setPen(QPen(_OUTLINE, 1))
                painter.drawRect(rect)
            painter.setFont(self.font())
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot - 2))
            painter.drawText(QRectF(plot.left() + column * slot, plot.bottom() + 2, slot, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
