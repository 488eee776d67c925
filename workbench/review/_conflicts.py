"""Conflicts a pull left pending: a colleague saved another value for a cell we have also changed.

A pull (:func:`workbench.sharing.shared_save.pull_changes`) keeps such a cell ours and keeps its base as it
was, so the next save meets the conflict again and asks. The user may also settle it at once (the
"Visa" of the notice the GUI shows): :func:`settle` takes the colleague's value (our edit of the cell
is dropped, and our stamps with it when the record keeps none of our values) or keeps ours (the base
takes the colleague's value, so the save writes ours without asking again, with our stamps).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES, STAMP_FIELDS
from workbench.review._edit import write_cells
from workbench.review.record import set_by_key
from workbench.review.values import same_values

if TYPE_CHECKING:
    from workbench.review.session import ReviewSession
    from workbench.sharing.three_way import Cell, Conflict

Side = Literal["ours", "theirs"]


@dataclass(frozen=True)
class PendingConflict:
    """One unsettled conflict: the core's :class:`~workbench.sharing.three_way.Conflict` and the file's raw values
    of the cell and of its record's stamps (``theirs_values``: field -> value, as read)."""

    conflict: Conflict
    theirs_values: Mapping[str, Any]

    @property
    def cell(self) -> Cell:
        return (self.conflict.key, self.conflict.field)


def pending_from(conflicts: Iterable[Conflict], theirs_values: Mapping[Cell, Any]) -> dict[Cell, PendingConflict]:
    """Pending conflicts keyed by cell, from a pull's ``conflicts`` and ``theirs_values``."""
    pending: dict[Cell, PendingConflict] = {}
    for conflict in conflicts:
        names = (conflict.field, *STAMP_FIELDS)
        values = {name: theirs_values.get((conflict.key, name), _fallback(conflict, name)) for name in names}
        pending[(conflict.key, conflict.field)] = PendingConflict(conflict, values)
    return pending


def _fallback(conflict: Conflict, name: str) -> Any:
    return {"reviewed_by": conflict.theirs_by, "reviewed_at": conflict.theirs_at}.get(name, conflict.theirs)


def settle(session: ReviewSession, pending: Mapping[Cell, PendingConflict],
           choices: Mapping[Cell, Side]) -> tuple[np.ndarray, list[Cell]]:
    """Settle the chosen pending conflicts in ``session``; returns the positions whose values changed
    (for the grid) and the cells settled. Cells without a choice stay pending."""
    table = session.table
    review = table.review
    base: pd.DataFrame = session.baseline
    keys = table.keys.to_numpy(dtype=object)
    chosen = [(cell, side) for cell, side in choices.items() if cell in pending]
    positions_by_key = {key: np.flatnonzero(keys == key) for key in {cell[0] for cell, _ in chosen}}
    changed: list[int] = []
    dropped: set[Cell] = set()
    settled: list[Cell] = []
    stamps_of: dict[str, Mapping[str, Any]] = {}
    taken: list[tuple[str, str, Any]] = []  # the colleague's values, into the table by key
    for (key, name), side in chosen:
        rows = positions_by_key[key]
        if not len(rows):
            continue
        theirs = pending[(key, name)].theirs_values
        stamps_of[key] = theirs
        write_cells(base, rows, {name: theirs[name]})
        if side == "theirs":
            taken.append((key, name, theirs[name]))
            dropped.add((key, name))
            changed.extend(rows.tolist())
        settled.append((key, name))
    set_by_key(table, taken)
    taken = []
    for key, theirs in stamps_of.items():
        rows = positions_by_key[key]
        for stamp in STAMP_FIELDS:
            write_cells(base, rows, {stamp: theirs[stamp]})
        if not _keeps_ours(review, base, rows):
            # every value of ours in this record yielded: the colleague's stamps go with their values
            for stamp in STAMP_FIELDS:
                taken.append((key, stamp, theirs[stamp]))
                dropped.add((key, stamp))
            changed.extend(rows.tolist())
    set_by_key(table, taken)
    if session.journal is not None and dropped:
        ids = [entry.id for entry in session.journal.unsaved(table.path) if (entry.key, entry.field) in dropped]
        session.journal.drop(ids)
    return np.unique(np.asarray(changed, dtype=np.int64)), settled


def _keeps_ours(review: pd.DataFrame, base: pd.DataFrame, rows: np.ndarray) -> bool:
    """Whether any value field (not a stamp) of these rows still differs from the base."""
    for name in REVIEW_FIELD_NAMES:
        if name in STAMP_FIELDS:
            continue
        current = review.iloc[rows, review.columns.get_loc(name)].to_numpy(dtype=object)
        saved = base.iloc[rows, base.columns.get_loc(name)].to_numpy(dtype=object)
        if not same_values(current, saved).all():
            return True
    return False
