"""Every file in the shared corpus either loads or fails with its specific typed error.

The list of files comes from the folder itself, so files added to the corpus are tested without code
changes: a file not in the table below must load, or raise a WorkbenchError subclass other than the
base class (never another exception, never a crash), and do either quickly.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from workbench.errors import (
    CorruptFileError,
    EmptyWorkbookError,
    EncryptedFileError,
    NoHeaderError,
    UnsupportedFormatError,
    WorkbenchError,
)
from workbench.reading.importer import read_table


def corpus_dir() -> Path:
    override = os.environ.get("BEHOVSANALYS_CORPUS")
    return Path(override) if override else Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


CORPUS = corpus_dir()
NOT_SPREADSHEETS = {"MANIFEST.md", "MANIFEST.tsv", "README.md"}

#: Files that must fail, and how. Everything else must load.
EXPECTED_ERRORS: dict[str, type[WorkbenchError]] = {
    "broken_truncated.xlsx": CorruptFileError,
    "edge_truncated_zip.xlsx": CorruptFileError,
    "edge_empty_zip.xlsx": CorruptFileError,  # a zip holding no workbook, under an .xlsx name
    "edge_invalid_xml.xlsx": CorruptFileError,
    "edge_encrypted_agile.xlsx": EncryptedFileError,
    "edge_xls_encrypted_xor.xls": EncryptedFileError,
    "edge_xls_too_small.xls": UnsupportedFormatError,  # one line of text saved as .xls
    "edge_zero_bytes.xlsx": EmptyWorkbookError,
    "numbers_native.numbers": UnsupportedFormatError,
    "images_floating.xlsx": EmptyWorkbookError,  # pictures, no cells
    "images_in_cell_richdata.xlsx": EmptyWorkbookError,
    "vba_formcontrols_images.xlsm": EmptyWorkbookError,
    # Data without any row that looks like column headers (numbers, dates, single cells):
    "comments_threaded.xlsx": NoHeaderError,
    "condfmt_x14.xlsx": NoHeaderError,
    "dates_1900.xlsx": NoHeaderError,
    "dates_1904.xlsx": NoHeaderError,
    "dv_list_x14.xlsx": NoHeaderError,
    "excel_dimension_xfd1048576.xlsx": NoHeaderError,  # one cell in XFD1048576
    "formulas_shared_array.xlsx": NoHeaderError,
    "frozen_panes.xlsx": NoHeaderError,
    "hyperlinks_external.xlsx": NoHeaderError,
    "libreoffice_dates.xlsx": NoHeaderError,
    "ods_libreoffice_dates.ods": NoHeaderError,
    "styles_cell_style_simple.xlsx": NoHeaderError,
    "xls_dates_1904.xls": NoHeaderError,
}

#: Files that load with no article rows (a header and nothing under it).
EXPECTED_EMPTY = {"empty_sheets.xlsx"}

#: Any single file must load (or fail) within this many seconds, huge dimensions included.
SECONDS_PER_FILE = 10.0


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name not in NOT_SPREADSHEETS)


@pytest.fixture(scope="module", autouse=True)
def _need_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} is absent")


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_corpus_file_loads_or_fails_with_its_specific_error(path: Path) -> None:
    started = time.perf_counter()
    expected = EXPECTED_ERRORS.get(path.name)
    if expected is not None:
        with pytest.raises(expected) as caught:
            read_table(path)
        assert type(caught.value) is expected
        assert str(path) in caught.value.message("sv")
    else:
        try:
            table = read_table(path)
        except WorkbenchError as error:
            assert type(error) is not WorkbenchError, "a new file failed with the untyped base error"
            pytest.fail(f"{path.name} is not in EXPECTED_ERRORS but raised {type(error).__name__}: "
                        f"{error.message('en')}")
        if path.name in EXPECTED_EMPTY:
            assert table.row_count == 0
        else:
            assert table.row_count > 0
        assert len(table.review) == table.row_count
        assert table.header_row >= 1
        assert table.data.index.is_monotonic_increasing
        assert (table.data.index > table.header_row).all()
        assert set(table.column_index) == set(table.data.columns)
    assert time.perf_counter() - started < SECONDS_PER_FILE


def test_expectation_table_names_only_files_that_exist() -> None:
    names = {p.name for p in _corpus_files()}
    assert set(EXPECTED_ERRORS) - names == set()
    assert EXPECTED_EMPTY - names == set()
