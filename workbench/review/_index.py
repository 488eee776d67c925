"""Per-table caches behind the review grid's views: search text, facet codes, sort ranks, numbers.

Everything here is computed column-wise with pandas/numpy and cached per table, so filtering and
sorting 100,000 rows costs a few array operations. Source columns never change, so their caches live
as long as the table; review columns change with every edit, so their caches carry a version that a
:class:`~workbench.review.session.ReviewSession` bumps (:meth:`TableIndex.review_changed`). Whoever edits
``table.review`` without a session writes by key through :func:`workbench.review.record.set_by_key`
(which calls :func:`review_changed`) or calls :func:`invalidate` afterwards.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES
from workbench.table import SourceTable
from workbench.vocabularies import Vocabulary, vocabularies

REVIEW_STATE = "review_state"
"""Pseudo-field for facets: the decision, with ``not_reviewed`` for rows without one."""

NOT_REVIEWED = "not_reviewed"
SEARCH_SEPARATOR = "\x1f"
_ROW_SEPARATOR = "\x1e"

# Swedish alphabet order: å, ä, ö after z (and æ/ø/ü sort as ä/ö/y). The replacements are the
# characters right after "z" in code point order, so plain string comparison gives the right order.
_SWEDISH = (("å", "{"), ("ä", "|"), ("æ", "|"), ("ö", "}"), ("ø", "}"), ("ü", "y"))
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_KEY_SEPARATOR = "\x00"
_TERMS_KEPT = 16

T = TypeVar("T")


def swedish_sort_key(text: str) -> str:
    """A key that orders text case-insensitively in Swedish alphabet order (å ä ö after z)."""
    key = _swedish_letters(unicodedata.normalize("NFC", text).casefold())
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))


def fold_search(text: str) -> str:
    """Fold text for case-insensitive search (NFC, lower case).

    ``lower`` rather than ``casefold``: the same for Swedish text and faster on a whole column.
    """
    return unicodedata.normalize("NFC", text).lower()


@dataclass(frozen=True)
class FacetCodes:
    """One column factorised: ``codes[i]`` indexes ``values`` (display text, ``""`` for empty)."""

    codes: np.ndarray
    values: tuple[str, ...]


def display_strings(series: pd.Series) -> np.ndarray:
    """Each value as the text a facet shows: ``""`` for empty, integral floats without ``.0``."""
    values = series.to_numpy(dtype=object)
    out = np.empty(len(values), dtype=object)
    empty = pd.isna(series).to_numpy()
    out[empty] = ""
    for i in np.flatnonzero(~empty):
        v = values[i]
        if isinstance(v, float) and v.is_integer():
            out[i] = str(int(v))
        else:
            out[i] = str(v)
    return out


def _display_strings_fast(series: pd.Series) -> np.ndarray:
    """:func:`display_strings` for text columns, without a Python loop over the rows."""
    if (pd.api.types.is_string_dtype(series.dtype) and series.dtype != object) or (
        pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")
    ):
        out = series.to_numpy(dtype=object, copy=True)
        out[pd.isna(out)] = ""
        return np.asarray(out)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    shown = display_strings(pd.Series(uniques, dtype=object))
    out = np.empty(len(codes), dtype=object)
    out[codes < 0] = ""
    out[codes >= 0] = shown[codes[codes >= 0]] if len(shown) else ""
    return out


def _swedish_letters(folded: str) -> str:
    # str.replace runs at C speed; str.translate with a dict looks up every character in Python.
    if folded.isascii():
        return folded
    for letter, replacement in _SWEDISH:
        folded = folded.replace(letter, replacement)
    return folded


def swedish_sort_keys(texts: list[str]) -> list[str]:
    """:func:`swedish_sort_key` of many texts at once.

    The texts are joined and folded as one string, so the work runs at C speed instead of one Python
    call per text; a text containing the separator falls back to the one-by-one path.
    """
    joined = _KEY_SEPARATOR.join(texts)
    if not texts or joined.count(_KEY_SEPARATOR) != len(texts) - 1:
        return [swedish_sort_key(t) for t in texts]
    folded = _swedish_letters(unicodedata.normalize("NFC", joined).casefold())
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFD", folded))
    return folded.split(_KEY_SEPARATOR)


def text_ranks(strings: np.ndarray) -> np.ndarray:
    """Rank of every string in Swedish order (ties share a rank); ``-1`` for ``""``."""
    codes, uniques = pd.factorize(strings)
    if not len(uniques):
        return np.full(len(codes), -1, dtype=np.int64)
    keys = swedish_sort_keys([str(u) for u in uniques])
    longest = max(map(len, keys))
    # Fixed-width unicode arrays sort about twice as fast as object arrays, but cost 4 bytes per
    # character of the longest key for every key: only for short keys.
    sortable = np.array(keys, dtype=f"<U{max(longest, 1)}") if longest <= 256 else np.array(keys, dtype=object)
    order = np.argsort(sortable, kind="stable")
    ordered = sortable[order]
    new_key = np.ones(len(ordered), dtype=bool)
    new_key[1:] = ordered[1:] != ordered[:-1]  # equal keys (e.g. "A"/"a") share a rank
    unique_rank = np.empty(len(uniques), dtype=np.int64)
    unique_rank[order] = np.cumsum(new_key) - 1
    ranks = unique_rank[codes]
    ranks[np.asarray(strings == "", dtype=bool)] = -1
    return np.asarray(ranks)


def numeric_ranks(values: np.ndarray) -> np.ndarray:
    """Rank of every number in ascending order (ties share a rank); ``-1`` for NaN."""
    codes, _ = pd.factorize(values, sort=True, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64)


def as_numbers(series: pd.Series) -> np.ndarray | None:
    """The column as floats (NaN for empty), or ``None`` when it holds text that is not a number."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return None
    if pd.api.types.is_numeric_dtype(series.dtype):
        return np.asarray(series.to_numpy(dtype=float, na_value=np.nan))
    if pd.api.types.is_datetime64_any_dtype(series.dtype) or pd.api.types.infer_dtype(
        series, skipna=True
    ) in ("string", "empty", "boolean", "datetime", "date", "time"):
        return None
    numbers = pd.to_numeric(series, errors="coerce")
    if int(numbers.notna().sum()) == 0 or int(numbers.isna().sum()) != int(series.isna().sum()):
        return None
    return np.asarray(numbers.to_numpy(dtype=float, na_value=np.nan))


class TableIndex:
    """Cached, vectorised views of one table's columns (see the module docstring)."""

    def __init__(self, table: SourceTable) -> None:
        self._table_ref = weakref.ref(table)
        self._data_id = id(table.data)
        self._source: dict[tuple[str, str], Any] = {}
        self._review: dict[tuple[str, str, int], Any] = {}
        self._versions: dict[str, int] = dict.fromkeys(REVIEW_FIELD_NAMES, 0)
        self._terms: dict[tuple[str, str, int], np.ndarray] = {}
        self.vocabularies: dict[str, Vocabulary] = dict(vocabularies())
        # facets computed outside the table's columns (the environment's SUP rule), by name
        self.derived: dict[str, FacetCodes] = {}

    # -- bookkeeping ---------------------------------------------------------------------------

    @property
    def table(self) -> SourceTable:
        table = self._table_ref()
        if table is None:  # pragma: no cover - the registry drops indexes with their table
            raise RuntimeError("table is gone")
        if id(table.data) != self._data_id:
            self._source.clear()
            self._terms.clear()
            self._data_id = id(table.data)
        return table

    def review_changed(
        self, fields: tuple[str, ...] | list[str] | None = None, positions: np.ndarray | None = None
    ) -> None:
        """Forget cached review-column data for ``fields`` (all review fields when ``None``).

        With ``positions`` (the only rows whose values changed), facet codes already built are patched
        at those rows instead of being rebuilt: a bulk edit then costs its own rows, not the table's.
        Pseudo-fields derived from a changed field (``review_state`` from ``decision``) follow it.
        """
        names = list(fields or REVIEW_FIELD_NAMES)
        for name in names:
            self._versions[name] = self._versions.get(name, 0) + 1
        # over a copy of the keys: a pull writes by key from a background task while the grid reads
        stale = [key for key in tuple(self._review) if _source_of(key[1]) in names]
        patched: dict[tuple[str, str, int], Any] = {}
        if positions is not None and len(positions) < self.table.row_count // 2:
            for kind, name, _version in stale:
                if kind == "facet":
                    patched[(kind, name, self._version_of(name))] = self._patched_facet(
                        name, self._review[(kind, name, _version)], positions
                    )
        for key in stale:
            self._review.pop(key, None)
        self._review.update(patched)

    def _version_of(self, name: str) -> int:
        return self._versions.get(_source_of(name), 0)

    def _patched_facet(self, name: str, facet: FacetCodes, positions: np.ndarray) -> FacetCodes:
        strings = self._facet_strings(name, self._review_series(name).iloc[positions])
        new_codes, uniques = pd.factorize(strings)
        code_of = {value: code for code, value in enumerate(facet.values)}
        values = list(facet.values)
        mapping = np.empty(len(uniques), dtype=np.int64)
        for i, value in enumerate(str(u) for u in uniques):
            if value not in code_of:
                code_of[value] = len(values)
                values.append(value)
            mapping[i] = code_of[value]
        codes = facet.codes.copy()
        codes[positions] = mapping[new_codes]
        # values no row shows any more stay listed: facet counts leave out values without rows
        return FacetCodes(codes=codes, values=tuple(values))

    def clear(self) -> None:
        self._source.clear()
        self._terms.clear()
        self._review.clear()
        self.review_changed()

    def _cached_source(self, kind: str, column: str, build: Callable[[], T]) -> T:
        key = (kind, column)
        if key not in self._source:
            self._source[key] = build()
        return cast(T, self._source[key])

    def _cached_review(self, kind: str, name: str, build: Callable[[], T]) -> T:
        version = self._version_of(name)
        key = (kind, name, version)
        if key not in self._review:
            for stale in [k for k in tuple(self._review) if k[0] == kind and k[1] == name]:
                self._review.pop(stale, None)
            self._review[key] = build()
        return cast(T, self._review[key])

    # -- columns -------------------------------------------------------------------------------

    def resolve(self, name: str) -> tuple[str, str]:
        """``("review", field)`` or ``("data", header)`` for a column name.

        A name is a review field, a canonical source field, or a header of ``data`` as found.
        """
        table = self.table
        if name in REVIEW_FIELD_NAMES or name == REVIEW_STATE:
            return "review", name
        if name in table.columns:
            return "data", table.columns[name]
        if name in table.data.columns:
            return "data", name
        raise KeyError(name)

    def _review_series(self, name: str) -> pd.Series:
        table = self.table
        if name == REVIEW_STATE:
            return table.review["decision"]
        return table.review[name]

    def has_duplicate_keys(self) -> bool:
        """Whether some article key occurs on more than one row (cached: keys are source data)."""
        return bool(self._cached_source("duplicate_keys", "", lambda: bool(self.table.keys.duplicated().any())))

    # -- text search ---------------------------------------------------------------------------

    def search_text(self) -> np.ndarray:
        """Per row: every source text column, folded and joined (cached for the table's life)."""

        def build() -> np.ndarray:
            data = self.table.data
            parts = [
                _display_strings_fast(data[column])
                for column in data.columns
                if data[column].dtype == object or pd.api.types.is_string_dtype(data[column].dtype)
            ]
            rows = len(data)
            if not parts or not rows:
                return np.full(rows, "", dtype=object)
            # One big string folded at once runs at C speed; then split back into rows.
            width = len(parts) + 1
            cells = np.empty(rows * width, dtype=object)
            for i, part in enumerate(parts):
                cells[i::width] = part
            cells[len(parts)::width] = _ROW_SEPARATOR
            joined = fold_search(SEARCH_SEPARATOR.join(cells.tolist()))
            texts = joined.split(_ROW_SEPARATOR)
            if len(texts) != rows + 1:  # a cell contained the row separator: fold row by row
                texts = [fold_search(SEARCH_SEPARATOR.join(str(p[r]) for p in parts)) for r in range(rows)]
                texts.append("")
            out = np.empty(rows, dtype=object)
            out[:] = texts[:rows]
            return out

        return self._cached_source("search", "", build)

    def comment_text(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions with a comment and their folded text (cached until a comment changes)."""

        def build() -> tuple[np.ndarray, np.ndarray]:
            series = self.table.review["comment"]
            positions = np.flatnonzero(series.notna().to_numpy())
            texts = np.array(
                [fold_search(str(v)) for v in series.to_numpy(dtype=object)[positions]], dtype=object
            )
            return positions, texts

        return self._cached_review("search", "comment", build)

    def term_mask(self, term: str) -> np.ndarray:
        """Per row: whether its source text or its comment contains ``term`` (folded).

        Cached for the last few terms until a comment changes: one view's refresh asks the same search
        once for the grid and once per facet's counts, and typing a word repeats its prefixes.
        """
        key = ("term", term, self._version_of("comment"))
        mask = self._terms.pop(key, None)
        if mask is None:
            mask = _contains(self.search_text(), term)
            positions, texts = self.comment_text()
            if len(positions):
                mask[positions] |= _contains(texts, term)
            mask.setflags(write=False)
        self._terms[key] = mask  # most recently used last
        while len(self._terms) > _TERMS_KEPT:
            del self._terms[next(iter(self._terms))]
        return mask

    # -- facets --------------------------------------------------------------------------------

    def facet_codes(self, name: str) -> FacetCodes:
        """The column ``name`` factorised into display values."""
        if name in self.derived:
            return self.derived[name]
        where, column = self.resolve(name)
        if where == "data":
            return self._cached_source(
                "facet", column, lambda: _factorise(_display_strings_fast(self.table.data[column]))
            )

        return self._cached_review(
            "facet", name, lambda: _factorise(self._facet_strings(name, self._review_series(name)))
        )

    @staticmethod
    def _facet_strings(name: str, series: pd.Series) -> np.ndarray:
        strings = _display_strings_fast(series)
        if name == REVIEW_STATE:
            strings[strings == ""] = NOT_REVIEWED
        return strings

    def facet_value_ranks(self, name: str) -> np.ndarray:
        """Swedish-order rank of each of :meth:`facet_codes` ``values`` (for tie-breaking lists)."""
        if name in self.derived:
            return text_ranks(np.array(self.derived[name].values, dtype=object))
        where, column = self.resolve(name)

        def build() -> np.ndarray:
            return text_ranks(np.array(self.facet_codes(name).values, dtype=object))

        if where == "data":
            return self._cached_source("facet_ranks", column, build)
        return self._cached_review("facet_ranks", name, build)

    # -- numbers and sorting -------------------------------------------------------------------

    def numbers(self, name: str) -> np.ndarray:
        """The column as floats (NaN where empty or not a number)."""
        where, column = self.resolve(name)
        if where == "data":

            def build() -> np.ndarray:
                series = self.table.data[column]
                numbers = as_numbers(series)
                if numbers is None:
                    numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
                return numbers

            return self._cached_source("numbers", column, build)
        return self._cached_review(
            "numbers",
            name,
            lambda: pd.to_numeric(self._review_series(name), errors="coerce").to_numpy(dtype=float),
        )

    def sort_ranks(self, name: str) -> np.ndarray:
        """Per row: rank in ascending order (ties share a rank), ``-1`` where the cell is empty."""
        where, column = self.resolve(name)
        if where == "data":
            return self._cached_source(
                "ranks", column, lambda: _column_ranks(self.table.data[column])
            )
        return self._cached_review(
            "ranks", name, lambda: self._review_ranks(name)
        )

    def _review_ranks(self, name: str) -> np.ndarray:
        series = self._review_series(name)
        vocabulary_name = "decision" if name == REVIEW_STATE else name
        vocabulary = self.vocabularies.get(vocabulary_name)
        if vocabulary is not None:
            # Vocabulary order (keep, remove, ...; 1..5), not alphabetical: that is how lists show it.
            order = {code: i for i, code in enumerate(vocabulary.codes)}
            ranks = series.map(order).to_numpy(dtype=float, na_value=np.nan, copy=True)
            unknown = np.isnan(ranks) & series.notna().to_numpy()
            ranks[unknown] = len(order)  # codes from outside the vocabulary sort after known ones
            out = np.where(np.isnan(ranks), -1, ranks).astype(np.int64)
            return out
        return _column_ranks(series)


def _contains(texts: np.ndarray, term: str) -> np.ndarray:
    # A plain comprehension beats Series.str.contains here (no NA handling needed: texts are str).
    return np.fromiter((term in text for text in texts), dtype=bool, count=len(texts))


def _source_of(name: str) -> str:
    """The review column a cached review name is computed from."""
    return "decision" if name == REVIEW_STATE else name


def set_derived_facet(table: SourceTable, name: str, values: np.ndarray | list[str]) -> None:
    """Make ``name`` a facet of ``table`` whose value on each row position is ``values[i]`` (``""`` for
    none): a facet a higher package computes from the rows (the environment's SUP rule)."""
    strings = np.asarray(values, dtype=object)
    if len(strings) != table.row_count:
        raise ValueError(f"{name}: {len(strings)} values for {table.row_count} rows")
    index_for(table).derived[name] = _factorise(strings)


def _factorise(strings: np.ndarray) -> FacetCodes:
    codes, uniques = pd.factorize(strings)
    return FacetCodes(codes=codes.astype(np.int64, copy=False), values=tuple(str(u) for u in uniques))


def _column_ranks(series: pd.Series) -> np.ndarray:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        empty = series.isna().to_numpy()
        stamps = series.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
        stamps[empty] = np.nan
        return numeric_ranks(stamps)
    numbers = as_numbers(series)
    if numbers is not None:
        return numeric_ranks(numbers)
    first = series.first_valid_index()
    if first is not None and isinstance(series[first], date | pd.Timestamp):
        stamps = pd.to_datetime(series, errors="coerce")
        if int(stamps.notna().sum()) == int(series.notna().sum()):
            return _column_ranks(stamps)
    return text_ranks(_display_strings_fast(series))


_INDEXES: dict[int, TableIndex] = {}


def index_for(table: SourceTable) -> TableIndex:
    """The cache of ``table`` (created on first use, dropped when the table is garbage collected)."""
    index = _INDEXES.get(id(table))
    if index is None or index._table_ref() is not table:
        index = TableIndex(table)
        _INDEXES[id(table)] = index
        weakref.finalize(table, _INDEXES.pop, id(table), None)
    return index


def prepare(table: SourceTable) -> None:
    """Build the search text and the sort ranks of every mapped source column ahead of use.

    Optional: everything is built on first use anyway. A GUI may call this in the background right
    after loading, so that the first search or sort costs what every later one does.
    """
    index = index_for(table)
    index.search_text()
    for header in table.columns.values():
        if header in table.data.columns:
            index.sort_ranks(header)


def review_changed(table: SourceTable, fields: list[str], positions: np.ndarray | None = None) -> None:
    """Tell the cache of ``table``, if it has one, that ``fields`` changed (at ``positions`` only, when
    given): facet codes already built are patched at those rows, the rest is rebuilt on next use."""
    index = _INDEXES.get(id(table))
    if index is not None and index._table_ref() is table:
        index.review_changed(fields, positions)


def invalidate(table: SourceTable) -> None:
    """Forget every cache of ``table``: call after changing its ``data`` or ``review`` directly."""
    index = _INDEXES.get(id(table))
    if index is not None:
        index.clear()
