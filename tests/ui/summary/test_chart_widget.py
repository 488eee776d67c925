"""The summary's own bar chart (no Qt Charts): both orientations, stacked and grouped, paint their bars in the
chart's colours, grow with their bars, and draw nothing for an empty chart."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from ui.summary.chart_widget import ChartWidget
from workbench.summary.charts import Bar, Chart

RED, BLUE = "#c0392b", "#1f4e79"


def _chart(stacked: bool, bars: int = 3) -> Chart:
    return Chart("test", "Provdiagram", ("Före", "Efter"), (RED, BLUE),
                 [Bar(f"Rad {i}", (10.0 * (i + 1), 5.0 * (i + 1))) for i in range(bars)], stacked, "artiklar",
                 "En mening om diagrammet.")


def _pixels(widget: ChartWidget, colour: str) -> int:
    image = widget.grab().toImage()
    wanted = int(colour.lstrip("#"), 16)
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) & 0xFFFFFF == wanted)


@pytest.mark.parametrize("orientation", [Qt.Orientation.Horizontal, Qt.Orientation.Vertical])
@pytest.mark.parametrize("stacked", [True, False])
def test_bars_are_painted_in_the_charts_colours(qtbot, orientation, stacked: bool) -> None:
    widget = ChartWidget(orientation=orientation)
    qtbot.addWidget(widget)
    widget.set_chart(_chart(stacked), "sv")
    widget.resize(420, widget.heightForWidth(420))
    legend_only = 2 * 11 * 11  # at most the two legend swatches
    assert _pixels(widget, RED) > legend_only and _pixels(widget, BLUE) > legend_only
    assert widget.accessibleName() == "Provdiagram"


def test_the_chart_grows_with_its_bars_and_an_empty_one_paints_no_bar(qtbot) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.set_chart(_chart(False, 3), "sv")
    three = widget.heightForWidth(420)
    widget.set_chart(_chart(False, 9), "sv")
    assert widget.heightForWidth(420) > three
    widget.set_chart(Chart("empty", "Tomt", ("Före",), (RED,), [], False, "kg", ""), "sv")
    widget.resize(420, widget.heightForWidth(420))
    assert _pixels(widget, RED) <= 11 * 11  # the legend's swatch, no bar


def test_the_tooltip_names_a_bar_in_full(qtbot) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)
    chart = _chart(False, 2)
    chart.bars[1].label = "PE (polyeten, sort ej angiven) och mycket mer text än som får plats"
    widget.set_chart(chart, "sv")
    widget.resize(300, widget.heightForWidth(300))
    widget.grab()  # painted: the bars' places are known
    texts = {widget.tooltip_at(150, y) for y in range(widget.height())} - {""}
    assert texts == {"Rad 0: Före 10, Efter 5 artiklar",
                     "PE (polyeten, sort ej angiven) och mycket mer text än som får plats: Före 20, Efter 10 artiklar"}
