"""The review grid's core: edits with undo/redo, views (filter, search, sort, facets) and progress.

Qt-free: the GUI's table model is a thin adapter that calls :class:`ReviewSession` and turns each
returned :class:`Change` into ``dataChanged``. Rows are addressed by 0-based position into
``table.data`` (the order of the sheet) or by article key; views are arrays of positions.

History is linear: an edit made after an undo discards the undone steps (the redo branch). The
journal (a later capability) keeps discarded branches for the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES, STAMP_FIELDS
from workbench.review._edit import (
    EDITABLE_FIELDS,
    Rows,
    Step,
    check_replacement,
    ensure_object_columns,
    normalise_value,
    read_cells,
    replacement_candidates,
    resolve_rows,
    write_cells,
)
from workbench.review._index import NOT_REVIEWED, REVIEW_STATE, index_for, invalidate, prepare
from workbench.review.checks import replace_without_replacement
from workbench.review.values import same_values
from workbench.review.view import (
    FACET_FIELDS,
    HAS_COMMENT,
    REVIEW_STATES,
    ViewSpec,
    compute_view,
    facet_counts,
    facet_counts_for,
    facet_order,
    missing_columns,
    set_derived_facet,
    sort_positions,
)
from workbench.table import SourceTable
from workbench.vocabularies import Vocabulary, vocabularies

if TYPE_CHECKING:
    from workbench.review._conflicts import PendingConflict, Side
    from workbench.sharing.journal import Journal
    from workbench.sharing.three_way import Cell, Conflict

__all__ = [
    "EDITABLE_FIELDS",
    "FACET_FIELDS",
    "HAS_COMMENT",
    "NOT_REVIEWED",
    "REVIEW_STATE",
    "REVIEW_STATES",
    "Change",
    "EditDescription",
    "ProgressFigures",
    "ReviewSession",
    "ViewSpec",
    "compute_view",
    "facet_counts",
    "facet_counts_for",
    "facet_order",
    "invalidate",
    "missing_columns",
    "prepare",
    "progress",
    "replacement_candidates",
    "selection_sums",
    "set_derived_facet",
    "sort_positions",
]

ChangeKind = Literal["edit", "undo", "redo"]


@dataclass(frozen=True)
class EditDescription:
    """What an undo step does, as data for the GUI to word ("Undo: set Decision on 12 rows").

    ``code`` is ``"set_values"`` or ``"set_from_facet"``; ``params`` holds ``field``, ``value``
    (the stored code, ``None`` for a clear), ``count`` (rows) and, for facets, ``facet_field`` and
    ``facet_value``. A step of :meth:`ReviewSession.set_cells` (``"set_cells"``, ``"paste"``,
    ``"fill_down"``) holds ``fields`` and ``count``.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Change:
    """What an edit, undo or redo changed: rows (sorted positions) and fields, for ``dataChanged``."""

    kind: ChangeKind
    positions: np.ndarray
    fields: tuple[str, ...]
    description: EditDescription

    @property
    def first(self) -> int:
        """Smallest changed position (``-1`` when none)."""
        return int(self.positions[0]) if len(self.positions) else -1

    @property
    def last(self) -> int:
        """Largest changed position (``-1`` when none)."""
        return int(self.positions[-1]) if len(self.positions) else -1


@dataclass(frozen=True)
class ProgressFigures:
    """How far the review has come: a row counts as reviewed once it has a decision."""

    total: int
    reviewed: int
    per_decision: Mapping[str, int]
    replace_without_replacement: int

    @property
    def percent(self) -> float:
        return 100.0 * self.reviewed / self.total if self.total else 0.0

    @property
    def not_reviewed(self) -> int:
        return self.total - self.reviewed


class ReviewSession:
    """One user's editing of a table's review values, with undo/redo and dirty tracking.

    Every edit is validated against the vocabularies first and then applied to ``table.review``
    column-wise; it also stamps ``reviewed_by``/``reviewed_at`` on the edited rows, in the same undo
    step. ``clock`` gives the time stamp (truncated to whole seconds, what a spreadsheet keeps).
    """

    def __init__(
        self,
        table: SourceTable,
        *,
        user: str,
        clock: Callable[[], datetime] = datetime.now,
        vocabularies: Mapping[str, Vocabulary] | None = None,
        journal: Journal | None = None,
    ) -> None:
        self.table = table
        self.user = user
        self.journal = journal
        self._clock = clock
        self._vocabularies: Mapping[str, Vocabulary] = vocabularies or _default_vocabularies()
        ensure_object_columns(table.review)
        self._index = index_for(table)
        self._index.vocabularies = dict(self._vocabularies)
        self._index.review_changed()
        self._history: list[Step] = []
        self._cursor = 0  # number of applied steps in _history
        self._baseline = table.review.copy(deep=True)
        self._base_fingerprint = table.fingerprint
        self._touched = np.zeros((table.row_count, len(REVIEW_FIELD_NAMES)), dtype=bool)
        self._pending: dict[Cell, PendingConflict] = {}

    # -- edits ---------------------------------------------------------------------------------

    def set_values(self, rows: Rows, field: str, value: Any) -> Change | None:
        """Set ``field`` to ``value`` on ``rows`` (article keys or positions) as one undo step.

        ``value`` may be a code or a label in either language (``None`` or ``""`` clears); an
        ``env_score`` may be an int. ``replaced_by`` must be an existing key other than the row's
        own. Returns ``None`` when ``rows`` is empty. Raises :class:`~workbench.errors.InvalidEditError`
        (nothing changed) for anything invalid.
        """
        return self._edit(rows, field, value, "set_values", {})

    def set_from_facet(self, facet_field: str, facet_value: str, field: str, value: Any) -> Change | None:
        """Set ``field`` on every row whose ``facet_field`` shows ``facet_value``, as one step.

        E.g. ``set_from_facet("category", "Sugrör", "decision", "Ta bort")``.
        """
        positions = compute_view(self, ViewSpec(facets={facet_field: {facet_value}}))
        params = {"facet_field": facet_field, "facet_value": facet_value}
        return self._edit(positions, field, value, "set_from_facet", params)

    def set_cells(self, cells: Mapping[str, Mapping[int, Any]], code: str = "set_cells", *,
                  stamp: bool = True) -> Change | None:
        """Set each field on its own rows to its own value, all as ONE undo step (a paste, a fill-down).

        ``cells`` maps a field to ``{position: value}``; values are taken as :meth:`set_values` takes
        them, and every row of a key gets its key's value. Only the rows given for a field change in it;
        the rows that change are stamped unless ``stamp`` is False (accepting suggested values is not a
        review of the article: its stamps stay as they were). Returns ``None`` when nothing is given.
        Raises :class:`~workbench.errors.InvalidEditError` (nothing changed) if any value is invalid.
        """
        table = self.table
        stored: dict[str, dict[int, str | None]] = {}
        for name, values in cells.items():
            stored[name] = {}
            for position, value in values.items():
                stored[name][int(position)] = normalise_value(table, name, value, self._vocabularies)
        expanded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name, values in stored.items():
            if not values:
                continue
            own = np.fromiter(values, dtype=np.int64, count=len(values))
            positions = resolve_rows(table, own, name)
            if len(positions) != len(own) or not np.array_equal(positions, np.sort(own)):
                # a duplicated key: each of its rows takes the value given for any of them
                by_key = {table.keys.iat[p]: v for p, v in values.items()}
                new = np.array([by_key[k] for k in table.keys.to_numpy(dtype=object)[positions]], dtype=object)
            else:
                new = np.array([values[p] for p in positions.tolist()], dtype=object)
            if name == "replaced_by":
                for key in {v for v in new.tolist() if v is not None}:
                    check_replacement(table, positions[new == key], key)
            expanded[name] = (positions, new)
        if not expanded:
            return None
        fields = (*expanded, *STAMP_FIELDS) if stamp else tuple(expanded)
        positions = np.unique(np.concatenate([p for p, _ in expanded.values()]))
        before = read_cells(table.review, positions, fields)
        after = {name: array.copy() for name, array in before.items()}
        for name, (rows, new) in expanded.items():
            after[name][np.searchsorted(positions, rows)] = new
        if stamp:
            after["reviewed_by"].fill(self.user)
            after["reviewed_at"].fill(self._clock().replace(microsecond=0))
        params = {"fields": tuple(expanded), "count": len(positions)}
        step = Step(positions, fields, before, after, code, params)
        del self._history[self._cursor:]
        self._history.append(step)
        self._cursor += 1
        return self._apply(step, step.after, "edit")

    def _edit(self, rows: Rows, field: str, value: Any, code: str, extra: Mapping[str, Any]) -> Change | None:
        stored = normalise_value(self.table, field, value, self._vocabularies)
        positions = resolve_rows(self.table, rows, field)
        if field == "replaced_by":
            check_replacement(self.table, positions, stored)
        if not len(positions):
            return None
        fields = (field, *STAMP_FIELDS)
        stamp = self._clock().replace(microsecond=0)
        before = read_cells(self.table.review, positions, fields)
        after = {name: _filled(len(positions), v) for name, v in
                 ((field, stored), ("reviewed_by", self.user), ("reviewed_at", stamp))}
        params = {"field": field, "value": stored, "count": len(positions), **extra}
        step = Step(positions, fields, before, after, code, params)
        del self._history[self._cursor:]
        self._history.append(step)
        self._cursor += 1
        return self._apply(step, step.after, "edit")

    def _apply(self, step: Step, values: Mapping[str, np.ndarray], kind: ChangeKind) -> Change:
        if self.journal is not None:
            # Journal first: a crash after this line loses nothing (DESIGN.md, save protocol step 1).
            previous = step.after if values is step.before else step.before
            self._journal(step.positions, step.fields, previous, values)
        write_cells(self.table.review, step.positions, values)
        columns = np.array([REVIEW_FIELD_NAMES.index(name) for name in step.fields])
        self._touched[np.ix_(step.positions, columns)] = True
        self._index.review_changed(list(step.fields), step.positions)
        positions = step.positions.copy()
        positions.setflags(write=False)
        return Change(kind, positions, step.fields, EditDescription(step.code, dict(step.params)))

    def _journal(self, positions: np.ndarray, fields: tuple[str, ...], old: Mapping[str, np.ndarray],
                 new: Mapping[str, np.ndarray]) -> None:
        assert self.journal is not None
        keys = self.table.keys.to_numpy(dtype=object)[positions]
        # a key's record is one, however many rows: its first row speaks for it; rows without a key
        # cannot be edited
        first = ~pd.Series(keys, dtype=object).duplicated().to_numpy() & pd.notna(keys)
        if not first.all():
            keys = keys[first]
            old = {name: values[first] for name, values in old.items()}
            new = {name: values[first] for name, values in new.items()}
        columns = {name: (old[name].tolist(), new[name].tolist()) for name in fields}
        self.journal.record_columns(self.table.path, keys.tolist(), columns, user=self.user)

    def restore_unsaved(self) -> int:
        """Put the journal's unsaved edits of this workbook back (after a crash or a kill).

        The restored cells count as changed (they differ from the file), so the next save writes them.
        Returns how many cells were restored (a user is told of articles: :meth:`changed_keys`);
        edits of keys the file no longer has stay in the journal.
        """
        if self.journal is None:
            return 0
        restored = self.journal.replay_into(self.table)
        if restored:
            # the baseline is the file as read: replayed cells now differ
            self.rebase(self._baseline, self._base_fingerprint)
        return restored

    @property
    def baseline(self) -> Any:
        """The review values as last read or saved (the "base" of a three-way merge)."""
        return self._baseline

    @property
    def base_fingerprint(self) -> str | None:
        """The fingerprint of the file the baseline describes (``workbench.savefile.file_fingerprint``),
        None when unknown: a shared save skips re-reading a file that still has it."""
        return self._base_fingerprint

    # -- undo / redo ---------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self._cursor > 0

    @property
    def can_redo(self) -> bool:
        return self._cursor < len(self._history)

    def undo(self) -> Change | None:
        """Revert the last applied step exactly (values and stamps); ``None`` if there is none."""
        if not self.can_undo:
            return None
        self._cursor -= 1
        step = self._history[self._cursor]
        return self._apply(step, step.before, "undo")

    def redo(self) -> Change | None:
        """Re-apply the last undone step (same values and stamps); ``None`` if there is none."""
        if not self.can_redo:
            return None
        step = self._history[self._cursor]
        self._cursor += 1
        return self._apply(step, step.after, "redo")

    def undo_description(self) -> EditDescription | None:
        if not self.can_undo:
            return None
        step = self._history[self._cursor - 1]
        return EditDescription(step.code, dict(step.params))

    def redo_description(self) -> EditDescription | None:
        if not self.can_redo:
            return None
        step = self._history[self._cursor]
        return EditDescription(step.code, dict(step.params))

    # -- dirty tracking ------------------------------------------------------------------------

    def changed_cells(self) -> set[tuple[str, str]]:
        """``(key, field)`` of every review cell that differs from when :meth:`mark_saved` last ran.

        A cell edited and then undone (or set back by hand) is not changed.
        """
        review = self.table.review
        keys = self.table.keys.to_numpy(dtype=object)
        changed: set[tuple[str, str]] = set()
        for column, name in enumerate(REVIEW_FIELD_NAMES):
            positions = np.flatnonzero(self._touched[:, column])
            if not len(positions):
                continue
            j = review.columns.get_loc(name)
            current = review.iloc[positions, j].to_numpy(dtype=object)
            saved = self._baseline.iloc[positions, self._baseline.columns.get_loc(name)].to_numpy(
                dtype=object
            )
            differ = positions[~same_values(current, saved)]
            changed.update((str(k), name) for k in keys[differ])
        return changed

    def changed_keys(self) -> set[str]:
        """The articles (keys) with at least one changed review cell: what "N articles unsaved" counts,
        however many fields and stamps each has."""
        return {key for key, _field in self.changed_cells()}

    @property
    def is_dirty(self) -> bool:
        """Whether some review cell differs from the saved values (asked after every edit: it stops at
        the first field that differs instead of listing every changed cell)."""
        review = self.table.review
        for column, name in enumerate(REVIEW_FIELD_NAMES):
            positions = np.flatnonzero(self._touched[:, column])
            if not len(positions):
                continue
            current = review.iloc[positions, review.columns.get_loc(name)].to_numpy(dtype=object)
            saved = self._baseline.iloc[positions, self._baseline.columns.get_loc(name)].to_numpy(dtype=object)
            if not same_values(current, saved).all():
                return True
        return False

    def mark_saved(self, fingerprint: str | None = None) -> None:
        """Take the current review values as saved (call after a successful save), in the file of
        ``fingerprint`` when known."""
        self._baseline = self.table.review.copy(deep=True)
        self._base_fingerprint = fingerprint
        self._touched[:] = False
        self._pending = {}

    def rebase(self, base: pd.DataFrame, fingerprint: str | None = None, *,
               conflicts: Iterable[Conflict] = (), theirs_values: Mapping[Cell, Any] | None = None) -> None:
        """Take ``base`` (aligned to the table) as the file's review values, e.g. after a shared save or
        after merging a colleague's saved changes in. Cells whose current value differs from it stay
        changed; review values that were changed outside the session's edits are picked up too.
        ``fingerprint`` is that file's (the save's or pull's ``result.fingerprint``), None if unknown.
        ``conflicts`` (and ``theirs_values``) are a pull's unsettled conflicts: they become
        :attr:`pending_conflicts` (none after a save, which settles every conflict).
        """
        from workbench.review._conflicts import pending_from

        review = self.table.review
        self._pending = pending_from(conflicts, theirs_values or {})
        self._base_fingerprint = fingerprint
        self._baseline = base.reindex(columns=review.columns).copy(deep=True)
        self._retouch()

    def _retouch(self) -> None:
        """Mark as changed exactly the cells whose value differs from the baseline."""
        review = self.table.review
        for column, name in enumerate(REVIEW_FIELD_NAMES):
            current = review[name].to_numpy(dtype=object)
            saved = self._baseline[name].to_numpy(dtype=object)
            self._touched[:, column] = ~same_values(current, saved)
        self._index.review_changed()

    # -- a colleague's conflicting saves ---------------------------------------------------------

    @property
    def pending_conflicts(self) -> list[Conflict]:
        """Cells a colleague saved another value for while we had changed them, not yet settled; the
        next save asks about them (``ConflictError``) unless :meth:`settle_conflicts` settles them."""
        return [pending.conflict for pending in self._pending.values()]

    def settle_conflicts(self, choices: Mapping[Cell, Side]) -> np.ndarray:
        """Settle pending conflicts now: ``"theirs"`` takes the colleague's value (our edit of the cell
        is dropped from the journal), ``"ours"`` keeps ours to be saved without asking again. Returns
        the positions whose values changed. Cells without a choice stay pending."""
        from workbench.review._conflicts import settle

        positions, settled = settle(self, self._pending, choices)
        for cell in settled:
            self._pending.pop(cell, None)
        if settled:
            # the baseline took the colleague's values of the settled cells: it no longer describes the
            # file the fingerprint was taken of
            self._base_fingerprint = None
            self._retouch()
        return positions

    # -- questions -----------------------------------------------------------------------------

    def rows_needing_replacement(self) -> np.ndarray:
        """Positions whose decision is ``replace`` but that name no replacing article."""
        return replace_without_replacement(self.table)

    def view(self, spec: ViewSpec) -> np.ndarray:
        """Shorthand for :func:`compute_view` on this session."""
        return compute_view(self, spec)


def _filled(n: int, value: Any) -> np.ndarray:
    array = np.empty(n, dtype=object)
    array.fill(value)
    return array


def _default_vocabularies() -> Mapping[str, Vocabulary]:
    return vocabularies()


def _table_of(source: SourceTable | ReviewSession) -> SourceTable:
    return source if isinstance(source, SourceTable) else source.table


def progress(source: SourceTable | ReviewSession) -> ProgressFigures:
    """Review progress of the whole table: reviewed rows, rows per decision, replacements missing."""
    review = _table_of(source).review
    decisions = review["decision"]
    counts = decisions.value_counts(dropna=True)
    per_decision = {code: int(counts.get(code, 0)) for code in REVIEW_STATES if code != NOT_REVIEWED}
    for code, count in counts.items():  # codes from outside the vocabulary are counted, not hidden
        per_decision.setdefault(str(code), int(count))
    missing = len(replace_without_replacement(_table_of(source)))
    return ProgressFigures(
        total=len(review),
        reviewed=int(decisions.notna().sum()),
        per_decision=per_decision,
        replace_without_replacement=missing,
    )


def selection_sums(
    source: SourceTable | ReviewSession, positions: np.ndarray | list[int]
) -> tuple[float | None, float | None]:
    """Sum of spend and of quantity over ``positions`` (empty cells skipped; ``None`` if unmapped)."""
    table = _table_of(source)
    index = index_for(table)
    rows = np.asarray(positions, dtype=np.int64)
    sums: list[float | None] = []
    for name in ("spend", "quantity"):
        if name not in table.columns:
            sums.append(None)
            continue
        sums.append(float(np.nansum(index.numbers(name)[rows])))
    return sums[0], sums[1]
