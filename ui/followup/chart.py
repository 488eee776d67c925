"""A bar chart of compliance (0–100 %) with a dashed target line, drawn with QPainter: one bar per
municipality or month, each with its share written above it and coloured by its light (the words are in the
units' list beside it: colour is never the only sign)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.followup.report import percent
from workbench.followup.tables import light

LIGHT_COLOURS = {"green": QColor("#2e8540"), "amber": QColor("#d39e00"), "red": QColor("#c0392b")}
_NO_SHARE = QColor("#9e9e9e")


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
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(faint)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        axis_width = metrics.horizontalAdvance("100 %") + 8
        labels_rotated = self._rotated(metrics, axis_width)
        label_height = (max(metrics.horizontalAdvance(label) for label, _ in self.bars) * 0.72 + line
                        if labels_rotated else line + 4)
        plot = QRectF(axis_width, line * 2 + 8, self.width() - axis_width - 8,
                      self.height() - line * 2 - 8 - label_height - 6)
        if plot.height() < 20 or plot.width() < 20:
            return

        def y_of(share: float) -> float:
            return plot.bottom() - max(0.0, min(1.0, share)) * plot.height()

        for step in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = y_of(step)
            painter.setPen(QPen(faint, 0.6))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y - line / 2, axis_width - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{round(step * 100)} %")
        slot = plot.width() / len(self.bars)
        bar_width = max(4.0, min(56.0, slot * 0.62))
        for number, (label, share) in enumerate(self.bars):
            centre = plot.left() + slot * (number + 0.5)
            if share is not None:
                shade = light(share, self.target)
                colour = LIGHT_COLOURS[shade] if shade is not None else _NO_SHARE
                top = y_of(share)
                painter.fillRect(QRectF(centre - bar_width / 2, top, bar_width, plot.bottom() - top), colour)
                painter.setPen(text_colour)
                value = percent(share, self.language).replace(" %", "")
                painter.drawText(QRectF(centre - slot / 2, top - line - 2, slot, line), Qt.AlignmentFlag.AlignCenter,
                                 value)
            painter.setPen(text_colour)
            if labels_rotated:
                painter.save()
                painter.translate(centre + line / 3, plot.bottom() + 6)
                painter.rotate(-40)
                width = metrics.horizontalAdvance(label)
                painter.drawText(QRectF(-width, -line, width, line), Qt.AlignmentFlag.AlignRight, label)
                painter.restore()
            else:
                painter.drawText(QRectF(centre - slot / 2, plot.bottom() + 4, slot, line),
                                 Qt.AlignmentFlag.AlignCenter, label)
        target_y = y_of(self.target)
        pen = QPen(text_colour, 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), target_y), QPointF(plot.right(), target_y))
        words = self.target_text.format(target=percent(self.target, self.language).replace(",0 %", " %")
                                        .replace(".0 %", " %"))
        width = metrics.horizontalAdvance(words) + 8
        box = QRectF(plot.right() - width, target_y - line - 3, width, line)
        painter.fillRect(box, palette.color(QPalette.ColorRole.Window))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
        painter.end()

    def _rotated(self, metrics: QFontMetrics, axis_width: int) -> bool:
        slot = (self.width() - axis_width - 8) / max(1, len(self.bars))
        return any(metrics.horizontalAdvance(label) + 4 > slot for label, _ in self.bars)
