"""A bar chart of compliance (0–100 %) with a dashed target line, drawn with QPainter: one bar per
municipality or month, each with its share written above it and coloured by its light (the words are in the
units' list beside it: colour is never the only sign).

The geometry is computed first (:meth:`ComplianceChart.chart_layout`) so that a narrow chart can thin its
labels rather than pile them on each other: the title is elided, the target is named in the title row, the
axis labels are laid flat, slanted, upright, or every k-th upright, and a value that would touch its
neighbour's is left out (every share stays in the accessible description and the units' list)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.followup.report import percent
from workbench.followup.tables import light

LIGHT_COLOURS = {"green": QColor("#2e8540"), "amber": QColor("#d39e00"), "red": QColor("#c0392b")}
_NO_SHARE = QColor("#9e9e9e")
_LABEL_MAX = 110  # px: a longer axis label is elided (the full name is in the units' list)
_GAP = 2  # px between two labels


@dataclass
class AxisLabel:
    """One axis label: ``rect`` in the label's own frame, turned by ``angle`` degrees about ``anchor``."""

    text: str
    anchor: QPointF
    angle: float
    rect: QRectF

    def transform(self) -> QTransform:
        turn = QTransform()
        turn.translate(self.anchor.x(), self.anchor.y())
        turn.rotate(-self.angle)
        return turn

    def polygon(self) -> QPolygonF:
        return self.transform().map(QPolygonF(self.rect))


@dataclass
class ChartLayout:
    title: str = ""
    title_rect: QRectF = field(default_factory=QRectF)
    legend: str = ""
    legend_rect: QRectF = field(default_factory=QRectF)
    plot: QRectF = field(default_factory=QRectF)
    bars: list[tuple[QRectF, QColor]] = field(default_factory=list)
    values: list[tuple[QRectF, str]] = field(default_factory=list)
    value_font: QFont = field(default_factory=QFont)
    labels: list[AxisLabel] = field(default_factory=list)


class ComplianceChart(QWidget):
    """``show_bars(title, [(label, share)], target)``; ``share`` None draws no bar (nothing was spent)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[tuple[str, float | None]] = []
        self.target = 0.9
        self.language = "sv"
        self.target_text = "{target}"
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def show_bars(self, title: str, bars: Sequence[tuple[str, float | None]], target: float, language: str,
                  target_text: str, empty_text: str = "") -> None:
        """``target_text`` words the line ("Mål {target}"), ``empty_text`` what an empty chart says."""
        self.title, self.bars, self.target, self.language = title, list(bars), target, language
        self.target_text, self.empty_text = target_text, empty_text
        self.setAccessibleName(title)
        self.setAccessibleDescription("; ".join(f"{label}: {percent(share, language)}" for label, share in self.bars))
        self.setToolTip(title)
        self.update()

    def _legend_words(self) -> str:
        return self.target_text.format(target=percent(self.target, self.language).replace(",0 %", " %")
                                       .replace(".0 %", " %"))

    def chart_layout(self) -> ChartLayout:
        """Where everything goes at the widget's current size (an empty ``plot`` when there is no room)."""
        result = ChartLayout()
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        width = float(self.width())
        title_height = bold_metrics.height() + 6
        legend_width = 0.0
        if self.bars:
            result.legend = self._legend_words()
            legend_width = metrics.horizontalAdvance(result.legend) + 26.0
            result.legend_rect = QRectF(max(0.0, width - legend_width), 0, legend_width, title_height)
        room = max(0.0, width - legend_width - (8 if legend_width else 0))
        result.title = bold_metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, int(room))
        result.title_rect = QRectF(0, 0, room, title_height)
        if not self.bars:
            return result
        axis_width = metrics.horizontalAdvance("100 %") + 8
        texts = [metrics.elidedText(label, Qt.TextElideMode.ElideRight, _LABEL_MAX) for label, _ in self.bars]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        slot = (width - axis_width - 8) / len(self.bars)
        angle, step = self._label_turn(slot, widest, line)
        if angle == 0:
            label_height = line + 4.0
        else:
            turn = math.radians(angle)
            label_height = widest * math.sin(turn) + line * math.cos(turn) + 8
        plot = QRectF(axis_width, title_height + line + 4, width - axis_width - 8,
                      self.height() - title_height - line - 4 - label_height - 6)
        if plot.height() < 20 or plot.width() < 20:
            return result
        result.plot = plot
        bar_width = max(2.0, min(56.0, slot * 0.62))
        result.value_font = self._value_font(slot)
        value_metrics = QFontMetrics(result.value_font)
        value_line = value_metrics.height()
        last_value: QRectF | None = None
        for number, ((_, share), text) in enumerate(zip(self.bars, texts, strict=True)):
            centre = plot.left() + slot * (number + 0.5)
            if share is not None:
                shade = light(share, self.target)
                colour = LIGHT_COLOURS[shade] if shade is not None else _NO_SHARE
                top = self._y_of(plot, share)
                result.bars.append((QRectF(centre - bar_width / 2, top, bar_width, plot.bottom() - top), colour))
                value = percent(share, self.language).replace(" %", "")
                value_width = value_metrics.horizontalAdvance(value) + 2.0
                rect = QRectF(centre - value_width / 2, top - value_line - 2, value_width, value_line)
                if last_value is None or not rect.adjusted(-_GAP, 0, _GAP, 0).intersects(last_value):
                    result.values.append((rect, value))
                    last_value = rect
            if number % step:
                continue
            text_width = metrics.horizontalAdvance(text)
            if angle == 0:
                result.labels.append(AxisLabel(text, QPointF(centre, plot.bottom() + 4), 0.0,
                                               QRectF(-text_width / 2, 0, text_width, line)))
            else:
                turn = math.radians(angle)
                # the text's end centred under the bar, its upper corner clear of the plot
                anchor = QPointF(centre + line / 2 * math.sin(turn), plot.bottom() + 4 + line * math.cos(turn))
                result.labels.append(AxisLabel(text, anchor, angle,
                                               QRectF(-text_width, -line, text_width, line)))
        return result

    def _label_turn(self, slot: float, widest: float, line: int) -> tuple[float, int]:
        """(angle, every k-th label): flat if the labels fit their slots, else slanted, else upright,
        else upright and thinned so that two labels never touch."""
        if widest + 4 + _GAP <= slot:
            return 0.0, 1
        if slot * math.sin(math.radians(40)) >= line + _GAP:
            return 40.0, 1
        return 90.0, max(1, math.ceil((line + _GAP) / max(slot, 1.0)))

    def _value_font(self, slot: float) -> QFont:
        """The font of the values above the bars: a size smaller when they do not fit their slots."""
        font = QFont(self.font())
        widest = max(QFontMetrics(font).horizontalAdvance(percent(share, self.language).replace(" %", ""))
                     for _, share in self.bars) if any(s is not None for _, s in self.bars) else 0
        if widest + 2 + _GAP > slot:
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    @staticmethod
    def _y_of(plot: QRectF, share: float) -> float:
        return plot.bottom() - max(0.0, min(1.0, share)) * plot.height()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        layout = self.chart_layout()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(layout.title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, layout.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(faint)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        dashed = QPen(text_colour, 1.6, Qt.PenStyle.DashLine)
        legend = layout.legend_rect
        sample_y = legend.top() + line / 2 + 1
        painter.setPen(dashed)
        painter.drawLine(QPointF(legend.left() + 2, sample_y), QPointF(legend.left() + 20, sample_y))
        painter.setPen(text_colour)
        painter.drawText(legend.adjusted(24, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         layout.legend)
        plot = layout.plot
        if plot.isEmpty():
            painter.end()
            return
        axis_width = plot.left()
        for step in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = self._y_of(plot, step)
            painter.setPen(QPen(faint, 0.6))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y - line / 2, axis_width - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{round(step * 100)} %")
        for rect, colour in layout.bars:
            painter.fillRect(rect, colour)
        painter.setPen(text_colour)
        painter.setFont(layout.value_font)
        for rect, value in layout.values:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, value)
        painter.setFont(self.font())
        for label in layout.labels:
            painter.save()
            painter.setTransform(label.transform(), True)
            align = Qt.AlignmentFlag.AlignCenter if label.angle == 0 else Qt.AlignmentFlag.AlignRight
            painter.drawText(label.rect, align, label.text)
            painter.restore()
        target_y = self._y_of(plot, self.target)
        painter.setPen(dashed)
        painter.drawLine(QPointF(plot.left(), target_y), QPointF(plot.right(), target_y))
        painter.end()
