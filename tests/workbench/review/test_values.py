"""The one rule for review values (issue 14): normalising, equality, wording and dates, and the places
that used to have their own copy and disagreed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _shared_fixtures import build_list

from workbench.errors import InvalidDecisionsError
from workbench.reading.importer import read_table
from workbench.review.decisions import check_decisions
from workbench.review.session import ReviewSession
from workbench.review.values import BadValue, is_valid, label, normalise, parse_date, same_value, same_values

NOON = dt.datetime(2026, 12, 1, 12, 30, 5)


@pytest.mark.parametrize(("a", "b"), [
    (None, ""), ("  ", None), (float("nan"), None), (pd.NaT, ""), (pd.NA, None),
    (4, "4"), (4.0, "4"), (np.int64(4), "4"), (np.float64(4.0), 4),
    (dt.date(2026, 12, 1), dt.datetime(2026, 12, 1)), (pd.Timestamp(NOON), NOON),
    (NOON.replace(microsecond=400), NOON), (NOON.replace(tzinfo=dt.UTC), NOON),
    ("keep", "keep"),
])
def test_forms_of_one_value_are_the_same(a: object, b: object) -> None:
    assert same_value(a, b) and same_value(b, a)
    assert same_values(np.array([a], dtype=object), np.array([b], dtype=object)).tolist() == [True]


@pytest.mark.parametrize(("a", "b"), [
    ("keep", "remove"), ("Keep", "keep"), ("4.0", 4), (4.5, "4"), (None, "x"), (dt.date(2026, 12, 1), NOON),
    (NOON, NOON + dt.timedelta(seconds=1)),
])
def test_other_values_differ(a: object, b: object) -> None:
    assert not same_value(a, b) and not same_value(b, a)
    assert same_values(np.array([a, "x"], dtype=object), np.array([b, "x"], dtype=object)).tolist() == [False, True]


def test_normalise_gives_codes_keys_times_and_text() -> None:
    assert normalise("decision", "Ta bort") == "remove" and normalise("env_score", 4.0) == "4"
    assert normalise("replaced_by", 1234.0) == "1234" and normalise("comment", "  ") is None
    assert normalise("reviewed_at", "2026-12-01T12:30:05Z") == NOON
    with pytest.raises(BadValue) as error:
        normalise("decision", "kanske")
    assert error.value.reason == "unknown_value" and "keep" in error.value.allowed
    assert not is_valid("reviewed_at", "igår") and is_valid("env_score", "5")


def test_labels_in_each_language() -> None:
    assert (label("decision", "remove", "sv"), label("decision", "remove", "en")) == ("Ta bort", "Remove")
    assert label("env_score", 4.0) == "4" and label("decision", "odd") == "odd" and label("comment", None) == ""
    assert label("reviewed_at", NOON) == "2026-12-01 12:30"
    assert label("reviewed_at", NOON, seconds=True) == "2026-12-01 12:30:05"
    assert label("reviewed_at", dt.datetime(2026, 12, 1)) == label("reviewed_at", dt.date(2026, 12, 1)) == "2026-12-01"


@pytest.mark.parametrize("text", ["2026-12-01", "01.12.2026", "1/12/2026", "2026/12/01", " 2026-12-01 "])
def test_a_date_is_read_one_way(text: str) -> None:
    assert parse_date(text) == dt.datetime(2026, 12, 1)


def test_an_excel_serial_and_no_dates() -> None:
    assert parse_date(46357.5) == dt.datetime(2026, 12, 1, 12, 0)
    assert [parse_date(v) for v in (None, "", "igår", True, float("nan"), pd.NaT)] == [None] * 6


def test_a_decisions_file_takes_a_day_first_date_the_workbook_itself_may_hold(tmp_path: Path) -> None:
    """Regression: the reader of a workbook's review columns read ``01.12.2026`` as a date, the
    decisions file refused it (its own ISO-only parser)."""
    table = read_table(build_list(tmp_path / "lista.xlsx", rows=3))
    checked = check_decisions(table, {"K0001": {"reviewed_at": "01.12.2026 10:15"}})
    assert checked["K0001"]["reviewed_at"] == dt.datetime(2026, 12, 1, 10, 15)
    with pytest.raises(InvalidDecisionsError):
        check_decisions(table, {"K0001": {"reviewed_at": "igår"}})


def test_dirty_tracking_agrees_with_the_merge_about_forms_of_one_value(tmp_path: Path) -> None:
    """Regression: dirty tracking compared with a strict ``==`` while the merge was lenient, so a cell
    whose file value was the same in another form (a midnight date, the score as a number, an empty
    text) counted as an unsaved change that the merge then found nothing to write for."""
    table = read_table(build_list(tmp_path / "lista.xlsx", rows=3))
    session = ReviewSession(table, user="Anna")
    table.review.iloc[0, table.review.columns.get_loc("reviewed_at")] = dt.datetime(2026, 12, 1)
    table.review.iloc[0, table.review.columns.get_loc("env_score")] = "4"
    base = table.review.copy()
    base.iloc[0, base.columns.get_loc("reviewed_at")] = dt.date(2026, 12, 1)
    base.iloc[0, base.columns.get_loc("env_score")] = 4.0
    base.iloc[1, base.columns.get_loc("comment")] = ""
    session.rebase(base)
    assert session.changed_cells() == set() and not session.is_dirty
