"""Arkiv > Exportera vy…: the rows and columns on screen, to xlsx or csv, read back by other readers."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from workbench.errors import UsageError
from workbench.reading.importer import read_table
from workbench.review.export_view import export_view
from workbench.review.session import ReviewSession, ViewSpec, compute_view
from workbench.savefile import backup_folder
from workbench.table import SourceTable

COLUMNS = ["Artikelnummer", "Benämning", "decision", "env_score", "comment", "Pris", "Antal", "reviewed_at"]


def _reviewed(sample_workbook: Path) -> tuple[SourceTable, list[int]]:
    table = read_table(sample_workbook)
    session = ReviewSession(table, user="Anna")
    shown = compute_view(session, ViewSpec(text="nitril", sort=("Pris", False)))
    first, second = int(shown[0]), int(shown[1])
    session.set_values([first], "decision", "replace")
    session.set_values([first], "env_score", 4)
    session.set_values([first], "comment", "=1+1")
    session.set_values([second], "comment", "@SUM(A1) och -rad\nny rad")
    return table, [int(p) for p in shown]


def test_xlsx_export_has_the_shown_rows_in_order_with_labels_and_text_stays_text(sample_workbook: Path,
                                                                                tmp_path: Path) -> None:
    table, shown = _reviewed(sample_workbook)
    target = tmp_path / "möte.xlsx"
    result = export_view(table, shown, COLUMNS, target, "sv")
    assert (result.rows, result.columns) == (len(shown), len(COLUMNS))
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Artikelnummer", "Benämning", "Beslut", "Miljöpoäng", "Kommentar", "Pris", "Antal",
                       "Granskad")
    keys = table.keys.to_numpy(dtype=object)
    assert [r[0] for r in rows[1:]] == [keys[p] for p in shown]  # the view's filter and sort order
    assert rows[1][2:5] == ("Ersätt", 4, "=1+1")
    cell = sheet.cell(row=2, column=5)
    assert cell.data_type == "s" and cell.value == "=1+1"  # a string cell, never a formula
    assert rows[2][4] == "@SUM(A1) och -rad\nny rad"
    prices = [r[5] for r in rows[1:]]
    assert all(isinstance(p, float | int) for p in prices) and prices == sorted(prices, reverse=True)
    assert isinstance(rows[1][7], dt.datetime)  # the review stamp as a date-time
    assert not backup_folder(target).exists()


def test_csv_export_opens_in_swedish_excel_semicolons_bom_decimal_comma(sample_workbook: Path,
                                                                        tmp_path: Path) -> None:
    table, shown = _reviewed(sample_workbook)
    target = tmp_path / "möte.csv"
    export_view(table, shown, COLUMNS, target, "sv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == len(shown) + 1 and rows[0][2] == "Beslut"
    assert rows[1][2:5] == ["Ersätt", "4", "'=1+1"]  # the apostrophe keeps a spreadsheet from computing it
    assert rows[2][4] == "'@SUM(A1) och -rad\nny rad"
    price = table.data["Pris"].iat[shown[0]]
    assert rows[1][5] == f"{price:g}".replace(".", ",")
    english = tmp_path / "meeting.csv"
    export_view(table, shown, COLUMNS, english, "en")
    with english.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][2] == "Decision" and rows[1][2] == "Replace" and rows[1][5] == f"{price:g}"


def test_export_refuses_other_formats_and_unknown_columns_and_keeps_an_existing_file(sample_workbook: Path,
                                                                                      tmp_path: Path) -> None:
    table, shown = _reviewed(sample_workbook)
    target = tmp_path / "vy.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(UsageError):
        export_view(table, shown, ["no such column"], target)
    with pytest.raises(UsageError):
        export_view(table, shown, COLUMNS, tmp_path / "vy.ods")
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(".vy.*"))  # no temporary file left behind


def test_an_empty_view_exports_the_header_only(sample_workbook: Path, tmp_path: Path) -> None:
    table = read_table(sample_workbook)
    export_view(table, [], COLUMNS, tmp_path / "tom.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "tom.xlsx").active.iter_rows(values_only=True))
    assert rows == [("Artikelnummer", "Benämning", "Beslut", "Miljöpoäng", "Kommentar", "Pris", "Antal",
                     "Granskad")]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_opens_the_exported_view(sample_workbook: Path, tmp_path: Path) -> None:
    from _writer_fixtures import libreoffice_csv

    table, shown = _reviewed(sample_workbook)
    target = tmp_path / "möte.xlsx"
    export_view(table, shown, COLUMNS, target, "sv")
    rows = libreoffice_csv(target, tmp_path)
    assert rows[0][:5] == ["Artikelnummer", "Benämning", "Beslut", "Miljöpoäng", "Kommentar"]
    assert len(rows) == len(shown) + 1
    assert rows[1][2:5] == ["Ersätt", "4", "=1+1"]  # LibreOffice reads the text, it does not compute 2


def test_a_cancelled_export_leaves_the_old_file_and_a_second_export_makes_no_backup(sample_workbook: Path,
                                                                                    tmp_path: Path) -> None:
    from workbench.errors import Cancelled
    from workbench.progress import Progress
    from workbench.review.export_view import snapshot_view, write_view

    table, shown = _reviewed(sample_workbook)
    target = tmp_path / "vy.xlsx"
    snapshot = snapshot_view(table, shown, COLUMNS, "sv")
    table.review.loc[:, "comment"] = None  # edits after the snapshot do not reach the file
    write_view(snapshot, target)
    first = target.read_bytes()
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _stage: seen.append((done, total)))
    write_view(snapshot, target, progress)  # again: replaced, and no backup folder beside it
    assert seen[-1] == (len(shown), len(shown))
    assert not backup_folder(target).exists()
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        write_view(snapshot, target, cancelled)
    assert len(target.read_bytes()) == len(first)
    assert openpyxl.load_workbook(target).active.cell(row=2, column=5).value == "=1+1"
    assert not list(tmp_path.glob(".vy.*"))
