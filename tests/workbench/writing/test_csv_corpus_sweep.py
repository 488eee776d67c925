"""Every csv/txt of the shared corpus: decisions saved (sparse and dense) read back with our reader and
with LibreOffice, and text that would run as a formula is shown by LibreOffice as text.

LibreOffice converts every written file of one dialect in a single ``soffice`` call (start-up is the
cost), so the sweep converts once per dialect, module-wide.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from _writer_fixtures import corpus_dir

from workbench.errors import WorkbenchError
from workbench.reading.importer import read_table
from workbench.table import CsvDialect, SourceTable
from workbench.writing.save import apply_decisions

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FILES = sorted(p.name for p in corpus_dir().glob("*") if p.suffix.lower() in (".csv", ".txt", ".tsv")
               and p.name != "MANIFEST.tsv") if corpus_dir().is_dir() else []
DECISIONS = [
    ({"decision": "Ersätt", "env_score": 4, "comment": "=1+1 åäö; \"citat\"", "reviewed_at": "2025-04-01 09:30"},
     {"decision": "replace", "env_score": "4", "comment": "=1+1 åäö; \"citat\""}),
    ({"decision": "Behåll", "usage": "weekly", "comment": "Skärm 24\" LED, rad\nbrytning"},
     {"decision": "keep", "usage": "weekly", "comment": "Skärm 24\" LED, rad\nbrytning"}),
    ({"decision": "Ta bort", "future_need": "Upphör", "reviewed_by": "@Åsa Öberg"},
     {"decision": "remove", "future_need": "ends", "reviewed_by": "@Åsa Öberg"}),
]
# LibreOffice's csv filter: the delimiter as a character code and the text encoding's number
_LO_CHARSET = {"utf-8": 76, "utf-8-sig": 76, "cp1252": 1, "latin-1": 12, "utf-16": 65535,
               "utf-16-le": 65535, "utf-16-be": 65535}


def guarded(text: str) -> str:
    """What LibreOffice shows for a text the writer guards (the values of this test only)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def libreoffice_grids(files: list[tuple[Path, CsvDialect]], out: Path) -> dict[Path, list[list[Any]]]:
    """Each csv as LibreOffice reads it (converted to xlsx, read with calamine): one soffice call
    per dialect."""
    assert SOFFICE is not None
    groups: dict[str, list[Path]] = {}
    for path, dialect in files:
        options = f"{ord(dialect.delimiter)},34,{_LO_CHARSET[dialect.encoding]},1"
        groups.setdefault(options, []).append(path)
    grids: dict[Path, list[list[Any]]] = {}
    for number, (options, paths) in enumerate(groups.items()):
        folder = out / f"group{number}"
        subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                        f"--infilter=Text - txt - csv (StarCalc):{options}", "--convert-to", "xlsx",
                        "--outdir", str(folder),
                        *map(str, paths)], check=True, capture_output=True, timeout=300)
        for path in paths:
            produced = folder / (path.stem + ".xlsx")
            assert produced.exists(), f"LibreOffice could not read {path.name}"
            sheet = python_calamine.CalamineWorkbook.from_path(str(produced)).get_sheet_by_index(0)
            grids[path] = sheet.to_python(skip_empty_area=False)
    return grids


def _keyed(source: Path) -> SourceTable | None:
    """The file read with a usable key: its own, else its first column of unique values."""
    try:
        table = read_table(source)
    except WorkbenchError:
        return None
    if not table.keys.dropna().empty and table.keys.dropna().astype(str).is_unique:
        return table
    for header in table.data.columns:
        values = table.data[header].dropna().astype(str)
        if len(values) >= 1 and values.is_unique and values.str.strip().eq(values).all():
            return read_table(source, key_column=header)
    return None


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every corpus csv with sparse (three keys) and dense (every key) decisions saved into a copy,
    and what LibreOffice reads in each copy."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not FILES:
        pytest.skip("corpus absent")
    folder = tmp_path_factory.mktemp("csv_sweep")
    saved: dict[str, Any] = {}
    for name in FILES:
        source = corpus_dir() / name
        table = _keyed(source)
        if table is None:
            continue
        keys = [str(k) for k in table.keys.dropna().astype(str).unique()]
        for density, chosen in (("sparse", keys[:3]), ("dense", keys)):
            out = folder / f"{density}_{name}"
            fresh = read_table(source, key_column=table.key_column)
            decisions = {key: DECISIONS[i % 3][0] for i, key in enumerate(chosen)}
            apply_decisions(fresh, decisions, output=out)
            saved[out.name] = (source, out, table, decisions)
    grids = libreoffice_grids([(out, table.csv_dialect) for _, out, table, _ in saved.values()], folder)
    yield {"saved": saved, "grids": grids}


def test_the_sweep_covers_the_corpus_csv_files(written: dict[str, Any]) -> None:
    assert len(written["saved"]) == 2 * len(FILES), sorted(written["saved"])


@pytest.mark.parametrize("density", ["sparse", "dense"])
@pytest.mark.parametrize("name", FILES)
def test_decisions_saved_into_a_corpus_csv_read_back(name: str, density: str, written: dict[str, Any]) -> None:
    entry = written["saved"].get(f"{density}_{name}")
    if entry is None:
        pytest.skip("no usable key in this file")
    _source, out, before, decisions = entry
    after = read_table(out, key_column=before.key_column)
    # our reader: the same table, the decisions in the review columns
    assert (after.header_row, after.csv_dialect) == (before.header_row, before.csv_dialect)
    assert after.data[list(before.data.columns)].equals(before.data)
    review = after.review.set_index(after.keys.astype(str))
    for i, key in enumerate(decisions):
        for field, value in DECISIONS[i % 3][1].items():
            assert review.loc[key, field] == value, (key, field)
    # every record as wide as the widened header
    assert before.csv_dialect is not None
    with out.open(encoding=before.csv_dialect.encoding, newline="") as handle:
        widths = {len(r) for r in csv.reader(handle, delimiter=before.csv_dialect.delimiter)}
    assert min(widths) >= max(after.column_index.values()) + 1, widths
    # LibreOffice: the same values at the same rows and columns, guarded text shown as text
    grid = written["grids"][out]
    for i, key in enumerate(decisions):
        for row in after.data.index[after.keys.astype(str) == key]:
            line = grid[int(row) - 1]
            for field, value in DECISIONS[i % 3][0].items():
                cell = line[after.column_index[after.review_columns[field]]]
                if field == "comment" or field == "reviewed_by":
                    assert cell == guarded(str(value)), (key, field, cell)
                elif field == "env_score":
                    assert cell == value
                elif field != "reviewed_at":
                    assert str(cell).casefold() == str(value).casefold() or field == "usage", (key, field)


FORMULAS = ["=1+1", "+1", "-2", "@SUM(1)", "=cmd|' /C calc'!A0", "\t=1+1", "'=already", "'plain"]


def test_libreoffice_shows_guarded_formulas_as_text(tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "formler.csv"
    source.write_bytes(("Artikelnummer;Benämning;Pris\r\n" + "".join(
        f"A{i};Vara {i};{i},50\r\n" for i in range(len(FORMULAS)))).encode("cp1252"))
    table = read_table(source)
    apply_decisions(table, {f"A{i}": {"comment": text} for i, text in enumerate(FORMULAS)})
    column = read_table(source).column_index["Kommentar"]
    grid = libreoffice_grids([(source, CsvDialect("cp1252", ";", ","))], tmp_path)[source]
    shown = [row[column] for row in grid[1:]]
    # what LibreOffice shows is the text with our guard, never a formula's result or a formula
    assert shown == ["'=1+1", "'+1", "'-2", "'@SUM(1)", "'=cmd|' /C calc'!A0", "'\t=1+1", "''=already",
                     "'plain"]
    # and our reader gives back what was written
    assert read_table(source).review["comment"].tolist()[:5] == FORMULAS[:5]
