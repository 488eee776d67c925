"""The read-back of a patch looks for the written cells only inside the rows that were written (a
re-merge writes a tenth of a sheet's rows, issue 15); a bad write must still be caught: a wrong value,
a written cell gone, a written cell in another row, a row that is not well-formed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from workbench.xlsx import SheetPatch, patch_sheets, verify_patch

ROWS = 2_000
WRITTEN = range(500, 700)


def _book(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Rader")
    sheet.write_row(0, 0, ["ID", "Antal", "Namn"])
    for row in range(1, ROWS):
        sheet.write_row(row, 0, [f"G{row:05d}", row, f"Artikel {row}"])
    book.close()
    return path


def _patched(tmp_path: Path) -> tuple[Path, object]:
    source = _book(tmp_path / "book.xlsx")
    cells = {(row, 1): row * 10 for row in WRITTEN}
    cells.update({(row, 2): f"Ny {row}" for row in WRITTEN})
    out = tmp_path / "out.xlsx"
    return out, patch_sheets(source, out, [SheetPatch("Rader", cells)])


def _tampered(path: Path, change: object) -> Path:
    """``path`` again with its sheet's XML passed through ``change`` (bytes -> bytes)."""
    target = path.with_name("tampered.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)  # type: ignore[operator]
            out.writestr(info, data)
    return target


def test_a_good_patch_passes(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)
    verify_patch(out, result)  # type: ignore[arg-type]


def test_a_wrong_value_in_a_written_row_is_caught(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)
    bad = _tampered(out, lambda xml: xml.replace(b'<c r="B600"><v>6000</v>', b'<c r="B600"><v>6001</v>'))
    with pytest.raises(ValueError, match="B600: not 6000"):
        verify_patch(bad, result)  # type: ignore[arg-type]


def test_a_written_cell_gone_is_caught(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)
    bad = _tampered(out, lambda xml: re.sub(rb'<c r="C650"[^>]*>.*?</c>', b"", xml, count=1))
    with pytest.raises(ValueError, match="1 written cells are missing"):
        verify_patch(bad, result)  # type: ignore[arg-type]


def test_a_written_cell_in_an_unwritten_row_is_caught(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)

    def move(xml: bytes) -> bytes:
        cell = re.search(rb'<c r="B520"[^>]*>.*?</c>', xml)
        assert cell is not None
        xml = xml.replace(cell.group(0), b"", 1)
        return xml.replace(b'<c r="A1500"', cell.group(0) + b'<c r="A1500"', 1)

    with pytest.raises(ValueError, match="missing"):
        verify_patch(_tampered(out, move), result)  # type: ignore[arg-type]


def test_a_written_cell_in_another_written_row_is_caught(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)

    def move(xml: bytes) -> bytes:
        cell = re.search(rb'<c r="B520"[^>]*>.*?</c>', xml)
        assert cell is not None
        xml = xml.replace(cell.group(0), b"", 1)
        return xml.replace(b'<c r="A530"', cell.group(0) + b'<c r="A530"', 1)

    with pytest.raises(ValueError, match="B520: written inside row 530"):
        verify_patch(_tampered(out, move), result)  # type: ignore[arg-type]


def test_a_row_that_is_not_well_formed_is_caught(tmp_path: Path) -> None:
    out, result = _patched(tmp_path)
    bad = _tampered(out, lambda xml: xml.replace(b'<c r="C1800"', b'<c r="C1800"<', 1))
    with pytest.raises(ValueError):
        verify_patch(bad, result)  # type: ignore[arg-type]


def test_a_wrong_value_in_a_patch_of_every_row_is_caught(tmp_path: Path) -> None:
    source = _book(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    result = patch_sheets(source, out, [SheetPatch("Rader", {(row, 1): row * 10 for row in range(2, ROWS + 1)})])
    verify_patch(out, result)
    bad = _tampered(out, lambda xml: xml.replace(b'<c r="B1600"><v>16000</v>', b'<c r="B1600"><v>16001</v>'))
    with pytest.raises(ValueError, match="B1600: not 16000"):
        verify_patch(bad, result)
