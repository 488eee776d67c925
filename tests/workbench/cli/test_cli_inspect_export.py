"""``workbench inspect`` and ``workbench export``, run as a user would: ``python -m workbench``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

ROOT = Path(__file__).resolve().parents[3]
INSPECT_KEYS = {"file", "sheet", "header_row", "key_column", "rows", "columns", "review_columns",
                "duplicate_keys", "rows_without_key", "warnings"}
EXPORT_HEADER = "key,usage,future_need,env_score,decision,replaced_by,comment,reviewed_by,reviewed_at"


def run(*args: str | Path, lang: str = "sv") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": lang, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def _review_workbook(path: Path, english: bool = False) -> Path:
    headers = (["Article no", "Name", "Usage", "Future need", "Env score", "Decision", "Replaced by",
                "Comment", "Reviewed by", "Reviewed at"] if english else
               ["Artikelnummer", "Benämning", "Användning", "Framtida behov", "Miljöpoäng", "Beslut",
                "Ersätts av", "Kommentar", "Granskad av", "Granskad"])
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Granskning")
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write("A1", "Granskning runda 2")
    sheet.write_row(2, 0, headers)
    sheet.write_row(3, 0, ["0042", "Mugg", "Dagligen", "Ökar", 4, "Ersätt", "0043", "byt, till papp",
                           "Anna"])
    sheet.write_datetime(3, 9, dt.datetime(2024, 5, 2, 14, 30), stamp)
    sheet.write_row(4, 0, ["0043", "Pappmugg", "", "", "", "", "", "", ""])
    sheet.write_row(5, 0, ["0044", "Sked", "Weekly", "Osäkert", "2", "Kanske"])
    book.close()
    return path


def test_inspect_json_has_exactly_the_contract_keys(tmp_path: Path) -> None:
    path = _review_workbook(tmp_path / "lista.xlsx")
    result = run("inspect", path, "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert set(info) == INSPECT_KEYS
    assert info["file"] == str(path)
    assert info["sheet"] == "Granskning"
    assert info["header_row"] == 3
    assert info["key_column"] == "Artikelnummer"
    assert info["rows"] == 3
    assert info["columns"] == {"key": "Artikelnummer", "name": "Benämning"}
    assert info["review_columns"]["decision"] == "Beslut"
    assert info["duplicate_keys"] == []
    assert info["rows_without_key"] == 0
    assert info["warnings"] == ["Okänt värde \u201dKanske\u201d i kolumnen Beslut på 1 rad; det behölls och "
                                "kan mappas."]


def test_inspect_as_text(tmp_path: Path) -> None:
    result = run("inspect", _review_workbook(tmp_path / "lista.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "header_row: 3" in result.stdout
    assert "key_column: Artikelnummer" in result.stdout


def test_export_writes_labels_of_the_workbook_language_in_sheet_order(tmp_path: Path) -> None:
    result = run("export", _review_workbook(tmp_path / "lista.xlsx"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == EXPORT_HEADER
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1] == ["0042", "Dagligen", "Ökar", "4", "Ersätt", "0043", "byt, till papp", "Anna",
                       "2024-05-02 14:30:00"]
    assert rows[2] == ["0043", "", "", "", "", "", "", "", ""]
    assert rows[3] == ["0044", "Varje vecka", "Osäkert", "2", "Kanske", "", "", "", ""]


def test_export_of_an_english_workbook_uses_english_labels(tmp_path: Path) -> None:
    output = tmp_path / "ut.csv"
    result = run("export", _review_workbook(tmp_path / "list.xlsx", english=True), "-o", output)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(output.open(encoding="utf-8", newline="")))
    assert rows[0] == EXPORT_HEADER.split(",")
    assert rows[1][:5] == ["0042", "Daily", "Increasing", "4", "Replace"]
    assert rows[3][1:3] == ["Weekly", "Uncertain"]


def test_export_of_a_csv_list(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes("Art.nr;Benämning;Beslut\r\n01;Kopp;Behåll\r\n02;Fat;\r\n".encode("cp1252"))
    result = run("export", path, "--sheet", "x")
    assert result.returncode == 2
    result = run("export", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["01,,,,Behåll,,,,", "02,,,,,,,,"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_missing_file_exits_2_naming_the_file(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "saknas.xlsx"
    result = run("inspect", path, "--json", lang=lang)
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert result.stdout == ""
    assert ("finns inte" if lang == "sv" else "does not exist") in result.stderr


def test_a_damaged_file_exits_2_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = run("export", path)
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "skadad" in result.stderr


def test_an_unknown_sheet_exits_2_naming_sheet_and_file(tmp_path: Path) -> None:
    path = _review_workbook(tmp_path / "lista.xlsx")
    result = run("inspect", path, "--sheet", "Blad9")
    assert result.returncode == 2
    assert "Blad9" in result.stderr and str(path) in result.stderr
