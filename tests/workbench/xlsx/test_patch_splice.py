"""A patched cell inside a row is replaced where it stands, found by its reference (issue 15: a
re-merge rewrites one or two cells in the middle of 2,500 rows of 16 cells). The row must come out as
the general path makes it: styles kept, other cells untouched, a new cell or cells without ``r`` left
to the general path."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.styles
import pytest
from _writer_fixtures import book_with_sheet_xml

from workbench.xlsx import SheetPatch, patch_sheets, verify_patch

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'<dimension ref="A1:D3"/><sheetData>')
_ROWS = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Antal</t></is>'
         b'</c><c r="C1" t="inlineStr"><is><t>Namn</t></is></c><c r="D1" t="inlineStr"><is><t>Not</t></is></c></row>'
         b'<row r="2"><c r="A2" t="inlineStr"><is><t>G1</t></is></c><c r="B2" s="1"><v>5</v></c>'
         b'<c r="C2" t="inlineStr"><is><t>Mugg</t></is></c><c r="D2" s="1"/></row>'
         b'<row r="3"><c r="A3" t="inlineStr"><is><t>G2</t></is></c><c r="B3"><v>7</v></c>'
         b'<c r="D3" t="inlineStr"><is><t>kvar</t></is></c></row>'
         b'<row r="4"><c t="inlineStr"><is><t>G3</t></is></c><c><v>9</v></c><c t="inlineStr"><is><t>Fat</t></is></c>'
         b'</row>')
_TAIL = b"</sheetData></worksheet>"


def _book(tmp_path: Path) -> Path:
    """A small workbook whose sheet XML is exactly ``_HEAD + _ROWS + _TAIL``."""
    return book_with_sheet_xml(tmp_path, _HEAD + _ROWS + _TAIL)


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def _patch(tmp_path: Path, cells: dict[tuple[int, int], object]) -> tuple[bytes, openpyxl.Workbook]:
    out = tmp_path / "out.xlsx"
    result = patch_sheets(_book(tmp_path), out, [SheetPatch("Rader", cells)])  # type: ignore[arg-type]
    verify_patch(out, result)
    return _sheet_xml(out), openpyxl.load_workbook(out)


def test_cells_in_the_middle_of_a_row_are_replaced_in_place_keeping_their_style(tmp_path: Path) -> None:
    xml, book = _patch(tmp_path, {(2, 1): 6, (2, 2): "Mugg & fat <stor>", (2, 3): None})
    row = xml[xml.index(b'<row r="2"'):xml.index(b'<row r="3"')]
    assert row == (b'<row r="2"><c r="A2" t="inlineStr"><is><t>G1</t></is></c><c r="B2" s="1"><v>6</v></c>'
                   b'<c r="C2" t="inlineStr"><is><t xml:space="preserve">Mugg &amp; fat &lt;stor&gt;</t></is></c>'
                   b'<c r="D2" s="1"/></row>')
    sheet = book["Rader"]
    assert [c.value for c in sheet[2]] == ["G1", 6, "Mugg & fat <stor>", None]
    assert xml.startswith(_HEAD)
    assert xml[xml.index(b'<row r="3"'):] == _ROWS[_ROWS.index(b'<row r="3"'):] + _TAIL


@pytest.mark.parametrize(("cells", "values"), [
    ({(3, 1): 8, (3, 2): "ny"}, ["G2", 8, "ny", "kvar"]),  # C3 does not exist: a new cell between two
    ({(3, 2): None, (3, 3): "ändrad"}, ["G2", 7, None, "ändrad"]),  # clearing a cell that is not there
    ({(4, 1): 10}, ["G3", 10, "Fat", None]),  # cells without r
])
def test_a_row_the_splice_cannot_take_goes_the_general_way(tmp_path: Path, cells: dict[tuple[int, int], object],
                                                          values: list[object]) -> None:
    xml, book = _patch(tmp_path, cells)
    row = next(iter(cells))[0]
    assert [c.value for c in book["Rader"][row]] == values
    assert xml.count(b"<row ") == 4
