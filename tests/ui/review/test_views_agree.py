"""Views that agree with the data (issue 12 items 5-8): facets, named views, the detail pane and row
colours follow every edit at once, through the real window offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.review.model import DECISION_COLOURS
from workbench.review.named_views import preset_views
from workbench.review.session import ViewSpec, compute_view


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    main_window.table_view.setFocus()
    return main_window


def _choose_view(window: MainWindow, view_id: str | None) -> None:
    combo = window.review_page.views_combo
    index = 0 if view_id is None else combo.findData(view_id)  # 0: "Alla artiklar"
    assert index >= 0, view_id
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _facet_counts(window: MainWindow, name: str) -> dict[str, int]:
    return dict(window.review_page.filter_panel.facets[name]._counts)


def test_review_state_facet_and_to_investigate_view_follow_an_edit(loaded: MainWindow) -> None:
    """Item 5: "Att utreda" showed 0 rows and the facet "Ej granskad (2 000)" after 18 Utred."""
    assert _facet_counts(loaded, "review_state") == {"not_reviewed": 2000}
    _choose_view(loaded, "investigate")
    assert loaded.model.rowCount() == 0
    _choose_view(loaded, None)
    assert loaded.model.set_field(list(range(18)), "decision", "investigate")
    assert _facet_counts(loaded, "review_state") == {"not_reviewed": 1982, "investigate": 18}
    _choose_view(loaded, "investigate")
    assert loaded.model.rowCount() == 18
    assert {loaded.model.index(r, loaded.model.column_of_field("decision")).data() for r in range(18)} == {"Utred"}
    loaded.model.undo_stack.undo()
    _choose_view(loaded, "investigate")
    assert loaded.model.rowCount() == 0


def test_every_condition_of_every_preset_view_survives_the_filter_panel(loaded: MainWindow) -> None:
    """Item 6: the panel dropped conditions it has no control for (``replaced_by`` of a preset)."""
    panel = loaded.review_page.filter_panel
    conditions = [view.spec for view in preset_views()]
    conditions.append(ViewSpec(facets={"replaced_by": {""}, "Kommun": {"Huddinge"}, "category": {"städ"}},
                               ranges={"spend": (10.0, None), "weight_g": (None, 50.0)}, only_unreviewed=True))
    for spec in conditions:
        panel.show_spec(spec)
        kept = panel.apply_to(ViewSpec(text=spec.text, sort=spec.sort, columns=spec.columns))
        assert kept == spec
    panel.clear()
    assert panel.apply_to(ViewSpec()) == ViewSpec()
    assert not panel.kept_label.isVisibleTo(panel)


def test_replaced_without_replacement_view_shows_only_those_rows(loaded: MainWindow) -> None:
    """Item 6: "Ersätts utan ersättare" listed articles that have a replacement."""
    model = loaded.model
    keys = [model.index(r, 0).data() for r in range(6)]
    assert model.set_field([0, 1, 2, 3], "decision", "replace")
    assert model.set_field([0, 1], "replaced_by", keys[5])
    _choose_view(loaded, "replace_without_replacement")
    shown = sorted(model.index(r, 0).data() for r in range(model.rowCount()))
    assert shown == sorted(keys[2:4])
    panel = loaded.review_page.filter_panel
    assert panel.kept_label.isVisibleTo(panel) and "Ersätts av" in panel.kept_label.text()


def _small_workbook(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Kategori"])
    for row in range(1, 6):
        sheet.write_row(row, 0, [f"B-{row:03d}", f"Annan artikel {row}", "kontor"])
    book.close()
    return path


def test_detail_pane_forgets_the_previous_workbook(loaded: MainWindow, tmp_path: Path, qtbot) -> None:
    """Item 7: the pane kept an article of the previous workbook, with its history."""
    model = loaded.model
    pane = loaded.review_page.detail_pane
    loaded.table_view.setCurrentIndex(model.index(3, model.column_of_field("decision")))
    old_key = model.index(3, 0).data()
    assert model.set_field([3], "decision", "keep")
    assert old_key in pane.label.text() and "Historik" in pane.label.text()
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        loaded.open_file(_small_workbook(tmp_path / "annan.xlsx"))
    assert loaded.model.rowCount() == 5
    assert old_key not in pane.label.text() and "Historik" not in pane.label.text()
    assert pane.row == -1 or model.index(pane.row, 0).data().startswith("B-")


def test_a_filter_that_hides_the_current_article_empties_the_detail_pane(loaded: MainWindow) -> None:
    model = loaded.model
    pane = loaded.review_page.detail_pane
    loaded.table_view.setCurrentIndex(model.index(0, 0))
    key = model.index(0, 0).data()
    assert key in pane.label.text()
    loaded.review_page.apply_view(ViewSpec(facets={"key": {model.index(1, 0).data()}}))
    assert model.rowCount() == 1 and key not in pane.label.text()


def _data_changed_cells(model, run) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    cells: set[tuple[int, int]] = set()

    def record(top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]) -> None:
        assert not roles or Qt.ItemDataRole.BackgroundRole in roles
        cells.update((r, c) for r in range(top_left.row(), bottom_right.row() + 1)
                     for c in range(top_left.column(), bottom_right.column() + 1))

    model.dataChanged.connect(record)
    try:
        run()
    finally:
        model.dataChanged.disconnect(record)
    return cells


def test_bulk_set_undo_redo_and_delete_announce_every_column_of_the_changed_rows(loaded: MainWindow) -> None:
    """Item 8: dataChanged covered only the edited field's columns, so colours elsewhere went stale."""
    model = loaded.model
    view = loaded.table_view
    everything = {(r, c) for r in range(10, 20) for c in range(model.columnCount())}
    rows = list(range(10, 20))
    assert everything <= _data_changed_cells(model, lambda: model.set_field(rows, "decision", "remove"))
    assert everything <= _data_changed_cells(model, model.undo_stack.undo)
    assert everything <= _data_changed_cells(model, model.undo_stack.redo)
    decision = model.column_of_field("decision")
    view.selectionModel().select(QItemSelection(model.index(10, decision), model.index(19, decision)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setCurrentIndex(model.index(10, decision))
    view.selectionModel().select(QItemSelection(model.index(10, decision), model.index(19, decision)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert everything <= _data_changed_cells(model, view.clear_selection_values)
    assert all(loaded.table.review["decision"].iat[model.position(r)] is None for r in rows)


def _screen_colour(window: MainWindow, index: QModelIndex) -> QColor:
    """The colour on screen (the window's backing store, not a fresh render) inside a cell."""
    view = window.table_view
    rect = view.visualRect(index)
    point = view.viewport().mapTo(window, rect.topLeft())
    image = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    scale = image.devicePixelRatio()
    return image.pixelColor(int((point.x() + 3) * scale), int((point.y() + rect.height() // 2) * scale))


def test_row_colour_on_screen_follows_a_bulk_set_and_its_undo(loaded: MainWindow, qtbot) -> None:
    """Item 8 through the real view: the Användning cell of an edited row takes the decision colour
    at once, without anything else asking for a repaint."""
    model = loaded.model
    view = loaded.table_view
    usage = model.index(5, model.column_of_field("usage"))
    view.scrollTo(usage)
    qtbot.wait(50)
    QApplication.processEvents()
    before = _screen_colour(loaded, usage)
    assert model.set_field(list(range(3, 8)), "decision", "remove")
    qtbot.wait(50)
    after = _screen_colour(loaded, usage)
    assert after != before
    assert after == model.data(usage, Qt.ItemDataRole.BackgroundRole)
    assert DECISION_COLOURS["remove"].red() > DECISION_COLOURS["remove"].blue()
    model.undo_stack.undo()
    qtbot.wait(50)
    assert _screen_colour(loaded, usage) == before


def test_compute_view_agrees_with_the_grid_for_every_preset(loaded: MainWindow) -> None:
    model = loaded.model
    assert model.set_field(list(range(0, 40, 2)), "decision", "replace")
    assert model.set_field(list(range(0, 20, 2)), "replaced_by", model.index(1, 0).data())
    session = loaded.review_page.session
    for view in preset_views():
        _choose_view(loaded, view.id)
        expected = compute_view(session, view.spec)
        assert list(model.order) == list(expected), view.id
