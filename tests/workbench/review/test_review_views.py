"""Views over the table: text search, facets and their counts, numeric ranges, sorting."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest
from _review_fixtures import make_small_table, make_table

from workbench.review.session import (
    ReviewSession,
    ViewSpec,
    compute_view,
    facet_counts,
    invalidate,
    missing_columns,
    prepare,
)


def _names(table, positions) -> list[str]:  # type: ignore[no-untyped-def]
    return list(table.data["Benämning"].to_numpy()[positions])


@pytest.fixture
def small():  # type: ignore[no-untyped-def]
    return make_small_table([
        {"key": "001", "name": "sugrör papper", "category": "Sugrör", "supplier": "Menigo",
         "material": "Papper", "spend": 300.0, "quantity": 10, "price": 30.0},
        {"key": "002", "name": "Mugg 20 cl", "category": "Muggar", "supplier": "Lyreco",
         "material": "PP", "spend": 50.0, "quantity": 100, "price": 0.5},
        {"key": "003", "name": "Öronpinne", "category": "Hygien", "supplier": "Menigo",
         "material": "PP", "spend": None, "quantity": None, "price": None},
        {"key": "004", "name": "ägglåda", "category": "Muggar", "supplier": "Abena",
         "material": None, "spend": 1200.0, "quantity": 5, "price": 240.0},
        {"key": "005", "name": "Åttakantig bricka", "category": "Sugrör", "supplier": "Lyreco",
         "material": "PS", "spend": 80.0, "quantity": 40, "price": 2.0},
        {"key": "006", "name": "zink", "category": "Hygien", "supplier": "Menigo",
         "material": "PVC", "spend": 7.0, "quantity": 1, "price": 7.0},
    ])


def test_empty_spec_shows_every_row_in_sheet_order(small) -> None:
    assert list(compute_view(small, ViewSpec())) == [0, 1, 2, 3, 4, 5]


def test_search_is_case_insensitive_for_swedish_letters(small) -> None:
    assert list(compute_view(small, ViewSpec(text="SUGRÖR"))) == [0, 4]  # name and category
    assert list(compute_view(small, ViewSpec(text="öronPINNE"))) == [2]
    assert list(compute_view(small, ViewSpec(text="ÄGG"))) == [3]


def test_search_words_must_all_occur_in_any_column(small) -> None:
    assert list(compute_view(small, ViewSpec(text="sugrör menigo"))) == [0]
    assert list(compute_view(small, ViewSpec(text="sugrör saknas"))) == []


def test_search_is_literal_not_a_regular_expression(small) -> None:
    assert list(compute_view(small, ViewSpec(text="20 cl"))) == [1]
    assert list(compute_view(small, ViewSpec(text=".*"))) == []


def test_search_finds_comments_and_sees_comment_edits_and_undo(small) -> None:
    session = ReviewSession(small, user="anna", clock=lambda: datetime(2026, 1, 1))
    assert list(compute_view(session, ViewSpec(text="Byt till TRÄ"))) == []
    session.set_values(["006"], "comment", "byt till trä")
    assert list(compute_view(session, ViewSpec(text="Byt till TRÄ"))) == [5]
    session.undo()
    assert list(compute_view(session, ViewSpec(text="byt"))) == []


def test_facet_selects_rows_with_any_of_the_values(small) -> None:
    spec = ViewSpec(facets={"material": {"PP", "PS"}})
    assert list(compute_view(small, spec)) == [1, 2, 4]
    assert list(compute_view(small, ViewSpec(facets={"material": {""}}))) == [3]  # the empty cell
    assert list(compute_view(small, ViewSpec(facets={"material": set()}))) == [0, 1, 2, 3, 4, 5]


def test_facets_on_different_fields_combine_with_and(small) -> None:
    spec = ViewSpec(facets={"supplier": {"Menigo"}, "category": {"Hygien"}})
    assert list(compute_view(small, spec)) == [2, 5]


def test_facet_counts_exclude_the_fields_own_selection(small) -> None:
    spec = ViewSpec(facets={"supplier": {"Menigo"}, "category": {"Hygien"}})
    # supplier counts: category=Hygien applies, supplier=Menigo does not
    assert facet_counts(small, "supplier", spec=spec) == [("Menigo", 2)]
    # category counts: supplier=Menigo applies, category=Hygien does not
    assert facet_counts(small, "category", spec=spec) == [("Hygien", 2), ("Sugrör", 1)]


def test_facet_counts_sorted_by_count_then_swedish_order_capped_and_searchable(small) -> None:
    assert facet_counts(small, "supplier") == [("Menigo", 3), ("Lyreco", 2), ("Abena", 1)]
    assert facet_counts(small, "supplier", limit=2) == [("Menigo", 3), ("Lyreco", 2)]
    assert facet_counts(small, "supplier", search="LY") == [("Lyreco", 2)]
    assert facet_counts(small, "material", within=np.array([2, 3])) == [("", 1), ("PP", 1)]


def test_review_state_facet_and_counts_follow_edits(small) -> None:
    session = ReviewSession(small, user="anna", clock=lambda: datetime(2026, 1, 1))
    session.set_values([0, 1], "decision", "remove")
    session.set_values([2], "decision", "Utred")
    assert facet_counts(session, "review_state") == [
        ("not_reviewed", 3), ("remove", 2), ("investigate", 1)
    ]
    spec = ViewSpec(facets={"review_state": {"not_reviewed", "investigate"}})
    assert list(compute_view(session, spec)) == [2, 3, 4, 5]


def test_numeric_range_is_inclusive_open_ended_and_excludes_empty_cells(small) -> None:
    assert list(compute_view(small, ViewSpec(ranges={"spend": (50, 300)}))) == [0, 1, 4]
    assert list(compute_view(small, ViewSpec(ranges={"spend": (None, 50)}))) == [1, 5]
    assert list(compute_view(small, ViewSpec(ranges={"quantity": (10, None)}))) == [0, 1, 4]
    assert list(compute_view(small, ViewSpec(ranges={"price": (None, None)}))) == [0, 1, 3, 4, 5]


def test_only_unreviewed_hides_rows_with_a_decision(small) -> None:
    session = ReviewSession(small, user="anna", clock=lambda: datetime(2026, 1, 1))
    session.set_values(["002", "005"], "decision", "keep")
    session.set_values(["003"], "usage", "daily")
    assert list(compute_view(session, ViewSpec(only_unreviewed=True))) == [0, 2, 3, 5]


def test_text_sort_uses_swedish_order_case_insensitively_with_empties_last(small) -> None:
    ascending = compute_view(small, ViewSpec(sort=("name", True)))
    assert _names(small, ascending) == [
        "Mugg 20 cl", "sugrör papper", "zink", "Åttakantig bricka", "ägglåda", "Öronpinne"
    ]
    materials = compute_view(small, ViewSpec(sort=("material", False)))
    assert list(small.data["Material"].to_numpy()[materials])[-1] is None


def test_numeric_sort_is_numeric_and_puts_empties_last_in_both_directions(small) -> None:
    ascending = compute_view(small, ViewSpec(sort=("spend", True)))
    descending = compute_view(small, ViewSpec(sort=("spend", False)))
    assert list(ascending) == [5, 1, 4, 0, 3, 2]
    assert list(descending) == [3, 0, 4, 1, 5, 2]


def test_sort_is_stable_so_ties_keep_sheet_order(small) -> None:
    by_supplier = compute_view(small, ViewSpec(sort=("supplier", True)))
    assert list(by_supplier) == [3, 1, 4, 0, 2, 5]
    descending = compute_view(small, ViewSpec(sort=("supplier", False)))
    assert list(descending) == [0, 2, 5, 1, 4, 3]


def test_review_columns_sort_in_vocabulary_order_with_empties_last(small) -> None:
    session = ReviewSession(small, user="anna", clock=lambda: datetime(2026, 1, 1))
    session.set_values([0], "decision", "investigate")
    session.set_values([3], "decision", "keep")
    session.set_values([5], "decision", "remove")
    assert list(compute_view(session, ViewSpec(sort=("decision", True)))) == [3, 5, 0, 1, 2, 4]
    assert list(compute_view(session, ViewSpec(sort=("decision", False)))) == [0, 5, 3, 1, 2, 4]
    session.set_values([4], "env_score", 5)
    session.set_values([1], "env_score", 2)
    assert list(compute_view(session, ViewSpec(sort=("env_score", False))))[:2] == [4, 1]


def test_sort_by_a_header_as_found_and_by_reviewed_at(small) -> None:
    by_header = compute_view(small, ViewSpec(sort=("Leverantör", True)))
    assert list(by_header) == [3, 1, 4, 0, 2, 5]
    times = iter([datetime(2026, 1, 3), datetime(2026, 1, 1)])
    session = ReviewSession(small, user="anna", clock=lambda: next(times))
    session.set_values([2], "decision", "keep")
    session.set_values([4], "decision", "keep")
    assert list(compute_view(session, ViewSpec(sort=("reviewed_at", True))))[:2] == [4, 2]


def test_filters_search_and_sort_combine(small) -> None:
    spec = ViewSpec(text="menigo", facets={"material": {"PP", "PVC", "Papper"}},
                    ranges={"spend": (1, None)}, sort=("spend", False))
    assert list(compute_view(small, spec)) == [0, 5]


def test_unknown_column_raises_key_error_and_missing_columns_names_it(small) -> None:
    spec = ViewSpec(facets={"municipality": {"Huddinge"}}, ranges={"spend": (1, 2)}, sort=("gtin", True))
    assert missing_columns(small, spec) == ["municipality", "gtin"]
    assert missing_columns(small, ViewSpec(sort=("decision", False))) == []
    with pytest.raises(KeyError):
        compute_view(small, spec)


def test_view_spec_round_trips_through_json() -> None:
    spec = ViewSpec(text="sugrör", facets={"category": {"Sugrör", "Muggar"}}, ranges={"spend": (10, None)},
                    only_unreviewed=True, sort=("spend", False), columns=("key", "name", "decision"))
    assert ViewSpec.from_json(spec.to_json()) == spec
    assert spec.with_facet("category", []).facets == {}
    assert spec.without_facet("category") == spec.with_facet("category", ())


def test_invalidate_after_editing_the_review_frame_directly(small) -> None:
    assert list(compute_view(small, ViewSpec(facets={"review_state": {"keep"}}))) == []
    small.review.loc[small.review.index[1], "decision"] = "keep"
    invalidate(small)
    assert list(compute_view(small, ViewSpec(facets={"review_state": {"keep"}}))) == [1]


def test_views_on_a_larger_table_match_a_plain_pandas_computation() -> None:
    table = make_table(3_000, seed=3)
    prepare(table)
    spec = ViewSpec(text="mugg", facets={"municipality": {"Huddinge", "Haninge"}},
                    ranges={"price": (10, 400)}, sort=("price", False))
    data = table.data
    text_columns = data.select_dtypes(include=["object", "string"]).fillna("")
    mentions_mugg = text_columns.apply(lambda column: column.str.lower().str.contains("mugg")).any(axis=1)
    expected = data[
        mentions_mugg
        & data["Kommun"].isin(["Huddinge", "Haninge"])
        & data["Pris"].between(10, 400)
    ].sort_values("Pris", ascending=False, kind="stable")
    got = compute_view(table, spec)
    assert list(data.index[got]) == list(expected.index)


def test_review_state_facet_built_before_an_edit_follows_it_and_its_undo() -> None:
    """Issue 12 item 5: the facet and "Att utreda" ignored decisions made after they were first shown."""
    table = make_table(2000)
    session = ReviewSession(table, user="anna", clock=lambda: datetime(2026, 1, 1))
    investigate = ViewSpec(facets={"review_state": {"investigate"}})
    assert facet_counts(session, "review_state") == [("not_reviewed", 2000)]
    assert len(compute_view(session, investigate)) == 0
    session.set_values(list(range(18)), "decision", "investigate")
    assert facet_counts(session, "review_state") == [("not_reviewed", 1982), ("investigate", 18)]
    assert list(compute_view(session, investigate)) == list(range(18))
    session.undo()
    assert facet_counts(session, "review_state") == [("not_reviewed", 2000)]
    assert len(compute_view(session, investigate)) == 0
    session.redo()
    assert len(compute_view(session, investigate)) == 18


def test_facets_patched_after_edits_equal_facets_built_afresh() -> None:
    """Facet codes are patched at the edited rows only; they must agree with a rebuild from scratch."""
    table = make_table(3000, seed=11)
    session = ReviewSession(table, user="anna", clock=lambda: datetime(2026, 1, 1))
    rng = np.random.default_rng(3)
    names = ("review_state", "decision", "usage", "env_score", "comment", "reviewed_by")
    edits = [("decision", "keep"), ("decision", "Utred"), ("decision", None), ("usage", "daily"),
             ("env_score", 4), ("comment", "ny kommentar"), ("decision", "remove")]
    for step, (name, value) in enumerate(edits):
        for facet in names:  # built (and so cached) before every edit
            facet_counts(session, facet, limit=None)
        rows = rng.choice(3000, size=int(rng.integers(1, 400)), replace=False)
        session.set_values(rows, name, value)
        if step % 3 == 2:
            session.undo()
        patched = {facet: facet_counts(session, facet, limit=None) for facet in names}
        invalidate(table)
        assert patched == {facet: facet_counts(session, facet, limit=None) for facet in names}
        spec = ViewSpec(facets={"review_state": {"keep", "not_reviewed"}, "usage": {"daily"}})
        shown = compute_view(session, spec)
        invalidate(table)
        assert list(shown) == list(compute_view(session, spec))


def test_a_refresh_scans_for_a_word_once_not_once_per_facet(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 item 19: the grid and each facet's counts searched the whole table again."""
    import workbench.review._index as review_index

    table = make_table(500)
    session = ReviewSession(table, user="anna")
    session.set_values([3], "comment", "mugg i kommentaren")
    scans: list[int] = []
    real = review_index._contains
    monkeypatch.setattr(review_index, "_contains", lambda texts, term: scans.append(len(texts)) or real(texts, term))
    spec = ViewSpec(text="mugg", facets={"supplier": {"Menigo"}})
    shown = compute_view(session, spec)
    for name in ("review_state", "category", "supplier", "municipality", "material"):
        facet_counts(session, name, spec=spec)
    assert scans == [500, 1]  # the source text once, the one comment once
    invalidate(table)
    assert list(compute_view(session, spec)) == list(shown)
    assert 3 in compute_view(session, ViewSpec(text="mugg"))
    session.set_values([3], "comment", "inget")
    assert 3 not in compute_view(session, ViewSpec(text="mugg"))  # a comment edit is seen at once
