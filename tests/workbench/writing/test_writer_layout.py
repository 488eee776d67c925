"""Where new review columns go: never into an unrelated Excel table, never into hidden columns.

Regression tests of issue 13 (items 8 and 9), on workbooks built with xlsxwriter.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from _writer_fixtures import assert_well_formed

from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions
from workbench.xlsx._tables import table_range

HEADERS = ["Artikelnummer", "Benämning", "Pris"]
ROWS = [["A001", "Penna", 10.5], ["A002", "Sudd", 4.0], ["A003", "Linjal", 12.0]]


def _tables(path: Path) -> dict[str, tuple[int, int, int, int] | None]:
    with zipfile.ZipFile(path) as zf:
        return {n: table_range(zf.read(n)) for n in zf.namelist() if n.startswith("xl/tables/")}


def _list_beside_a_table(path: Path) -> Path:
    """Articles in the plain range A:C, and an Excel table of other figures at E1:G4."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(ROWS, start=1):
        sheet.write_row(r, 0, row)
    sheet.add_table(0, 4, 3, 6, {"name": "Kvartal", "columns": [{"header": "Kvartal"}, {"header": "Summa"},
                                                               {"header": "Andel"}],
                                 "data": [["Q1", 1, 0.1], ["Q2", 2, 0.2], ["Q3", 3, 0.3]]})
    book.close()
    return path


def test_review_columns_stay_out_of_an_unrelated_table(tmp_path: Path) -> None:
    """Issue 13.8: the table at E:G (a pivot's source) grew over the review columns (E1:G4 -> E1:O4)."""
    path = _list_beside_a_table(tmp_path / "bredvid.xlsx")
    before = _tables(path)
    table = read_table(path)
    assert table.key_column == "Artikelnummer"
    apply_decisions(table, {"A002": {"decision": "Behåll", "comment": "ok"}})
    assert_well_formed(path)
    assert _tables(path) == before
    new_cols = [table.column_index[h] for h in table.review_columns.values()]
    for _, c1, _, c2 in (v for v in before.values() if v is not None):
        assert all(not c1 <= c <= c2 for c in new_cols), (new_cols, (c1, c2))
    again = read_table(path)
    assert again.review.set_index(again.keys.astype(str)).loc["A002", "decision"] == "keep"


def test_the_table_holding_the_key_still_grows(tmp_path: Path) -> None:
    path = tmp_path / "tabell.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.add_table(0, 0, 3, 2, {"name": "Artiklar", "columns": [{"header": h} for h in HEADERS],
                                 "data": ROWS})
    book.close()
    table = read_table(path)
    apply_decisions(table, {"A001": {"decision": "Ta bort"}})
    (ref,) = _tables(path).values()
    assert ref is not None and ref[3] == 2 + 8  # A:C and the eight review columns


def _hidden_right_of(path: Path, first_hidden: int, width: int) -> Path:
    """A list of ``width`` columns, and every column from ``first_hidden`` (0-based) on hidden."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    headers = [*HEADERS, *(f"Extra {i}" for i in range(width - 3))]
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(ROWS, start=1):
        sheet.write_row(r, 0, [*row, *(f"x{i}" for i in range(width - 3))])
    sheet.set_column(first_hidden, 16383, 9, None, {"hidden": True})
    book.close()
    return path


def _cols(path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in re.findall(r"<col\s[^>]*>", xml)]


def _hidden(cols: list[dict[str, str]], col: int) -> bool:
    """Whether 1-based column ``col`` is hidden."""
    return any(int(c["min"]) <= col <= int(c["max"]) and c.get("hidden") in ("1", "true") for c in cols)


def test_new_review_columns_are_not_left_hidden(tmp_path: Path) -> None:
    """Issue 13.9: with ``<col min="11" max="16384" hidden="1"/>`` seven of eight new columns were
    invisible. The columns written are unhidden (only they), and the summary says so."""
    path = _hidden_right_of(tmp_path / "dolda.xlsx", 10, 9)  # data A:I, new columns J:Q
    table = read_table(path)
    result = apply_decisions(table, {"A001": {"decision": "Behåll"}})
    assert_well_formed(path)
    cols = _cols(path)
    new_cols = sorted(table.column_index[h] + 1 for h in table.review_columns.values())
    assert new_cols == list(range(10, 18))
    assert not any(_hidden(cols, c) for c in new_cols)
    assert _hidden(cols, 18) and _hidden(cols, 16384)  # the rest stays as the user left it
    widths = {c.get("width") for c in cols if int(c["max"]) >= 11}
    assert len(widths) == 1  # split ranges keep the original's width
    assert result.unhidden == [f"{chr(64 + c)}" for c in range(11, 18)]
    assert "K" in result.summary("en") and "hidden" in result.summary("en")
    assert "dold" in result.summary("sv")


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_shows_the_unhidden_review_columns(tmp_path: Path) -> None:
    """LibreOffice reads the split ``<col>`` ranges as meant: J:Q shown, R onwards still hidden."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = _hidden_right_of(tmp_path / "dolda.xlsx", 10, 9)
    apply_decisions(read_table(path), {"A001": {"decision": "Behåll"}})
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo_profile').as_uri()}", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path / "lo"), str(path)],
                   check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "lo" / "dolda.ods") as ods:
        content = ods.read("content.xml").decode()
    shown: list[bool] = []
    for tag in re.findall(r"<table:table-column\s[^>]*>", content):
        repeated = re.search(r'number-columns-repeated="(\d+)"', tag)
        shown += [" table:visibility=" not in tag] * int(repeated.group(1) if repeated else 1)
    assert all(shown[:17]) and not any(shown[17:])
