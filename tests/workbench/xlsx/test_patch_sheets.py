"""Several sheets patched in one pass, rows appended below a sheet's data (issue 15's re-merge).

Real workbooks from xlsxwriter and openpyxl; the result is read back by openpyxl (table range,
validations, conditional formats, number formats) and by LibreOffice (the cells, and the table's range
in its own file format), and every member the patch had no reason to touch is compared as compressed
bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from _writer_fixtures import assert_well_formed
from defusedxml import ElementTree
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from workbench.errors import SheetNotFoundError
from workbench.xlsx import SheetPatch, patch_sheets, verify_patch

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROWS = 10  # data rows 2..11 under the header
NEW = [("N-11", "Ny artikel 11", dt.date(2026, 3, 1), 12.5, "Ja"),
       ("N-12", "Ny artikel 12", dt.date(2026, 3, 2), 7.25, "Nej"),
       ("N-13", "Ny artikel 13", dt.date(2026, 3, 3), 99.0, "Ja")]
LAST = ROWS + 1 + len(NEW)  # 14


def _xlsxwriter_book(path: Path) -> Path:
    """Artiklar: a table over A1:E11 with a date and a price column, list validations on two columns, a
    conditional format on the prices; Kommuner and Info: plain sheets."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    price = book.add_format({"num_format": "0.00"})
    data = [[f"A{i:03d}", f"Artikel {i}", dt.date(2026, 1, i), 10.5 + i, "Ja"] for i in range(1, ROWS + 1)]
    sheet.add_table(0, 0, ROWS, 4, {"data": data, "style": "Table Style Medium 2",
                                    "columns": [{"header": "Artikelnummer"}, {"header": "Benämning"},
                                                {"header": "Datum", "format": date},
                                                {"header": "Pris", "format": price}, {"header": "Beslut"}]})
    sheet.data_validation(1, 4, ROWS, 4, {"validate": "list", "source": ["Ja", "Nej"]})
    sheet.data_validation(1, 1, ROWS, 1, {"validate": "length", "criteria": "<=", "value": 60})
    sheet.conditional_format(1, 3, ROWS, 3, {"type": "cell", "criteria": ">", "value": 15,
                                             "format": book.add_format({"bold": True})})
    sheet.write(ROWS + 4, 0, "Anteckning under listan")  # a note below the data: stays where it is
    sheet.data_validation(ROWS + 4, 1, ROWS + 6, 1, {"validate": "list", "source": ["x", "y"]})
    other = book.add_worksheet("Kommuner")
    for i, name in enumerate(["Kommun", "Alingsås", "Borås", "Vårgårda"]):
        other.write(i, 0, name)
        other.write(i, 1, "Antal" if i == 0 else i * 10)
    info = book.add_worksheet("Info")
    info.write(0, 0, "Sammanslagen")
    info.write(1, 0, "Version")
    info.write(1, 1, 1)
    book.close()
    return path


def _openpyxl_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Artiklar"
    sheet.append(["Artikelnummer", "Benämning", "Datum", "Pris", "Beslut"])
    for i in range(1, ROWS + 1):
        sheet.append([f"A{i:03d}", f"Artikel {i}", dt.date(2026, 1, i), 10.5 + i, "Ja"])
        sheet.cell(i + 1, 3).number_format = "yyyy-mm-dd"
        sheet.cell(i + 1, 4).number_format = "0.00"
    table = Table(displayName="Artiklar", ref=f"A1:E{ROWS + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    sheet.add_table(table)
    validation = DataValidation(type="list", formula1='"Ja,Nej"', allow_blank=True)
    validation.add(f"E2:E{ROWS + 1}")
    sheet.add_data_validation(validation)
    sheet.conditional_formatting.add(f"D2:D{ROWS + 1}",
                                     CellIsRule(operator="greaterThan", formula=["15"], font=Font(bold=True)))
    other = book.create_sheet("Kommuner")
    other.append(["Kommun", "Antal"])
    other.append(["Alingsås", 10])
    info = book.create_sheet("Info")
    info.append(["Sammanslagen"])
    info.append(["Version", 1])
    book.save(path)
    return path


BUILDERS = {"xlsxwriter": _xlsxwriter_book, "openpyxl": _openpyxl_book}


def _patches() -> list[SheetPatch]:
    appended = {(ROWS + 2 + i, col): value for i, row in enumerate(NEW) for col, value in enumerate(row)}
    return [SheetPatch("Artiklar", appended, grow_to_row=LAST),
            SheetPatch("Kommuner", {(2, 1): 11, (1, 2): "Kommentar", (2, 2): "ändrad"}),
            SheetPatch("Info", {(2, 1): 2})]


def _raw(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's compressed bytes as stored."""
    assert zf.fp is not None
    zf.fp.seek(info.header_offset)
    header = zf.fp.read(30)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    zf.fp.seek(info.header_offset + 30 + name_length + extra_length)
    return zf.fp.read(info.compress_size)


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> zip member (through the workbook's relationships)."""
    with zipfile.ZipFile(path) as zf:
        workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    found = {}
    for element in workbook.iter():
        if element.tag.endswith("}sheet"):
            rid = next(v for k, v in element.attrib.items() if k.endswith("}id"))
            found[element.get("name", "")] = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
    return found


@pytest.fixture(params=sorted(BUILDERS))
def patched(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path, Path]:
    source = BUILDERS[request.param](tmp_path / f"{request.param}.xlsx")
    out = tmp_path / "out.xlsx"
    result = patch_sheets(source, out, _patches())
    verify_patch(out, result)
    assert_well_formed(out)
    return request.param, source, out


def test_appended_rows_land_inside_the_table_with_the_column_formats(patched: tuple[str, Path, Path]) -> None:
    maker, _, out = patched
    book = openpyxl.load_workbook(out)
    sheet = book["Artiklar"]
    table = next(iter(sheet.tables.values()))
    assert table.ref == f"A1:E{LAST}"
    if table.autoFilter is not None:
        assert table.autoFilter.ref == f"A1:E{LAST}"
    for i, row in enumerate(NEW):
        cells = [sheet.cell(ROWS + 2 + i, col + 1) for col in range(5)]
        values = [c.value for c in cells]
        assert values[:2] == list(row[:2]) and values[3:] == list(row[3:])
        assert values[2] == dt.datetime.combine(row[2], dt.time())
        assert cells[2].number_format == "yyyy-mm-dd"
        assert cells[3].number_format == "0.00"
    ranges = {str(dv.sqref): dv.type for dv in sheet.data_validations.dataValidation}
    assert ranges.get(f"E2:E{LAST}") == "list"
    if maker == "xlsxwriter":
        assert ranges.get(f"B2:B{LAST}") == "textLength"
        assert ranges.get(f"B{ROWS + 5}:B{ROWS + 7}") == "list"  # below the data: not stretched
        assert sheet.cell(ROWS + 5, 1).value == "Anteckning under listan"
    assert [str(cf.sqref) for cf in sheet.conditional_formatting] == [f"D2:D{LAST}"]
    assert sheet.calculate_dimension().endswith(str(max(LAST, sheet.max_row)))
    assert [[c.value for c in row] for row in book["Kommuner"].iter_rows(max_row=2)][:2] == \
        [["Kommun", "Antal", "Kommentar"], ["Alingsås", 11, "ändrad"]]
    assert book["Info"]["B2"].value == 2


def test_only_the_patched_sheets_and_the_table_change(patched: tuple[str, Path, Path]) -> None:
    _, source, out = patched
    parts = _sheet_parts(source)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        changed = []
        for info in before.infolist():
            new = after.getinfo(info.filename)
            if (info.CRC, _raw(before, info)) != (new.CRC, _raw(after, new)):
                changed.append(info.filename)
    tables = [n for n in changed if n.startswith("xl/tables/")]
    expected = {parts["Artiklar"], parts["Kommuner"], parts["Info"], *tables}
    # a date style is looked for in styles.xml; the column's own format is reused, nothing is added
    assert set(changed) == expected
    assert len(tables) == 1


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_reads_the_new_rows_inside_the_table(patched: tuple[str, Path, Path],
                                                         tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    _, _, out = patched
    profile = (tmp_path / "lo_profile").as_uri()
    folder = tmp_path / "lo"
    # every sheet as csv (the filter's sheet option -1), and the workbook in LibreOffice's own format
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    "--outdir", str(folder), str(out)], check=True, capture_output=True, timeout=180)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "ods",
                    "--outdir", str(folder), str(out)], check=True, capture_output=True, timeout=180)
    with (folder / "out-Artiklar.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[:5] for r in rows[ROWS + 1:LAST]] == [
        [a, b, d.isoformat(), f"{p:.2f}", e] for a, b, d, p, e in NEW]
    with (folder / "out-Kommuner.csv").open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle))[1][:3] == ["Alingsås", "11", "ändrad"]
    with (folder / "out-Info.csv").open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle))[1][:2] == ["Version", "2"]
    with zipfile.ZipFile(folder / "out.ods") as ods:
        content = ods.read("content.xml").decode("utf-8")
    ranges = re.findall(r'<table:database-range [^>]*table:target-range-address="([^"]+)"', content)
    assert any(r.replace("$", "").endswith(f"Artiklar.A1:Artiklar.E{LAST}") or
               r.replace("$", "").endswith(f"Artiklar.A1:.E{LAST}") for r in ranges), ranges
    validations = re.findall(r'<table:content-validation [^>]*>', content)
    assert validations  # the list survives; its cells are checked through openpyxl above


def test_a_missing_sheet_and_a_sheet_named_twice_are_refused(tmp_path: Path) -> None:
    source = _xlsxwriter_book(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    with pytest.raises(SheetNotFoundError):
        patch_sheets(source, out, [SheetPatch("Artiklar", {(2, 1): "x"}), SheetPatch("Saknas", {(1, 0): "y"})])
    with pytest.raises(ValueError, match="twice"):
        patch_sheets(source, out, [SheetPatch("Info", {(1, 0): "x"}), SheetPatch("info", {(2, 0): "y"})])
    assert not out.exists()


def _rewrite_member(path: Path, part: str, edit: Callable[[str], str]) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {info: zf.read(info) for info in zf.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members.items():
            zf.writestr(info, edit(data.decode("utf-8")).encode("utf-8") if info.filename == part else data)


X14 = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
       'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
       '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
       '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Kommuner!$A$2:$A$4</xm:f>'
       '</x14:formula1><xm:sqref>C2:C11 A15</xm:sqref></x14:dataValidation></x14:dataValidations></ext>'
       '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
       'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
       '<x14:conditionalFormattings><x14:conditionalFormatting '
       'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
       '<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar>'
       '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule>'
       '<xm:sqref>D2:D11</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>')


def test_x14_validations_and_formats_and_the_sheet_autofilter_follow_the_data(tmp_path: Path) -> None:
    source = _xlsxwriter_book(tmp_path / "book.xlsx")
    part = _sheet_parts(source)["Artiklar"]
    # an autofilter of the sheet's own (a list without a table) and Excel's x14 extensions
    _rewrite_member(source, part, lambda xml: xml.replace("</worksheet>", X14 + "</worksheet>").replace(
        "<dataValidations", f'<autoFilter ref="A1:E{ROWS + 1}"/><dataValidations'))
    out = tmp_path / "out.xlsx"
    verify_patch(out, patch_sheets(source, out, _patches()))
    with zipfile.ZipFile(out) as zf:
        xml = zf.read(part).decode("utf-8")
    assert f'<autoFilter ref="A1:E{LAST}"/>' in xml
    assert f"<xm:sqref>C2:C{LAST} A15</xm:sqref>" in xml  # A15 lies below the data: left alone
    assert f"<xm:sqref>D2:D{LAST}</xm:sqref>" in xml
    assert "<xm:f>Kommuner!$A$2:$A$4</xm:f>" in xml
    assert f'<dimension ref="A1:E{ROWS + 5}"/>' in xml


@pytest.mark.slow
def test_a_large_sheet_grows_in_one_pass(tmp_path: Path) -> None:
    rows = 100_000
    source = tmp_path / "large.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Artiklar")
    price = book.add_format({"num_format": "0.00"})
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Pris"])
    for i in range(1, rows + 1):
        sheet.write_string(i, 0, f"A{i:06d}")
        sheet.write_string(i, 1, f"Artikel {i}")
        sheet.write_number(i, 2, i / 4, price)
    sheet.add_table(0, 0, rows, 2, {"columns": [{"header": "Artikelnummer"}, {"header": "Benämning"},
                                                {"header": "Pris"}]})
    book.add_worksheet("Info").write(0, 0, "x")
    book.close()
    cells = {(rows + 2 + i, c): v for i in range(3) for c, v in enumerate([f"N{i}", "Ny", 1.5 + i])}
    out = tmp_path / "out.xlsx"
    result = patch_sheets(source, out, [SheetPatch("Artiklar", cells, grow_to_row=rows + 4),
                                        SheetPatch("Info", {(1, 0): "y"})])
    verify_patch(out, result)
    assert result.tables_grown_down == ["xl/tables/table1.xml"]
    with zipfile.ZipFile(out) as zf:
        table = zf.read("xl/tables/table1.xml").decode("utf-8")
        tail = zf.read("xl/worksheets/sheet1.xml")[-2000:].decode("utf-8")
    assert f'ref="A1:C{rows + 4}"' in table
    assert re.search(rf'<c r="C{rows + 4}" s="(\d+)"><v>3.5</v></c></row></sheetData>', tail)


def test_progress_runs_once_over_every_sheet(tmp_path: Path) -> None:
    from workbench.progress import Progress

    source = _xlsxwriter_book(tmp_path / "book.xlsx")
    seen: list[tuple[int, int]] = []
    patch_sheets(source, tmp_path / "out.xlsx", _patches(),
                 progress=Progress(lambda done, total, _stage: seen.append((done, total))))
    assert len({total for _, total in seen}) == 1
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == seen[-1][1]


def test_verify_reads_every_patched_sheet_back(tmp_path: Path) -> None:
    source = _xlsxwriter_book(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    result = patch_sheets(source, out, _patches())
    info = _sheet_parts(source)["Info"]
    assert set(result.sheet_cells) == set(_sheet_parts(source).values())
    result.sheet_cells[info] = {(2, 1): 3}  # what a wrong write of the last sheet would look like
    with pytest.raises(ValueError, match="B2: not 3"):
        verify_patch(out, result)


def test_a_new_column_and_appended_rows_in_one_patch(tmp_path: Path) -> None:
    from workbench.xlsx import NewColumn, Validation

    source = _xlsxwriter_book(tmp_path / "book.xlsx")
    cells = {(ROWS + 2 + i, col): value for i, row in enumerate(NEW) for col, value in enumerate(row)}
    cells.update({(row, 5): "Behåll" for row in range(2, LAST + 1)})
    out = tmp_path / "out.xlsx"
    patch = SheetPatch("Artiklar", cells, grow_to_row=LAST, header_row=1, data_rows=(2, ROWS + 1),
                       new_columns=[NewColumn(5, "Åtgärd", Validation(labels=("Behåll", "Ersätt")))])
    result = patch_sheets(source, out, [patch])
    verify_patch(out, result)
    sheet = openpyxl.load_workbook(out)["Artiklar"]
    table = next(iter(sheet.tables.values()))
    assert table.ref == f"A1:F{LAST}"
    assert [c.name for c in table.tableColumns][-1] == "Åtgärd"
    ranges = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert ranges[f"F2:F{LAST}"] == '"Behåll,Ersätt"'  # planned over the old rows, grown with them
    assert sheet.cell(LAST, 6).value == "Behåll" and sheet.cell(1, 6).value == "Åtgärd"


@pytest.mark.parametrize("maker", sorted(BUILDERS))
def test_a_known_last_row_spares_the_scan_and_writes_the_same(maker: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.xlsx import _writer

    source = BUILDERS[maker](tmp_path / f"{maker}.xlsx")
    scanned = tmp_path / "scanned.xlsx"
    patch_sheets(source, scanned, _patches())
    monkeypatch.setattr(_writer, "_old_last_row", lambda *args: pytest.fail("the sheet was scanned"))
    known = tmp_path / "known.xlsx"
    first, *others = _patches()
    result = patch_sheets(source, known, [SheetPatch(first.sheet, first.cells, grow_to_row=first.grow_to_row,
                                                     last_row=ROWS + 1), *others])
    verify_patch(known, result)
    with zipfile.ZipFile(scanned) as a, zipfile.ZipFile(known) as b:
        assert [(i.filename, a.read(i)) for i in a.infolist()] == [(i.filename, b.read(i)) for i in b.infolist()]
