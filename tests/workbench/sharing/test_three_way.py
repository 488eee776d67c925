"""Three-way merge of review values, rows matched by key."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES
from workbench.sharing.three_way import resolve, three_way


def frame(rows: dict[str, dict[str, Any]], order: list[str] | None = None) -> tuple[pd.DataFrame, pd.Series]:
    keys = order or list(rows)
    index = pd.Index(range(2, 2 + len(keys)))
    review = pd.DataFrame([[rows.get(k, {}).get(n) for n in REVIEW_FIELD_NAMES] for k in keys], index=index,
                          columns=list(REVIEW_FIELD_NAMES), dtype=object)
    return review, pd.Series(keys, index=index, dtype=object)


def test_one_sided_changes_merge_silently_and_theirs_are_listed() -> None:
    base, keys = frame({"A": {}, "B": {}, "C": {"decision": "keep"}})
    theirs, tkeys = frame({"A": {"decision": "remove"}, "B": {}, "C": {"decision": "keep"}})
    ours, _ = frame({"A": {}, "B": {"comment": "ok"}, "C": {"decision": "keep"}})
    result = three_way(base, keys, theirs, tkeys, ours)
    assert result.conflicts == []
    assert result.value("A", "decision") == "remove" and result.value("B", "comment") == "ok"
    assert result.theirs_changes == [("A", "decision")] and result.ours_changes == [("B", "comment")]


def test_both_changing_to_the_same_value_is_no_conflict() -> None:
    base, keys = frame({"A": {}})
    same, _ = frame({"A": {"decision": "keep"}})
    assert three_way(base, keys, same, keys, same).conflicts == []


def test_both_changing_differently_is_a_conflict_naming_who() -> None:
    when = dt.datetime(2025, 11, 20, 9, 30)
    base, keys = frame({"A": {"decision": "keep"}})
    theirs, _ = frame({"A": {"decision": "remove", "reviewed_by": "Anna Svensson", "reviewed_at": when}})
    ours, _ = frame({"A": {"decision": "investigate"}})
    result = three_way(base, keys, theirs, keys, ours, ours_by="Bo")
    [conflict] = result.conflicts
    assert (conflict.key, conflict.field, conflict.base, conflict.theirs, conflict.ours) == (
        "A", "decision", "keep", "remove", "investigate")
    assert (conflict.theirs_by, conflict.theirs_at, conflict.ours_by) == ("Anna Svensson", when, "Bo")
    assert resolve(result, "theirs") == [("A", "decision")]
    assert result.value("A", "decision") == "remove"


def test_rows_are_matched_by_key_when_the_colleague_sorted_the_sheet() -> None:
    base, keys = frame({"A": {}, "B": {}, "C": {}})
    theirs, tkeys = frame({"A": {"comment": "a"}, "B": {}, "C": {"comment": "c"}, "N": {}}, order=["C", "N", "B", "A"])
    ours, _ = frame({"A": {}, "B": {"decision": "keep"}, "C": {}})
    result = three_way(base, keys, theirs, tkeys, ours)
    assert result.conflicts == []
    assert result.value("A", "comment") == "a" and result.value("C", "comment") == "c"
    assert result.value("B", "decision") == "keep"


def test_an_explicit_decision_equal_to_the_base_still_counts_as_ours() -> None:
    base, keys = frame({"A": {"decision": "keep"}})
    theirs, _ = frame({"A": {"decision": "remove"}})
    ours, _ = frame({"A": {"decision": "keep"}})
    assert three_way(base, keys, theirs, keys, ours).conflicts == []
    result = three_way(base, keys, theirs, keys, ours, ours_changed=[("A", "decision")])
    assert len(result.conflicts) == 1


def test_review_stamps_never_conflict_the_later_stamp_wins() -> None:
    early, late = dt.datetime(2025, 1, 1, 8), dt.datetime(2025, 1, 1, 9)
    base, keys = frame({"A": {}})
    theirs, _ = frame({"A": {"comment": "x", "reviewed_by": "Anna", "reviewed_at": early}})
    ours, _ = frame({"A": {"decision": "keep", "reviewed_by": "Bo", "reviewed_at": late}})
    result = three_way(base, keys, theirs, keys, ours)
    assert result.conflicts == []
    assert (result.value("A", "reviewed_by"), result.value("A", "comment")) == ("Bo", "x")


def test_a_key_the_file_no_longer_has_is_reported_missing() -> None:
    base, keys = frame({"A": {}, "B": {}})
    theirs, tkeys = frame({"A": {}})
    ours, _ = frame({"A": {}, "B": {"decision": "remove"}})
    assert three_way(base, keys, theirs, tkeys, ours).missing == [("B", "decision")]


def test_duplicated_keys_are_matched_occurrence_by_occurrence() -> None:
    base, keys = frame({"A": {}, "A2": {}}, order=["A", "A"])
    theirs, _ = frame({}, order=["A", "A"])
    theirs.iloc[1, REVIEW_FIELD_NAMES.index("comment")] = "second"
    ours, _ = frame({}, order=["A", "A"])
    result = three_way(base, keys, theirs, keys, ours)
    assert result.value("A", "comment", 0) is None and result.value("A", "comment", 1) == "second"
