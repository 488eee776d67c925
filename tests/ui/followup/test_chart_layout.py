"""Uppföljning's bar charts at narrow widths (walk-through defect: at 1024×700 the values piled on each other,
the month labels overlapped and the title was cut to "Avtalstrohet per l"): the computed label rectangles of
a small chart do not overlap, the title is elided, and a wide chart still shows every label."""

from __future__ import annotations

import itertools

import pytest

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetrics

from ui.followup.chart import ComplianceChart

MONTHS = [(f"2025-{m:02d}", share) for m, share in zip(
    range(1, 13), (0.942, 0.965, 0.973, 0.967, 0.941, 0.944, 0.932, 0.934, 0.96, 0.959, 0.912, 0.948), strict=True)]
TOWNS = [(name, share) for name, share in zip(
    ("Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje", "Tyresö"),
    (0.965, 0.952, 0.945, 0.979, 0.948, 0.947, 0.948, 0.945), strict=True)]
TITLE = "Avtalstrohet per kommun"


def _chart(qtbot, bars, width: int, height: int = 230) -> ComplianceChart:
    chart = ComplianceChart()
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show_bars(TITLE, bars, 0.9, "sv", "Mål {target}")
    return chart


def _no_overlaps(chart: ComplianceChart) -> None:
    layout = chart.chart_layout()
    assert not layout.plot.isEmpty()
    for (a, _), (b, _) in itertools.combinations(layout.values, 2):
        assert not a.intersects(b), (a, b)
    polygons = [label.polygon() for label in layout.labels]
    for a, b in itertools.combinations(polygons, 2):
        assert not a.intersects(b), (a.boundingRect(), b.boundingRect())
    plot_area = QRectF(layout.plot)
    for polygon in polygons:
        assert not polygon.boundingRect().intersects(plot_area.adjusted(0, 0, 0, -1))
    assert not layout.title_rect.intersects(layout.legend_rect)
    assert layout.title_rect.right() <= chart.width() and layout.legend_rect.right() <= chart.width()
    chart.grab()  # the painter draws that layout without complaint


@pytest.mark.parametrize("bars", [MONTHS, TOWNS], ids=["months", "municipalities"])
@pytest.mark.parametrize("width", [160, 230, 300, 420])
def test_labels_never_overlap_at_narrow_widths(qtbot, bars, width: int) -> None:
    _no_overlaps(_chart(qtbot, bars, width))


def test_the_title_is_elided_to_its_room_not_cut(qtbot) -> None:
    chart = _chart(qtbot, TOWNS, 230)
    layout = chart.chart_layout()
    assert layout.title != TITLE and layout.title.endswith("…")
    bold = chart.font()
    bold.setBold(True)
    assert QFontMetrics(bold).horizontalAdvance(layout.title) <= layout.title_rect.width()
    assert chart.toolTip() == TITLE


@pytest.mark.parametrize("bars", [MONTHS, TOWNS], ids=["months", "municipalities"])
def test_a_wide_chart_shows_every_value_and_label(qtbot, bars) -> None:
    chart = _chart(qtbot, bars, 900, 300)
    layout = chart.chart_layout()
    assert len(layout.values) == len(bars) and len(layout.labels) == len(bars)
    assert layout.title == TITLE
    _no_overlaps(chart)
