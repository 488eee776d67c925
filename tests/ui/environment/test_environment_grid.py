"""The environment in the real main window on a real workbook (issue 16): suggested Miljöpoäng shown
faintly and never stored until accepted, accepted as one undo step, a set score untouched, the detail
pane's section, the Miljö panel's totals equal to the core's, and the facet "SUP-regel"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPalette

from ui.main_window import MainWindow
from ui.review.facet_list import ValueRole
from ui.review.model import CodeRole, SuggestionRole
from workbench.environment import assess_table, before_after
from workbench.reading.importer import read_table
from workbench.review.values import is_empty

HEADERS = ("Artikel-ID", "Benämning", "Kategori", "Enhet", "Antal per förpackning", "Material", "Vikt (g)",
           "Antal", "Miljöpoäng", "Beslut")
ROWS = (
    ("S1", "Sugrör PLA 6 mm", "Engångsartiklar", "förp", 100, "Majsstärkelse/PLA", 0.5, 10, None, None),
    ("S2", "Sugrör papper 6 mm", "Engångsartiklar", "förp", 100, "Papper", 0.6, 10, None, None),
    ("G1", "Undersökningshandske vinyl M", "Handskar", "fp", 100, "Vinyl", 4, 150, None, None),
    ("G2", "Undersökningshandske nitril M", "Handskar", "förp", 100, "Nitril", 3.5, 200, None, None),
    ("B1", "Avfallspåse 30 l", "Avfall", "rle", 25, "PE-LD", 12, 400, 4, None),
)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sortiment"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(list(row))
    path = tmp_path / "miljo.xlsx"
    book.save(path)
    return path


@pytest.fixture
def loaded(main_window: MainWindow, workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.environment.assessed, timeout=30_000):
        main_window.open_file(workbook)
    qtbot.waitUntil(lambda: main_window.environment.figures is not None, timeout=10_000)
    return main_window


def _cell(window: MainWindow, key: str):
    model = window.model
    return model.index(model.row_of_key(key), model.column_of_field("env_score"))


def _score(window: MainWindow, key: str):
    table = window.model.table
    assert table is not None
    position = window.model.position(window.model.row_of_key(key))
    return table.review["env_score"].iat[position]


def _expected(workbook: Path) -> dict[str, int]:
    report = assess_table(read_table(workbook))
    return {a.key: a.suggested_score for a in report.articles}


def test_a_suggestion_is_shown_faintly_but_never_stored(loaded: MainWindow, workbook: Path) -> None:
    expected = _expected(workbook)
    index = _cell(loaded, "S1")
    assert index.data(Qt.ItemDataRole.DisplayRole) == str(expected["S1"])
    assert index.data(SuggestionRole) is not None
    assert index.data(CodeRole) is None and index.data(Qt.ItemDataRole.EditRole) is None
    faint = loaded.palette().color(QPalette.ColorRole.PlaceholderText)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == faint
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert is_empty(_score(loaded, "S1"))
    assert loaded.model.display_text(index.row(), index.column()) == ""  # copy and export see it empty
    assert not loaded.saver.is_dirty
    # a score a person set shows as set, in the ordinary style
    set_cell = _cell(loaded, "B1")
    assert set_cell.data(Qt.ItemDataRole.DisplayRole) == "4"
    assert set_cell.data(SuggestionRole) is None and set_cell.data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_pvc_glove_scores_below_the_nitrile_glove(loaded: MainWindow) -> None:
    assert int(_cell(loaded, "G1").data(SuggestionRole)) < int(_cell(loaded, "G2").data(SuggestionRole))


def test_ctrl_enter_accepts_the_selection_as_one_undo_step(loaded: MainWindow, workbook: Path, qtbot) -> None:
    view = loaded.table_view
    view.setFocus()
    selection = view.selectionModel()
    selection.setCurrentIndex(_cell(loaded, "S1"), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    selection.select(_cell(loaded, "S2"), QItemSelectionModel.SelectionFlag.Select)
    selection.select(_cell(loaded, "B1"), QItemSelectionModel.SelectionFlag.Select)
    stack = loaded.model.undo_stack
    before = stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    expected = _expected(workbook)
    assert stack.count() == before + 1
    assert int(_score(loaded, "S1")) == expected["S1"] and int(_score(loaded, "S2")) == expected["S2"]
    assert int(_score(loaded, "B1")) == 4  # set by a person: untouched
    assert is_empty(_score(loaded, "G1"))
    assert _cell(loaded, "S1").data(Qt.ItemDataRole.ForegroundRole) is None
    assert loaded.saver.is_dirty
    stack.undo()
    assert is_empty(_score(loaded, "S1")) and is_empty(_score(loaded, "S2"))
    assert int(_score(loaded, "B1")) == 4
    assert _cell(loaded, "S1").data(Qt.ItemDataRole.DisplayRole) == str(expected["S1"])  # faint again


def test_fill_all_fills_every_empty_cell_and_saves_like_a_typed_value(loaded: MainWindow, workbook: Path,
                                                                        qtbot) -> None:
    expected = _expected(workbook)
    stack = loaded.model.undo_stack
    loaded.environment.fill_action.trigger()
    assert stack.count() == 1
    for key in ("S1", "S2", "G1", "G2"):
        assert int(_score(loaded, key)) == expected[key]
    assert int(_score(loaded, "B1")) == 4
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        assert loaded.saver.save()
    saved = read_table(workbook)
    scores = dict(zip(saved.keys, saved.review["env_score"], strict=True))
    assert {k: int(v) for k, v in scores.items()} == {**{k: expected[k] for k in ("S1", "S2", "G1", "G2")},
                                                       "B1": 4}


def test_the_detail_pane_shows_the_assessment(loaded: MainWindow) -> None:
    loaded.table_view.setCurrentIndex(_cell(loaded, "S1"))
    text = loaded.environment.section.text()
    assert "Förbjuden engångsplastprodukt" in text  # the reason, from the core's catalogue in Swedish
    assert "förbjuden" in text  # the SUP rule
    assert "Antaganden" in text or "Assumptions" not in text


def test_the_panel_totals_equal_the_cores(loaded: MainWindow, workbook: Path, qtbot) -> None:
    panel = loaded.environment.show_panel()
    table = read_table(workbook)
    report = assess_table(table)
    figures = before_after(table, report)
    assert loaded.environment.report is not None
    assert loaded.environment.report.plastic_kg_year == pytest.approx(report.plastic_kg_year)
    assert loaded.environment.report.co2e() == pytest.approx(report.co2e())
    assert loaded.environment.figures is not None
    assert loaded.environment.figures.plastic_kg_after == pytest.approx(figures.plastic_kg_after)
    assert panel.banned_keys == ["S1"]
    assert "S1" in panel.banned.item(0).text()
    # deciding to remove the banned straw: the after figures follow, debounced, and it leaves the list
    loaded.model.set_field([loaded.model.row_of_key("S1")], "decision", "remove")
    qtbot.waitUntil(lambda: panel.banned_keys == [], timeout=10_000)
    straw = next(a for a in report.articles if a.key == "S1")
    assert loaded.environment.figures.plastic_kg_after == pytest.approx(
        figures.plastic_kg_after - (straw.plastic_kg_year or 0.0))


def test_show_in_the_grid_filters_to_the_banned_articles(loaded: MainWindow) -> None:
    panel = loaded.environment.show_panel()
    panel.show_button.click()
    model = loaded.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["S1"]


def test_the_sup_facet_filters(loaded: MainWindow) -> None:
    page = loaded.review_page
    box = page.filter_panel.facets["sup_rule"]
    assert box.isVisibleTo(page) and box.title() == "SUP-regel"
    labels = {box.list.item(i).data(ValueRole): box.list.item(i).text() for i in range(box.list.count())}
    assert "banned" in labels and "förbjuden" in labels["banned"]
    item = next(box.list.item(i) for i in range(box.list.count()) if box.list.item(i).data(ValueRole) == "banned")
    item.setCheckState(Qt.CheckState.Checked)
    page.refresh()
    model = loaded.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["S1"]


def test_the_keys_are_listed_under_help_shortcuts_and_the_menu_is_swedish(loaded: MainWindow) -> None:
    from ui.shortcuts_dialog import ShortcutsDialog

    loaded.shortcuts_action.trigger()
    commands = dict(loaded.findChild(ShortcutsDialog).rows())
    accept = next(command for keys, command in commands.items() if "Ctrl+Return" in keys)
    assert accept == "Redigera › Godta föreslagen miljöpoäng"
    assert loaded.environment.fill_action.text().replace("&", "") == "Fyll i föreslagna miljöpoäng"
    assert loaded.environment.panel_action.text().replace("&", "") == "Miljö…"


def test_on_the_joint_sample_the_sup_facet_counts_the_cores_banned_rows(main_window: MainWindow, tmp_path: Path,
                                                                         qtbot) -> None:
    import shutil

    path = tmp_path / "sodertorn_gemensam.xlsx"
    shutil.copy(Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx", path)
    with qtbot.waitSignal(main_window.environment.assessed, timeout=60_000):
        main_window.open_file(path)
    qtbot.waitUntil(lambda: not main_window.joint_grid.reading and main_window.environment.figures is not None,
                    timeout=30_000)
    report = assess_table(read_table(path))
    banned = sum(1 for a in report.articles if a.sup_rule == "banned")
    assert banned > 0
    page = main_window.review_page
    assert "Antal kommuner" in [box.title() for box in page.filter_panel.facets.values() if box.isVisibleTo(page)]
    box = page.filter_panel.facets["sup_rule"]
    counts = {box.list.item(i).data(ValueRole): box.list.item(i).text() for i in range(box.list.count())}
    assert "banned" in counts
    box.selected = {"banned"}
    page.refresh()
    assert main_window.model.rowCount() == banned


def test_in_english_the_section_and_facet_speak_english(loaded: MainWindow) -> None:
    loaded.set_language("en")
    loaded.table_view.setCurrentIndex(_cell(loaded, "S1"))
    text = loaded.environment.section.text()
    assert "Banned single-use plastic product" in text and "Suggested score" in text
    assert loaded.review_page.filter_panel.facets["sup_rule"].title() == "SUP rule"
    assert loaded.environment.fill_action.text().replace("&", "") == "Fill in suggested environmental scores"


def test_filling_suggestions_is_not_a_review_of_the_articles(loaded: MainWindow, workbook: Path, qtbot) -> None:
    # the walk-through's finding: a fill stamped every article "Granskad av" the user
    model = loaded.model
    table = model.table
    assert table is not None
    assert model.set_field([model.row_of_key("G1")], "decision", "keep")  # a real review of G1
    position = model.position(model.row_of_key("G1"))
    g1_stamp = table.review[["reviewed_by", "reviewed_at"]].iloc[position].tolist()
    assert g1_stamp[0]
    stack = model.undo_stack
    before = stack.count()
    loaded.environment.fill_action.trigger()
    assert stack.count() == before + 1
    stamps = {key: table.review[["reviewed_by", "reviewed_at"]].iloc[model.position(model.row_of_key(key))].tolist()
              for key in ("S1", "S2", "G1", "G2")}
    assert stamps["G1"] == g1_stamp  # a stamped row keeps its stamp
    assert all(is_empty(v) for key in ("S1", "S2", "G2") for v in stamps[key])
    assert loaded.statusBar().currentMessage() == "Fyllde i föreslagna miljöpoäng för 4 artiklar"
    journalled = {e.field for e in loaded.journal.history(workbook, "S1")}
    assert journalled == {"env_score"}
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        assert loaded.saver.save()
    saved = read_table(workbook)
    rows = dict(zip(saved.keys, saved.review[["env_score", "reviewed_by"]].itertuples(index=False), strict=True))
    expected = _expected(workbook)
    assert int(rows["S1"].env_score) == expected["S1"] and is_empty(rows["S1"].reviewed_by)
    assert rows["G1"].reviewed_by == g1_stamp[0]


def test_accepting_one_suggestion_says_so_in_english(loaded: MainWindow, qtbot) -> None:
    loaded.set_language("en")
    view = loaded.table_view
    view.setFocus()
    view.selectionModel().setCurrentIndex(_cell(loaded, "S1"), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    table = loaded.model.table
    assert table is not None
    assert is_empty(table.review["reviewed_by"].iat[loaded.model.position(loaded.model.row_of_key("S1"))])
    assert loaded.statusBar().currentMessage() == "Filled in suggested environmental scores for 1 article"
