"""Writing review values by article key: the one route into ``table.review`` outside a session's edits.

The journal's replay, a pull or a save merging a colleague's values in, the CLI's decisions and
``apply_decisions`` all put values into a table by key. They all come here, so every one of them writes
every row of a key (or the n-th row of a key, for a merge that matches duplicates occurrence by
occurrence), leaves alone a cell that already holds the same value (:func:`~workbench.review.values.same_value`),
and keeps the table's review index true: a facet counted or a filter computed before shows the new
values at once, with no rebuild of the columns that did not change.

A :class:`~workbench.review.session.ReviewSession` edits through its own undoable steps; after writing by
key into a session's table, call its ``rebase`` so that its dirty tracking sees the new values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from workbench.review._index import review_changed
from workbench.review.values import same_value
from workbench.table import SourceTable, key_rows

__all__ = ["Target", "Written", "set_by_key"]

Target = str | tuple[str, int]
"""Where a value goes: an article key (every row of it) or ``(key, occurrence)`` (its n-th row, from 0)."""


class Written(NamedTuple):
    """One cell given to :func:`set_by_key` whose key the table has."""

    key: str
    field: str
    old: Any  # what the key's (first) row held before
    new: Any
    changed: bool  # False when every row already held the same value (nothing was written)


def set_by_key(table: SourceTable, cells: Iterable[tuple[Target, str, Any]]) -> list[Written]:
    """Put each ``(target, field, value)`` into ``table.review`` and keep the review index true.

    Values are stored as given (normalise them first: :func:`workbench.review.values.normalise`). A
    target whose key the table lacks, or a field ``table.review`` has no column for, is skipped and not
    listed. Returns the other cells in the order given; for a cell named twice the later value wins.
    """
    review = table.review
    # positions (not sheet rows) of every key: the keys' own index is the sheet rows
    places_of = key_rows(pd.Series(table.keys.to_numpy(dtype=object)))
    columns: dict[str, np.ndarray] = {}
    touched: dict[str, list[int]] = {}
    written: list[Written] = []
    for target, name, value in cells:
        if isinstance(target, tuple):
            key, occurrence = str(target[0]), int(target[1])
            every = places_of.get(key)
            places = every[occurrence:occurrence + 1] if every else None
        else:
            key = str(target)
            places = places_of.get(key)
        if not places:
            continue
        column = columns.get(name)
        if column is None:
            if name not in review.columns:
                continue
            column = columns[name] = review[name].to_numpy(dtype=object).copy()
        old = column[places[0]]
        changed = not all(same_value(column[p], value) for p in places)
        if changed:
            for p in places:
                column[p] = value
            touched.setdefault(name, []).extend(places)
        written.append(Written(key, name, old, value, changed))
    for name in touched:
        review[name] = pd.Series(columns[name], index=review.index, dtype=object)
    if touched:
        review_changed(table, list(touched), np.unique(np.fromiter(
            (p for rows in touched.values() for p in rows), dtype=np.int64)))
    return written
