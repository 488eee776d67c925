"""The streaming writer of new workbooks: every kind of value comes back as written, in openpyxl, our
reader and LibreOffice; a table and validations cover the rows; the package is well-formed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from _writer_fixtures import assert_well_formed, libreoffice_csv

from workbench.reading.importer import read_table
from workbench.xlsx.new_book import NewSheet, NewTable, NewValidation, write_book

ROWS: list[list[object]] = [
    ["A-1", "Mugg & lock <25 cl>", 12, 1.5, dt.datetime(2026, 3, 4, 10, 30), True],
    ["A-2", " leading space", -3, float("nan"), None, False],
    ["A-3", "=SUM(1,2)", 10**15, 2.25e-7, dt.date(2026, 1, 31), None],
    ["A-4", "bell\x07char", 0, 0.0, None, None],
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "new.xlsx"
    write_book(path, [
        NewSheet("Artiklar", ["Nr", "Namn", "Antal", "Pris", "Tid", "Flagga"], ROWS, len(ROWS),
                 table=NewTable("Tabell1"), validations=[NewValidation(2, whole=(1, 5)),
                                                         NewValidation(1, labels=("Ja", "Nej \"kanske\""))],
                 freeze_columns=1),
        NewSheet("Källor", ["Fil"], [["a.xlsx"]], 1, autofilter=True),
    ])
    return path


def test_values_come_back_as_written(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert_well_formed(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Artiklar"]
    values = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert values[0] == ["A-1", "Mugg & lock <25 cl>", 12, 1.5, dt.datetime(2026, 3, 4, 10, 30), True]
    assert values[1][:3] == ["A-2", " leading space", -3] and values[1][3] is None and values[1][5] is False
    assert values[2][1] == "=SUM(1,2)" and sheet["B4"].data_type == "s"  # text, never a formula
    assert values[2][2] == 10**15 and values[2][3] == pytest.approx(2.25e-7)
    assert values[2][4] == dt.datetime(2026, 1, 31)
    assert values[3][1] == "bell\ufffdchar"
    assert [t.ref for t in sheet.tables.values()] == ["A1:F5"]
    assert sorted(str(v.sqref) for v in sheet.data_validations.dataValidation) == ["B2:B5", "C2:C5"]
    assert book["Källor"].auto_filter.ref is None or book["Källor"]["A2"].value == "a.xlsx"
    table = read_table(path)
    assert table.row_count == 4 and table.data["Namn"].tolist()[2] == "=SUM(1,2)"


def test_libreoffice_reads_the_new_workbook(tmp_path: Path) -> None:
    rows = libreoffice_csv(_write(tmp_path), tmp_path)
    assert rows[0] == ["Nr", "Namn", "Antal", "Pris", "Tid", "Flagga"]
    assert rows[1][:3] == ["A-1", "Mugg & lock <25 cl>", "12"] and rows[3][1] == "=SUM(1,2)"


def test_a_wrong_row_count_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="2 rows given, 3 announced"):
        write_book(tmp_path / "x.xlsx", [NewSheet("A", ["a"], [[1], [2]], 3)])
