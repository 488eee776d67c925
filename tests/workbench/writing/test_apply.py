"""Applying decisions: checked by key against the vocabularies, written by the save protocol."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _writer_fixtures import assert_well_formed, build_workbook, corpus_copy, corpus_dir, members, read_grid

from workbench.cli import main
from workbench.errors import InvalidDecisionsError, NoHeaderError
from workbench.reading.importer import read_table
from workbench.savefile import backups_of
from workbench.writing.save import apply_decisions, apply_decisions_file, save_review


def _decisions(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return build_workbook(tmp_path / "artiklar.xlsx", rows=6)


def test_decisions_are_written_by_key_as_labels_and_read_back(workbook: Path, tmp_path: Path) -> None:
    decisions = _decisions(tmp_path / "d.csv", "\ufeffkey,decision,env_score,comment,replaced_by,usage\n"
                           "A003,Ersätt,4,=1+1,A001,weekly\nA001,keep,,Behåll åäö ÅÄÖ,,Dagligen\n")
    result = apply_decisions_file(workbook, decisions)
    assert (result.cells, result.keys, result.written) == (10, 2, workbook)
    assert "Beslut" in result.new_columns
    assert_well_formed(workbook)
    table = read_table(workbook)
    review = table.review.set_index(table.keys)
    assert review.loc["A003", "decision"] == "replace"
    assert review.loc["A003", "env_score"] == "4"
    assert review.loc["A003", "comment"] == "=1+1"
    assert review.loc["A003", "replaced_by"] == "A001"
    assert review.loc["A001", "comment"] == "Behåll åäö ÅÄÖ"
    assert review.loc["A001", "usage"] == "daily"
    assert review.loc["A002", "decision"] is None
    grid = read_grid(workbook, "Artiklar")
    assert grid[0][3:11] == ["Användning", "Framtida behov", "Miljöpoäng", "Beslut", "Ersätts av",
                             "Kommentar", "Granskad av", "Granskad"]
    assert grid[3][6] == "Ersätt" and grid[3][5] == 4


def test_only_the_sheet_and_styles_change(workbook: Path, tmp_path: Path) -> None:
    before = members(workbook)
    decisions = _decisions(tmp_path / "d.csv", "key,decision,reviewed_at\nA002,Behåll,2025-03-01 08:15\n")
    apply_decisions_file(workbook, decisions)
    after = members(workbook)
    assert sorted(n for n in before if before[n] != after[n]) == ["xl/styles.xml", "xl/worksheets/sheet1.xml"]
    assert read_grid(workbook, "Artiklar")[2][10] == dt.datetime(2025, 3, 1, 8, 15)


def test_invalid_decisions_list_every_problem_and_write_nothing(workbook: Path, tmp_path: Path) -> None:
    original = workbook.read_bytes()
    decisions = _decisions(tmp_path / "d.csv", "key,decision,env_score,färg,replaced_by\n"
                           "A001,Kanske,7,röd,B999\nX404,keep,3,,\n")
    with pytest.raises(InvalidDecisionsError) as caught:
        apply_decisions_file(workbook, decisions)
    problems = caught.value.message("sv")
    for fragment in ("färg", "Kanske", "7", "B999", "X404"):
        assert fragment in problems
    assert workbook.read_bytes() == original
    assert backups_of(workbook) == []


def test_the_cli_exits_2_on_invalid_decisions(workbook: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nA001,Kanske\n")
    assert main(["apply", str(workbook), "--decisions", str(decisions)]) == 2
    assert "Kanske" in capsys.readouterr().err


def test_the_cli_applies_and_prints_a_summary(workbook: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    decisions = _decisions(tmp_path / "d.csv", "key,decision\nA001,Ta bort\n")
    out = tmp_path / "ut.xlsx"
    assert main(["apply", str(workbook), "--decisions", str(decisions), "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert read_table(out).review["decision"].tolist()[0] == "remove"


def test_an_empty_cell_clears_and_an_absent_column_is_left_alone(workbook: Path, tmp_path: Path) -> None:
    apply_decisions_file(workbook, _decisions(tmp_path / "1.csv", "key,decision,comment\nA001,keep,bra\n"))
    apply_decisions_file(workbook, _decisions(tmp_path / "2.csv", "key,comment\nA001,\n"))
    table = read_table(workbook)
    assert table.review["decision"].tolist()[0] == "keep"
    assert table.review["comment"].tolist()[0] is None


def test_rows_are_found_by_key_after_a_colleague_sorted_the_sheet(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "sorterad.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Beslut"])
    for r, key in enumerate(["C3", "A1", "B2"], start=1):
        sheet.write_row(r, 0, [key, f"namn {key}"])
    book.close()
    apply_decisions_file(path, _decisions(tmp_path / "d.csv", "key,decision\nA1,Ta bort\nB2,Utred\n"))
    grid = read_grid(path)
    assert [row[2] for row in grid[1:4]] == ["", "Ta bort", "Utred"]


def test_labels_follow_the_workbook_language(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "english.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Article no", "Name", "Decision", "Usage"])
    sheet.write_row(1, 0, ["X1", "Cup"])
    book.close()
    apply_decisions_file(path, _decisions(tmp_path / "d.csv", "key,decision,usage\nX1,Behåll,varje vecka\n"))
    assert read_grid(path)[1][2:4] == ["Keep", "Weekly"]


def test_apply_decisions_takes_a_mapping_and_updates_the_review_frame(workbook: Path) -> None:
    table = read_table(workbook)
    result = apply_decisions(table, {"A002": {"decision": "investigate", "env_score": 2}})
    assert result.cells == 2
    assert table.review["decision"].tolist()[1] == "investigate"
    assert read_table(workbook).review["env_score"].tolist()[1] == "2"


def test_save_review_writes_only_the_changed_cells_with_the_current_state(workbook: Path) -> None:
    table = read_table(workbook)
    apply_decisions(table, {"A001": {"decision": "keep"}})
    table = read_table(workbook)
    table.review.loc[table.review.index[0], "decision"] = "remove"
    table.review.loc[table.review.index[1], "comment"] = "ändrad men inte sparad"
    save_review(table, {("A001", "decision")})
    again = read_table(workbook)
    assert again.review["decision"].tolist()[0] == "remove"
    assert again.review["comment"].tolist()[1] is None


def test_dates_in_a_1904_workbook_are_right(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "mac.xlsx", date1904=True, extras=False, rows=3)
    apply_decisions_file(path, _decisions(tmp_path / "d.csv", "key,reviewed_at,reviewed_by\n"
                                                              "A002,2024-02-29 13:45,Eva\n"))
    grid = read_grid(path)
    assert grid[2][grid[0].index("Granskad")] == dt.datetime(2024, 2, 29, 13, 45)
    assert read_table(path).review["reviewed_by"].tolist()[1] == "Eva"


def test_csv_is_written_back_in_its_own_dialect(tmp_path: Path) -> None:
    path = corpus_copy("cp1252_semicolon_decimal_comma.csv", tmp_path)
    original = path.read_bytes()
    apply_decisions_file(path, _decisions(tmp_path / "d.csv", "key,decision,comment\n001,Behåll,a;b\n"))
    written = path.read_bytes()
    assert written.decode("cp1252").startswith("Artikelnr;Benämning;Pris;Användning")
    first_line_end = original.index(b"\n") + 1
    # the data line keeps its bytes up to the new fields; line endings stay as they were
    data_line = original[first_line_end:].split(b"\n")[0]
    assert data_line in written
    assert written.count(b"\r\n") == original.count(b"\r\n")
    table = read_table(path)
    assert table.review["decision"].tolist() == ["keep"]
    assert table.review["comment"].tolist() == ["a;b"]


def test_an_unchanged_csv_round_trips_byte_identically(tmp_path: Path) -> None:
    from workbench.writing.csv_patch import write_csv_review

    if not corpus_dir().is_dir():
        pytest.skip("corpus absent")
    for source in sorted(corpus_dir().glob("*.csv")) + sorted(corpus_dir().glob("*.txt")):
        table = read_table(source)
        assert table.csv_dialect is not None
        out = tmp_path / source.name
        write_csv_review(source, out, table.csv_dialect, {})
        assert out.read_bytes() == source.read_bytes(), source.name


@pytest.mark.parametrize("name", ["libreoffice_chart_comment.ods", "libreoffice_chart_comment.xls",
                                  "xls_biff8_kitchen_sink.xls"])
def test_xls_and_ods_are_saved_as_a_new_xlsx_beside_them(name: str, tmp_path: Path) -> None:
    path = corpus_copy(name, tmp_path)
    try:
        table = read_table(path)
    except NoHeaderError:
        pytest.skip("no header in this file")
    if table.key_column is None or table.keys.dropna().empty:
        pytest.skip("no usable key in this file")
    key = str(table.keys.dropna().iloc[0])
    result = apply_decisions(table, {key: {"decision": "Utred", "comment": "=A1"}})
    assert result.converted and result.written == path.with_suffix(".xlsx")
    assert path.read_bytes() == (corpus_dir() / name).read_bytes()
    assert "xlsx" in result.summary("en")
    again = read_table(result.written, sheet=table.sheet)
    review = again.review.set_index(again.keys.astype(str))
    assert review.loc[key, "decision"] == "investigate"
    assert review.loc[key, "comment"] == "=A1"
    assert len(again.data) == len(table.data)
    for header in set(table.data.columns) - set(table.review_columns.values()):
        assert again.data[header].astype(str).tolist() == table.data[header].astype(str).tolist()


def test_export_after_apply_gives_back_what_was_applied(workbook: Path, tmp_path: Path) -> None:
    import csv

    applied = ("key,usage,future_need,env_score,decision,replaced_by,comment,reviewed_by,reviewed_at\n"
               "A002,Varje vecka,Minskar,3,Ersätt,A005,=1+1 med ÅÄÖ,Åsa,2025-04-01 09:30\n"
               "A005,Dagligen,Oförändrat,5,Behåll,,,,\n")
    apply_decisions_file(workbook, _decisions(tmp_path / "d.csv", applied))
    out = tmp_path / "export.csv"
    assert main(["export", str(workbook), "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        exported = {row["key"]: row for row in csv.DictReader(handle)}
    for line in csv.DictReader(applied.splitlines()):
        row = dict(exported[line["key"]])
        when = row.pop("reviewed_at")
        expected = dict(line)
        expected_when = expected.pop("reviewed_at")
        assert row == expected
        if expected_when:
            assert when.replace("T", " ").startswith(expected_when)
        else:
            assert when == ""


def test_new_columns_go_right_of_content_added_to_the_file_after_it_was_read(tmp_path: Path) -> None:
    import openpyxl

    path = build_workbook(tmp_path / "artiklar.xlsx", rows=6, extras=False)
    table = read_table(path)
    book = openpyxl.load_workbook(path)
    book["Artiklar"]["F4"] = "tillagd av en kollega"  # the loaded table does not know this column
    book.save(path)
    table.review.loc[3, "decision"] = "keep"
    result = save_review(table, [("A002", "decision")])
    grid = read_grid(path, "Artiklar")
    assert grid[3][5] == "tillagd av en kollega"
    assert grid[0][6:14] == ["Användning", "Framtida behov", "Miljöpoäng", "Beslut", "Ersätts av",
                             "Kommentar", "Granskad av", "Granskad"]
    assert grid[2][9] == "Behåll" and result.cells == 1
    assert table.column_index["Beslut"] == 9


def test_keep_keys_only_leaves_what_the_writer_needs(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "a.xlsx", rows=5)
    table = read_table(path)
    keys, rows, positions = table.keys.tolist(), list(table.data.index), dict(table.column_index)
    table.keep_keys_only()
    assert list(table.data.columns) == [table.key_column] and table.keys.tolist() == keys
    assert list(table.data.index) == rows and table.column_index == positions
    result = apply_decisions(table, {keys[2]: {"decision": "Behåll"}})
    assert result.cells == 1 and read_table(path).review["decision"].tolist()[2] == "keep"
    assert read_grid(path)[3][:3] == ["A003", "Artikel 3", 13.5]
