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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.review._index import review_changed
from workbench.review.values import same_values
from workbench.table import SourceTable, key_rows

__all__ = ["Target", "Written", "set_by_key"]

Target = str | tuple[str, int]
"""Where a value goes: an article key (every row of it) or ``(key, occurrence)`` (its n-th row, from 0)."""


@dataclass(frozen=True, eq=False)
class Written:
    """What :func:`set_by_key` did with the cells whose key and field the table has, in the order given
    (a bulk write names hundreds of thousands: lists, not an object per cell)."""

    cells: list[tuple[str, str, Any]]  # (key, field, new value)
    old: list[Any]  # what the key's (first) row held before
    changed: list[bool]  # False when every row of the key already held the same value (nothing written)

    def __len__(self) -> int:
        return len(self.cells)

    def changed_cells(self, changed: bool = True) -> list[tuple[str, str]]:
        """``(key, field)`` of the cells that changed (with ``changed=False``: that were the same already)."""
        return [(key, name) for (key, name, _), moved in zip(self.cells, self.changed, strict=True)
                if moved is changed]

    def edits(self) -> Iterator[tuple[str, str, Any, Any]]:
        """``(key, field, old, new)`` of every cell, changed or not (what a journal records)."""
        return ((key, name, before, value) for (key, name, value), before in zip(self.cells, self.old, strict=True))


def set_by_key(table: SourceTable, cells: Iterable[tuple[Target, str, Any]],
               rows: Mapping[str, Sequence[int]] | None = None) -> Written:
    """Put each ``(target, field, value)`` into ``table.review`` and keep the review index true.

    Values are stored as given (normalise them first: :func:`workbench.review.values.normalise`). A
    target whose key the table lacks, or a field ``table.review`` has no column for, is skipped and not
    listed. Returns what became of the others; for a cell named twice the later value wins. ``rows``
    are the sheet rows of every key (:func:`workbench.table.key_rows` of ``table.keys``) when the
    caller has them already.
    """
    review = table.review
    places_of = rows
    found: list[tuple[str, str, Any]] = []  # the cells whose key and field the table has
    by_field: dict[str, tuple[list[int], list[int], list[Any]]] = {}  # sheet row, cell, value per row
    places: Sequence[int] | None
    for target, name, value in cells:
        if places_of is None:  # built at the first cell: writing nothing costs nothing
            places_of = key_rows(table.keys)
        if target.__class__ is tuple:
            key, occurrence = str(target[0]), int(target[1])
            every = places_of.get(key)
            places = every[occurrence:occurrence + 1] if every else None
        else:
            key = target if target.__class__ is str else str(target)
            places = places_of.get(key)
        if not places:
            continue
        lists = by_field.get(name)
        if lists is None:
            if name not in review.columns:
                continue
            lists = by_field[name] = ([], [], [])
        cell = len(found)
        found.append((key, name, value))
        if len(places) == 1:
            lists[0].append(places[0])
            lists[1].append(cell)
            lists[2].append(value)
        else:
            lists[0].extend(places)
            lists[1].extend([cell] * len(places))
            lists[2].extend([value] * len(places))
    old = np.empty(len(found), dtype=object)
    changed = np.zeros(len(found), dtype=bool)
    touched: dict[str, np.ndarray] = {}
    for name, (position_list, cell_list, value_list) in by_field.items():
        positions = review.index.get_indexer(np.asarray(position_list, dtype=np.int64))
        owners = np.asarray(cell_list, dtype=np.int64)
        new = np.empty(len(value_list), dtype=object)
        new[:] = value_list
        column = review[name].to_numpy(dtype=object)
        current = column[positions]
        old[owners[::-1]] = current[::-1]  # the last write wins: a key's first row speaks for it
        changed[owners[~same_values(current, new)]] = True  # a key changes when any of its rows does
        write = changed[owners]
        if write.any():
            column = column.copy()
            column[positions[write]] = new[write]
            review[name] = pd.Series(column, index=review.index, dtype=object)
            touched[name] = positions[write]
    if touched:
        review_changed(table, list(touched), np.unique(np.concatenate(list(touched.values()))))
    return Written(found, old.tolist(), changed.tolist())
