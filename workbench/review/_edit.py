"""Validation and vectorised cell writes behind :class:`workbench.review.session.ReviewSession`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import LISTED_PROBLEMS as LISTED
from workbench.errors import InvalidEditError
from workbench.fields import REVIEW_FIELD_NAMES, REVIEW_FIELDS
from workbench.fields import field as field_named
from workbench.messages import Problem, problem
from workbench.review._index import index_for
from workbench.review.values import BadValue, normalise
from workbench.table import SourceTable
from workbench.vocabularies import Vocabulary

EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in REVIEW_FIELDS if f.editable)

Rows = Sequence[str] | Sequence[int] | np.ndarray


@dataclass(frozen=True, eq=False)
class Step:
    """One undoable edit: the cells' values before and after, per field, for ``positions``."""

    positions: np.ndarray
    fields: tuple[str, ...]
    before: Mapping[str, np.ndarray]
    after: Mapping[str, np.ndarray]
    code: str
    params: Mapping[str, Any]


def ensure_object_columns(review: pd.DataFrame) -> None:
    """Give every review column object dtype (``None`` for empty) so any value can be written back.

    An importer may hand over e.g. an all-empty float column or a datetime column; writing a code or
    ``None`` into those would change their dtype or fail.
    """
    for name in REVIEW_FIELD_NAMES:
        if name not in review.columns:
            review[name] = pd.Series([None] * len(review), index=review.index, dtype=object)
        elif review[name].dtype != object:
            column = review[name].astype(object)
            review[name] = column.where(column.notna(), None)


def _labels(field: str) -> dict[str, str]:
    """``field_sv``/``field_en``: the field's label in either language (its name if it has none)."""
    try:
        return {"field_sv": field_named(field).label("sv"), "field_en": field_named(field).label("en")}
    except KeyError:
        return {"field_sv": field, "field_en": field}


def _refuse(table: SourceTable, field: str, value: Any, reason: str, problems: Sequence[Problem],
            total: int | None = None) -> InvalidEditError:
    """The refusal of an edit; ``problems`` may be only the first of ``total`` (they are not all built)."""
    shown = list(problems[:LISTED])
    more = (len(problems) if total is None else total) - len(shown)
    return InvalidEditError(
        table.path, field=field, **_labels(field),
        value="" if value is None else str(value), reason=reason, problems=shown, more_problems=more,
    )


def normalise_value(
    table: SourceTable, field: str, value: Any, vocabularies: Mapping[str, Vocabulary]
) -> str | None:
    """The stored form of ``value`` for ``field`` (a code, key or text; ``None`` clears).

    Raises :class:`InvalidEditError` for an unknown or non-editable field or a value outside the
    field's vocabulary.
    """
    if field not in REVIEW_FIELD_NAMES:
        raise _refuse(table, field, value, "unknown_field", [problem("edit_unknown_field", field=field)])
    if field not in EDITABLE_FIELDS:
        raise _refuse(table, field, value, "not_editable", [problem("edit_not_editable", **_labels(field))])
    try:
        stored: str | None = normalise(field, value, vocabularies)
    except BadValue:
        vocabulary = vocabularies.get(field)
        allowed = problem("edit_allowed_values",
                          allowed_sv=", ".join(vocabulary.labels("sv")) if vocabulary else "",
                          allowed_en=", ".join(vocabulary.labels("en")) if vocabulary else "")
        raise _refuse(table, field, value, "unknown_value", [allowed]) from None
    return stored


def check_replacement(table: SourceTable, positions: np.ndarray, key: str | None) -> None:
    """``key`` must be an existing article key, and not the key of any row it is set on."""
    if key is None:
        return
    keys = table.keys
    if not bool((keys.astype(object) == key).any()):
        raise _refuse(table, "replaced_by", key, "unknown_key", [problem("edit_unknown_key", key=key)])
    own = keys.to_numpy(dtype=object)[positions] == key
    if own.any():
        rows = table.data.index.to_numpy()[positions[own]]
        raise _refuse(table, "replaced_by", key, "self_reference",
                      [problem("edit_self_reference", row=str(r), key=key) for r in rows[:LISTED]],
                      len(rows))


def replacement_candidates(table: SourceTable) -> list[tuple[str, str]]:
    """``(key, name)`` of every article that may replace another (each key once, in sheet order; the name
    empty when the table has none): what :func:`check_replacement` accepts, less the row's own key."""
    return list(table.article_names().items())


def resolve_rows(table: SourceTable, rows: Rows, field: str) -> np.ndarray:
    """Sorted unique row positions for ``rows`` (keys or 0-based positions).

    Every row sharing a key with a target row is included: a review record belongs to the key, so
    duplicate rows must not drift apart. Rows without a key cannot be reviewed.
    """
    array = np.asarray(rows if isinstance(rows, np.ndarray) else list(rows))
    n = table.row_count
    keys = table.keys
    if array.size == 0:
        return np.empty(0, dtype=np.int64)
    if array.dtype.kind in "iu":
        positions = np.unique(array.astype(np.int64))
        bad = positions[(positions < 0) | (positions >= n)]
        if len(bad):
            raise _refuse(table, field, None, "unknown_row",
                          [problem("edit_unknown_row", position=str(p)) for p in bad[:LISTED].tolist()],
                          len(bad))
    elif array.dtype.kind in "UO" and all(isinstance(k, str) for k in array.tolist()):
        wanted = pd.unique(array.astype(object))
        text_keys = keys.astype(object)
        mask = text_keys.isin(wanted).to_numpy()
        found = set(text_keys[mask].tolist())
        missing = [k for k in wanted if k not in found]
        if missing:
            raise _refuse(table, field, None, "unknown_key",
                          [problem("edit_unknown_key", key=k) for k in missing[:LISTED]], len(missing))
        return np.flatnonzero(mask)
    else:
        raise TypeError("rows must be article keys (str) or row positions (int)")
    own_keys = keys.iloc[positions]
    keyless = own_keys.isna().to_numpy()
    if keyless.any():
        sheet_rows = table.data.index.to_numpy()[positions[keyless]]
        raise _refuse(table, field, None, "row_without_key",
                      [problem("edit_row_without_key", row=str(r)) for r in sheet_rows[:LISTED]],
                      len(sheet_rows))
    if table.duplicate_keys or index_for(table).has_duplicate_keys():
        positions = np.flatnonzero(keys.isin(pd.unique(own_keys.to_numpy(dtype=object))).to_numpy())
    return positions


def read_cells(review: pd.DataFrame, positions: np.ndarray, fields: Sequence[str]) -> dict[str, np.ndarray]:
    """The current values of ``fields`` at ``positions`` (copies)."""
    return {
        name: review.iloc[positions, review.columns.get_loc(name)].to_numpy(dtype=object, copy=True)
        for name in fields
    }


def write_cells(review: pd.DataFrame, positions: np.ndarray, values: Mapping[str, Any]) -> None:
    """Write each field's values (an array aligned with ``positions``, or one value) in place."""
    for name, value in values.items():
        column = review.columns.get_loc(name)
        if isinstance(value, np.ndarray):
            review.iloc[positions, column] = value
        else:
            array = np.empty(len(positions), dtype=object)
            array.fill(value)
            review.iloc[positions, column] = array
