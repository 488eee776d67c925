"""Workbooks built with xlsxwriter and source tables read with calamine, for the writer's tests.

The tables are built here (not by the importer) so the writer's tests pin the writer alone; the
corpus sweep and the apply tests use the real importer.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import python_calamine
import xlsxwriter

from workbench.table import SourceTable, empty_review

ROOT = Path(__file__).resolve().parents[2]


def corpus_dir() -> Path:
    override = os.environ.get("BEHOVSANALYS_CORPUS")
    return Path(override) if override else ROOT.parent / "shared" / "corpus"


def corpus_copy(name: str, folder: Path) -> Path:
    """A copy of corpus file ``name`` in ``folder`` (the test is skipped when the corpus is absent)."""
    import shutil

    import pytest

    source = corpus_dir() / name
    if not source.exists():
        pytest.skip("corpus absent")
    path = folder / name
    shutil.copyfile(source, path)
    return path


def book_with_sheet_xml(tmp_path: Path, sheet_xml: bytes) -> Path:
    """A small openpyxl workbook (sheet "Rader", a second cell format s="1" on A1) whose sheet XML is
    replaced by exactly ``sheet_xml``: the patcher's tests pin the bytes it starts from."""
    import openpyxl
    import openpyxl.styles

    made = tmp_path / "made.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Rader"
    book.active["A1"].font = openpyxl.styles.Font(bold=True)
    book.save(made)
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def build_workbook(path: Path, *, rows: int = 20, table: bool = False, autofilter: bool = True,
                   extras: bool = True, date1904: bool = False, review: bool = False) -> Path:
    """A Swedish article list: header on row 1 (bold, grey), keys ``A001``…, names, prices.

    ``extras`` adds a comment, a chart, a list validation and a second sheet; ``review`` adds a
    ``Beslut`` column with the office's own list validation (``Ja,Nej``).
    """
    book = xlsxwriter.Workbook(str(path), {"date_1904": date1904})
    sheet = book.add_worksheet("Artiklar")
    header = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
    headers = ["Artikelnummer", "Benämning", "Pris"] + (["Beslut"] if review else [])
    data = [[f"A{i:03d}", f"Artikel {i}", 10.5 + i] + (["Ja"] if review else []) for i in range(1, rows + 1)]
    if table:
        sheet.add_table(0, 0, rows, len(headers) - 1,
                        {"data": data, "columns": [{"header": h, "header_format": header} for h in headers]})
    else:
        sheet.write_row(0, 0, headers, header)
        for r, values in enumerate(data, start=1):
            sheet.write_row(r, 0, values)
        if autofilter:
            sheet.autofilter(0, 0, rows, len(headers) - 1)
    sheet.freeze_panes(1, 0)
    if review:
        sheet.data_validation(1, 3, rows, 3, {"validate": "list", "source": ["Ja", "Nej"]})
    if extras:
        sheet.write_comment("B2", "En kommentar")
        sheet.data_validation(1, 1, rows, 1, {"validate": "length", "criteria": "<", "value": 100})
        chart = book.add_chart({"type": "column"})
        chart.add_series({"values": f"=Artiklar!$C$2:$C${rows + 1}"})
        sheet.insert_chart("H2", chart)
        other = book.add_worksheet("Annat")
        other.write("A1", "Inte artiklar")
    book.close()
    return path


def read_grid(path: Path, sheet: str | None = None) -> list[list[Any]]:
    """Every cell of a sheet from A1, as calamine reads it."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    data = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    return data.to_python(skip_empty_area=False)


def make_table(path: Path, sheet: str | None = None, header_row: int = 1, language: str = "sv",
               review_headers: dict[str, str] | None = None) -> SourceTable:
    """A source table of ``path`` read with calamine: key in column A, every row below the header."""
    grid = read_grid(path, sheet)
    headers = [str(h) for h in grid[header_row - 1]]
    body = [row for row in grid[header_row:] if any(v not in ("", None) for v in row)]
    index = pd.Index(range(header_row + 1, header_row + 1 + len(body)))
    data = pd.DataFrame([[None if v == "" else v for v in row] for row in body], columns=headers,
                        index=index)
    review_columns = dict(review_headers or {})
    return SourceTable(path=path, format=path.suffix.lstrip(".").lower(), sheet=sheet, sheets=[],
                       header_row=header_row, data=data,
                       column_index={h: i for i, h in enumerate(headers)},
                       columns={"key": headers[0]}, review_columns=review_columns,
                       review=empty_review(index), language=language)


def members(path: Path) -> dict[str, bytes]:
    """Every zip member's decompressed bytes."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def assert_well_formed(path: Path) -> None:
    """Every XML part of the package parses (a strict parser, not a forgiving reader)."""
    from xml.parsers import expat

    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                expat.ParserCreate().Parse(zf.read(name), True)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_csv(path: Path, tmp_path: Path) -> list[list[str]]:
    """The first sheet of ``path`` as LibreOffice reads it, through its csv export (UTF-8)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo_out"
    profile = tmp_path / "lo_profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=120)
    produced = out / (path.stem + ".csv")
    assert produced.exists(), "LibreOffice could not read the file"
    with produced.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))
