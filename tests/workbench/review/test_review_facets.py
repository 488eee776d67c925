"""The facets of issue 12 item 13: usage, future need, score, ecolabel, reviewer and "has comment".

Counted by the core on the bundled sample as the importer reads it, before and after edits, and
listed in an order that does not move while counts change.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from workbench.review.session import (
    FACET_FIELDS,
    HAS_COMMENT,
    ReviewSession,
    ViewSpec,
    compute_view,
    facet_counts,
    facet_counts_for,
    facet_order,
    missing_columns,
)
from workbench.table import SourceTable


@pytest.fixture
def session(sample_workbook: Path) -> ReviewSession:
    from workbench.reading.importer import read_table

    return ReviewSession(read_table(sample_workbook), user="Anna", clock=lambda: datetime(2026, 12, 1, 9))


def _table(session: ReviewSession) -> SourceTable:
    return session.table


def test_the_panel_offers_every_facet_of_the_issue() -> None:
    for name in ("usage", "future_need", "env_score", "ecolabel", "reviewed_by", HAS_COMMENT):
        assert name in FACET_FIELDS


def test_usage_future_need_and_score_counts_follow_edits(session: ReviewSession) -> None:
    rows = session.table.row_count
    for name in ("usage", "future_need", "env_score"):
        assert facet_counts(session, name) == [("", rows)]  # nothing reviewed yet
    session.set_values([0, 1, 2], "usage", "Dagligen")
    session.set_values([3], "usage", "rarely")
    session.set_values([0, 1], "future_need", "increase")
    session.set_values([5, 6, 7, 8], "env_score", 4)
    assert facet_counts(session, "usage") == [("", rows - 4), ("daily", 3), ("rarely", 1)]
    assert dict(facet_counts(session, "future_need")) == {"": rows - 2, "increase": 2}
    assert dict(facet_counts(session, "env_score")) == {"": rows - 4, "4": 4}
    assert list(compute_view(session, ViewSpec(facets={"usage": {"daily"}}))) == [0, 1, 2]
    session.undo()  # the score edit
    assert facet_counts(session, "env_score") == [("", rows)]


def test_ecolabel_is_counted_from_the_source_column(session: ReviewSession) -> None:
    counts = dict(facet_counts(session, "ecolabel"))
    assert counts == {"": 1536, "Svanen": 266, "FSC": 121, "EU Ecolabel": 46, "Bra Miljöval": 31}
    shown = compute_view(session, ViewSpec(facets={"ecolabel": {"FSC", "Svanen"}}))
    assert len(shown) == 121 + 266


def test_reviewed_by_counts_the_reviewers_after_edits(session: ReviewSession) -> None:
    assert facet_counts(session, "reviewed_by") == [("", session.table.row_count)]
    session.set_values([0, 1, 2], "decision", "keep")
    session.user = "Bo"
    session.set_values([2, 3], "comment", "fråga köket")
    assert dict(facet_counts(session, "reviewed_by")) == {"": session.table.row_count - 4, "Anna": 2, "Bo": 2}
    assert list(compute_view(session, ViewSpec(facets={"reviewed_by": {"Bo"}}))) == [2, 3]


def test_has_comment_is_yes_or_no_and_follows_edits_and_undo(session: ReviewSession) -> None:
    rows = session.table.row_count
    assert facet_counts(session, HAS_COMMENT) == [("no", rows)]
    session.set_values([10, 11], "comment", "byt till trä")
    session.set_values([12], "comment", "   ")  # blank text is no comment
    assert dict(facet_counts(session, HAS_COMMENT)) == {"yes": 2, "no": rows - 2}
    assert list(compute_view(session, ViewSpec(facets={HAS_COMMENT: {"yes"}}))) == [10, 11]
    assert missing_columns(session, ViewSpec(facets={HAS_COMMENT: {"yes"}})) == []
    # counted within the other facets' selection, like every facet
    spec = ViewSpec(facets={HAS_COMMENT: {"yes"}, "usage": {""}})
    assert dict(facet_counts(session, "usage", spec=spec)) == {"": 2}
    session.undo()
    session.undo()
    assert facet_counts(session, HAS_COMMENT) == [("no", rows)]


def test_bulk_set_from_the_has_comment_facet(session: ReviewSession) -> None:
    session.set_values([4, 9], "comment", "utred")
    change = session.set_from_facet(HAS_COMMENT, "yes", "decision", "investigate")
    assert change is not None and list(change.positions) == [4, 9]


def test_vocabulary_facets_keep_vocabulary_order_whatever_the_counts(session: ReviewSession) -> None:
    order = facet_order(session, "usage")
    assert order == ["daily", "weekly", "monthly", "rarely", "not_used", "unknown", ""]
    session.set_values(list(range(50)), "usage", "unknown")
    session.set_values([60], "usage", "daily")
    counts = facet_counts(session, "usage", order=order)
    assert [value for value, _ in counts] == ["daily", "unknown", ""]
    assert facet_order(session, "review_state")[:5] == ["not_reviewed", "keep", "remove", "replace",
                                                       "investigate"]
    assert facet_order(session, "env_score") == ["1", "2", "3", "4", "5", ""]
    assert facet_order(session, HAS_COMMENT) == ["yes", "no"]


def test_other_facets_keep_the_order_by_count_taken_when_the_list_was_built(session: ReviewSession) -> None:
    order = facet_order(session, "ecolabel")
    assert order == ["Svanen", "FSC", "EU Ecolabel", "Bra Miljöval", ""]  # by count, empty last
    # narrowed to another municipality, counts change but the listed order does not
    spec = ViewSpec(facets={"municipality": {"Salem"}})
    narrowed = facet_counts(session, "ecolabel", spec=spec, order=order)
    values = [value for value, _ in narrowed]
    assert values == [value for value in order if value in values]
    by_count = facet_counts(session, "ecolabel", spec=spec)
    assert sum(count for _, count in narrowed) == sum(count for _, count in by_count)


def test_an_order_keeps_values_it_does_not_know_at_the_end(session: ReviewSession) -> None:
    order = facet_order(session, "reviewed_by")
    assert order == [""]
    session.set_values([0], "decision", "keep")
    assert facet_counts(session, "reviewed_by", order=order) == [("", session.table.row_count - 1), ("Anna", 1)]


def test_counts_of_all_facets_at_once_equal_the_counts_one_by_one(session: ReviewSession) -> None:
    session.set_values(list(range(0, 300, 3)), "usage", "weekly")
    session.set_values(list(range(0, 300, 7)), "comment", "fråga")
    spec = ViewSpec(text="mugg", facets={"usage": {"weekly", ""}, "municipality": {"Salem", "Tyresö"},
                                         HAS_COMMENT: {"yes"}}, ranges={"spend": (10.0, None)})
    names = list(FACET_FIELDS)
    orders = {name: facet_order(session, name) for name in names}
    together = facet_counts_for(session, names, spec, limit=5, search={"supplier": "ab"}, order=orders)
    for name in names:
        alone = facet_counts(session, name, spec=spec, limit=5, search="ab" if name == "supplier" else "",
                             order=orders[name])
        assert together[name] == alone, name
    assert any(together[name] for name in names)


def test_a_derived_facet_filters_counts_and_orders_like_a_column(session: ReviewSession) -> None:
    from workbench.review.session import set_derived_facet

    table = _table(session)
    values = ["banned" if i % 3 == 0 else "" for i in range(table.row_count)]
    set_derived_facet(table, "sup_rule", values)
    spec = ViewSpec(facets={"sup_rule": {"banned"}})
    assert missing_columns(session, spec) == []
    assert compute_view(session, spec).tolist() == [i for i in range(table.row_count) if i % 3 == 0]
    counts = dict(facet_counts(session, "sup_rule"))
    assert counts == {"banned": values.count("banned"), "": values.count("")}
    assert facet_order(session, "sup_rule") == ["banned", ""]
    with pytest.raises(ValueError):
        set_derived_facet(table, "sup_rule", values[:-1])
