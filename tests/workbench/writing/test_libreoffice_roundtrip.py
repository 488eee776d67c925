"""LibreOffice, an independent reader, reads our written decisions back by key.

Converting takes a few seconds per file, so a representative subset is converted: a plain list, an
Excel table that grew, a workbook LibreOffice wrote itself, a 1904 workbook and strict OOXML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _writer_fixtures import build_workbook, corpus_copy, libreoffice_csv

from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

DECISIONS = {"decision": "Ersätt", "env_score": 4, "comment": "=1+1 åäö", "reviewed_at": "2025-04-01 09:30",
             "usage": "Varje vecka"}


def _check(path: Path, key: str, tmp_path: Path, key_column: str | None = None) -> None:
    table = read_table(path, key_column=key_column)
    apply_decisions(table, {key: DECISIONS})
    rows = libreoffice_csv(path, tmp_path)
    header_index = table.header_row - 1
    header = rows[header_index]
    key_col = header.index(table.key_column)
    row = next(r for r in rows[header_index + 1:] if r[key_col] == key)
    got = {name: row[header.index(title)] for name, title in
           (("decision", "Beslut"), ("env_score", "Miljöpoäng"), ("comment", "Kommentar"),
            ("reviewed_at", "Granskad"), ("usage", "Användning"))}
    assert got == {"decision": "Ersätt", "env_score": "4", "comment": "=1+1 åäö",
                   "reviewed_at": "2025-04-01 09:30", "usage": "Varje vecka"}


def test_libreoffice_reads_decisions_in_a_plain_list(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "lista.xlsx", rows=30)
    _check(path, "A007", tmp_path)


def test_libreoffice_reads_decisions_in_a_grown_excel_table(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "tabell.xlsx", rows=10, table=True, extras=False)
    _check(path, "A003", tmp_path)


def test_libreoffice_reads_decisions_in_a_1904_workbook(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "mac.xlsx", rows=5, date1904=True, extras=False)
    _check(path, "A002", tmp_path)


@pytest.mark.parametrize("name", ["libreoffice_resaved_chart_comment.xlsx",
                                  "xlsxwriter_2000_articles_autofilter_freeze.xlsx",
                                  "strict_ooxml_sheet_visibility.xlsx"])
def test_libreoffice_reads_decisions_in_corpus_workbooks(name: str, tmp_path: Path) -> None:
    path = corpus_copy(name, tmp_path)
    table = read_table(path)
    key_column = None
    if table.keys.dropna().empty:
        key_column = next(h for h in table.data.columns if table.data[h].dropna().astype(str).is_unique)
        table = read_table(path, key_column=key_column)
    if table.sheet not in (None, table.sheets[0] if table.sheets else None):
        pytest.skip("LibreOffice's csv export reads the first sheet only")
    _check(path, str(table.keys.dropna().iloc[0]), tmp_path, key_column)
