"""Arkiv > Uppdatera kommunlista…: one municipality's new list replaces (or adds to) its old one in the
joint workbook; the dialog says what changed and the grid reloads the workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import _merge_lists as lists
import openpyxl
import pytest

from PySide6.QtWidgets import QDialogButtonBox

from ui.assortment.update_list import UpdateListDialog, open_update_list
from ui.importing.import_dialog import ImportDialog
from ui.main_window import MainWindow
from workbench.assortment import Source, merge_lists, read_joint


def _joint(folder: Path) -> Path:
    botkyrka, huddinge, nacka = lists.make_lists(folder)
    joint = folder / "Gemensam analys.xlsx"
    merge_lists(joint, [Source(botkyrka, "Botkyrka"), Source(huddinge), Source(nacka)])
    return joint


def _ready(dialog: UpdateListDialog, qtbot) -> None:
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.entry is not None
                    and dialog.entry.found is not None, timeout=30_000)


@pytest.mark.parametrize("mode", ["replace", "add"])
def test_new_list_replaces_or_adds_to_the_municipalitys_rows(main_window: MainWindow, tmp_path: Path, qtbot,
                                                             mode: str) -> None:
    joint = _joint(tmp_path)
    dialog = open_update_list(main_window, joint)
    assert dialog is not None
    dialog.set_list(lists.nacka_2026_xlsx(tmp_path / "Nacka 2026.xlsx"))
    _ready(dialog, qtbot)
    assert dialog.municipality_combo.currentText() == "Nacka"  # the workbook's municipality the file name holds
    assert [dialog.municipality_combo.itemText(i) for i in range(dialog.municipality_combo.count())] == [
        "Botkyrka", "Huddinge", "Nacka"]
    dialog.municipality_combo.setCurrentText("Nacka")
    assert dialog.question_box.isVisibleTo(dialog)
    assert "Nacka har redan en lista i arbetsboken (Nacka.xlsx)" in dialog.question_box.title()
    (dialog.add_radio if mode == "add" else dialog.replace_radio).setChecked(True)
    dialog.update_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.merge_task is None, timeout=60_000)
    assert dialog.report is not None, dialog.stage_label.text()

    state = read_joint(joint)
    nacka_rows = [r for r in state.records if r.municipality == "Nacka"]
    brush = next(a for a in state.articles.values() if a.fields["supplier_article_no"] == "SC-99")
    brush_rows = [r for r in state.records if r.article_id == brush.id]
    if mode == "replace":
        assert len(nacka_rows) == len(lists.NACKA_2026)
        assert brush_rows == []
        assert dialog.report.no_longer_listed == [brush.id]
        assert dialog.stage_label.text().startswith("<b>Uppdaterad: Nacka har nu 4 källrader (4 rader förut).</b>")
        name = brush.fields["name"]
        assert f"1 artikel finns inte längre i listan: {brush.id} {name}, antal " in dialog.stage_label.text()
        summary = dialog.result_view.summary_label.text()
        assert f"1 artikel finns inte längre i någon kommuns lista: {brush.id}" in summary
    else:
        assert len(nacka_rows) == len(lists.NACKA) + len(lists.NACKA_2026)
        assert len(brush_rows) == 1
        assert dialog.stage_label.text().startswith("<b>Uppdaterad: Nacka har nu 8 källrader (4 rader förut).</b>")
    assert "1 ny artikel." in dialog.result_view.summary_label.text()
    assert dialog.result_view.isVisibleTo(dialog)
    assert not dialog.update_button.isEnabled()  # one update per dialog: the summary stays as it was

    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
        qtbot.waitUntil(lambda: main_window.table is not None or any(
            d.isVisible() for d in main_window.findChildren(ImportDialog)), timeout=30_000)
        for shown in [d for d in main_window.findChildren(ImportDialog) if d.isVisible()]:
            shown.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert main_window.table is not None and main_window.table.path == joint
    assert main_window.model.rowCount() == lists.ARTICLES + 1


def test_not_a_joint_workbook_is_said_plainly(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    botkyrka = lists.botkyrka_xlsx(tmp_path / "Botkyrka.xlsx")
    dialog = open_update_list(main_window, botkyrka)
    assert dialog is not None
    qtbot.waitUntil(lambda: "Botkyrka.xlsx" in dialog.joint_label.text()
                    and "Läser" not in dialog.joint_label.text(), timeout=30_000)
    assert "Traceback" not in dialog.joint_label.text()
    assert dialog.state is None and not dialog.update_button.isEnabled()
    dialog.reject()


def test_the_summary_of_the_samples_eight_municipalities_shows_them_all(main_window: MainWindow, tmp_path: Path,
                                                                        qtbot) -> None:
    """The sample's joint workbook and Botkyrka's list again: the summary's table lists every municipality
    without a scroll bar, however small the dialog started."""
    sample = Path(__file__).resolve().parents[3] / "resources" / "sample"
    joint = tmp_path / "sodertorn_gemensam.xlsx"
    shutil.copy(sample / "sodertorn_gemensam.xlsx", joint)
    botkyrka = tmp_path / "Botkyrka ny.xlsx"
    shutil.copy(sample / "kommuner" / "Botkyrka.xlsx", botkyrka)
    book = openpyxl.load_workbook(botkyrka)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Artikelnr")
    quantity = next(c.column for c in sheet[header] if c.value == "Antal")
    sheet.cell(header + 1, quantity).value = 1234
    book.save(botkyrka)
    dialog = open_update_list(main_window, joint)
    assert dialog is not None
    dialog.set_list(botkyrka)
    _ready(dialog, qtbot)
    dialog.municipality_combo.setCurrentText("Botkyrka")
    dialog.update_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.merge_task is None, timeout=60_000)
    assert dialog.report is not None, dialog.stage_label.text()
    # what changed, article by article: the one quantity typed in
    changed = [c for c in dialog.quantity_changes if c.kind == "changed"]
    assert len(changed) == 1 and changed[0].after == 1234
    assert (f"Ändrat antal för 1 artikel: {changed[0].article_id} {changed[0].name} (" in dialog.stage_label.text()
            and "→ 1\u00a0234)" in dialog.stage_label.text() and changed[0].name)
    table = dialog.result_view.municipality_table
    assert table.rowCount() == 8
    qtbot.waitUntil(lambda: table.visualRect(table.model().index(7, 0)).bottom() < table.viewport().height(),
                    timeout=5_000)
    assert not table.verticalScrollBar().isVisible()
    dialog.reject()


def test_a_much_shorter_list_is_asked_about_before_it_replaces_one(main_window: MainWindow, tmp_path: Path,
                                                                   qtbot) -> None:
    """The walk-through's wrong file: two rows given as Botkyrka's list (350 rows in the sample) would take
    the rest out of Botkyrka's volumes. The dialog asks first, No is the default, and No writes nothing."""
    sample = Path(__file__).resolve().parents[3] / "resources" / "sample"
    joint = tmp_path / "sodertorn_gemensam.xlsx"
    shutil.copy(sample / "sodertorn_gemensam.xlsx", joint)
    short = tmp_path / "Botkyrka utdrag.csv"
    short.write_text("Artikelnr;Benämning;Leverantör;Antal;Belopp\nB1;Handske nitril M;Abena AB;10;100\n"
                     "B2;Mugg papper;Duni AB;5;20\n", encoding="utf-8")
    before = joint.read_bytes()
    dialog = open_update_list(main_window, joint)
    assert dialog is not None
    dialog.set_list(short)
    _ready(dialog, qtbot)
    assert dialog.municipality_combo.currentText() == "Botkyrka"
    dialog.update_button.click()
    question = dialog.shrink_question
    assert question is not None and question.isVisible()
    assert "Botkyrka har 350 källrader" in question.text() and "har bara 2" in question.text()
    assert question.defaultButton() is question.button(question.StandardButton.No)
    question.button(question.StandardButton.No).click()
    assert dialog.merge_task is None and dialog.report is None and joint.read_bytes() == before
    dialog.update_button.click()
    dialog.shrink_question.button(dialog.shrink_question.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.merge_task is None, timeout=60_000)
    assert dialog.report is not None, dialog.stage_label.text()
    assert sum(1 for r in read_joint(joint).records if r.municipality == "Botkyrka") == 2
