"""A new worksheet added to an existing workbook through the cell-level patcher (``NewSheet``), and rows
appended to it later.

Real workbooks (openpyxl, xlsxwriter, the joint sample, corpus files with tables, defined names and
the 1904 date system); openpyxl reads the new sheet back exactly and every cell of the other sheets
unchanged, LibreOffice reads the new sheet (its csv) and its autofilter (its own file format).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine
import xlsxwriter
from _writer_fixtures import ROOT, assert_well_formed, corpus_copy, corpus_dir

from workbench.errors import SheetExistsError, SheetNameError, WorkbenchError
from workbench.xlsx import CellValue, NewSheet, SheetPatch, patch_sheets, read_package, verify_patch

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SAMPLE = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
NAME = "Enkätsvar"
ROWS: list[list[CellValue]] = [
    ["Fråga", "Svar", "Antal", "Andel", "Besvarad", "Klar", "Kommentar"],
    ["Hur ofta köps muggar?", "Varje vecka", 12, 0.25, dt.date(2026, 3, 1), True, "=1+1 är text"],
    ["Återanvändbara?", "Ja & nej <osäkert>", 7, 1.5, dt.datetime(2026, 3, 2, 14, 30), False, None],
    ["Leverantör", "Åhléns", -3, 1e-7, dt.date(1999, 12, 31), True, "  blanksteg  "],
]
WIDTHS = {0: 28.0, 1: 18.5, 6: 40.0}
APPENDED: list[list[CellValue]] = [["Ny fråga", "Sällan", 1, 0.5, dt.date(2026, 4, 1), False, "tillagd"],
                                   ["Till", "Ofta", 2, 0.75, dt.date(2026, 4, 2), True, "ändå en"]]


def _openpyxl_book(folder: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Artiklar"
    sheet.append(["Artikelnummer", "Benämning", "Datum", "Pris"])
    for i in range(1, 6):
        sheet.append([f"A{i:03d}", f"Artikel {i} åäö", dt.date(2026, 1, i), 10.5 + i])
    sheet.auto_filter.ref = "A1:D6"
    book.create_sheet("Kommuner").append(["Kommun", "Huddinge"])
    path = folder / "openpyxl.xlsx"
    book.save(path)
    return path


def _xlsxwriter_book(folder: Path) -> Path:
    path = folder / "xlsxwriter.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    data = [[f"A{i:03d}", f"Artikel {i}", 10.5 + i] for i in range(1, 6)]
    sheet.add_table(0, 0, 5, 2, {"data": data, "columns": [{"header": "Artikelnummer"}, {"header": "Benämning"},
                                                            {"header": "Pris"}]})
    book.add_worksheet("Info").write(0, 0, "Sammanslagen")
    book.define_name("Priser", "=Artiklar!$C$2:$C$6")
    book.close()
    return path


def _sample(folder: Path) -> Path:
    path = folder / SAMPLE.name
    shutil.copyfile(SAMPLE, path)
    return path


def _corpus(name: str) -> Callable[[Path], Path]:
    return lambda folder: corpus_copy(name, folder)


SOURCES: dict[str, Callable[[Path], Path]] = {
    "openpyxl": _openpyxl_book,
    "xlsxwriter": _xlsxwriter_book,
    "joint_sample": _sample,
    "corpus_tables": _corpus("tables_multiple.xlsx"),
    "corpus_defined_names": _corpus("defined_names.xlsx"),
    "corpus_1904": _corpus("dates_1904.xlsx"),
}


def _all_values(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values as openpyxl reads them."""
    book = openpyxl.load_workbook(path, data_only=True)
    try:
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    finally:
        book.close()


def _as_read(rows: Sequence[Sequence[CellValue]]) -> list[list[Any]]:
    """What openpyxl reads back for ``rows``: a date as a midnight date-time, rows padded to the widest."""
    width = max(len(row) for row in rows)
    out = []
    for row in rows:
        values: list[Any] = [dt.datetime.combine(v, dt.time()) if type(v) is dt.date else v for v in row]
        out.append(values + [None] * (width - len(values)))
    return out


def _add(source: Path, out: Path, sheets: Sequence[NewSheet], patches: Sequence[SheetPatch] = ()) -> None:
    result = patch_sheets(source, out, patches, new_sheets=sheets)
    verify_patch(out, result)
    assert_well_formed(out)


@pytest.fixture(params=sorted(SOURCES))
def added(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path, Path]:
    source = SOURCES[request.param](tmp_path)
    out = tmp_path / "out.xlsx"
    _add(source, out, [NewSheet(NAME, ROWS, widths=WIDTHS)])
    return request.param, source, out


def test_the_new_sheet_reads_back_exactly_and_the_others_are_unchanged(added: tuple[str, Path, Path]) -> None:
    maker, source, out = added
    before, after = _all_values(source), _all_values(out)
    assert list(after) == [*before, NAME]  # added last
    assert after[NAME] == _as_read(ROWS)
    assert {name: after[name] for name in before} == before
    book = openpyxl.load_workbook(out)
    sheet = book[NAME]
    assert sheet.sheet_state == "visible"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:G{len(ROWS)}"
    assert {letter: sheet.column_dimensions[letter].width for letter in "ABG"} == {"A": 28.0, "B": 18.5, "G": 40.0}
    assert sheet["E2"].is_date and sheet["E3"].is_date
    assert book.epoch == openpyxl.load_workbook(source).epoch
    with zipfile.ZipFile(out) as zf:
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
    index = len(book.sheetnames) - 1
    assert (f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            "'Enkätsvar'!$A$1:$G$4</definedName>") in workbook, maker
    ids = [int(i) for i in re.findall(r'sheetId="(\d+)"', workbook)]
    assert len(set(ids)) == len(ids) and ids[-1] == max(ids)


def test_the_1904_date_system_is_kept_for_the_new_dates(tmp_path: Path) -> None:
    source = corpus_copy("dates_1904.xlsx", tmp_path)
    out = tmp_path / "out.xlsx"
    _add(source, out, [NewSheet(NAME, ROWS)])
    with zipfile.ZipFile(out) as zf:
        package = read_package(zf)
        assert package.date1904
        xml = zf.read(package.sheet(NAME).part).decode("utf-8")
    # 2026-03-01 is 44620 days after 1904-01-01 (46082 in the 1900 system, 1,462 days apart)
    assert re.search(r'<c r="E2" s="\d+"><v>44620</v>', xml), xml[:2000]
    assert _all_values(out)[NAME] == _as_read(ROWS)


def test_docprops_lists_the_new_sheet_among_the_worksheets(tmp_path: Path) -> None:
    source = corpus_copy("defined_names.xlsx", tmp_path)
    out = tmp_path / "out.xlsx"
    _add(source, out, [NewSheet(NAME, ROWS), NewSheet("Kluster", [["Kluster"]], hidden=True)])
    with zipfile.ZipFile(out) as zf:
        app = zf.read("docProps/app.xml").decode("utf-8")
    assert "<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4>" in app
    assert ('<vt:vector size="4" baseType="lpstr"><vt:lpstr>Named Ranges</vt:lpstr><vt:lpstr>Cross-Sheet</vt:lpstr>'
            "<vt:lpstr>Enkätsvar</vt:lpstr><vt:lpstr>Kluster</vt:lpstr></vt:vector>") in app
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Named Ranges", "Cross-Sheet", NAME, "Kluster"]
    assert set(book.defined_names) == {"col1_", "col3_", "row6_"}  # the workbook's own names stay


def test_a_hidden_sheet_is_hidden_and_the_first_sheet_stays_active(tmp_path: Path) -> None:
    source = _openpyxl_book(tmp_path)
    out = tmp_path / "out.xlsx"
    _add(source, out, [NewSheet("Kluster", ROWS, hidden=True, freeze_header=False, autofilter=False)])
    book = openpyxl.load_workbook(out)
    assert book["Kluster"].sheet_state == "hidden"
    assert book["Kluster"].freeze_panes is None and book["Kluster"].auto_filter.ref is None
    assert book.active is not None and book.active.title == "Artiklar"
    assert book["Artiklar"].auto_filter.ref == "A1:D6"


def test_existing_sheets_are_patched_in_the_same_pass(tmp_path: Path) -> None:
    source = _xlsxwriter_book(tmp_path)
    out = tmp_path / "out.xlsx"
    _add(source, out, [NewSheet(NAME, ROWS)], [SheetPatch("Info", {(1, 1): "ändrad", (2, 0): dt.date(2026, 5, 1)})])
    values = _all_values(out)
    assert values["Info"] == [["Sammanslagen", "ändrad"], [dt.datetime(2026, 5, 1), None]]
    assert values[NAME] == _as_read(ROWS)


@pytest.mark.parametrize("maker", ["openpyxl", "joint_sample", "corpus_tables"])
def test_rows_appended_later_grow_the_autofilter_and_the_dimension(maker: str, tmp_path: Path) -> None:
    source = SOURCES[maker](tmp_path)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    _add(source, first, [NewSheet(NAME, ROWS)])
    last = len(ROWS) + len(APPENDED)
    cells = {(len(ROWS) + 1 + i, col): value for i, row in enumerate(APPENDED) for col, value in enumerate(row)}
    result = patch_sheets(first, second, [SheetPatch(NAME, cells, grow_to_row=last)])
    verify_patch(second, result)
    assert_well_formed(second)
    values = _all_values(second)
    assert values[NAME] == _as_read([*ROWS, *APPENDED])
    assert {name: v for name, v in values.items() if name != NAME} == _all_values(source)
    book = openpyxl.load_workbook(second)
    sheet = book[NAME]
    assert sheet.auto_filter.ref == f"A1:G{last}"
    assert sheet.calculate_dimension() == f"A1:G{last}"
    assert sheet.freeze_panes == "A2"
    with zipfile.ZipFile(second) as zf:
        assert f"'{NAME}'!$A$1:$G${last}</definedName>" in zf.read("xl/workbook.xml").decode("utf-8")
        xml = zf.read(result.sheet_part).decode("utf-8")
    assert f'<dimension ref="A1:G{last}"/>' in xml


def test_a_grown_sheet_s_hidden_filter_name_follows_its_autofilter(tmp_path: Path) -> None:
    # the joint sample's Källrader has an autofilter without a table; LibreOffice filters the range of
    # its _xlnm._FilterDatabase name, which stayed at the old end when rows were appended
    source = _sample(tmp_path)
    out = tmp_path / "out.xlsx"
    with zipfile.ZipFile(source) as zf:
        old = re.search(rb"'K\xc3\xa4llrader'!\$A\$1:\$P\$(\d+)<", zf.read("xl/workbook.xml"))
    assert old is not None
    old_last = int(old.group(1))
    new_last = old_last + 2
    patch = SheetPatch("Källrader", {(old_last + 1, 0): "ny", (new_last, 0): "ny 2"}, grow_to_row=new_last)
    verify_patch(out, patch_sheets(source, out, [patch]))
    with zipfile.ZipFile(out) as zf:
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
        sheet = zf.read(read_package(zf).sheet("Källrader").part).decode("utf-8")
    assert f"'Källrader'!$A$1:$P${new_last}</definedName>" in workbook
    assert f'<autoFilter ref="A1:P{new_last}"/>' in sheet


@pytest.mark.parametrize("name", ["enkätsvar", "ENKÄTSVAR", "Enkätsvar"])
def test_a_name_the_workbook_has_is_refused_whatever_its_case(name: str, tmp_path: Path) -> None:
    source = tmp_path / "first.xlsx"
    _add(_openpyxl_book(tmp_path), source, [NewSheet(NAME, ROWS)])
    out = tmp_path / "out.xlsx"
    with pytest.raises(SheetExistsError) as raised:
        patch_sheets(source, out, [], new_sheets=[NewSheet(name, ROWS)])
    assert not out.exists()
    sv, en = raised.value.message("sv"), raised.value.message("en")
    assert str(source) in sv and f"\u201d{name}\u201d" in sv and "\u201dEnkätsvar\u201d" in sv
    assert str(source) in en and f"\u201c{name}\u201d" in en and "already has the sheet \u201cEnkätsvar\u201d" in en
    assert isinstance(raised.value, WorkbenchError)


def test_two_new_sheets_of_one_name_and_an_existing_corpus_name_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    with pytest.raises(SheetExistsError, match="Kluster"):
        patch_sheets(_openpyxl_book(tmp_path), out, [], new_sheets=[NewSheet("Kluster", ROWS),
                                                                    NewSheet("KLUSTER", ROWS)])
    source = corpus_copy("tables_multiple.xlsx", tmp_path)
    with pytest.raises(SheetExistsError, match="Sheet2"):
        patch_sheets(source, out, [], new_sheets=[NewSheet("sheet2", ROWS)])
    assert not out.exists()


@pytest.mark.parametrize("name", ["", "a" * 32, "Svar/Frågor", "Svar:1", "[Svar]", "Svar?", "Svar*", "a\\b",
                                  "'Svar", "Svar'", "History", "Rad\x01"])
def test_a_name_excel_refuses_is_refused_naming_file_and_sheet(name: str, tmp_path: Path) -> None:
    source = _openpyxl_book(tmp_path)
    with pytest.raises(SheetNameError) as raised:
        patch_sheets(source, tmp_path / "out.xlsx", [], new_sheets=[NewSheet(name, ROWS)])
    assert str(source) in raised.value.message("sv") and str(source) in raised.value.message("en")
    assert f"\u201d{name}\u201d" in raised.value.message("sv")
    assert not (tmp_path / "out.xlsx").exists()


def test_a_sheet_of_only_a_header_gets_its_rows_appended_later(tmp_path: Path) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    _add(_openpyxl_book(tmp_path), first, [NewSheet("Kluster", [["Kluster", "Artiklar"]])])
    patch = SheetPatch("Kluster", {(2, 0): "K1", (2, 1): 4, (3, 0): "K2", (3, 1): 9}, grow_to_row=3)
    verify_patch(second, patch_sheets(first, second, [patch]))
    sheet = openpyxl.load_workbook(second)["Kluster"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [["Kluster", "Artiklar"], ["K1", 4], ["K2", 9]]
    assert sheet.auto_filter.ref == "A1:B3"


def _libreoffice(paths: Sequence[Path], folder: Path, kind: str) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    # csv: every sheet to its own file (the filter's sheet option -1)
    target = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1" if kind == "csv" else kind
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'lo_profile').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(folder / "lo"), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_reads_the_new_sheet_and_the_grown_autofilter(tmp_path: Path) -> None:
    written: dict[str, Path] = {}
    # strict OOXML (which openpyxl cannot read) and parts in odd folders: LibreOffice reads them
    more = {"corpus_strict": _corpus("strict_ooxml_sheet_visibility.xlsx"),
            "corpus_odd_paths": _corpus("nonstandard_part_paths.xlsx")}
    for maker, build in {**SOURCES, **more}.items():
        folder = tmp_path / maker
        folder.mkdir()
        try:
            source = build(folder)
        except pytest.skip.Exception:
            continue
        written[maker] = folder / f"{maker}_added.xlsx"
        _add(source, written[maker], [NewSheet(NAME, ROWS), NewSheet("Dold", [["x"]], hidden=True)])
    grown = tmp_path / "grown.xlsx"
    cells = {(len(ROWS) + 1 + i, col): value for i, row in enumerate(APPENDED) for col, value in enumerate(row)}
    patch_sheets(written["openpyxl"], grown, [SheetPatch(NAME, cells, grow_to_row=len(ROWS) + len(APPENDED))])
    _libreoffice([*written.values(), grown], tmp_path, "csv")
    _libreoffice([written["openpyxl"], grown], tmp_path, "ods")
    shown = [["Fråga", "Svar", "Antal", "Andel", "Besvarad", "Klar", "Kommentar"],
             ["Hur ofta köps muggar?", "Varje vecka", "12", "0.25", "2026-03-01 00:00", "TRUE", "=1+1 är text"],
             ["Återanvändbara?", "Ja & nej <osäkert>", "7", "1.5", "2026-03-02 14:30", "FALSE", ""],
             ["Leverantör", "Åhléns", "-3", "0.0000001", "1999-12-31 00:00", "TRUE", "  blanksteg  "]]
    for maker, path in written.items():
        with (tmp_path / "lo" / f"{path.stem}-{NAME}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert [row[:2] + row[2:4] + row[5:] for row in rows] == [row[:2] + row[2:4] + row[5:] for row in shown], maker
        assert [row[4][:10] for row in rows[1:]] == ["2026-03-01", "2026-03-02", "1999-12-31"], maker
    with (tmp_path / "lo" / f"grown-{NAME}.csv").open(encoding="utf-8", newline="") as handle:
        assert [row[0] for row in csv.reader(handle)][-2:] == ["Ny fråga", "Till"]
    for path, last in ((written["openpyxl"], len(ROWS)), (grown, len(ROWS) + len(APPENDED))):
        with zipfile.ZipFile(tmp_path / "lo" / f"{path.stem}.ods") as ods:
            content = ods.read("content.xml").decode("utf-8")
        ranges = re.findall(r'<table:database-range [^>]*table:target-range-address="([^"]+)"[^>]*>', content)
        assert any(r.replace("$", "").endswith(f"{NAME}.A1:{NAME}.G{last}") or
                   r.replace("$", "").endswith(f"{NAME}.A1:.G{last}") for r in ranges), ranges
        tables = re.findall(r'<table:table table:name="([^"]+)"[^>]*>', content)
        assert tables[-2:] == [NAME, "Dold"]
        hidden_style = re.search(r'<table:table table:name="Dold" table:style-name="([^"]+)"', content)
        assert hidden_style is not None
        style = re.escape(hidden_style.group(1))
        assert re.search(rf'<style:style style:name="{style}" style:family="table"[^>]*>\s*'
                         r'<style:table-properties [^>]*table:display="false"', content)


CORPUS_BOOKS = sorted(corpus_dir().glob("*.xls[xm]")) if corpus_dir().is_dir() else []


def _calamine(path: Path) -> dict[str, list[list[Any]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.mark.parametrize("source", CORPUS_BOOKS, ids=[p.name for p in CORPUS_BOOKS])
def test_every_corpus_workbook_takes_a_new_sheet_or_refuses_with_a_typed_error(source: Path,
                                                                                tmp_path: Path) -> None:
    out = tmp_path / f"new{source.suffix}"
    rows: list[list[CellValue]] = [["Fråga", "Antal", "Datum"], ["Hur ofta?", 3, dt.date(2026, 3, 1)]]
    try:
        result = patch_sheets(source, out, [], new_sheets=[NewSheet(NAME, rows)])
    except WorkbenchError as error:  # damaged or encrypted: a message naming the file, nothing written
        assert str(source) in error.message("sv")
        assert not out.exists()
        return
    verify_patch(out, result)
    try:
        before: dict[str, list[list[Any]]] | None = _calamine(source)
    except Exception:  # a part the reader cannot read either (invalid XML): the new sheet only
        before = None
    if before is not None:
        after = _calamine(out)
        assert list(after) == [*before, NAME]
        assert {name: after[name] for name in before} == before
    header, row = python_calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name(NAME).to_python()
    assert header == ["Fråga", "Antal", "Datum"] and row[:2] == ["Hur ofta?", 3]
    with zipfile.ZipFile(source) as zf:
        has_styles = read_package(zf).styles_part is not None
    # without a styles part there is no date format to show a serial through: the date is ISO text
    assert row[2] in ((dt.date(2026, 3, 1), dt.datetime(2026, 3, 1)) if has_styles else ("2026-03-01",))
