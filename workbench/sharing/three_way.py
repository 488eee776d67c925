"""Three-way merge of review values: ours, a colleague's (the file now), and the base we started from.

Rows are matched by article key, never by position: a colleague may have sorted the sheet or added
rows. A key that occurs on several rows is matched occurrence by occurrence (the second row with key K
in one frame with the second row with key K in the other). Per key and review field:

- only one side changed it: take that side (a colleague's change is listed in ``theirs_changes`` so
  that the GUI can highlight it);
- both changed it to the same value: fine;
- both changed it differently: a :class:`Conflict`.

``reviewed_by``/``reviewed_at`` are stamps, not decisions: they never conflict; when both sides
stamped a row, the later stamp wins as a pair. Once conflicts are settled, :func:`settle_stamps`
makes a record's stamps come from whoever's values it keeps: a record whose every value of ours
yielded to the colleague's keeps the colleague's stamps, and one where our value won a conflict
carries ours.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES, STAMP_FIELDS
from workbench.review.values import parse_date, same_value
from workbench.table import key_rows

__all__ = ["Cell", "Conflict", "MergeResult", "resolve", "settle_stamps", "three_way"]


Cell = tuple[str, str]
"""(article key, review field)."""

Slot = tuple[str, int]
"""(article key, occurrence): the n-th row with that key."""


def _slots(keys: pd.Series) -> dict[Slot, int]:
    return {(key, n): row for key, rows in key_rows(keys).items() for n, row in enumerate(rows)}


@dataclass(frozen=True)
class Conflict:
    """Both sides changed one cell differently. ``theirs_by``/``theirs_at`` come from the file's
    ``reviewed_by``/``reviewed_at`` of that row when present."""

    key: str
    field: str
    base: Any
    theirs: Any
    ours: Any
    theirs_by: str | None = None
    theirs_at: dt.datetime | None = None
    ours_by: str | None = None
    ours_at: dt.datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "field": self.field, "base": self.base, "theirs": self.theirs,
                "ours": self.ours, "theirs_by": self.theirs_by, "theirs_at": self.theirs_at,
                "ours_by": self.ours_by, "ours_at": self.ours_at}


@dataclass
class MergeResult:
    """What the merge decided.

    ``merged`` maps ``(key, occurrence)`` to ``{field: value}`` for every matched row (both frames
    have the key); ``ours_changes`` are our changed cells, ``theirs_changes`` the colleague's changes we
    did not make ourselves (values in ``merged``), ``conflicts`` need a decision (``merged`` holds
    ours for them until :func:`resolve` is applied), ``missing`` are our changed cells whose key the
    file no longer has.
    """

    merged: dict[Slot, dict[str, Any]] = field(default_factory=dict)
    ours_changes: list[Cell] = field(default_factory=list)
    theirs_changes: list[Cell] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    missing: list[Cell] = field(default_factory=list)
    # the stamps of both sides (ours, theirs) of every matched row that we stamped
    stamp_sides: dict[Slot, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)

    def value(self, key: str, name: str, occurrence: int = 0) -> Any:
        return self.merged[(key, occurrence)][name]


def _cells_of(review: pd.DataFrame, keys: pd.Series) -> dict[Slot, dict[str, Any]]:
    slots = _slots(keys)
    positions = review.index.get_indexer(list(slots.values()))
    columns = [review[name].to_numpy(dtype=object)[positions].tolist() if name in review.columns
               else [None] * len(positions) for name in REVIEW_FIELD_NAMES]
    names = REVIEW_FIELD_NAMES
    return {slot: dict(zip(names, values, strict=True))
            for slot, values in zip(slots, zip(*columns, strict=True), strict=True)}


def three_way(base: pd.DataFrame, base_keys: pd.Series, theirs: pd.DataFrame, theirs_keys: pd.Series,
              ours: pd.DataFrame, ours_keys: pd.Series | None = None, *,
              ours_changed: Iterable[Cell] | None = None, ours_by: str | None = None) -> MergeResult:
    """Merge review frames (codes, as in ``SourceTable.review``) matched by key.

    ``ours_keys`` defaults to ``base_keys`` (our table is the one the base was read from).
    ``ours_changed`` names the cells we edited; a cell listed there counts as changed even when our
    value equals the base (an explicit decision, e.g. from the CLI, that must not silently yield to a
    colleague's different value). Without it, a cell is ours-changed when it differs from the base.
    """
    if ours_keys is None:
        ours_keys = base_keys
    base_cells = _cells_of(base, base_keys)
    their_cells = _cells_of(theirs, theirs_keys)
    our_cells = _cells_of(ours, ours_keys)
    explicit: set[Cell] | None = None if ours_changed is None else {(str(k), f) for k, f in ours_changed}
    result = MergeResult()
    empty = dict.fromkeys(REVIEW_FIELD_NAMES)
    for slot, their_row in their_cells.items():
        base_row = base_cells.get(slot, empty)
        our_row = our_cells.get(slot, base_row)
        merged = dict(their_row)
        key = slot[0]
        for name in REVIEW_FIELD_NAMES:
            if name in STAMP_FIELDS:
                continue
            b, t, o = base_row[name], their_row[name], our_row[name]
            ours_moved = (key, name) in explicit if explicit is not None else not same_value(o, b)
            theirs_moved = not same_value(t, b)
            if not ours_moved:
                if theirs_moved:
                    result.theirs_changes.append((key, name))
                continue
            result.ours_changes.append((key, name))
            merged[name] = o
            if theirs_moved and not same_value(t, o):
                result.conflicts.append(Conflict(
                    key, name, b, t, o, theirs_by=_text_or_none(their_row["reviewed_by"]),
                    theirs_at=parse_date(their_row["reviewed_at"]),
                    ours_by=ours_by or _text_or_none(our_row["reviewed_by"]),
                    ours_at=parse_date(our_row["reviewed_at"])))
        _merge_stamps(slot, base_row, their_row, our_row, merged, result, explicit)
        result.merged[slot] = merged
    for slot, our_row in our_cells.items():
        if slot in their_cells:
            continue
        base_row = base_cells.get(slot, empty)
        for name in REVIEW_FIELD_NAMES:
            moved = (slot[0], name) in explicit if explicit is not None else not same_value(our_row[name],
                                                                                        base_row[name])
            if moved and (slot[0], name) not in result.missing:
                result.missing.append((slot[0], name))
    return result


def _text_or_none(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _merge_stamps(slot: Slot, base_row: Mapping[str, Any], their_row: Mapping[str, Any],
                  our_row: Mapping[str, Any], merged: dict[str, Any], result: MergeResult,
                  explicit: set[Cell] | None) -> None:
    key = slot[0]
    ours_moved = [n for n in STAMP_FIELDS if ((key, n) in explicit if explicit is not None
                                               else not same_value(our_row[n], base_row[n]))]
    theirs_moved = [n for n in STAMP_FIELDS if not same_value(their_row[n], base_row[n])]
    if not ours_moved:
        result.theirs_changes.extend((key, n) for n in theirs_moved)
        return
    result.stamp_sides[slot] = ({n: our_row[n] for n in STAMP_FIELDS}, {n: their_row[n] for n in STAMP_FIELDS})
    take_ours = True
    if theirs_moved:
        ours_at, theirs_at = parse_date(our_row["reviewed_at"]), parse_date(their_row["reviewed_at"])
        take_ours = theirs_at is None or (ours_at is not None and ours_at >= theirs_at)
    if take_ours:
        for name in ours_moved:
            merged[name] = our_row[name]
            result.ours_changes.append((key, name))
    else:
        result.theirs_changes.extend((key, n) for n in theirs_moved)


def resolve(result: MergeResult, choice: Literal["ours", "theirs"] | Mapping[Cell, Literal["ours", "theirs"]]
            ) -> list[Cell]:
    """Settle the conflicts in ``result.merged``: all one way, or per cell (unlisted cells keep ours).

    Returns the cells that took the colleague's value; they are no longer ours to write.
    """
    taken: list[Cell] = []
    slots: dict[str, list[Slot]] = {}
    for slot in result.merged:
        slots.setdefault(slot[0], []).append(slot)
    for conflict in result.conflicts:
        cell = (conflict.key, conflict.field)
        side = choice if isinstance(choice, str) else choice.get(cell, "ours")
        if side == "theirs":
            taken.append(cell)
            for slot in slots.get(conflict.key, ()):
                result.merged[slot][conflict.field] = conflict.theirs
    return taken


def settle_stamps(result: MergeResult, taken: Iterable[Cell] = ()) -> None:
    """Give each record we stamped the stamps of the side whose values it keeps (after :func:`resolve`).

    ``taken`` are the conflicting cells settled with the colleague's value. A record where every value
    of ours yielded to the colleague's keeps the colleague's stamps (ours are not written); a record
    where our value won a conflict (or still holds ours pending a decision) carries our stamps, even
    when the colleague stamped it later. Other records keep the later stamp (see :func:`three_way`).
    """
    taken_cells = {(str(k), f) for k, f in taken}
    conflicting = {(c.key, c.field) for c in result.conflicts}
    kept: dict[str, set[str]] = {}
    for key, name in result.ours_changes:
        if name not in STAMP_FIELDS and (key, name) not in taken_cells:
            kept.setdefault(key, set()).add(name)
    yielded = {key for key, _ in taken_cells}
    drop_ours: set[Cell] = set()
    drop_theirs: set[Cell] = set()
    add_ours: list[Cell] = []
    for slot, (ours, theirs) in result.stamp_sides.items():
        key = slot[0]
        stamp_cells = [(key, n) for n in STAMP_FIELDS]
        if key in yielded and key not in kept:
            result.merged[slot].update(theirs)
            drop_ours.update(stamp_cells)
        elif any((key, name) in conflicting for name in kept.get(key, ())):
            result.merged[slot].update(ours)
            drop_theirs.update(stamp_cells)
            add_ours.extend(stamp_cells)
    if drop_ours:
        result.ours_changes = [c for c in result.ours_changes if c not in drop_ours]
    if drop_theirs:
        result.theirs_changes = [c for c in result.theirs_changes if c not in drop_theirs]
    if add_ours:
        present = set(result.ours_changes)
        result.ours_changes.extend(c for c in dict.fromkeys(add_ours) if c not in present)
