"""The grid's clipboard in the core: Excel's tab-separated text both ways, a paste planned, checked and
set as one undo step, fill-down."""

from __future__ import annotations

from datetime import datetime

import pytest
from _review_fixtures import make_small_table, make_table

from workbench.errors import InvalidEditError, PasteRefusedError
from workbench.review.clipboard import describe, fill_down, parse_tsv, plan_paste, to_tsv
from workbench.review.session import ReviewSession

# Columns as the grid shows them from Beslut on: Beslut, Ersätts av, Kommentar; then a source column.
COLUMNS = [("Beslut", "decision"), ("Ersätts av", "replaced_by"), ("Kommentar", "comment"), ("Kommun", None)]


def _session(n: int = 50) -> ReviewSession:
    return ReviewSession(make_table(n), user="anna", clock=lambda: datetime(2026, 3, 1, 9, 30))


def test_copied_text_is_what_excel_puts_on_the_clipboard() -> None:
    text = to_tsv([["0001", "Mugg 20 cl", "Behåll"], ["0002", 'Sugrör "böj"', "rad ett\nrad två\tflik"]])
    assert text == '0001\tMugg 20 cl\tBehåll\n0002\t"Sugrör ""böj"""\t"rad ett\nrad två\tflik"\n'


@pytest.mark.parametrize("line_end", ["\r\n", "\n", "\r"])
def test_excel_clipboard_text_reads_back(line_end: str) -> None:
    text = f'a\tb{line_end}"x{line_end}y"\t"say ""hi"""{line_end}\tlast{line_end}'
    assert parse_tsv(text) == [["a", "b"], ["x\ny", 'say "hi"'], ["", "last"]]


def test_round_trip_of_awkward_cells() -> None:
    rows = [['"', "", "\t", "a\nb", '12" skärm'], ["", "", "", "", ""]]
    assert parse_tsv(to_tsv(rows)) == rows


def test_a_quote_inside_a_cell_is_literal_as_in_excel() -> None:
    assert parse_tsv('12" skärm\t5"\n') == [['12" skärm', '5"']]
    assert parse_tsv('"open quote\tx\n') == [['"open quote', "x"]]


def test_a_pasted_block_is_checked_and_set_as_one_undo_step() -> None:
    session = _session()
    review = session.table.review
    block = parse_tsv("Ersätt\t000007\tbyt leverantör\n"
                      "Kanske\t\tfråga Anna\n"  # not a decision: refused, the comment still lands
                      "remove\t999999\t\n"  # an unknown article: refused
                      "Utred\t000005\t\tHuddinge\n")  # the article itself; a source column
    plan = plan_paste(session.table, block, [3, 1, 2, 4], COLUMNS)
    reasons = sorted((r.row, r.column, r.reason) for r in plan.rejected)
    assert reasons == [(3, "Beslut", "unknown_value"), (4, "Ersätts av", "unknown_key"),
                       (6, "Ersätts av", "self_reference"), (6, "Kommun", "not_review_column")]
    change = session.set_cells(plan.cells, "paste")
    assert change is not None and change.description.code == "paste"
    assert review["decision"].iloc[[3, 1, 2, 4]].tolist() == ["replace", None, "remove", "investigate"]
    assert review["replaced_by"].iloc[[3, 1, 2, 4]].tolist() == ["000007", None, None, None]
    assert review["comment"].iloc[[3, 1]].tolist() == ["byt leverantör", "fråga Anna"]
    assert review["reviewed_by"].iloc[[1, 2, 3, 4]].tolist() == ["anna"] * 4
    assert review["reviewed_by"].iloc[0] is None
    session.undo()  # one step takes all of it back
    assert review[["decision", "replaced_by", "comment", "reviewed_by"]].isna().all().all()
    assert not session.can_undo


def test_rows_and_columns_beyond_the_view_are_refused_not_dropped() -> None:
    session = _session()
    plan = plan_paste(session.table, [["Behåll", "x", "y", "z", "extra"], ["Behåll"]], [0], COLUMNS)
    assert [(r.row, r.reason) for r in plan.rejected if r.reason == "outside"] == [(2, "outside"), (None, "outside")]
    assert [r.reason for r in plan.rejected if r.column == "Ersätts av"] == ["unknown_key"]
    assert plan.count == 2
    assert set(plan.cells) == {"decision", "comment"}


def test_a_paste_reaches_every_row_of_a_duplicated_key() -> None:
    table = make_small_table([{"key": "A1", "name": "x"}, {"key": "B2", "name": "y"}, {"key": "A1", "name": "x"}])
    session = ReviewSession(table, user="anna")
    change = session.set_cells({"decision": {0: "Ta bort"}, "comment": {1: "ok"}})
    assert change is not None
    assert table.review["decision"].tolist() == ["remove", None, "remove"]
    assert table.review["comment"].tolist() == [None, "ok", None]
    assert table.review["reviewed_by"].tolist() == ["anna", "anna", "anna"]


def test_set_cells_refuses_everything_if_one_value_is_invalid() -> None:
    session = _session()
    with pytest.raises(InvalidEditError):
        session.set_cells({"comment": {0: "fine"}, "decision": {1: "Kanske"}})
    assert session.table.review["comment"].isna().all() and not session.can_undo


def test_fill_down_copies_the_top_row_to_the_selected_rows() -> None:
    session = _session()
    session.set_values([5], "decision", "keep")
    session.set_values([5], "comment", "se avtal")
    plan = fill_down(session.table, [5, 9, 7], ["decision", "comment", "reviewed_by"])
    session.set_cells(plan.cells, "fill_down")
    review = session.table.review
    assert review["decision"].iloc[[5, 9, 7]].tolist() == ["keep"] * 3
    assert review["comment"].iloc[[5, 9, 7]].tolist() == ["se avtal"] * 3
    assert review["decision"].iloc[6] is None
    session.undo()
    assert review["decision"].iloc[[9, 7]].tolist() == [None, None]


def test_refused_values_are_named_in_both_languages() -> None:
    session = _session()
    plan = plan_paste(session.table, [["Kanske"]], [0], COLUMNS)
    (refused,) = plan.rejected
    assert describe(refused, "sv") == "Rad 2 (000001), Beslut: \u201dKanske\u201d \u2013 inte ett av fältets värden"
    assert describe(refused, "en") == "Row 2 (000001), Beslut: \u201cKanske\u201d \u2013 not one of the field's values"
    error = PasteRefusedError(session.table.path, count=1, problems=[describe(refused, "sv")])
    message = error.message("sv")
    assert "1 inklistrat värde passar inte sitt fält och sattes inte i sortiment.xlsx" in message
    assert "Kanske" in message
