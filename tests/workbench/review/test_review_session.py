"""ReviewSession: validated edits, one undo step per bulk edit, exact undo/redo, dirty tracking."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from _review_fixtures import make_small_table, make_table

from workbench.errors import InvalidDecisionsError, InvalidEditError
from workbench.messages import problem
from workbench.review.session import ReviewSession, progress, selection_sums

T0 = datetime(2026, 3, 1, 9, 30, 15, 123456)


class Clock:
    """A clock that moves one minute per call, so each edit gets a distinct stamp."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return T0.replace(minute=30 + self.calls)


@pytest.fixture
def table():  # type: ignore[no-untyped-def]
    return make_table(500)


@pytest.fixture
def session(table):  # type: ignore[no-untyped-def]
    return ReviewSession(table, user="anna", clock=Clock())


def test_bulk_edit_of_10000_rows_is_one_undo_step_and_undo_restores_every_cell_exactly() -> None:
    table = make_table(12_000)
    session = ReviewSession(table, user="anna", clock=Clock())
    session.set_values([0, 1], "comment", "först")
    before = table.review.copy(deep=True)
    rows = np.arange(10_000)

    change = session.set_values(rows, "decision", "Ta bort")

    assert change is not None and change.kind == "edit"
    assert len(change.positions) == 10_000
    assert change.fields == ("decision", "reviewed_by", "reviewed_at")
    assert (table.review["decision"].iloc[:10_000] == "remove").all()
    assert table.review["decision"].iloc[10_000:].isna().all()
    undone = session.undo()
    assert undone is not None and undone.kind == "undo"
    pd.testing.assert_frame_equal(table.review, before)
    assert session.can_undo  # the comment edit is still there, as a separate step
    assert session.undo_description().params["field"] == "comment"  # type: ignore[union-attr]


def test_edit_stamps_reviewed_by_and_reviewed_at_and_undo_removes_the_stamps(session, table) -> None:
    session.set_values(["000003"], "usage", "daily")
    row = table.review.iloc[2]
    assert row["reviewed_by"] == "anna"
    assert row["reviewed_at"] == datetime(2026, 3, 1, 9, 31, 15)  # whole seconds
    session.undo()
    assert table.review.iloc[2][["usage", "reviewed_by", "reviewed_at"]].isna().all()


def test_redo_reapplies_the_same_values_and_stamps(session, table) -> None:
    session.set_values([4, 5], "env_score", 4)
    after = table.review.copy(deep=True)
    session.undo()
    redone = session.redo()
    assert redone is not None and redone.kind == "redo"
    assert list(redone.positions) == [4, 5]
    pd.testing.assert_frame_equal(table.review, after)
    assert not session.can_redo


def test_a_new_edit_after_undo_discards_the_redo_branch(session) -> None:
    session.set_values([0], "decision", "keep")
    session.undo()
    assert session.can_redo
    session.set_values([1], "decision", "remove")
    assert not session.can_redo
    assert session.redo() is None


def test_undo_and_redo_with_nothing_to_do_return_none(session) -> None:
    assert not session.can_undo and not session.can_redo
    assert session.undo() is None and session.redo() is None
    assert session.undo_description() is None and session.redo_description() is None


def test_undo_description_names_codes_and_parameters_not_prose(session) -> None:
    session.set_values(["000001", "000002"], "decision", "Behåll")
    description = session.undo_description()
    assert description is not None
    assert description.code == "set_values"
    assert dict(description.params) == {"field": "decision", "value": "keep", "count": 2}
    session.undo()
    assert session.redo_description() == description


def test_english_label_is_accepted_on_a_swedish_table_and_stored_as_code(session, table) -> None:
    assert table.language == "sv"
    session.set_values([0], "decision", "Investigate")
    session.set_values([1], "future_need", "increasing")
    session.set_values([2], "usage", "Varje vecka")
    assert list(table.review["decision"].iloc[:1]) == ["investigate"]
    assert table.review["future_need"].iloc[1] == "increase"
    assert table.review["usage"].iloc[2] == "weekly"


@pytest.mark.parametrize("value", [1, 5, "3", 4.0, " 2 "])
def test_env_score_accepts_ints_and_digit_text(session, table, value) -> None:
    session.set_values([0], "env_score", value)
    assert table.review["env_score"].iloc[0] == str(int(float(str(value).strip())))


@pytest.mark.parametrize(("field", "value"), [("env_score", 6), ("env_score", 0), ("env_score", 2.5),
                                              ("decision", "Kasta"), ("usage", "ibland")])
def test_value_outside_the_vocabulary_raises_and_changes_nothing(session, table, field, value) -> None:
    before = table.review.copy(deep=True)
    with pytest.raises(InvalidDecisionsError) as caught:
        session.set_values([0, 1], field, value)
    error = caught.value
    assert isinstance(error, InvalidEditError)
    assert error.params["reason"] == "unknown_value" and error.params["field"] == field
    assert error.params["problems"]
    pd.testing.assert_frame_equal(table.review, before)
    assert not session.can_undo


def test_none_or_blank_clears_the_value(session, table) -> None:
    session.set_values([0, 1], "decision", "remove")
    session.set_values([0], "decision", None)
    session.set_values([1], "decision", "  ")
    assert table.review["decision"].iloc[:2].isna().all()


def test_replaced_by_must_be_an_existing_key_other_than_the_rows_own(session, table) -> None:
    session.set_values([0, 1], "replaced_by", "000009")
    assert list(table.review["replaced_by"].iloc[:2]) == ["000009", "000009"]
    with pytest.raises(InvalidEditError) as unknown:
        session.set_values([0], "replaced_by", "999999")
    assert unknown.value.params["reason"] == "unknown_key"
    with pytest.raises(InvalidEditError) as own:
        session.set_values([7, 8], "replaced_by", "000009")  # position 8 is key 000009
    assert own.value.params["reason"] == "self_reference"
    assert own.value.params["problems"] == [problem("edit_self_reference", row="10", key="000009")]


def test_replace_without_replaced_by_is_allowed_and_reported(session) -> None:
    session.set_values([0, 1, 2], "decision", "Ersätt")
    session.set_values([1], "replaced_by", "000050")
    assert list(session.rows_needing_replacement()) == [0, 2]
    assert progress(session).replace_without_replacement == 2


def test_reviewed_fields_and_unknown_fields_cannot_be_edited(session) -> None:
    with pytest.raises(InvalidEditError) as stamp:
        session.set_values([0], "reviewed_by", "someone")
    assert stamp.value.params["reason"] == "not_editable"
    with pytest.raises(InvalidEditError) as unknown:
        session.set_values([0], "price", 3)
    assert unknown.value.params["reason"] == "unknown_field"


def test_unknown_keys_and_positions_are_listed_in_the_error(session) -> None:
    with pytest.raises(InvalidEditError) as caught:
        session.set_values(["000001", "nope", "saknas"], "decision", "keep")
    assert caught.value.params["problems"] == [problem("edit_unknown_key", key="nope"),
                                               problem("edit_unknown_key", key="saknas")]
    with pytest.raises(InvalidEditError):
        session.set_values([10_000], "decision", "keep")


def test_empty_selection_is_no_edit(session) -> None:
    assert session.set_values([], "decision", "keep") is None
    assert not session.can_undo


def test_set_from_facet_sets_every_article_of_a_category_in_one_step(session, table) -> None:
    change = session.set_from_facet("category", "Sugrör", "decision", "Ta bort")
    straws = (table.data["Kategori"] == "Sugrör").to_numpy()
    assert change is not None and len(change.positions) == straws.sum()
    assert (table.review["decision"][straws] == "remove").all()
    assert table.review["decision"][~straws].isna().all()
    assert session.undo_description().params["facet_value"] == "Sugrör"  # type: ignore[union-attr]
    session.undo()
    assert table.review["decision"].isna().all()


def test_editing_one_row_of_a_duplicated_key_edits_every_row_with_that_key() -> None:
    table = make_small_table([{"key": "A1", "name": "Mugg"}, {"key": "B2", "name": "Tallrik"},
                              {"key": "A1", "name": "Mugg igen"}])
    session = ReviewSession(table, user="anna", clock=Clock())
    change = session.set_values([0], "decision", "keep")
    assert change is not None and list(change.positions) == [0, 2]
    assert list(table.review["decision"]) == ["keep", None, "keep"]


def test_row_without_key_cannot_be_edited() -> None:
    table = make_small_table([{"key": "A1", "name": "Mugg"}, {"key": None, "name": "Utan nummer"}])
    session = ReviewSession(table, user="anna", clock=Clock())
    with pytest.raises(InvalidEditError) as caught:
        session.set_values([0, 1], "decision", "keep")
    assert caught.value.params["reason"] == "row_without_key"
    assert caught.value.params["problems"] == [problem("edit_row_without_key", row="3")]


def test_changed_cells_lists_keys_and_fields_edited_since_the_last_save(session) -> None:
    assert not session.is_dirty and session.changed_cells() == set()
    session.set_values(["000002"], "decision", "keep")
    assert session.changed_cells() == {
        ("000002", "decision"), ("000002", "reviewed_by"), ("000002", "reviewed_at")
    }
    session.mark_saved()
    assert not session.is_dirty
    session.set_values(["000003"], "comment", "byt leverantör")
    assert {key for key, _ in session.changed_cells()} == {"000003"}


def test_undo_back_to_the_saved_state_is_not_dirty(session) -> None:
    session.set_values([0], "decision", "keep")
    session.mark_saved()
    session.set_values([0], "decision", "remove")
    assert session.is_dirty
    session.undo()
    assert not session.is_dirty
    session.undo()  # before the save: dirty again, relative to what was saved
    assert session.changed_cells() == {
        ("000001", "decision"), ("000001", "reviewed_by"), ("000001", "reviewed_at")
    }


def test_session_normalises_non_object_review_columns_so_codes_can_be_written() -> None:
    table = make_table(5)
    table.review["env_score"] = np.nan  # an importer may hand over an all-empty float column
    table.review["reviewed_at"] = pd.NaT
    session = ReviewSession(table, user="anna", clock=Clock())
    session.set_values([0], "env_score", 3)
    assert table.review["env_score"].iloc[0] == "3"
    assert table.review["env_score"].iloc[1] is None


def test_progress_counts_rows_with_a_decision_per_decision(session) -> None:
    session.set_values(np.arange(10), "decision", "keep")
    session.set_values([10, 11], "decision", "investigate")
    session.set_values([12], "usage", "daily")  # usage alone does not make a row reviewed
    figures = progress(session)
    assert figures.total == 500 and figures.reviewed == 12 and figures.not_reviewed == 488
    assert figures.percent == pytest.approx(2.4)
    assert figures.per_decision == {"keep": 10, "remove": 0, "replace": 0, "investigate": 2}


def test_selection_sums_add_spend_and_quantity_skipping_empty_cells() -> None:
    table = make_small_table([
        {"key": "1", "spend": 100.5, "quantity": 2}, {"key": "2", "spend": None, "quantity": 3},
        {"key": "3", "spend": 10, "quantity": None},
    ])
    assert selection_sums(table, [0, 1, 2]) == (110.5, 5.0)
    assert selection_sums(table, []) == (0.0, 0.0)
    no_spend = make_small_table([{"key": "1", "name": "x"}])
    assert selection_sums(no_spend, [0]) == (None, None)


def test_regression_a_refused_edit_counts_the_problems_it_does_not_list(session) -> None:
    """The edit's own "... (+5)" line made the message list 20 keys and then say "… och 1 problem till"."""
    missing = [f"saknas{n}" for n in range(25)]
    with pytest.raises(InvalidEditError) as caught:
        session.set_values(missing, "decision", "keep")
    lines = caught.value.message("sv").splitlines()
    assert lines[1:21] == [f"  - artikelnumret saknas{n} finns inte i filen" for n in range(20)]
    assert lines[21:] == ["  … och 5 problem till"]
    assert caught.value.message("en").splitlines()[-1] == "  … and 5 more problems"


def test_set_cells_without_stamp_keeps_the_rows_stamps_as_they_were(session, table) -> None:
    # accepting suggested scores is not a review: an unstamped row stays unstamped, a stamped one keeps
    # its stamp; the values themselves are one undo step as usual
    session.set_values([3], "decision", "keep")
    stamped = table.review.iloc[3][["reviewed_by", "reviewed_at"]].tolist()
    change = session.set_cells({"env_score": {2: 4, 3: 5}}, "accept_suggestion", stamp=False)
    assert change is not None and change.fields == ("env_score",)
    assert table.review["env_score"].iloc[[2, 3]].tolist() == ["4", "5"]
    assert table.review.iloc[2][["reviewed_by", "reviewed_at"]].isna().all()
    assert table.review.iloc[3][["reviewed_by", "reviewed_at"]].tolist() == stamped
    assert session.changed_cells() >= {("000003", "env_score"), ("000004", "env_score")}
    session.undo()
    assert table.review["env_score"].iloc[[2, 3]].isna().all()
    assert table.review.iloc[3][["reviewed_by", "reviewed_at"]].tolist() == stamped
