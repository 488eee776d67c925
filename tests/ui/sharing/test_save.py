"""Saving from the window: the title shows unsaved changes, Ctrl+S writes them, closing asks first."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow
from workbench.reading.importer import read_table
from workbench.savefile import file_fingerprint


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    return main_window


def _key(window: MainWindow, row: int) -> str:
    return str(window.model.data(window.model.index(row, 0), Qt.ItemDataRole.UserRole + 2))


def test_ctrl_s_writes_the_decisions_into_the_workbook(loaded: MainWindow, qtbot) -> None:
    assert not loaded.isWindowModified() and not loaded.save_action.isEnabled()
    loaded.model.set_field([0, 1], "decision", "keep")
    loaded.model.set_field([2], "decision", "replace")
    loaded.model.set_field([2], "replaced_by", _key(loaded, 5))
    loaded.model.set_field([3], "comment", "=SUMMA(A1:A3) är en kommentar, inte en formel")
    assert loaded.isWindowModified() and loaded.save_action.isEnabled()
    assert "[*]" in loaded.windowTitle()
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        qtbot.keyClick(loaded.table_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not loaded.isWindowModified()
    again = read_table(loaded.table.path)
    keys = again.keys
    review = again.review.set_index(keys)
    assert review.loc[_key(loaded, 0), "decision"] == "keep"
    assert review.loc[_key(loaded, 2), "decision"] == "replace"
    assert review.loc[_key(loaded, 2), "replaced_by"] == _key(loaded, 5)
    assert review.loc[_key(loaded, 3), "comment"] == "=SUMMA(A1:A3) är en kommentar, inte en formel"
    assert review.loc[_key(loaded, 0), "reviewed_by"]
    assert again.review["decision"].notna().sum() == 3
    assert "Beslut" in again.review_columns.values()  # Swedish headers in a Swedish workbook


def test_a_second_save_writes_only_what_changed_since(loaded: MainWindow, qtbot) -> None:
    loaded.model.set_field([0], "decision", "keep")
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        loaded.save_action.trigger()
    loaded.model.set_field([1], "decision", "remove")
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000) as blocker:
        loaded.save_action.trigger()
    assert {key for key, _field in blocker.args[0].written} == {_key(loaded, 1)}  # only the new edit
    review = read_table(loaded.table.path).review
    assert list(review["decision"].iloc[:2]) == ["keep", "remove"]
    # the session's base describes the file as written, so the next save need not read it again
    assert loaded.review_page.session.base_fingerprint == file_fingerprint(loaded.table.path) is not None


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(loaded: MainWindow, qtbot) -> None:
    loaded.model.set_field([0], "decision", "investigate")
    loaded.close()
    qtbot.waitUntil(lambda: loaded.findChild(QMessageBox, "unsavedChangesBox") is not None)
    box = loaded.findChild(QMessageBox, "unsavedChangesBox")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert loaded.isVisible()
    assert loaded.isWindowModified()


def test_closing_and_choosing_save_writes_then_closes(loaded: MainWindow, qtbot) -> None:
    loaded.model.set_field([0], "decision", "investigate")
    path = loaded.table.path
    loaded.close()
    qtbot.waitUntil(lambda: loaded.findChild(QMessageBox, "unsavedChangesBox") is not None)
    loaded.findChild(QMessageBox, "unsavedChangesBox").button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not loaded.isVisible(), timeout=30_000)
    assert read_table(path).review["decision"].iloc[0] == "investigate"


def test_save_as_makes_the_copy_the_open_document(loaded: MainWindow, tmp_path: Path, qtbot) -> None:
    loaded.model.set_field([0], "decision", "keep")
    target = tmp_path / "granskad.xlsx"
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        loaded.saver.save_copy(target)
    assert loaded.table.path == target
    assert "granskad.xlsx" in loaded.statusBar().currentMessage()  # the Save As result is reported
    assert loaded.windowTitle().startswith("granskad.xlsx")
    assert read_table(target).review["decision"].iloc[0] == "keep"


@pytest.mark.libreoffice
def test_an_ods_list_is_saved_as_a_new_xlsx_which_becomes_the_open_file(main_window: MainWindow, sample_workbook: Path,
                                                                         tmp_path: Path, qtbot) -> None:
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "ods",
                    "--outdir", str(tmp_path / "ods"), str(sample_workbook)], check=True, capture_output=True,
                   timeout=120)
    ods = tmp_path / "ods" / "sodertorn_sortiment.ods"
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(ods)
    main_window.model.set_field([0], "decision", "keep")
    with qtbot.waitSignal(main_window.table_loaded, timeout=60_000):  # the new xlsx is opened after saving
        main_window.save_action.trigger()
    assert main_window.table.path.suffix == ".xlsx" and main_window.table.path.parent == ods.parent
    main_window.model.set_field([1], "decision", "remove")
    with qtbot.waitSignal(main_window.saver.saved, timeout=30_000):
        main_window.save_action.trigger()
    review = read_table(main_window.table.path).review
    assert list(review["decision"].iloc[:2]) == ["keep", "remove"]  # the first decision was not lost
    assert read_table(ods).review["decision"].isna().all()  # the original ods is untouched
