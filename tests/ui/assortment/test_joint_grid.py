"""The review grid on a real joint workbook (issue 15) in the real main window: the detail pane's source
rows, the municipality columns as one group, the facet "Antal kommuner", and linking and splitting
through the actions (the file changes, the grid follows after the reload)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import xlsxwriter

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from ui.assortment.source_rows import SourceRowsSection
from ui.main_window import MainWindow
from ui.review.facet_list import ValueRole
from workbench.assortment import read_joint
from workbench.assortment.merge import merge_lists
from workbench.assortment.sources import Source
from workbench.reading.importer import read_table

HEADERS = ["Artikelnummer", "Benämning", "Leverantör", "Lev. art.nr", "GTIN", "Enhet", "Antal", "Belopp"]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    for r, row in enumerate([HEADERS, *rows]):
        sheet.write_row(r, 0, row)
    book.close()
    return path


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    """Three municipalities' lists merged: a glove in all three (G00001), a mug in two (G00002), a bin bag
    in one (G00003) and a mug spelled otherwise that no rule joins (G00004)."""
    a = _xlsx(tmp_path / "botkyrka.xlsx", [
        ["A1", "Handske nitril M", "Abena AB", "AB-1", "07310791040011", "st", 100, 500.0],
        ["A2", "Mugg papper 20 cl", "Duni AB", "DU-2", "", "st", 50, 100.0],
        ["A3", "Sopsäck 125 l", "Duni AB", "DU-3", "", "st", 10, 80.0]])
    b = _xlsx(tmp_path / "haninge.xlsx", [
        ["B1", "Handske nitril M", "Abena AB", "AB-1", "07310791040011", "st", 200, 1000.0],
        ["B2", "Pappersmugg 20cl", "Duni AB", "DU-22", "", "st", 30, 60.0]])
    c = tmp_path / "tyreso.csv"
    with c.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([HEADERS, ["C1", "Handske nitril M", "ABENA", "AB-1", "", "st", "20", "110"],
                          ["C2", "Mugg papper 20 cl", "Duni", "du 2", "", "st", "5", "10"]])
    path = tmp_path / "gemensam.xlsx"
    merge_lists(path, [Source(a, "Botkyrka"), Source(b, "Haninge"), Source(c, "Tyresö")], user="test")
    return path


def _open(window: MainWindow, path: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(window.table_loaded, timeout=30_000):
        window.open_file(path)
    qtbot.waitUntil(lambda: not window.joint_grid.reading, timeout=30_000)
    return window


@pytest.fixture
def loaded(main_window: MainWindow, joint: Path, qtbot) -> MainWindow:
    return _open(main_window, joint, qtbot)


def _select(window: MainWindow, *keys: str) -> None:
    view, model = window.table_view, window.model
    view.setCurrentIndex(model.index(model.row_of_key(keys[0]), 0))
    selection = view.selectionModel()
    for key in keys:
        selection.select(model.index(model.row_of_key(key), 0), QItemSelectionModel.SelectionFlag.Select)


def _section_rows(section: SourceRowsSection) -> list[tuple[str, ...]]:
    table = section.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_the_detail_pane_lists_the_articles_source_rows(loaded: MainWindow) -> None:
    section = loaded.joint_grid.section
    _select(loaded, "G00001")
    assert section.isVisibleTo(loaded)
    assert section.heading.text() == "<b>3 källrader</b>"
    assert [section.table.horizontalHeaderItem(c).text() for c in range(6)] == [
        "Kommun", "Antal", "Regel", "Källnyckel", "Rad", "Fil"]
    assert _section_rows(section) == [("Botkyrka", "100", "GTIN", "A1", "2", "botkyrka.xlsx"),
                                      ("Haninge", "200", "GTIN", "B1", "2", "haninge.xlsx"),
                                      ("Tyresö", "20", "Lev. art.nr", "C1", "2", "tyreso.csv")]
    _select(loaded, "G00003")
    assert section.heading.text() == "<b>1 källrad</b>"
    assert _section_rows(section) == [("Botkyrka", "10", "Ingen matchning", "A3", "4", "botkyrka.xlsx")]


@pytest.mark.parametrize("key", ["G00001", "G00003"])
def test_every_source_row_is_in_view_in_a_narrow_detail_pane(loaded: MainWindow, qtbot, key: str) -> None:
    """The pane is narrower than the table's columns: the row and file step aside, and should a horizontal
    scroll bar still take room, the table (which never scrolls vertically) must show its last row whole."""
    loaded.resize(1200, 800)
    loaded.show()
    loaded.review_page.splitter.setSizes([200, 800, 200])
    _select(loaded, key)
    table = loaded.joint_grid.section.table
    qtbot.waitUntil(table.isVisible, timeout=5_000)
    qtbot.wait(50)
    assert table.isColumnHidden(5)
    last = table.rowCount() - 1
    assert table.visualRect(table.model().index(last, 0)).bottom() < table.viewport().height()


def test_the_municipality_columns_are_one_group_to_show_or_hide(loaded: MainWindow) -> None:
    action = loaded.joint_grid.columns_action
    assert action.isVisible() and action.isChecked()
    assert action.text() == "&Visa kommunkolumner"
    assert action in loaded.view_menu.actions()
    model, view = loaded.model, loaded.table_view
    ids = {model.column_id(c): c for c in range(model.columnCount())}
    group = ["Antal Botkyrka", "Belopp Botkyrka", "Antal Haninge", "Belopp Haninge", "Antal Tyresö",
             "Belopp Tyresö"]
    others = ["Antal totalt", "Belopp totalt", "Kommuner", "Antal per förpackning"]
    assert not any(view.isColumnHidden(ids[h]) for h in group + others)
    action.trigger()
    assert all(view.isColumnHidden(ids[h]) for h in group)
    assert not any(view.isColumnHidden(ids[h]) for h in others)
    action.trigger()
    assert not any(view.isColumnHidden(ids[h]) for h in group)


def test_the_facet_number_of_municipalities_counts_and_filters(loaded: MainWindow) -> None:
    box = loaded.review_page.filter_panel.facets["Kommuner"]
    assert box.isVisibleTo(loaded) and box.title() == "Antal kommuner"
    assert [box.list.item(i).text() for i in range(box.list.count())] == ["3 (1)", "2 (1)", "1 (2)"]
    item = next(box.list.item(i) for i in range(box.list.count()) if box.list.item(i).data(ValueRole) == "1")
    item.setCheckState(item.checkState().Checked)
    assert loaded.model.rowCount() == 2


def test_the_facet_number_of_municipalities_comes_first(loaded: MainWindow) -> None:
    panel = loaded.review_page.filter_panel
    layout = panel.facets["Kommuner"].parentWidget().layout()
    shown = sorted((layout.indexOf(box), name) for name, box in panel.facets.items() if box.isVisibleTo(loaded))
    assert shown[0][1] == "Kommuner"


def test_how_many_buy_it_and_how_much_stand_right_after_the_name(loaded: MainWindow, joint: Path,
                                                                  qtbot) -> None:
    model, header = loaded.model, loaded.table_view.horizontalHeader()

    def visual_order() -> list[str]:
        return [model.column_id(header.logicalIndex(v)) for v in range(model.columnCount())]

    assert visual_order()[:5] == ["Artikel-ID", "Benämning", "Kommuner", "Antal totalt", "Belopp totalt"]
    # the user's own order is kept when the workbook opens again
    header.moveSection(2, 7)
    loaded.review_page.save_layout()
    mine = visual_order()
    _open(loaded, joint, qtbot)
    assert visual_order() == mine


def test_the_status_bar_says_what_a_link_and_its_undo_did(loaded: MainWindow, joint: Path, qtbot) -> None:
    grid = loaded.joint_grid
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        grid.link(["G00002", "G00004"])
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    said = loaded.statusBar().currentMessage()
    assert "G00002" in said and "Läste" not in said
    assert said.startswith(f"{joint.name}: ") and str(joint.parent) not in said  # the name: a status bar is short
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        loaded.model.undo_stack.undo()
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    assert loaded.statusBar().currentMessage().startswith("Ångrat: ")


def test_linking_through_the_action_changes_the_file_and_the_grid(loaded: MainWindow, joint: Path,
                                                                   qtbot) -> None:
    grid = loaded.joint_grid
    _select(loaded, "G00002", "G00004")
    assert grid.link_action.isEnabled() and grid.link_action in loaded.edit_menu.actions()
    assert grid.link_action.text() == "Slå &ihop markerade artiklar…"
    grid.link_action.trigger()
    box = grid.confirm_box
    assert box is not None and "G00002" in box.text() and "G00004" in box.text()
    assert "Pappersmugg 20cl" in box.text()
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    state = read_joint(joint)
    assert sorted(r.source_key or "" for r in state.records if r.article_id == "G00002") == ["A2", "B2", "C2"]
    assert state.articles["G00004"].merged_into == "G00002"
    # the grid shows the file as it is now, the survivor current with its three source rows
    model = loaded.model
    assert loaded.table_view.currentIndex().row() == model.row_of_key("G00002")
    assert len(grid.section.rows()) == 3
    quantity = next(c for c in range(model.columnCount()) if model.column_id(c) == "Antal totalt")
    assert model.index(model.row_of_key("G00002"), quantity).data() == "85"
    assert model.index(model.row_of_key("G00004"), quantity).data() in ("0", "")


def test_a_link_is_taken_back_by_splitting_off_the_moved_row(loaded: MainWindow, joint: Path, qtbot) -> None:
    grid = loaded.joint_grid
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        grid.link(["G00002", "G00004"])
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    moved = next(i for i, row in enumerate(grid.section.rows()) if row.record.source_key == "B2")
    grid.section.select(moved)
    assert grid.split_action.isEnabled()
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        grid.split_action.trigger()
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    state = read_joint(joint)
    back = next(r for r in state.records if r.source_key == "B2")
    assert back.article_id not in ("G00002", "G00004") and back.match == "manuell"
    assert sorted(r.source_key or "" for r in state.records if r.article_id == "G00002") == ["A2", "C2"]
    assert loaded.table_view.currentIndex().row() == loaded.model.row_of_key(back.article_id)
    assert [row.record.source_key for row in grid.section.rows()] == ["B2"]


def test_pending_review_edits_are_saved_before_a_link(loaded: MainWindow, joint: Path, qtbot) -> None:
    model = loaded.model
    model.set_field([model.row_of_key("G00003")], "decision", "keep")
    assert loaded.saver.is_dirty
    with qtbot.waitSignal(loaded.table_loaded, timeout=30_000):
        loaded.joint_grid.link(["G00002", "G00004"])
    qtbot.waitUntil(lambda: not loaded.joint_grid.reading, timeout=30_000)
    state = read_joint(joint)
    assert state.articles["G00004"].merged_into == "G00002"
    assert not loaded.saver.is_dirty
    table = read_table(joint)
    decision = table.review["decision"]
    assert decision.iloc[list(table.keys).index("G00003")] == "keep"


def test_an_ordinary_workbook_shows_no_joint_parts(main_window: MainWindow, sample_workbook: Path,
                                                   qtbot) -> None:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    grid = main_window.joint_grid
    assert not grid.columns_action.isVisible() and not grid.link_action.isVisible()
    assert not grid.section.isVisibleTo(main_window)
    assert "Kommuner" not in main_window.review_page.filter_panel.available


def test_a_joint_workbook_opens_at_once_without_its_own_columns_in_the_banner(loaded: MainWindow) -> None:
    # opened the first time, yet no import dialog (the fixture waited for the table) and no banner
    # calling Antal Botkyrka … Kommuner unrecognised
    assert loaded.table is not None and loaded.table.sheet == "Sortiment"
    assert not any(f.code == "unmapped_columns" for f in loaded.table.findings)
    assert not loaded.banner.isVisibleTo(loaded)


def _reloaded(window: MainWindow, qtbot, run) -> None:
    with qtbot.waitSignal(window.table_loaded, timeout=30_000):
        run()
    qtbot.waitUntil(lambda: not window.joint_grid.reading, timeout=30_000)


def test_undo_and_redo_of_a_link_rewrite_the_file(loaded: MainWindow, joint: Path, qtbot) -> None:
    grid = loaded.joint_grid
    before = {(r.source_key, r.article_id, r.match) for r in read_joint(joint).records}
    _reloaded(loaded, qtbot, lambda: grid.link(["G00002", "G00004"]))
    assert loaded.undo_action.isEnabled()
    assert loaded.undo_action.text() == "&Ångra Slå ihop 1 artikel med G00002"
    _reloaded(loaded, qtbot, loaded.undo_action.trigger)
    state = read_joint(joint)
    # every row back in its own article with the rule that matched it, no article merged any more
    assert {(r.source_key, r.article_id, r.match) for r in state.records} == before
    assert state.articles["G00004"].merged_into is None
    assert loaded.table_view.currentIndex().row() == loaded.model.row_of_key("G00004")
    assert [row.record.source_key for row in grid.section.rows()] == ["B2"]
    assert loaded.redo_action.isEnabled() and not loaded.undo_action.isEnabled()
    _reloaded(loaded, qtbot, loaded.redo_action.trigger)
    state = read_joint(joint)
    assert sorted(r.source_key or "" for r in state.records if r.article_id == "G00002") == ["A2", "B2", "C2"]
    assert state.articles["G00004"].merged_into == "G00002"
    assert loaded.undo_action.isEnabled()


def test_undo_of_a_split_puts_the_row_back(loaded: MainWindow, joint: Path, qtbot) -> None:
    grid = loaded.joint_grid
    _select(loaded, "G00001")
    tyreso = next(row for row in grid.section.rows() if row.record.municipality == "Tyresö")
    _reloaded(loaded, qtbot, lambda: grid.split(tyreso.sheet_row))
    new_id = next(r.article_id for r in read_joint(joint).records if r.source_key == "C1")
    assert new_id not in ("G00001",)
    assert loaded.undo_action.text() == f"&Ångra Dela upp källrad {tyreso.sheet_row}"
    _reloaded(loaded, qtbot, loaded.undo_action.trigger)
    back = next(r for r in read_joint(joint).records if r.source_key == "C1")
    assert (back.article_id, back.match) == ("G00001", "lev_artnr")
    assert len(grid.section.rows()) == 3


def test_an_undo_after_a_colleagues_change_is_refused_and_writes_nothing(loaded: MainWindow, joint: Path,
                                                                          qtbot, monkeypatch) -> None:
    from workbench.assortment.link import split_row

    grid = loaded.joint_grid
    _reloaded(loaded, qtbot, lambda: grid.link(["G00002", "G00004"]))
    # a colleague splits the moved row off meanwhile
    moved = next(row for row in grid.section.rows() if row.record.source_key == "B2")
    split_row(joint, moved.sheet_row, user="kollega")
    stamp = joint.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr("ui.sharing.workbook_write.show_error",
                        lambda _parent, error, language: shown.append(error.message(language)))
    loaded.undo_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "kan inte ångras" in shown[0] and joint.name in shown[0]
    assert joint.read_bytes() == stamp
    assert loaded.undo_action.isEnabled()  # still there to try again


def test_the_joint_parts_follow_the_language_and_sit_in_the_context_menu(loaded: MainWindow) -> None:
    grid = loaded.joint_grid
    assert grid.link_action in loaded.table_view.context_actions
    assert grid.split_action in loaded.table_view.context_actions
    loaded.set_language("en")
    box = loaded.review_page.filter_panel.facets["Kommuner"]
    assert box.title() == "Number of municipalities"
    assert grid.section.table.horizontalHeaderItem(0).text() == "Municipality"
    assert grid.columns_action.text() == "Show &municipality columns"
    loaded.set_language("sv")
    assert box.title() == "Antal kommuner" and grid.split_action.text() == "&Dela upp källrad"


def test_the_article_a_split_makes_is_scrolled_into_view(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    """The sample's joint workbook (519 articles): the new article of a split is the last row, and the
    grid shows it, current, after the reload."""
    joint = tmp_path / "sodertorn_gemensam.xlsx"
    shutil.copy(Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx", joint)
    main_window.resize(1200, 700)
    _open(main_window, joint, qtbot)
    grid = main_window.joint_grid
    _select(main_window, "G00001")
    second = grid.section.rows()[1]
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        grid.split(second.sheet_row)
    qtbot.waitUntil(lambda: not grid.reading, timeout=30_000)
    view = main_window.table_view
    current = view.currentIndex()
    assert current.row() == main_window.model.rowCount() - 1
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(current)), timeout=5_000)
