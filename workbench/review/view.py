"""Views over a table: filter, search and sort row positions, vectorised; facet counts.

Public names are re-exported by :mod:`workbench.review.session`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.review._facets import (
    FACET_FIELDS,
    HAS_COMMENT,
    facet_codes,
    facet_value_ranks,
    is_pseudo_facet,
)
from workbench.review._facets import facet_order as _facet_order
from workbench.review._index import REVIEW_STATE, TableIndex, fold_search, index_for, set_derived_facet
from workbench.table import SourceTable

if TYPE_CHECKING:
    from workbench.review.session import ReviewSession

REVIEW_STATES: tuple[str, ...] = ("not_reviewed", "keep", "remove", "replace", "investigate")
"""Values of the ``review_state`` facet."""

Range = tuple[float | None, float | None]


@dataclass(frozen=True)
class ViewSpec:
    """What the grid shows: a filter, a sort and the visible columns.

    - ``text``: case-insensitive substring search over every source text column and the comment;
      several words separated by spaces must all occur (in any column).
    - ``facets``: ``{field: values}``; a row passes when its value (as text, ``""`` for empty) is one
      of ``values``. ``field`` is a canonical field, a header as found, a review field (values are
      codes), ``"review_state"`` (:data:`REVIEW_STATES`) or ``"has_comment"`` (``yes``/``no``).
      An empty set does not filter.
    - ``ranges``: ``{field: (low, high)}`` inclusive, either bound ``None`` for open; empty cells fail.
    - ``only_unreviewed``: only rows without a decision.
    - ``sort``: ``(column, ascending)`` or ``None`` for sheet order; empty cells always come last.
    - ``columns``: visible columns in order (``None`` for the grid's default); not used to filter.
    """

    text: str = ""
    facets: Mapping[str, AbstractSet[str]] = field(default_factory=dict)
    ranges: Mapping[str, Range] = field(default_factory=dict)
    only_unreviewed: bool = False
    sort: tuple[str, bool] | None = None
    columns: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "facets", {str(k): frozenset(str(v) for v in vs) for k, vs in self.facets.items()}
        )
        object.__setattr__(
            self,
            "ranges",
            {str(k): (_bound(lo), _bound(hi)) for k, (lo, hi) in self.ranges.items()},
        )
        if self.sort is not None:
            object.__setattr__(self, "sort", (str(self.sort[0]), bool(self.sort[1])))
        if self.columns is not None:
            object.__setattr__(self, "columns", tuple(str(c) for c in self.columns))

    def with_facet(self, name: str, values: Iterable[str]) -> ViewSpec:
        """A copy selecting ``values`` for facet ``name`` (an empty selection removes the facet)."""
        facets = dict(self.facets)
        chosen = frozenset(values)
        if chosen:
            facets[name] = chosen
        else:
            facets.pop(name, None)
        return dataclasses.replace(self, facets=facets)

    def without_facet(self, name: str) -> ViewSpec:
        return self.with_facet(name, ())

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (see :meth:`from_json`)."""
        return {
            "text": self.text,
            "facets": {k: sorted(v) for k, v in self.facets.items()},
            "ranges": {k: [lo, hi] for k, (lo, hi) in self.ranges.items()},
            "only_unreviewed": self.only_unreviewed,
            "sort": None if self.sort is None else {"column": self.sort[0], "ascending": self.sort[1]},
            "columns": None if self.columns is None else list(self.columns),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ViewSpec:
        """Read :meth:`to_json` output; ``ValueError``/``TypeError`` on a malformed dict."""
        if not isinstance(data, Mapping):
            raise TypeError("view spec must be an object")
        facets = data.get("facets") or {}
        ranges = data.get("ranges") or {}
        sort = data.get("sort")
        columns = data.get("columns")
        if not isinstance(facets, Mapping) or not isinstance(ranges, Mapping):
            raise TypeError("facets and ranges must be objects")
        if any(isinstance(v, str) or not isinstance(v, Iterable) for v in facets.values()):
            raise TypeError("facet values must be lists")
        parsed_ranges: dict[str, Range] = {}
        for name, bounds in ranges.items():
            if not isinstance(bounds, list | tuple) or len(bounds) != 2:
                raise ValueError(f"range of {name} must be [low, high]")
            parsed_ranges[name] = (bounds[0], bounds[1])
        parsed_sort: tuple[str, bool] | None = None
        if sort is not None:
            if not isinstance(sort, Mapping) or not isinstance(sort.get("column"), str):
                raise ValueError("sort must be {column, ascending}")
            parsed_sort = (sort["column"], bool(sort.get("ascending", True)))
        if columns is not None and (isinstance(columns, str) or not isinstance(columns, list)):
            raise TypeError("columns must be a list")
        text = data.get("text") or ""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        return cls(
            text=text,
            facets=facets,
            ranges=parsed_ranges,
            only_unreviewed=bool(data.get("only_unreviewed", False)),
            sort=parsed_sort,
            columns=None if columns is None else tuple(columns),
        )


def _bound(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("range bound must be a number")
    return float(value)


def _index_of(source: SourceTable | ReviewSession) -> TableIndex:
    table = source if isinstance(source, SourceTable) else source.table
    return index_for(table)


def missing_columns(source: SourceTable | ReviewSession, spec: ViewSpec) -> list[str]:
    """Columns ``spec`` filters or sorts on that the table does not have (``compute_view`` would raise).

    A preset like "Plastic" needs the ``material`` column; the GUI can disable such a view.
    """
    index = _index_of(source)
    names = [*spec.facets, *spec.ranges, *([spec.sort[0]] if spec.sort else [])]
    missing = []
    for name in names:
        if (is_pseudo_facet(name) or name in index.derived) and name in spec.facets:
            continue
        try:
            index.resolve(name)
        except KeyError:
            missing.append(name)
    return missing


def compute_view(
    source: SourceTable | ReviewSession, spec: ViewSpec, *, exclude_facet: str | None = None
) -> np.ndarray:
    """Row positions (0-based, into ``table.data``) that ``spec`` shows, in display order.

    ``exclude_facet`` leaves that facet's selection out (what facet counts for it are based on).
    Unknown column names in ``spec`` raise ``KeyError``.
    """
    index = _index_of(source)
    table = index.table
    mask = np.ones(table.row_count, dtype=bool)
    for name, values in spec.facets.items():
        if name == exclude_facet or not values:
            continue
        facet = facet_codes(index, name)
        wanted = [i for i, v in enumerate(facet.values) if v in values]
        mask &= np.isin(facet.codes, np.asarray(wanted, dtype=np.int64))
    for name, (low, high) in spec.ranges.items():
        numbers = index.numbers(name)
        with np.errstate(invalid="ignore"):
            if low is not None:
                mask &= numbers >= low
            if high is not None:
                mask &= numbers <= high
        mask &= ~np.isnan(numbers)
    if spec.only_unreviewed:
        mask &= table.review["decision"].isna().to_numpy()
    positions = np.flatnonzero(mask)
    terms = fold_search(spec.text).split()
    if terms:
        positions = _search(index, positions, terms)
    if spec.sort is not None:
        positions = sort_positions(index, positions, spec.sort[0], ascending=spec.sort[1])
    return positions


def _search(index: TableIndex, positions: np.ndarray, terms: list[str]) -> np.ndarray:
    for term in terms:
        if not len(positions):
            break
        positions = positions[index.term_mask(term)[positions]]
    return positions


def sort_positions(
    source: SourceTable | ReviewSession | TableIndex, positions: np.ndarray, column: str, *,
    ascending: bool = True,
) -> np.ndarray:
    """``positions`` stably sorted by ``column``; empty cells last in both directions."""
    index = source if isinstance(source, TableIndex) else _index_of(source)
    ranks = index.sort_ranks(column)[positions]
    empty = ranks < 0
    top = int(ranks.max()) if len(ranks) else 0
    keys = ranks if ascending else top - ranks
    keys = np.where(empty, top + 1, keys)
    return positions[np.argsort(keys, kind="stable")]


def facet_counts(
    source: SourceTable | ReviewSession,
    name: str,
    *,
    within: np.ndarray | None = None,
    spec: ViewSpec | None = None,
    limit: int | None = 50,
    search: str = "",
    order: Sequence[str] | None = None,
) -> list[tuple[str, int]]:
    """Values of facet ``name`` with their row counts, most frequent first (ties alphabetical).

    Counted over ``within`` (row positions) if given, else over the rows that ``spec`` shows with its
    own selection for ``name`` left out (standard faceted search), else over all rows. ``search``
    keeps values containing it (case-insensitive); ``limit`` caps the list to the most frequent.
    Empty cells count under ``""``; values with no rows are left out. With ``order`` (e.g. from
    :func:`facet_order`) the values come in that order instead, values it lacks last, by count.
    """
    index = _index_of(source)
    facet = facet_codes(index, name)
    if within is None and spec is not None:
        within = compute_view(index.table, dataclasses.replace(spec, sort=None), exclude_facet=name)
    codes = facet.codes if within is None else facet.codes[within]
    counts = np.bincount(codes, minlength=len(facet.values))
    candidates = np.flatnonzero(counts)
    if search.strip():
        needle = fold_search(search.strip())
        candidates = np.asarray(
            [i for i in candidates if needle in fold_search(facet.values[i])], dtype=np.int64
        )
    if not len(candidates):
        return []
    value_ranks = facet_value_ranks(index, name)[candidates]
    chosen = candidates[np.lexsort((value_ranks, -counts[candidates]))]
    if limit is not None:
        chosen = chosen[:limit]
    if order is not None:
        place = {value: i for i, value in enumerate(order)}
        # a stable sort of the by-count list: values outside ``order`` keep their by-count order
        chosen = np.asarray(sorted(chosen, key=lambda i: place.get(facet.values[i], len(place))),
                            dtype=np.int64)
    return [(facet.values[i], int(counts[i])) for i in chosen]


def facet_counts_for(
    source: SourceTable | ReviewSession,
    names: Iterable[str],
    spec: ViewSpec,
    *,
    limit: int | None = 50,
    search: Mapping[str, str] | None = None,
    order: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, list[tuple[str, int]]]:
    """:func:`facet_counts` of several facets over the rows ``spec`` shows, each leaving its own
    selection out, as a filter panel needs them after every change.

    The text search and the ranges run once for all the facets (not once per facet).
    """
    index = _index_of(source)
    table = index.table
    base = np.zeros(table.row_count, dtype=bool)
    base[compute_view(index.table, dataclasses.replace(spec, facets={}, sort=None))] = True
    selected: dict[str, np.ndarray] = {}
    for name, values in spec.facets.items():
        if values:
            facet = facet_codes(index, name)
            wanted = [i for i, v in enumerate(facet.values) if v in values]
            selected[name] = np.isin(facet.codes, np.asarray(wanted, dtype=np.int64))
    result: dict[str, list[tuple[str, int]]] = {}
    for name in names:
        mask = base.copy()
        for other, chosen in selected.items():
            if other != name:
                mask &= chosen
        within = None if mask.all() else np.flatnonzero(mask)
        result[name] = facet_counts(index.table, name, within=within, limit=limit,
                                    search=(search or {}).get(name, ""), order=(order or {}).get(name))
    return result


def facet_order(source: SourceTable | ReviewSession, name: str) -> list[str]:
    """Every value of facet ``name`` in a stable order: vocabulary order, else by count now.

    See :func:`workbench.review._facets.facet_order`; pass the result to :func:`facet_counts`.
    """
    return _facet_order(_index_of(source), name)


__all__ = [
    "FACET_FIELDS",
    "HAS_COMMENT",
    "REVIEW_STATE",
    "REVIEW_STATES",
    "ViewSpec",
    "compute_view",
    "facet_counts",
    "facet_counts_for",
    "facet_order",
    "missing_columns",
    "set_derived_facet",
    "sort_positions",
]
