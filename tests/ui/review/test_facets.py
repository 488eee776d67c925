"""The filter panel's facets on the real window (issue 12 item 13): the new facets filter, their values
keep their places while the user ticks, the lists are tall enough and a count is never cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.review.facet_list import VISIBLE_ROWS, ValueRole
from ui.review.filter_panel import FacetBox


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    return main_window


def _facet(window: MainWindow, name: str) -> FacetBox:
    return window.review_page.filter_panel.facets[name]


def _values(box: FacetBox) -> list[str]:
    return [box.list.item(i).data(ValueRole) for i in range(box.list.count())]


def _texts(box: FacetBox) -> list[str]:
    return [box.list.item(i).text() for i in range(box.list.count())]


def _tick(box: FacetBox, value: str) -> None:
    item = next(box.list.item(i) for i in range(box.list.count()) if box.list.item(i).data(ValueRole) == value)
    item.setCheckState(Qt.CheckState.Checked)


def test_the_new_facets_are_shown_with_swedish_titles(loaded: MainWindow) -> None:
    titles = {name: _facet(loaded, name).title() for name in
              ("usage", "future_need", "env_score", "ecolabel", "reviewed_by", "has_comment")}
    assert titles == {"usage": "Användning", "future_need": "Framtida behov", "env_score": "Miljöpoäng",
                      "ecolabel": "Miljömärkning", "reviewed_by": "Granskad av", "has_comment": "Har kommentar"}
    assert all(_facet(loaded, name).isVisibleTo(loaded) for name in titles)
    assert _texts(_facet(loaded, "ecolabel")) == ["Svanen (266)", "FSC (121)", "EU Ecolabel (46)",
                                                  "Bra Miljöval (31)", "(tom) (1\u00a0536)"]
    assert _texts(_facet(loaded, "has_comment")) == ["Nej (2\u00a0000)"]


def test_ticking_a_value_of_each_new_facet_filters_the_rows(loaded: MainWindow) -> None:
    model = loaded.model
    model.set_field(list(range(30)), "usage", "weekly")
    model.set_field(list(range(10, 50)), "future_need", "decrease")
    model.set_field(list(range(5, 25)), "env_score", "2")
    model.set_field([3, 4, 5], "comment", "fråga köket")
    panel = loaded.review_page.filter_panel
    for name, value, rows in (("usage", "weekly", 30), ("future_need", "decrease", 40), ("env_score", "2", 20),
                              ("ecolabel", "FSC", 121), ("has_comment", "yes", 3)):
        _tick(_facet(loaded, name), value)
        assert model.rowCount() == rows, name
        panel.clear()
        assert model.rowCount() == 2000
    reviewer = loaded.table.review["reviewed_by"].iat[0]
    _tick(_facet(loaded, "reviewed_by"), reviewer)
    assert model.rowCount() == 50  # every row edited above
    assert _texts(_facet(loaded, "has_comment")) == ["Ja (3)", "Nej (47)"]


def test_values_keep_their_places_while_the_user_ticks(loaded: MainWindow) -> None:
    """Regression: every tick re-sorted the other facets by their new counts."""
    municipality = _facet(loaded, "municipality")
    supplier = _facet(loaded, "supplier")
    before = {"municipality": _values(municipality), "supplier": _values(supplier)}
    for label in ("Svanen", "FSC", "EU Ecolabel"):
        _tick(_facet(loaded, "ecolabel"), label)
        for name, box in (("municipality", municipality), ("supplier", supplier)):
            shown = _values(box)
            assert shown == [value for value in before[name] if value in shown], (label, name)
    assert _values(_facet(loaded, "ecolabel")) == ["Svanen", "FSC", "EU Ecolabel", "Bra Miljöval", ""]
    # vocabulary order for review values, whatever their counts
    model = loaded.model
    model.set_field(list(range(40)), "usage", "not_used")
    model.set_field([50], "usage", "daily")
    assert _values(_facet(loaded, "usage")) == ["daily", "not_used", ""]


def test_ticking_a_value_far_down_a_long_list_does_not_scroll_it(loaded: MainWindow, qtbot) -> None:
    """Counts are updated in place: the list the user scrolled stays where it was."""
    supplier = _facet(loaded, "supplier")
    bar = supplier.list.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    last = supplier.list.item(supplier.list.count() - 1)
    last.setCheckState(Qt.CheckState.Checked)
    QApplication.processEvents()
    assert bar.value() == bar.maximum() and bar.value() > 0
    assert supplier.list.item(supplier.list.count() - 1).checkState() == Qt.CheckState.Checked


def test_lists_are_tall_enough_to_use(loaded: MainWindow) -> None:
    for name in ("usage", "ecolabel", "municipality", "has_comment"):
        box = _facet(loaded, name)
        rows = box.list.count()
        assert rows <= VISIBLE_ROWS
        assert box.list.verticalScrollBar().maximum() == 0, f"{name}: its few values should all show"
        assert box.list.viewport().height() >= rows * box.list.sizeHintForRow(0)
    supplier = _facet(loaded, "supplier").list
    assert supplier.count() > VISIBLE_ROWS
    assert supplier.viewport().height() >= VISIBLE_ROWS * supplier.sizeHintForRow(0)


def test_a_count_is_never_cut_off_however_long_the_value(loaded: MainWindow, qtbot) -> None:
    """Regression: "Mälardalens Förbrukning AB  (30)" was elided to "Mälardalens Förbrukni…"."""
    page = loaded.review_page
    page.splitter.setSizes([250, 1000, 250])
    QApplication.processEvents()
    checked = 0
    for name in ("supplier", "ecolabel", "category", "reviewed_by", "has_comment"):
        box = _facet(loaded, name)
        metrics = box.list.fontMetrics()
        viewport = box.list.viewport().rect()
        for row in range(box.list.count()):
            rect, count = box.list.count_rect(row)
            assert count and rect.width() >= metrics.horizontalAdvance(count), (name, row, count)
            assert viewport.left() <= rect.left() and rect.right() <= viewport.right(), (name, row)
            checked += 1
    assert checked > 20
    # a long value is shortened instead, and still names the value
    supplier = _facet(loaded, "supplier").list
    long_row = max(range(supplier.count()), key=lambda r: len(supplier.item(r).data(ValueRole)))
    value = supplier.item(long_row).data(ValueRole)
    if supplier.fontMetrics().horizontalAdvance(value) > supplier.viewport().width() / 2:
        drawn = supplier.drawn_label(long_row)
        assert drawn.endswith("…") and value.startswith(drawn[:-1])
