"""The review core on the bundled Södertörn sample, as the importer reads it (typed columns)."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from workbench.review.named_views import preset_views
from workbench.review.session import ReviewSession, ViewSpec, compute_view, facet_counts, progress
from workbench.table import SourceTable

MUNICIPALITIES = {"Botkyrka", "Huddinge", "Haninge", "Nynäshamn", "Salem", "Södertälje", "Tyresö", "Nykvarn"}


@pytest.fixture
def sample_table(sample_workbook: Path) -> SourceTable:
    if importlib.util.find_spec("workbench.reading.importer") is None:
        pytest.skip("the importer is not there yet")
    from workbench.reading.importer import read_table

    return read_table(sample_workbook)


def test_every_mapped_column_sorts_with_empties_last(sample_table: SourceTable) -> None:
    for field, header in sample_table.columns.items():
        for ascending in (True, False):
            order = compute_view(sample_table, ViewSpec(sort=(field, ascending)))
            assert sorted(order) == list(range(sample_table.row_count)), field
            empty = sample_table.data[header].isna().to_numpy()[order]
            assert not np.any(empty[:-1] & ~empty[1:]), f"{field}: an empty cell before a filled one"


def test_numeric_columns_sort_numerically(sample_table: SourceTable) -> None:
    order = compute_view(sample_table, ViewSpec(sort=("quantity", False)))
    quantities = sample_table.data["Antal"].to_numpy(dtype=float, na_value=np.nan)[order]
    filled = quantities[~np.isnan(quantities)]
    assert list(filled) == sorted(filled, reverse=True)


def test_municipality_facet_lists_the_eight_municipalities(sample_table: SourceTable) -> None:
    counts = dict(facet_counts(sample_table, "municipality"))
    assert set(counts) <= MUNICIPALITIES | {""}
    assert sum(counts.values()) == sample_table.row_count


def test_category_decision_search_and_undo_on_the_sample(sample_table: SourceTable) -> None:
    session = ReviewSession(sample_table, user="anna", clock=lambda: datetime(2026, 5, 4, 10, 0))
    category, count = facet_counts(sample_table, "category", limit=1)[0]
    change = session.set_from_facet("category", category, "decision", "Remove")
    assert change is not None and len(change.positions) == count
    assert progress(session).per_decision["remove"] == count
    assert len(session.changed_cells()) == 3 * len(set(sample_table.keys.to_numpy()[change.positions]))
    found = compute_view(session, ViewSpec(text=category.upper()))
    assert set(change.positions) <= set(found)
    not_reviewed = next(v.spec for v in preset_views() if v.id == "not_reviewed")
    assert len(compute_view(session, not_reviewed)) == sample_table.row_count - count
    session.undo()
    assert not session.is_dirty and progress(session).reviewed == 0
