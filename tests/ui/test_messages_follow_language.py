"""After Visa › Språk what the window says at that moment speaks the new language: the status bar's
message, the findings banner (with the journal's restore note), the conflict bar; a message that cannot
be worded again is cleared, never left in the old language. A joint workbook's banner offers no
"Importinställningar…" (its layout is the app's own)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from ui.main_window import MainWindow
from ui.notice_bar import NoticeBar
from workbench.messages import text
from workbench.table import Finding
from workbench.xlsx import SheetPatch, last_used_column, patch_sheets

ROOT = Path(__file__).resolve().parents[2]
JOINT_SAMPLE = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"


@pytest.fixture
def joint_with_extra_column(tmp_path: Path) -> Path:
    """The joint sample with a column of the buyer's own on Sortiment: a finding the banner shows."""
    path = tmp_path / "gemensam.xlsx"
    _, last = last_used_column(JOINT_SAMPLE, "Sortiment")
    patch_sheets(JOINT_SAMPLE, path, [SheetPatch("Sortiment", {(1, last + 1): "Inköparens anteckning",
                                                              (2, last + 1): "ring leverantören"})])
    return path


def _open(window: MainWindow, path: Path, qtbot) -> None:
    with qtbot.waitSignal(window.table_loaded, timeout=60_000):
        window.open_file(path)
    qtbot.waitUntil(lambda: not window.joint_grid.reading, timeout=30_000)


def test_the_status_bar_message_is_worded_again_in_the_new_language(main_window: MainWindow,
                                                                    sample_workbook: Path, qtbot) -> None:
    _open(main_window, sample_workbook, qtbot)
    assert main_window.statusBar().currentMessage() == "Läste 2\u00a0000 artiklar från sodertorn_sortiment.xlsx"
    main_window.set_language("en")
    assert main_window.statusBar().currentMessage() == "Read 2,000 articles from sodertorn_sortiment.xlsx"
    main_window.set_language("sv")
    assert main_window.statusBar().currentMessage().startswith("Läste 2\u00a0000 artiklar")


def test_a_status_message_that_cannot_be_worded_again_is_cleared(main_window: MainWindow) -> None:
    main_window.statusBar().showMessage("Sparat i kommunens mapp")  # bare text, as some parts show it
    main_window.set_language("en")
    assert main_window.statusBar().currentMessage() == ""


def test_the_banner_s_findings_and_restore_note_follow_the_language(main_window: MainWindow,
                                                                    joint_with_extra_column: Path, qtbot) -> None:
    _open(main_window, joint_with_extra_column, qtbot)
    assert main_window.banner.isVisibleTo(main_window)
    assert main_window.banner_label.text() == "1 kolumn känns inte igen och lästes som den är: Inköparens anteckning"
    main_window._show_restore_note(lambda: text("journal_restored", main_window.language, count=2,
                                                file="gemensam.xlsx"))
    swedish_note = text("journal_restored", "sv", count=2, file="gemensam.xlsx")
    assert main_window.banner_label.text().startswith(swedish_note)
    main_window.set_language("en")
    assert main_window.banner_label.text() == (text("journal_restored", "en", count=2, file="gemensam.xlsx")
                                               + "\n1 column is not recognised and was read as it is: "
                                                 "Inköparens anteckning")
    main_window.banner_close.click()
    main_window.set_language("sv")
    assert not main_window.banner.isVisibleTo(main_window)  # closed by the user: stays closed


def test_the_conflict_bar_follows_the_language(main_window: MainWindow, sample_workbook: Path, qtbot) -> None:
    _open(main_window, sample_workbook, qtbot)
    main_window._on_saver_conflicts_pending([SimpleNamespace(theirs_by="Åsa", key="0007206")])
    bar = main_window.conflict_bar
    assert bar.text.startswith("Åsa sparade andra värden för 1 artikel")
    assert bar.action_button.text() == "Visa"
    main_window.set_language("en")
    assert bar.text.startswith("Åsa saved other values for 1 article that you have also changed.")
    assert bar.action_button.text() == "Show" and bar.isVisibleTo(main_window)


def test_a_notice_given_as_bare_text_closes_on_a_language_switch(qtbot) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show_notice("Kontrollera raderna")
    bar.reword()
    assert bar.isHidden()
    bar.show_notice(lambda: "worded", lambda: "Show", lambda: None)
    bar.reword()
    assert not bar.isHidden() and bar.text == "worded" and bar.action_button.text() == "Show"


def test_a_joint_workbook_s_banner_offers_no_import_settings(main_window: MainWindow,
                                                             joint_with_extra_column: Path, qtbot) -> None:
    _open(main_window, joint_with_extra_column, qtbot)
    assert main_window.banner.isVisibleTo(main_window) and "Inköparens anteckning" in main_window.banner_label.text()
    assert not main_window.banner_button.isVisibleTo(main_window)
    assert not main_window.import_settings_action.isEnabled()
    main_window._show_restore_note(lambda: "Återställda ändringar")
    assert not main_window.banner_button.isVisibleTo(main_window)


def test_an_ordinary_workbook_s_findings_still_offer_import_settings(main_window: MainWindow,
                                                                     sample_workbook: Path, qtbot) -> None:
    _open(main_window, sample_workbook, qtbot)
    assert main_window.import_settings_action.isEnabled()
    table = main_window.table
    assert table is not None
    table.findings = [Finding("unmapped_columns", {"count": 1, "headers": "Egen kolumn"})]
    main_window._show_banner(table)
    assert main_window.banner.isVisibleTo(main_window) and main_window.banner_button.isVisibleTo(main_window)
