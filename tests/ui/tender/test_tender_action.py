"""Arkiv > Anbudsunderlag… in the real main window (offscreen) on a copy of the sample joint workbook: off
until a joint workbook is open, the pending decision saved before the list is made from the file, the
status bar's count and its Öppna mappen, the English menu; off again for a list that is no joint workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ui.main_window import MainWindow
from ui.review.model import KeyRole

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample"
HEADER_ROW = 5


def _open(window: MainWindow, path: Path, qtbot) -> None:
    window.open_file(path)
    qtbot.waitUntil(lambda: window.table is not None and not window.loading, timeout=60_000)


def _view_row(window: MainWindow, key: str) -> int:
    model = window.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(KeyRole) == key)


def _listed(path: Path) -> set[str]:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return {str(r[0]) for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0]}


def _decision_on_disk(path: Path, key: str) -> object:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    return next(r[header.index("Beslut")] for r in rows if r[0] == key)


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    target = tmp_path / "gemensam.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", target)
    return target


def test_the_tender_list_is_made_from_the_saved_workbook(main_window: MainWindow, joint: Path, tmp_path: Path,
                                                         qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    tender = main_window.tender
    assert main_window.tender_action in main_window.file_menu.actions()
    assert main_window.tender_action.text() == "An&budsunderlag…"
    assert not main_window.tender_action.isEnabled()  # nothing open
    _open(main_window, joint, qtbot)
    assert main_window.tender_action.isEnabled()

    assert main_window.model.set_field([_view_row(main_window, "G00002")], "decision", "remove")
    assert main_window.saver.is_dirty
    out = tmp_path / "ut" / "anbud.xlsx"
    out.parent.mkdir()
    monkeypatch.setattr(tender, "ask_target", lambda: str(out))
    with qtbot.waitSignal(tender.finished, timeout=60_000) as done:
        main_window.tender_action.trigger()
    report = done.args[0]
    assert _decision_on_disk(joint, "G00002") == "Ta bort"  # saved first
    assert not main_window.saver.is_dirty
    listed = _listed(out)
    assert report.articles == len(listed) == 525 and "G00002" not in listed and "G00001" in listed
    assert main_window.statusBar().currentMessage() == "Anbudsunderlag med 525 artiklar sparat: anbud.xlsx"
    button = tender.open_folder_button
    assert button.isVisible() and button.text() == "Öppna mappen"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    button.click()
    assert opened == [QUrl.fromLocalFile(str(out.parent))]
    assert main_window.tender_action.isEnabled()


def test_a_failure_is_shown_and_the_joint_workbook_kept(main_window: MainWindow, joint: Path, qtbot,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _open(main_window, joint, qtbot)
    before = joint.read_bytes()
    tender = main_window.tender
    monkeypatch.setattr(tender, "ask_target", lambda: str(joint))  # the joint workbook itself
    with qtbot.waitSignal(tender.failed, timeout=60_000):
        tender.make()
    box = main_window.findChild(object, "errorBox")
    assert box is not None and "skrivs aldrig över" in box.text()
    box.close()
    assert joint.read_bytes() == before and not tender.open_folder_button.isVisible()


def test_english_menu_and_off_for_a_list_that_is_no_joint_workbook(main_window: MainWindow, tmp_path: Path,
                                                                   qtbot) -> None:
    main_window.set_language("en")
    assert main_window.tender_action.text() == "&Tender list…"
    assert main_window.tender.open_folder_button.text() == "Open folder"
    single = tmp_path / "lista.xlsx"
    shutil.copy(SAMPLE / "sodertorn_sortiment.xlsx", single)
    _open(main_window, single, qtbot)
    assert not main_window.tender_action.isEnabled()
