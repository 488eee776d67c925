"""Every xlsx/xlsm in the shared corpus: decisions applied change only the review cells.

Parametrised from the folder listing, so files added to the corpus are tested without code changes.
Files the importer cannot use (no header, no key) get a few cells patched directly on their first
sheet; damaged files must fail with a typed error and write nothing.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from _writer_fixtures import assert_well_formed, corpus_dir, members

from workbench.errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError, WorkbenchError
from workbench.reading.importer import read_table
from workbench.table import SourceTable
from workbench.writing.save import apply_decisions
from workbench.xlsx._package import read_package, table_parts
from workbench.xlsx.patch import check_package, last_used_column, patch_xlsx

FILES = sorted(p.name for p in corpus_dir().glob("*.xls[xm]")) if corpus_dir().is_dir() else []
MAX_AREA = 5_000_000
DECISIONS = [
    {"decision": "Ersätt", "env_score": 4, "comment": "=1+1 åäö", "reviewed_at": "2025-04-01 09:30"},
    {"decision": "Behåll", "usage": "weekly", "comment": "Behåll <&> \"citat\""},
    {"decision": "Ta bort", "future_need": "Upphör", "reviewed_by": "Åsa Öberg"},
]
CODES = [{"decision": "replace", "env_score": "4", "comment": "=1+1 åäö",
          "reviewed_at": dt.datetime(2025, 4, 1, 9, 30)},
         {"decision": "keep", "usage": "weekly", "comment": "Behåll <&> \"citat\""},
         {"decision": "remove", "future_need": "ends", "reviewed_by": "Åsa Öberg"}]


def sheet_cells(path: Path, sheet: str | None) -> dict[tuple[int, int], Any] | None:
    """Non-empty cells of a sheet by (0-based row, column), or ``None`` for absurd dimensions (calamine
    would try to allocate the whole range)."""
    last_row, last_col = last_used_column(path, sheet)
    if last_row * (last_col + 1) > MAX_AREA:
        return None
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    data = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    if data.height * data.width > MAX_AREA:
        return None
    # iter_rows starts at row 0 but at the used range's first column
    c0 = (data.start or (0, 0))[1]
    return {(i, c0 + j): v for i, row in enumerate(data.iter_rows())
            for j, v in enumerate(row) if v not in ("", None)}


def _sheet_part(path: Path, sheet: str | None) -> tuple[str, list[str]]:
    with zipfile.ZipFile(path) as zf:
        info = read_package(zf).sheet(sheet)
        return info.part, table_parts(zf, info)


def _assert_only_allowed_parts_changed(source: Path, out: Path, sheet: str | None) -> None:
    part, tables = _sheet_part(source, sheet)
    before, after = members(source), members(out)
    assert list(before) == list(after)
    changed = {n for n in before if before[n] != after[n]}
    assert part in changed or not changed
    allowed = {part, *tables}
    with zipfile.ZipFile(source) as zf:
        styles = read_package(zf).styles_part
    if styles:
        allowed.add(styles)
    assert changed <= allowed, changed - allowed


def _assert_other_cells_unchanged(source: Path, out: Path, sheet: str | None, review_cols: set[int]) -> None:
    before, after = sheet_cells(source, sheet), sheet_cells(out, sheet)
    if before is None or after is None:
        return
    keep = {k: v for k, v in before.items() if k[1] not in review_cols}
    now = {k: v for k, v in after.items() if k[1] not in review_cols}
    assert keep == now


@pytest.mark.parametrize("name", FILES)
def test_applying_decisions_changes_only_review_cells(name: str, tmp_path: Path) -> None:
    source = corpus_dir() / name
    out = tmp_path / ("out" + source.suffix)
    try:
        table = read_table(source)
    except WorkbenchError:
        table = None
    if table is not None and table.keys.dropna().empty:
        table = _with_some_key(source, table)
    keys = [] if table is None else [k for k in table.keys.dropna().astype(str).unique()
                                     if k not in set(table.duplicate_keys)][:3]
    if table is None or not keys:
        _patch_first_sheet_directly(source, out)
        return
    decisions = {key: DECISIONS[i] for i, key in enumerate(keys)}
    existing_review_cols = {table.column_index[h] for h in table.review_columns.values()}
    result = apply_decisions(table, decisions, output=out)
    assert result.written == out
    assert_well_formed(out)
    _assert_only_allowed_parts_changed(source, out, table.sheet)
    review_cols = existing_review_cols | {table.column_index[h] for h in table.review_columns.values()}
    _assert_other_cells_unchanged(source, out, table.sheet, review_cols)
    again = read_table(out, sheet=table.sheet, key_column=table.key_column)
    review = again.review.set_index(again.keys.astype(str))
    for key, expected in zip(keys, CODES, strict=False):
        for field, value in expected.items():
            assert review.loc[key, field] == value, (key, field)


def _with_some_key(source: Path, table: SourceTable) -> SourceTable | None:
    """The table read again with its first column of unique values as the key (most corpus files are
    not article lists, but their sheets still exercise the writer)."""
    for header in table.data.columns:
        values = table.data[header].dropna().astype(str)
        if len(values) >= 3 and values.is_unique:
            try:
                return read_table(source, sheet=table.sheet, key_column=header)
            except WorkbenchError:
                return None
    return None


def _patch_first_sheet_directly(source: Path, out: Path) -> None:
    try:
        last_col = last_used_column(source)[1]
    except (CorruptFileError, EncryptedFileError, UnsupportedFormatError):
        return
    col = last_col + 1 if last_col + 1 < 16384 else 0
    cells = {(1, col): "Beslut", (2, col): "Behåll", (3, col): "=1+1"}
    try:
        result = patch_xlsx(source, out, None, cells)
    except (CorruptFileError, EncryptedFileError, UnsupportedFormatError):
        return  # a typed error; the save protocol writes nothing
    try:
        check_package(out, result.changed_parts)
    except ValueError:
        # the patcher is no validating parser; the save's strict check rejects a sheet that was
        # already damaged, before anything is replaced
        with pytest.raises(ValueError):
            check_package(source, [_sheet_part(source, None)[0]])
        return
    assert_well_formed(out)
    _assert_only_allowed_parts_changed(source, out, None)
    _assert_other_cells_unchanged(source, out, None, {col})
    after = sheet_cells(out, None)
    if after is not None:
        assert [after.get((r, col)) for r in range(3)] == ["Beslut", "Behåll", "=1+1"]
