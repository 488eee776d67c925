"""The import dialog: a file that needs attention is shown for checking; choices are remembered."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem

from ui.importing.import_dialog import ImportDialog
from ui.main_window import MainWindow
from workbench.reading.profiles import remembered_profile


def _unclear_workbook(path: Path, key_header: str = "Nr") -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Inköp")
    sheet.write(0, 0, "Inköpsstatistik förbrukningsmaterial 2025")
    sheet.write_row(2, 0, [key_header, "Benämning", "Pris", "Antal"])
    for row, (key, name, price, quantity) in enumerate([
        ("0101", "Mugg kartong 20 cl", 0.85, 12000), ("0102", "Sugrör papper", 0.12, 30000),
        ("0103", "Handske nitril M", 0.55, 80000), ("0103", "Handske nitril M (dubblett)", 0.55, 100),
    ], start=3):
        sheet.write_string(row, 0, key)
        sheet.write_row(row, 1, [name, price, quantity])
    book.close()
    return path


def _dialog(window: MainWindow, qtbot) -> ImportDialog:
    def visible() -> list[ImportDialog]:
        return [d for d in window.findChildren(ImportDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(visible()) == 1, timeout=20_000)
    return visible()[0]


def test_unclear_file_opens_the_dialog_with_header_and_findings(main_window: MainWindow, tmp_path: Path,
                                                               qtbot) -> None:
    path = _unclear_workbook(tmp_path / "inköp.xlsx")
    main_window.open_file(path)
    dialog = _dialog(main_window, qtbot)
    assert dialog.header_spin.value() == 3
    assert dialog.preview_table.item(2, 0).text() == "Nr"
    assert dialog.preview_table.item(2, 0).font().bold()  # the detected header row is highlighted
    assert dialog.findings_list.count() >= 1
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData("Nr"))
    dialog._reread()
    qtbot.waitUntil(lambda: dialog.table.key_column == "Nr", timeout=20_000)
    findings = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    assert any("0103" in text for text in findings)  # the duplicate key is reported, not dropped
    with qtbot.waitSignal(main_window.table_loaded, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert main_window.table.key_column == "Nr"
    assert main_window.model.rowCount() == 4
    assert main_window.banner.isVisible()
    profile = remembered_profile(main_window.settings, path)
    assert profile is not None and profile.key_column == "Nr" and profile.header_row == 3


def _import_with_key_nr(window: MainWindow, tmp_path: Path, qtbot) -> tuple[Path, ImportDialog]:
    """Open an unclear file, choose "Nr" as the key in the import dialog and import it."""
    path = _unclear_workbook(tmp_path / "inköp.xlsx")
    window.open_file(path)
    dialog = _dialog(window, qtbot)
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData("Nr"))
    with qtbot.waitSignal(window.table_loaded, timeout=20_000):
        dialog.accept()
    return path, dialog


def test_remembered_choices_load_without_asking(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    path, _dialog_used = _import_with_key_nr(main_window, tmp_path, qtbot)
    with qtbot.waitSignal(main_window.table_loaded, timeout=20_000):
        main_window.open_file(path)
    assert main_window.table.key_column == "Nr"


def test_changed_columns_fall_back_to_detection(main_window: MainWindow, tmp_path: Path, qtbot) -> None:
    path, dialog = _import_with_key_nr(main_window, tmp_path, qtbot)
    _unclear_workbook(path, key_header="Löpnummer")  # a colleague renamed the column
    main_window.open_file(path)
    again = _dialog(main_window, qtbot)
    assert again is not dialog
    assert "Löpnummer" in [again.key_combo.itemText(i) for i in range(again.key_combo.count())]
    again.reject()


def test_read_as_text_survives_the_trial_re_read_and_is_remembered(main_window: MainWindow, tmp_path: Path,
                                                                  qtbot) -> None:
    """The dialog read ``table.text_columns``, which a SourceTable does not have: the box was cleared by
    the trial re-read that checking it starts, so the choice was lost."""
    path = _unclear_workbook(tmp_path / "inköp.xlsx")
    main_window.open_file(path)
    dialog = _dialog(main_window, qtbot)

    def item(header: str) -> QListWidgetItem:
        return dialog.text_list.findItems(header, Qt.MatchFlag.MatchExactly)[0]

    first = dialog.table
    item("Antal").setCheckState(Qt.CheckState.Checked)  # starts the trial re-read
    qtbot.waitUntil(lambda: dialog.table is not first and dialog._task is None, timeout=20_000)
    assert item("Antal").checkState() == Qt.CheckState.Checked
    assert dialog.profile().text_columns == ("Antal",)
    second = dialog.table
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData("Nr"))
    dialog._reread()  # another choice, another trial read: the text column stays chosen
    qtbot.waitUntil(lambda: dialog.table is not second and dialog._task is None, timeout=20_000)
    assert item("Antal").checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(main_window.table_loaded, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    profile = remembered_profile(main_window.settings, path)
    assert profile is not None and profile.text_columns == ("Antal",) and profile.key_column == "Nr"
    assert main_window.table.data["Antal"].tolist() == ["12000", "30000", "80000", "100"]
