"""Sammanfattning in a 1024×700 window (walk-through defect: the fifth key figure and the third chart were
cut and the sheet needed a horizontal scroll bar): the key figures wrap to two rows, the charts and tables
stack as the sheet narrows, nothing sticks out of the sheet; at 1400 px the figures stay on one row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"


def _open(window: MainWindow, tmp_path: Path, qtbot, size: tuple[int, int]):
    joint = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, joint)
    window.resize(*size)
    window.open_file(joint)
    qtbot.waitUntil(lambda: window.table is not None and not window.loading, timeout=30_000)
    with qtbot.waitSignal(window.summary.computed, timeout=30_000):
        window.summary.page_action.trigger()
    page = window.summary.page
    qtbot.waitUntil(lambda: page.scroll_area.isVisible())
    qtbot.wait(100)
    return page


def _right_edge(widget: QWidget, sheet: QWidget) -> int:
    return widget.mapTo(sheet, QPoint(widget.width(), 0)).x()


def _rows(widgets: list[QWidget]) -> int:
    return len({widget.y() for widget in widgets})


@pytest.mark.parametrize(("size", "rows"), [((1024, 700), 2), ((800, 600), 3)])
def test_a_narrow_window_needs_no_horizontal_scroll_bar(main_window: MainWindow, tmp_path: Path, qtbot,
                                                        size: tuple[int, int], rows: int) -> None:
    page = _open(main_window, tmp_path, qtbot, size)
    assert main_window.width() == size[0]
    viewport = page.scroll_area.viewport().width()
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    assert page.sheet.width() <= viewport
    cards = [card for card in page.cards if card.isVisible()]
    assert len(cards) == 5
    assert _rows(cards) == rows
    shown = cards + [chart for chart in page.charts.values() if chart.isVisible()] + \
        [page.municipality_box, page.reviewer_box]
    for widget in shown:
        assert _right_edge(widget, page.sheet) <= page.sheet.width(), widget.objectName()
    for card in cards:  # the value in large type is not cut
        assert card.value.width() >= card.value.sizeHint().width()


def test_a_wide_window_keeps_the_figures_and_charts_on_one_row(main_window: MainWindow, tmp_path: Path,
                                                               qtbot) -> None:
    page = _open(main_window, tmp_path, qtbot, (1400, 900))
    assert _rows([card for card in page.cards if card.isVisible()]) == 1
    assert _rows([chart for chart in page.charts.values() if chart.isVisible()]) == 1
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
