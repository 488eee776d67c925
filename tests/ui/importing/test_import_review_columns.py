"""The import dialog is where the user confirms a review column the importer did not adopt (issue 13.10)."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from ui.importing.import_dialog import ImportDialog
from workbench.reading.importer import read_table


def test_a_column_chosen_for_a_review_field_is_read_as_one(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "lista.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Kommentar"])
    sheet.write_row(1, 0, ["A1", "Penna", "fri text"])
    book.close()
    table = read_table(path)
    assert table.review_columns == {}  # a data column named Kommentar is not taken on its own
    dialog = ImportDialog(path, table, "sv")
    qtbot.addWidget(dialog)
    combo = dialog.mapping_combos["comment"]
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("Kommentar"))
    profile = dialog.profile()
    assert profile.mapping["comment"] == "Kommentar"
    again = read_table(path, **profile.read_options())
    assert again.review_columns == {"comment": "Kommentar"}
    assert again.review["comment"].tolist() == ["fri text"]
