"""The first look at a small workbook (no pandas): the sheet, header and rows the full load will find."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _writer_fixtures import build_workbook

from workbench.reading.importer import read_table
from workbench.reading.preview import read_preview

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "resources" / "sample" / "sodertorn_sortiment.xlsx"


def test_the_sample_previews_as_the_loader_reads_it() -> None:
    preview = read_preview(SAMPLE)
    table = read_table(SAMPLE)
    assert preview is not None
    assert preview.sheet == table.sheet  # the title sheet is skipped the same way
    assert preview.row_numbers == [int(row) for row in table.data.index]
    assert preview.headers[0] == "Artikelnummer" and len(preview.rows) == table.row_count == 2000
    assert preview.rows[0][0] == table.keys.iloc[0] == "0007206"  # a text key keeps its leading zeros


def test_a_remembered_sheet_and_header_row_are_used(tmp_path: Path) -> None:
    book = build_workbook(tmp_path / "artiklar.xlsx", rows=5)
    preview = read_preview(book, "Artiklar", header_row=2)
    assert preview is not None and preview.headers[:2] == ["A001", "Artikel 1"]
    assert preview.row_numbers == [3, 4, 5, 6]


@pytest.mark.parametrize("name", ["a.csv", "big.xlsx", "broken.xlsx", "missing.xlsx"])
def test_no_preview_of_text_files_large_broken_or_missing_workbooks(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "a.csv":
        path.write_text("Artikelnummer;Benämning\n1;Mugg\n", encoding="utf-8")
    elif name == "big.xlsx":
        build_workbook(path, rows=3000)
        assert path.stat().st_size > 50_000 and read_preview(path) is not None
    elif name == "broken.xlsx":
        path.write_bytes(b"PK\x03\x04 not really a zip")
    assert read_preview(path, max_bytes=50_000) is None


def test_the_preview_loads_neither_pandas_nor_qt(tmp_path: Path) -> None:
    copy = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, copy)
    code = ("import sys; from workbench.reading.preview import read_preview; p = read_preview(sys.argv[1]); "
            "print(len(p.rows), sorted(m for m in ('pandas', 'numpy', 'PySide6') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2000", "[]"]


def _corpus_workbooks() -> list[Path]:
    from _writer_fixtures import corpus_dir

    folder = corpus_dir()
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods")) \
        if folder.is_dir() else []


@pytest.mark.skipif(not _corpus_workbooks(), reason="the shared corpus is not here")
def test_the_preview_agrees_with_the_loader_on_every_corpus_workbook() -> None:
    from workbench.errors import WorkbenchError
    from workbench.reading._header import is_total_row

    compared = 0
    for path in _corpus_workbooks():
        preview = read_preview(path, max_bytes=1 << 40)
        try:
            table = read_table(path)
        except WorkbenchError:
            assert preview is None, path.name  # nothing is previewed that the loader refuses to show
            continue
        assert preview is not None, path.name
        assert (preview.sheet, preview.header_row) == (table.sheet, table.header_row), path.name
        rows = [int(row) for row in table.data.index]
        assert set(rows) <= set(preview.row_numbers), path.name
        by_number = dict(zip(preview.row_numbers, preview.rows, strict=True))
        # the only rows the preview shows beyond the table are totals the loader leaves out
        assert all(is_total_row(by_number[n]) for n in set(preview.row_numbers) - set(rows)), path.name
        compared += 1
    assert compared >= 30
