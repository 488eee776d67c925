"""Bad input fails with the specific typed error naming the file, fast, and never with anything else."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from workbench.errors import (
    Cancelled,
    CorruptFileError,
    EmptyWorkbookError,
    FileLockedError,
    FileMissingError,
    NoHeaderError,
    SheetNotFoundError,
    TooLargeError,
    UnsupportedFormatError,
    UsageError,
    WorkbenchError,
)
from workbench.messages import problem
from workbench.progress import Progress
from workbench.reading.importer import read_table


def _good_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnr", "Benämning", "Antal"])
    for i in range(1, 50):
        sheet.write_row(i, 0, [f"{i:03d}", f"Vara {i}", i])
    book.close()
    return path


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
    return target


def _raises(error_type: type[WorkbenchError], path: Path, **kwargs: object) -> WorkbenchError:
    with pytest.raises(error_type) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert type(error) is error_type
    for lang in ("sv", "en"):
        assert str(path) in error.message(lang)
    return error


def test_missing_file(tmp_path: Path) -> None:
    error = _raises(FileMissingError, tmp_path / "finns_inte.xlsx")
    assert isinstance(error, FileNotFoundError)


def test_a_folder_in_place_of_the_file_cannot_be_opened(tmp_path: Path) -> None:
    """We run as root, so chmod cannot lock a file; a folder with the file's name fails on open()
    the same way a file locked by Excel does on Windows (PermissionError)."""
    folder = tmp_path / "lista.xlsx"
    folder.mkdir()
    error = _raises(FileLockedError, folder)
    assert isinstance(error, PermissionError)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_locked(tmp_path: Path) -> None:
    path = _good_xlsx(tmp_path / "låst.xlsx")
    path.chmod(0)
    try:
        _raises(FileLockedError, path)
    finally:
        path.chmod(0o600)


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    path.write_bytes(b"")
    _raises(EmptyWorkbookError, path)


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    whole = _good_xlsx(tmp_path / "hel.xlsx").read_bytes()
    path = tmp_path / "avkapad.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    error = _raises(CorruptFileError, path)
    # worded in the message's language, not zipfile's "File is not a zip file"
    assert error.message("sv").endswith("(zip-paketet är avkortat eller skadat)")
    assert error.message("en").endswith("(the zip package is cut short or damaged)")


def test_malformed_sheet_xml_is_corrupt(tmp_path: Path) -> None:
    good = _good_xlsx(tmp_path / "hel.xlsx")
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    broken = sheet.replace(b"<worksheet", b"trasig<worksheet", 1)
    path = _rezip(good, tmp_path / "trasig.xlsx", {"xl/worksheets/sheet1.xml": broken})
    _raises(CorruptFileError, path)


def test_malformed_workbook_xml_is_corrupt(tmp_path: Path) -> None:
    good = _good_xlsx(tmp_path / "hel.xlsx")
    path = _rezip(good, tmp_path / "trasig.xlsx", {"xl/workbook.xml": b"<workbook><sheets>"})
    _raises(CorruptFileError, path)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    good = _good_xlsx(tmp_path / "hel.xlsx")
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padding = b" " * (40 << 20)  # 40 MB of blanks inflate from ~40 kB: ratio ~1000:1
    bomb = sheet.replace(b"<sheetData>", b"<sheetData>" + padding, 1)
    path = _rezip(good, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": bomb})
    assert path.stat().st_size < 1 << 20
    error = _raises(TooLargeError, path)
    assert "compression ratio" in error.message("en") and "kompressionsgrad" in error.message("sv")


def test_absurd_used_area_is_refused_quickly(tmp_path: Path) -> None:
    """Cells in A1 and XFD1048576: calamine would allocate 17 billion cells; we refuse first."""
    path = tmp_path / "hörn.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Artikelnr", "Benämning"])
    sheet.write(1048575, 16383, "sista")
    book.close()
    started = time.perf_counter()
    _raises(TooLargeError, path)
    assert time.perf_counter() - started < 5


def test_huge_dimension_with_little_data_loads(tmp_path: Path) -> None:
    """A lying <dimension ref="A1:XFD1048576"> (Gnumeric, some exporters) must not stop a small sheet."""
    good = _good_xlsx(tmp_path / "hel.xlsx")
    with zipfile.ZipFile(good) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    start = sheet.index(b"<dimension ref=")
    end = sheet.index(b"/>", start) + 2
    lying = sheet[:start] + b'<dimension ref="A1:XFD1048576"/>' + sheet[end:]
    path = _rezip(good, tmp_path / "ljuger.xlsx", {"xl/worksheets/sheet1.xml": lying})
    started = time.perf_counter()
    table = read_table(path)
    assert time.perf_counter() - started < 5
    assert table.row_count == 49


def test_workbook_without_any_cells_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Blad1")
    book.add_worksheet("Blad2")
    book.close()
    _raises(EmptyWorkbookError, path)


def test_sheet_of_numbers_only_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "siffror.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    for r in range(5):
        sheet.write_row(r, 0, [r, r * 2, r * 3])
    book.close()
    _raises(NoHeaderError, path)


def test_unknown_sheet(tmp_path: Path) -> None:
    error = _raises(SheetNotFoundError, _good_xlsx(tmp_path / "hel.xlsx"), sheet="Finns inte")
    assert "Finns inte" in error.message("sv")


def test_a_sheet_name_given_for_a_csv_is_an_unknown_sheet(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Artikelnr;Benämning\n1;a\n", encoding="utf-8")
    _raises(SheetNotFoundError, path, sheet="Blad1")


def test_binary_junk_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "bild.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    _raises(UnsupportedFormatError, path)


def test_a_zip_that_is_no_workbook_is_corrupt_under_an_xlsx_name(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hej")
    _raises(CorruptFileError, path)


def test_a_zip_under_another_name_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hej")
    _raises(UnsupportedFormatError, path)


def test_header_row_outside_the_sheet_is_a_usage_error(tmp_path: Path) -> None:
    _raises(UsageError, _good_xlsx(tmp_path / "hel.xlsx"), header_row=500)


def test_mapping_to_an_unknown_header_is_a_usage_error(tmp_path: Path) -> None:
    error = _raises(UsageError, _good_xlsx(tmp_path / "hel.xlsx"), mapping={"price": "Pris"})
    assert error.params["problems"] == [problem("read_no_header_for_field", field="price", header="Pris")]


def test_cancelling_stops_the_load(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        read_table(_good_xlsx(tmp_path / "hel.xlsx"), progress=progress)


def test_a_word_document_under_an_xlsx_name_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "brev.xlsx"
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", "<document/>")
    _raises(UnsupportedFormatError, path)
