"""The read-back of a patch parses (strictly) the sheet's head and tail and every stretch of rows that
holds a written row, and leaves out stretches of untouched rows (issue 15: a re-merge writes a block of
2,600 of 20,000 rows). What the patcher wrote must still be caught when broken: a written stretch, the
tail, a sheet cut off after a row, a row whose ``r`` the patcher may have added."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

from workbench.xlsx import SheetPatch, _verify, patch_sheets, verify_patch

ROWS = 40_000  # about 4 MB of sheet XML: several 1 MB stretches
WRITTEN = range(600, 800)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stretches") / "book.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Rader")
    sheet.write_row(0, 0, ["ID", "Antal", "Namn"])
    for row in range(1, ROWS):
        sheet.write_row(row, 0, [f"G{row:05d}", row, f"Artikel {row}"])
    sheet.autofilter(0, 0, ROWS - 1, 2)
    workbook.close()
    return path


def _patched(book: Path, tmp_path: Path) -> tuple[Path, object]:
    cells: dict[tuple[int, int], object] = {(row, 1): row * 10 for row in WRITTEN}
    cells.update({(ROWS + extra, 0): f"Ny {extra}" for extra in range(1, 4)})  # appended below the end
    out = tmp_path / "out.xlsx"
    return out, patch_sheets(book, out, [SheetPatch("Rader", cells, grow_to_row=ROWS + 3)])  # type: ignore[arg-type]


def _tampered(path: Path, change: Callable[[bytes], bytes]) -> Path:
    target = path.with_name("tampered.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            out.writestr(info, data)
    return target


def test_a_good_patch_passes_and_untouched_stretches_are_not_parsed(book: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out, result = _patched(book, tmp_path)
    with zipfile.ZipFile(out) as zf:
        size = zf.getinfo("xl/worksheets/sheet1.xml").file_size
    fed: list[int] = []
    create = _verify.expat.ParserCreate

    def counting() -> object:
        parser = create()
        parse = parser.Parse

        class Counted:
            def Parse(self, data: bytes, final: bool = False) -> int:
                fed.append(len(data))
                return parse(data, final)

            def ParseFile(self, stream: object) -> int:
                return parser.ParseFile(stream)

        return Counted()

    monkeypatch.setattr(_verify.expat, "ParserCreate", counting)
    verify_patch(out, result)  # type: ignore[arg-type]
    assert size > 3 << 20
    assert sum(fed) < size / 2  # the first stretch (written rows), the last (appended ones), head and tail


@pytest.mark.parametrize("change", [
    pytest.param(lambda xml: xml.replace(b'<c r="C700"', b'<c r="C700"<', 1), id="a written stretch"),
    pytest.param(lambda xml: xml.replace(b"</sheetData>", b"</sheetData><autoFilter", 1), id="the tail"),
    pytest.param(lambda xml: xml[:xml.index(b"</sheetData>")], id="cut off after a row"),
    pytest.param(lambda xml: xml.replace(b'<row r="30000"', b"<row", 1).replace(b'<c r="A30000"', b"<c r=A30000",
                                                                             1), id="a row without r"),
])
def test_a_broken_sheet_is_caught(book: Path, tmp_path: Path, change: Callable[[bytes], bytes]) -> None:
    out, result = _patched(book, tmp_path)
    with pytest.raises(ValueError):
        verify_patch(_tampered(out, change), result)  # type: ignore[arg-type]


def _dense(book: Path, tmp_path: Path) -> tuple[Path, object]:
    """Every row of the first 5,000 written (a re-merge's block of rows): the cells are looked for by
    their reference inside their row."""
    out = tmp_path / "dense.xlsx"
    cells = {(row, 1): row * 10 for row in range(2, 5_000)}
    return out, patch_sheets(book, out, [SheetPatch("Rader", cells)])  # type: ignore[arg-type]


def test_a_dense_block_is_checked_cell_by_cell(book: Path, tmp_path: Path) -> None:
    out, result = _dense(book, tmp_path)
    verify_patch(out, result)  # type: ignore[arg-type]
    wrong = _tampered(out, lambda xml: xml.replace(b'<c r="B3000"><v>30000</v>', b'<c r="B3000"><v>30001</v>', 1))
    with pytest.raises(ValueError, match="B3000: not 30000"):
        verify_patch(wrong, result)  # type: ignore[arg-type]


def test_a_cell_moved_into_another_row_of_a_dense_block_is_caught(book: Path, tmp_path: Path) -> None:
    out, result = _dense(book, tmp_path)

    def move(xml: bytes) -> bytes:
        cell = re.search(rb'<c r="B2520"[^>]*>.*?</c>', xml)
        assert cell is not None
        xml = xml.replace(cell.group(0), b"", 1)
        return xml.replace(b'<c r="A2530"', cell.group(0) + b'<c r="A2530"', 1)

    with pytest.raises(ValueError, match="1 written cells are missing"):
        verify_patch(_tampered(out, move), result)  # type: ignore[arg-type]
