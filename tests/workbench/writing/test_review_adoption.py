"""Which columns of a file are taken as review columns: only those that look like ours.

Regression tests of issue 13 (item 10): a data column that happened to be named ``Comment`` or
``Kommentar`` was taken over and overwritten, and one English header flipped the workbook to English.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from _writer_fixtures import read_grid

from workbench.reading.importer import read_table
from workbench.writing.save import apply_decisions

SWEDISH_REVIEW = ["Användning", "Framtida behov", "Miljöpoäng", "Beslut", "Ersätts av", "Kommentar",
                  "Granskad av", "Granskad"]


def _book(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    return path


def _review(path: Path) -> dict[str, dict[str, object]]:
    table = read_table(path)
    return table.review.set_index(table.keys.astype(str)).to_dict(orient="index")


def test_a_data_column_named_comment_is_not_taken_over(tmp_path: Path) -> None:
    path = _book(tmp_path / "lista.xlsx", ["Artikelnummer", "Benämning", "Comment"],
                 [["A1", "Penna", "levereras i kartong"], ["A2", "Sudd", "ny leverantör 2024"]])
    table = read_table(path)
    assert table.review_columns == {}
    assert table.language == "sv"  # one English data header does not make the workbook English
    (note,) = [f for f in table.findings if f.code == "review_name_kept_as_data"]
    assert note.params["headers"] == "Comment" and "untouched" in note.message("en")
    result = apply_decisions(table, {"A1": {"comment": "byt till återvunnen", "decision": "Ersätt"}})
    assert "Kommentar" in result.new_columns and "Beslut" in result.new_columns
    grid = read_grid(path)
    assert [row[2] for row in grid[:3]] == ["Comment", "levereras i kartong", "ny leverantör 2024"]
    review = _review(path)
    assert review["A1"]["comment"] == "byt till återvunnen" and review["A2"]["comment"] is None
    assert read_table(path).review_columns["comment"] == "Kommentar"


def test_a_data_column_named_kommentar_is_kept_and_ours_added_beside(tmp_path: Path) -> None:
    path = _book(tmp_path / "lista.xlsx", ["Artikelnummer", "Kommentar", "Pris"],
                 [["A1", "säsongsvara", 3], ["A2", "", 4]])
    table = read_table(path)
    assert table.review_columns == {}
    result = apply_decisions(table, {"A2": {"comment": "behövs inte"}})
    ours = [h for h in result.new_columns if h.startswith("Kommentar")]
    assert ours and ours[0] != "Kommentar"  # a header of its own, not a second "Kommentar"
    grid = read_grid(path)
    assert grid[1][1] == "säsongsvara" and grid[2][1] == ""
    again = read_table(path)
    assert again.review_columns["comment"] == ours[0]
    review = _review(path)
    assert review["A2"]["comment"] == "behövs inte" and review["A1"]["comment"] is None
    apply_decisions(again, {"A1": {"comment": "andra sparningen"}})
    assert read_grid(path)[1][1] == "säsongsvara"
    assert _review(path)["A1"]["comment"] == "andra sparningen"


def test_the_review_block_wins_over_a_data_column_of_the_same_meaning(tmp_path: Path) -> None:
    """Swedish review columns and, to their left, a data column ``Comment``: the block is the review,
    and its language is the workbook's."""
    headers = ["Artikelnummer", "Comment", *SWEDISH_REVIEW]
    path = _book(tmp_path / "lista.xlsx", headers, [["A1", "från leverantören", "", "", "", "Behåll"]])
    table = read_table(path)
    assert table.review_columns["comment"] == "Kommentar"
    assert table.language == "sv"
    apply_decisions(table, {"A1": {"comment": "vår kommentar"}})
    assert read_grid(path)[1][1] == "från leverantören"
    assert _review(path)["A1"]["comment"] == "vår kommentar"


def test_a_lone_column_is_adopted_when_its_values_are_ours(tmp_path: Path) -> None:
    path = _book(tmp_path / "beslut.xlsx", ["Artikelnummer", "Benämning", "Decision"],
                 [["A1", "Penna", "Keep"], ["A2", "Sudd", "Remove"], ["A3", "Linjal", ""]])
    table = read_table(path)
    assert table.review_columns == {"decision": "Decision"}
    assert table.review["decision"].tolist() == ["keep", "remove", None]


def test_a_lone_column_of_other_values_is_not_adopted(tmp_path: Path) -> None:
    path = _book(tmp_path / "beslut.xlsx", ["Artikelnummer", "Benämning", "Beslut"],
                 [["A1", "Penna", "Ja"], ["A2", "Sudd", "Nej"]])
    assert read_table(path).review_columns == {}


def test_a_column_the_user_maps_is_adopted(tmp_path: Path) -> None:
    """The import dialog's choice (a mapping) is the user's confirmation."""
    path = _book(tmp_path / "lista.xlsx", ["Artikelnummer", "Kommentar"], [["A1", "egen text"]])
    table = read_table(path, mapping={"comment": "Kommentar"})
    assert table.review_columns == {"comment": "Kommentar"}
