"""Small shared workbooks and helpers for the journal, lock, merge and shared-save tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import xlsxwriter

from workbench.reading.importer import read_table
from workbench.sharing.journal import encode_value

ROOT = Path(__file__).resolve().parents[2]


def build_list(path: Path, rows: int = 40) -> Path:
    """An article list: header on row 1, keys ``K0001``…, names and quantities, no review columns."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Antal"])
    for i in range(1, rows + 1):
        sheet.write_row(i, 0, [f"K{i:04d}", f"Artikel {i}", i * 3])
    book.close()
    return path


def review_of(path: Path) -> dict[str, dict[str, Any]]:
    """key -> {field: value as journal text} of every article row, read by the importer (calamine)."""
    table = read_table(path)
    result: dict[str, dict[str, Any]] = {}
    for key, (_, row) in zip(table.keys, table.review.iterrows(), strict=True):
        result[str(key)] = {name: encode_value(value) for name, value in row.items()}
    return result


def run_cli(*args: str | Path, home: Path, user: str = "Anna",
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m workbench ARGS`` in a real process with its own app home and user name."""
    env = {**os.environ, "BEHOVSANALYS_HOME": str(home), "BEHOVSANALYS_USER": user, "BEHOVSANALYS_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def write_decisions(path: Path, rows: dict[str, dict[str, str]]) -> Path:
    fields = sorted({name for values in rows.values() for name in values})
    lines = [",".join(["key", *fields])]
    lines += [",".join([key, *(values.get(name, "") for name in fields)]) for key, values in rows.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
