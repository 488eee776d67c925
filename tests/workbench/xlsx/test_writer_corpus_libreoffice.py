"""Every xlsx/xlsm of the shared corpus, with decisions saved sparse (three keys) and dense (every
key), reopened by our reader and by LibreOffice.

``test_writer_corpus_sweep.py`` pins that a sparse save changes only the review cells; this adds the
dense save and a second, independent program reading both back. LibreOffice converts every written
workbook in one batch (one start-up, every sheet to its own csv), which keeps the run to seconds.
Files without a usable key get cells patched directly, as in the sweep; damaged and encrypted files
are left to the sweep (they must fail with a typed error and write nothing).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _writer_fixtures import corpus_dir

from workbench.errors import WorkbenchError
from workbench.reading.importer import read_table
from workbench.table import SourceTable
from workbench.writing.save import apply_decisions
from workbench.xlsx._package import read_package
from workbench.xlsx.patch import check_package, last_used_column, patch_xlsx

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FILES = sorted(corpus_dir().glob("*.xls[xm]")) if corpus_dir().is_dir() else []
DECISIONS = [
    {"decision": "Ersätt", "env_score": 4, "comment": "=1+1 åäö"},
    {"decision": "Behåll", "usage": "weekly", "comment": "Behåll <&> \"citat\""},
    {"decision": "Ta bort", "future_need": "Upphör", "reviewed_by": "Åsa Öberg"},
]
# what a spreadsheet shows for the cells above (LibreOffice's csv holds the shown text)
SHOWN = [{"decision": "Ersätt", "env_score": "4", "comment": "=1+1 åäö"},
         {"decision": "Behåll", "usage": "Varje vecka", "comment": "Behåll <&> \"citat\""},
         {"decision": "Ta bort", "future_need": "Upphör", "reviewed_by": "Åsa Öberg"}]
CODES = [{"decision": "replace", "env_score": "4", "comment": "=1+1 åäö"},
         {"decision": "keep", "usage": "weekly", "comment": "Behåll <&> \"citat\""},
         {"decision": "remove", "future_need": "ends", "reviewed_by": "Åsa Öberg"}]


@dataclass
class Written:
    """One saved workbook and the cells a reader must find in it: ``(sheet row, column) -> text``."""

    source: str
    path: Path
    sheet: str | None
    expected: dict[tuple[int, int], str] = field(default_factory=dict)


def _table(source: Path) -> SourceTable | None:
    try:
        table = read_table(source)
    except WorkbenchError:
        return None
    if table.keys.dropna().empty:  # most corpus files are no article lists: take a column of unique values
        for header in table.data.columns:
            values = table.data[header].dropna().astype(str)
            if len(values) >= 3 and values.is_unique:
                try:
                    return read_table(source, sheet=table.sheet, key_column=header)
                except WorkbenchError:
                    return None
        return None
    return table


def _save(source: Path, folder: Path, dense: bool) -> Written | None:
    out = folder / f"{source.stem}{source.suffix}"
    table = _table(source)
    keys = [] if table is None else [k for k in dict.fromkeys(table.keys.dropna().astype(str))
                                     if k not in set(table.duplicate_keys)]
    if table is None or not keys:
        return _patch_directly(source, out)
    chosen = keys if dense else keys[:3]
    apply_decisions(table, {key: DECISIONS[i % 3] for i, key in enumerate(chosen)}, output=out)
    # our reader, by key
    again = read_table(out, sheet=table.sheet, key_column=table.key_column)
    review = again.review.set_index(again.keys.astype(str))
    wrong = [(key, name) for i, key in enumerate(chosen) for name, value in CODES[i % 3].items()
             if review.loc[key, name] != value]
    assert not wrong, f"{source.name}: our reader finds other values at {wrong[:5]}"
    rows = {str(k): int(r) for r, k in zip(again.data.index, again.keys, strict=True) if k is not None}
    columns = {name: again.column_index[header] for name, header in again.review_columns.items()}
    written = Written(source.name, out, again.sheet)
    for i, key in enumerate(chosen):
        for name, shown in SHOWN[i % 3].items():
            written.expected[(rows[key], columns[name])] = shown
    return written


def _patch_directly(source: Path, out: Path) -> Written | None:
    try:
        col = last_used_column(source)[1] + 1
        result = patch_xlsx(source, out, None, {(1, col): "Beslut", (2, col): "Behåll", (3, col): "=1+1"})
        check_package(out, result.changed_parts)
    except (WorkbenchError, ValueError):
        return None  # damaged already: the sweep pins that the save refuses it
    if col >= 1024:  # LibreOffice 7.4 has 1024 columns; beyond that it drops the cells
        return None
    with zipfile.ZipFile(out) as package:
        first = read_package(package).sheets[0].name
    return Written(source.name, out, first, {(1, col): "Beslut", (2, col): "Behåll", (3, col): "=1+1"})


def _libreoffice_sheets(paths: list[Path], folder: Path) -> None:
    """Every sheet of every workbook as csv (UTF-8), ``<stem>-<sheet>.csv`` in ``folder``: one run."""
    profile = folder / "lo_profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(folder), *map(str, paths)], check=True, capture_output=True, timeout=600)


def _lo_rows(written: Written, folder: Path) -> list[list[str]] | None:
    sheet = folder / f"{written.path.stem}-{written.sheet}.csv"
    if not sheet.exists():
        return None
    with sheet.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _sweep(tmp_path: Path, dense: bool) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not FILES:
        pytest.skip("corpus absent")
    saved = tmp_path / "saved"
    saved.mkdir()
    written = [w for w in (_save(source, saved, dense) for source in FILES) if w is not None]
    assert len(written) >= 30, [w.source for w in written]
    converted = tmp_path / "lo"
    _libreoffice_sheets([w.path for w in written], converted)
    problems: list[str] = []
    for item in written:
        rows = _lo_rows(item, converted)
        if rows is None:
            problems.append(f"{item.source}: LibreOffice could not read the saved workbook")
            continue
        for (row, col), shown in item.expected.items():
            found: Any = rows[row - 1][col] if row - 1 < len(rows) and col < len(rows[row - 1]) else None
            if found != shown:
                problems.append(f"{item.source}: row {row} column {col + 1}: {found!r} instead of {shown!r}")
                break
    assert not problems, "\n".join(problems)


def test_sparse_decisions_reopen_in_our_reader_and_libreoffice(tmp_path: Path) -> None:
    _sweep(tmp_path, dense=False)


def test_dense_decisions_reopen_in_our_reader_and_libreoffice(tmp_path: Path) -> None:
    _sweep(tmp_path, dense=True)
