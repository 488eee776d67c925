"""The sheet patch jumps over long stretches of rows it does not touch (issue 15: a re-merge patches
300 of 6,000 ``Sortiment`` rows and a block of 2,600 of 20,000 ``Källrader`` rows) instead of looking at
each row. The output must be the row-by-row loop's, byte for byte, whatever the rows look like: rows
without ``r`` (numbered by their place, made explicit after an inserted row), self-closing rows, new
rows between and below, rows appended with the styles of the row above."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.styles
import pytest
from _writer_fixtures import book_with_sheet_xml

from workbench.xlsx import SheetPatch, _sheet, patch_sheets, verify_patch

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'<dimension ref="A1:C400"/><sheetData>')
_TAIL = b'</sheetData><autoFilter ref="A1:C400"/></worksheet>'


def _row(number: int, explicit: bool = True) -> bytes:
    r = f' r="{number}"'.encode() if explicit else b""
    refs = [f' r="{c}{number}"'.encode() if explicit else b"" for c in "ABC"]
    return (b"<row" + r + b' spans="1:3"><c' + refs[0] + b' t="inlineStr"><is><t>G' + str(number).encode()
            + b"</t></is></c><c" + refs[1] + b' s="1"><v>' + str(number).encode() + b"</v></c><c" + refs[2]
            + b' t="inlineStr"><is><t>Artikel med ett ganska langt namn ' + str(number).encode()
            + b"</t></is></c></row>")


def _layouts() -> dict[str, bytes]:
    plain = b"".join(_row(n) for n in range(1, 401))
    implicit = b"".join(_row(n, explicit=not 100 <= n <= 200) for n in range(1, 401))
    gap = b"".join(_row(n, explicit=n < 61) for n in range(1, 401) if n != 50)
    closed = b"".join(b'<row r="%d"/>' % n if n % 7 == 0 else _row(n) for n in range(1, 401))
    spaced = b"\n".join(_row(n) for n in range(1, 401) if n not in (250, 399, 400))
    return {"plain": plain, "implicit": implicit, "gap": gap, "closed": closed, "spaced": spaced}


_CELLS = {
    "far apart": {(10, 1): 11, (390, 2): "ny text"},
    "a block": {**{(row, 1): row + 1 for row in range(150, 160)}, (300, 0): "X300"},
    "new rows": {(50, 0): "ny 50", (250, 1): 250, (399, 0): "ny 399", (405, 0): "ny 405", (405, 1): 5},
    "right edge": {(row, 3): "ok" for row in range(2, 400, 37)},
    "nothing but appended": {(401, 0): "ny 401", (402, 1): 2},
}


def _book(tmp_path: Path, rows: bytes) -> Path:
    return book_with_sheet_xml(tmp_path, _HEAD + rows + _TAIL)


def _patched(source: Path, out: Path, cells: dict[tuple[int, int], object]) -> bytes:
    grow = max(row for row, _ in cells)
    result = patch_sheets(source, out, [SheetPatch("Rader", cells, grow_to_row=grow if grow > 400 else None)])  # type: ignore[arg-type]
    verify_patch(out, result)
    with zipfile.ZipFile(out) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("layout", list(_layouts()))
@pytest.mark.parametrize("case", list(_CELLS))
def test_jumping_over_rows_writes_what_the_row_by_row_loop_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  layout: str, case: str) -> None:
    source = _book(tmp_path, _layouts()[layout])
    cells = _CELLS[case]
    jumped = _patched(source, tmp_path / "jumped.xlsx", cells)
    monkeypatch.setattr(_sheet, "_JUMP_AT_LEAST", 1 << 40)
    walked = _patched(source, tmp_path / "walked.xlsx", cells)
    assert jumped == walked
    sheet = openpyxl.load_workbook(tmp_path / "jumped.xlsx")["Rader"]
    for (row, col), value in cells.items():
        assert sheet.cell(row, col + 1).value == value


def test_long_stretches_are_jumped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jumps: list[tuple[int, int, int]] = []
    jump = _sheet._FastRows._jump

    def counted(self: _sheet._FastRows, buf: bytes, pos: int, wanted: int, previous_row: int) -> object:
        found = jump(self, buf, pos, wanted, previous_row)
        if found is not None:
            jumps.append(found)
        return found

    monkeypatch.setattr(_sheet._FastRows, "_jump", counted)
    _patched(_book(tmp_path, _layouts()["plain"]), tmp_path / "out.xlsx", _CELLS["far apart"])
    # rows 11-389 in one step; the few rows before row 10 and after row 390 are shorter than a jump
    assert [number for _, number, _ in jumps] == [389]


def test_a_sheet_of_rows_without_r_is_patched_in_one_pass(tmp_path: Path) -> None:
    """Rows without ``r`` (some writers leave it out): every row goes through the row-by-row loop, whose
    look for the next numbered row used to read the rest of the buffer at every row (6.5 s for this
    sheet before the jump, 21 s with it; now about 0.1 s)."""
    import time

    from workbench.reading.importer import read_sheet_rows

    count = 40_000
    rows = b"".join(b'<row><c t="inlineStr"><is><t>G%d</t></is></c><c><v>%d</v></c></row>' % (n, n)
                    for n in range(1, count + 1))
    source = _book(tmp_path, rows)
    cells = {(row, 1): -row for row in range(2, count, 997)}
    started = time.process_time()
    _patched(source, tmp_path / "out.xlsx", cells)  # type: ignore[arg-type]
    assert time.process_time() - started < 3.0
    read = read_sheet_rows(tmp_path / "out.xlsx", ["Rader"])["Rader"]
    assert len(read) == count
    for row in range(1, count + 1):
        assert read[row - 1][1] == (-row if (row, 1) in cells else row)


def _full(n: int) -> bytes:
    return b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>G%d</t></is></c><c r="B%d"><v>%d</v></c></row>' % (
        n, n, n, n, n)


def _closed(n: int) -> bytes:
    return b'<row r="%d" spans="1:2" ht="20" customHeight="1"/>' % n  # Excel's empty row with a height


@pytest.mark.parametrize(("rows", "cells"), [
    # 20,000 empty rows with a height below the data (two minutes before this work: a search per row)
    pytest.param(b"".join(_full(n) if n < 100 else _closed(n) for n in range(1, 20_001)), {(20_005, 0): "x"},
                 id="empty rows below"),
    # an empty row just before each patched row (about 4 s with the first version of the jump)
    pytest.param(b"".join(_closed(n) if n % 10_000 == 9_999 else _full(n) for n in range(1, 40_001)),
                 {(row, 1): -row for row in range(10_000, 40_001, 10_000)}, id="an empty row before each"),
])
def test_self_closing_rows_are_patched_in_one_pass(tmp_path: Path, rows: bytes,
                                                   cells: dict[tuple[int, int], object]) -> None:
    import time

    source = _book(tmp_path, rows)
    started = time.process_time()
    out = tmp_path / "out.xlsx"
    result = patch_sheets(source, out, [SheetPatch("Rader", cells)])  # type: ignore[arg-type]
    assert time.process_time() - started < 1.5
    verify_patch(out, result)
