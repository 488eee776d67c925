"""``workbench environment``: the csv header and JSON keys exactly as DESIGN, and ``--fill`` through the
save protocol (only empty Miljöpoäng cells; the file patched, every other cell as it was)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _env_files import HEADERS, ROWS, cells, write_list

from workbench.cli import main

DESIGN_COLUMNS = ["key", "suggested_score", "reasons", "requirement_level", "sup_rule", "plastic_kg_year",
                  "co2e_kg_year", "co2e_kg_year_low", "co2e_kg_year_high"]
DESIGN_JSON_KEYS = {"articles", "plastic_kg_year", "co2e_kg_year", "by_material", "sup_banned", "unknown_material"}


def test_csv_header_and_rows(tmp_path: Path) -> None:
    source = write_list(tmp_path / "lista.xlsx")
    out = tmp_path / "miljo.csv"
    assert main(["environment", str(source), "-o", str(out)]) == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == DESIGN_COLUMNS
    assert [r[0] for r in rows[1:]] == [r[0] for r in ROWS]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["sup_rule"] == "banned" and first["suggested_score"] == "1"
    assert first["plastic_kg_year"] == "0.5"


def test_json_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_list(tmp_path / "lista.xlsx")
    assert main(["environment", str(source), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == DESIGN_JSON_KEYS
    assert result["sup_banned"] == ["E01", "E13", "E14", "E15"]
    assert result["unknown_material"] == ["E03", "E08", "E10"]
    assert result["by_material"]["ldpe"] == pytest.approx(120.0)
    assert result["plastic_kg_year"] == pytest.approx(360.5)
    assert set(DESIGN_COLUMNS) <= set(result["articles"][0])


def test_csv_on_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_list(tmp_path / "lista.xlsx")
    assert main(["environment", str(source)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == DESIGN_COLUMNS and len(rows) == len(ROWS) + 1


def test_fill_writes_only_empty_scores_and_nothing_else(tmp_path: Path) -> None:
    source = write_list(tmp_path / "lista.xlsx")
    before = cells(source)
    assert main(["environment", str(source), "--fill", "--json"]) == 0
    after = cells(source)
    score_column = HEADERS.index("Miljöpoäng") + 1
    changed = {place for place in before if before[place] != after.get(place)}
    assert changed and all(column == score_column for _, column in changed)
    assert after[(7, score_column)] == 4  # E06: the score a person set stays
    assert (7, score_column) not in changed
    assert after[(2, score_column)] in (1, "1")  # E01, a banned PLA straw
    assert all(after[(row, score_column)] not in (None, "") for row in range(2, len(ROWS) + 2))
    # a second fill finds nothing empty and changes nothing
    assert main(["environment", str(source), "--fill"]) == 0
    assert cells(source) == after


def test_fill_goes_through_the_journal(tmp_path: Path) -> None:
    from workbench.sharing.journal import Journal

    source = write_list(tmp_path / "lista.xlsx")
    assert main(["environment", str(source), "--fill"]) == 0
    with Journal() as journal:
        history = journal.history(source)
        assert journal.unsaved(source) == []  # every filled cell recorded, then marked saved
        assert len(journal.saves(source)) == 1
    assert {(e.key, e.field) for e in history} == {(r[0], "env_score") for r in ROWS if r[9] is None}


def test_a_busy_workbook_is_exit_3(tmp_path: Path) -> None:
    from workbench.sharing.lock import WorkbookLock

    source = write_list(tmp_path / "lista.xlsx")
    before = cells(source)
    lock = WorkbookLock(source, "kollega")
    lock.acquire(wait=0)
    try:
        assert main(["environment", str(source), "--fill", "--wait", "0"]) == 3
    finally:
        lock.release()
    assert cells(source) == before


def test_a_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["environment", str(tmp_path / "saknas.xlsx")]) == 2
    assert "saknas.xlsx" in capsys.readouterr().err


def test_an_output_in_a_missing_folder_is_a_message_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_list(tmp_path / "lista.xlsx")
    before = cells(source)
    target = tmp_path / "saknas" / "miljo.csv"
    assert main(["environment", str(source), "-o", str(target), "--fill"]) == 2
    assert "miljo.csv" in capsys.readouterr().err
    assert cells(source) == before  # nothing filled either


def test_a_list_without_article_keys_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Benämning", "Material", "Vikt (g)"])
    sheet.append(["Sugrör PLA", "PLA", 0.5])
    path = tmp_path / "utan_nyckel.xlsx"
    book.save(path)
    for extra in ([], ["--fill"]):
        assert main(["environment", str(path), *extra]) == 2
        assert "utan_nyckel.xlsx" in capsys.readouterr().err
