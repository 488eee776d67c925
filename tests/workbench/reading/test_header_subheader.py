"""Header detection when the header holds no known header words and a one-cell sub-header follows it.

Regression test of issue 13 (item 14): a data row was taken for the header and 24 article rows above
it silently dropped out.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from workbench.reading.importer import detect_header_row, read_table

HEADER = ["Kod", "Vara", "Förp", "Färg"]  # no word the synonyms know


def _rows() -> list[list[object]]:
    rows: list[list[object]] = [HEADER, ["Kontorsmaterial"]]
    rows += [[f"K{i:02d}", f"Vara {i}", "st", "blå"] for i in range(1, 25)]
    rows += [["Städ"]]
    rows += [[f"S{i:02d}", f"Medel {i}", "flaska", "grön"] for i in range(1, 11)]
    return rows


def test_a_header_followed_by_a_sub_header_line_is_the_header() -> None:
    assert detect_header_row(_rows()) == 0


def test_no_article_row_drops_out_under_a_sub_header(tmp_path: Path) -> None:
    path = tmp_path / "grupper.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Lista")
    for r, row in enumerate(_rows()):
        sheet.write_row(r, 0, row)
    book.close()
    table = read_table(path, key_column="Kod")
    assert table.header_row == 1
    keys = {str(k) for k in table.keys.dropna()}
    assert {f"K{i:02d}" for i in range(1, 25)} | {f"S{i:02d}" for i in range(1, 11)} <= keys
