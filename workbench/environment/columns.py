"""A whole article list assessed column by column: each distinct text (folded and made canonical,
:mod:`workbench.environment.texts`) is matched once and each distinct combination of an article's texts
decided once (:meth:`Assessor.verdict`); pieces, kg and CO2e are numpy arithmetic over the columns, the same
operations in the same order as :meth:`Assessor.assess` does for one article, so the figures are equal to
the last bit. ``tests/workbench/environment/test_assess_frozen.py`` holds both to the code they replaced."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.environment.assess import PACK, PIECE, Assessor, Texts, Verdict, _empty, number
from workbench.environment.texts import fold_all
from workbench.table import SourceTable

_Floats = np.ndarray[Any, np.dtype[np.float64]]
_Flags = np.ndarray[Any, np.dtype[np.bool_]]
_Codes = np.ndarray[Any, np.dtype[np.int64]]

# the assumptions the quantities add, in the order Assessor.assess adds them
_NUMBER_ASSUMPTIONS = ("quantity_missing", "unit_unclear_pack", "unit_unclear_piece", "pack_size_missing",
                       "weight_missing", "weight_may_be_pack")


@dataclass
class Figure:
    """A figure per article: its value where ``known`` (None elsewhere)."""

    values: _Floats
    known: _Flags

    def tolist(self) -> list[float | None]:
        return [v if k else None for v, k in zip(self.values.tolist(), self.known.tolist(), strict=True)]

    def rounded(self) -> list[float | None]:
        """``round(value, 3)`` of each known value (None elsewhere), as Python rounds: numpy where the value
        is not within the multiplication's error of a half thousandth, Python's ``round`` where it is."""
        values = self.values
        with np.errstate(all="ignore"):
            scaled = values * 1000.0
            whole = np.floor(scaled)
            near_half = np.abs(scaled - whole - 0.5) <= np.abs(scaled) * 2.0**-50 + 2.0**-1000
            fast = np.isfinite(scaled) & (np.abs(scaled) < 2.0**50) & ~near_half
            result = np.rint(scaled) / 1000.0
        out = result.tolist()
        for i in np.flatnonzero(~fast & self.known).tolist():
            out[i] = round(float(values[i]), 3)
        return [v if k else None for v, k in zip(out, self.known.tolist(), strict=True)]

    def known_values(self) -> list[float]:
        """The known values in article order, as Python floats (summed as a list of articles would be)."""
        return self.values[self.known].tolist()  # type: ignore[no-any-return]


@dataclass
class Columns:
    """Every article of a list (sheet order), column-wise."""

    keys: list[str]
    rows: list[int]
    verdicts: list[Verdict]
    verdict: _Codes  # each article's verdict (index into ``verdicts``)
    assumption_sets: list[tuple[str, ...]]
    assumptions: _Codes  # each article's assumptions (index into ``assumption_sets``)
    pieces: Figure
    mass: Figure
    plastic: Figure
    co2e: Figure
    co2e_low: Figure
    co2e_high: Figure

    def __len__(self) -> int:
        return len(self.keys)

    def per_verdict(self, value: Callable[[Verdict], Any]) -> list[Any]:
        """``value`` of each article's verdict, in article order."""
        table = np.empty(len(self.verdicts), dtype=object)
        table[:] = [value(v) for v in self.verdicts]
        return table[self.verdict].tolist()  # type: ignore[no-any-return]


_NAN = (float, "nan", True)


def _cell_key(value: Any) -> tuple[type, str, bool]:
    """A cell that is no text, as the per-article code read it: its type, its text (``str``) and whether it is
    empty (``_empty``): ``1``, ``1.0`` and ``True`` differ; every float NaN is one."""
    if type(value) is float and value != value:
        return _NAN
    return (type(value), str(value), _empty(value))


def _distinct(series: pd.Series) -> tuple[_Codes, list[Any]]:
    """Each cell's index into the column's distinct cells, and those cells: a text, or :func:`_cell_key` of any
    other cell. (A dict of Python's cached string hashes is several times faster here than ``pd.factorize``.)"""
    index: dict[Any, int] = {}
    values = series.to_numpy(dtype=object)
    if isinstance(series.dtype, pd.StringDtype):  # texts and the dtype's missing value only
        missing = series.isna().to_numpy(dtype=bool)
        codes = np.empty(len(values), dtype=np.int64)
        codes[~missing] = [index.setdefault(v, len(index)) for v in values[~missing].tolist()]
        distinct: list[Any] = list(index)
        if missing.any():
            codes[missing] = len(distinct)
            distinct.append(_cell_key(series.dtype.na_value))
        return codes, distinct
    found = [index.setdefault(v if type(v) is str else _cell_key(v), len(index)) for v in values.tolist()]
    return np.asarray(found, dtype=np.int64), list(index)


def _factorize(values: Sequence[Any]) -> tuple[_Codes, list[Any]]:
    index: dict[Any, int] = {}
    codes = [index.setdefault(v, len(index)) for v in values]
    return np.asarray(codes, dtype=np.int64), list(index)


def _pair(first: _Codes, second: _Codes) -> tuple[_Codes, _Codes]:
    """One code per distinct (first, second), numbered in order of first appearance, and the row where each
    first appears."""
    if not len(first):
        return first, first
    codes = pd.factorize(first * (int(second.max()) + 1) + second)[0].astype(np.int64)
    highest = np.maximum.accumulate(codes)
    return codes, np.flatnonzero(np.concatenate(([True], highest[1:] > highest[:-1])))


class _TextColumn:
    """One text column's cells as the assessment reads them: ``codes`` (one per article) into ``texts``, each
    a pair (the text, None when empty; the text even when empty, None only for a None cell: a material is
    looked for in a name that is NaN as in the text ``nan``, as the per-article code did)."""

    def __init__(self, assessor: Assessor, series: pd.Series | None, size: int, canonical: bool) -> None:
        raw: list[Any]
        if series is None:
            cells, raw = np.zeros(size, dtype=np.int64), [_cell_key(None)]
        else:
            cells, raw = _distinct(series)
        others = [i for i, v in enumerate(raw) if type(v) is not str]  # None, NaN, numbers ... (few)
        strings: list[str] = raw if not others else [v if type(v) is str else v[1] for v in raw]
        canon = assessor.canon
        folded = fold_all(strings, digits=canonical and canon.usable)
        of_raw, distinct = _factorize(folded)
        if canonical:  # texts that differ only where no word can see are one
            of_distinct, distinct = _factorize([canon.canonical(t) for t in distinct])
            of_raw = of_distinct[of_raw]
        # a text cell is empty when it folds to nothing; any other as ``_empty`` says (None, NaN ...), and a
        # None cell has no text at all
        pairs: list[tuple[str | None, str | None]] = [(t or None, t) for t in distinct]
        if others:
            found: dict[tuple[str | None, str | None], int] = {pair: i for i, pair in enumerate(pairs)}
            for i in others:
                kind, _, empty = raw[i]
                text = None if kind is type(None) else distinct[of_raw[i]]
                pair = (None if empty else text, text)
                of_raw[i] = found.setdefault(pair, len(pairs))
                if of_raw[i] == len(pairs):
                    pairs.append(pair)
        self.texts = pairs
        self.codes: _Codes = of_raw[cells]


def _numbers(series: pd.Series | None, size: int) -> tuple[_Floats, _Flags]:
    """:func:`~workbench.environment.assess.number` of each cell: the values (0 where none) and where known."""
    if series is None:
        return np.zeros(size), np.zeros(size, dtype=bool)
    dtype = series.dtype
    if dtype.kind in "iuf" and not isinstance(dtype, pd.BooleanDtype):
        if isinstance(dtype, np.dtype):
            values = series.to_numpy(dtype=np.float64, copy=True)
        else:  # a nullable Int64 or Float64: its missing cells are pd.NA, no number
            values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        known = np.isfinite(values)
        values[~known] = 0.0
        return values, known
    if dtype.kind == "b":
        return np.zeros(size), np.zeros(size, dtype=bool)
    texts: dict[str, float | None] = {}
    found: list[float | None] = []
    for value in series.to_numpy(dtype=object).tolist():
        kind = type(value)
        if kind is float or kind is int:
            found.append(float(value))  # not finite: not known, below
        elif kind is str:
            if value not in texts:
                texts[value] = number(value)
            found.append(texts[value])
        else:
            found.append(number(value))
    values = np.array([np.nan if f is None else f for f in found], dtype=np.float64)
    known = np.isfinite(values)
    values[~known] = 0.0
    return values, known


def assess_columns(table: SourceTable, assessor: Assessor) -> Columns:
    """Every article row of ``table`` (a row without a key is skipped), column-wise."""
    kept_keys, kept = _keys(table)
    every = len(kept) == len(table.data)

    def column(name: str) -> pd.Series | None:
        header = table.columns.get(name)
        if header is None or header not in table.data.columns:
            return None
        series = table.data[header]
        return series if every else series.take(kept)

    size = len(kept)
    rows = (table.data.index if every else table.data.index.take(kept)).tolist()
    rows = [int(r) for r in rows] if not all(type(r) is int for r in rows) else rows
    names = _TextColumn(assessor, column("name"), size, canonical=True)
    categories = _TextColumn(assessor, column("category"), size, canonical=True)
    materials = _TextColumn(assessor, column("material"), size, canonical=True)
    labels = _TextColumn(assessor, column("ecolabel"), size, canonical=False)

    texts, _ = _pair(names.codes, categories.codes)
    texts, _ = _pair(texts, materials.codes)
    verdict, first = _pair(texts, labels.codes)
    verdicts = []
    for row in first.tolist():
        name, name_itself = names.texts[names.codes[row]]
        category = categories.texts[categories.codes[row]][0]
        words = " ".join(t for t in (name, category) if t)
        verdicts.append(assessor.verdict(Texts(words, name_itself or "", materials.texts[materials.codes[row]][0],
                                               labels.texts[labels.codes[row]][0])))
    return _figures(table, assessor, column, kept_keys, rows, verdicts, verdict)


def _keys(table: SourceTable) -> tuple[list[str], _Codes]:
    """The key of each article row and its position; a row without a key is skipped."""
    keys = table.keys.to_numpy(dtype=object)
    kept: list[int] = []
    found: list[str] = []
    for i, key in enumerate(keys.tolist()):
        if type(key) is str:
            if key.strip():
                kept.append(i)
                found.append(key)
        elif not (key is None or (isinstance(key, float) and pd.isna(key)) or str(key).strip() == ""):
            kept.append(i)
            found.append(str(key))
    return found, np.asarray(kept, dtype=np.int64)


def _figures(table: SourceTable, assessor: Assessor, column: Callable[[str], pd.Series | None], keys: list[str],
             rows: list[int], verdicts: list[Verdict], verdict: _Codes) -> Columns:
    size = len(keys)
    quantity, has_quantity = _numbers(column("quantity"), size)
    pack, has_pack = _numbers(column("pack_size"), size)
    weight, has_weight = _numbers(column("weight_g"), size)
    unit = column("unit")
    if unit is None:
        kinds = np.full(size, assessor.unit_kind(None), dtype=np.int64)
    else:
        cells, distinct = _distinct(unit)
        kinds = np.array([assessor.unit_kind(v if type(v) is str else None if v[2] else v[1]) for v in distinct],
                         dtype=np.int64)[cells]

    def of_verdict(value: Callable[[Verdict], Any], dtype: Any) -> Any:
        return np.array([value(v) for v in verdicts], dtype=dtype)[verdict]

    with np.errstate(all="ignore"):  # a float that overflows is inf, as in Python
        unclear = (kinds != PIECE) & (kinds != PACK)
        big_pack = has_pack & (pack > 1)
        is_pack = (kinds == PACK) | (unclear & big_pack)
        pack_missing = is_pack & (~has_pack | (pack <= 0))
        pieces = np.where(is_pack, quantity * pack, quantity * 1.0)
        has_pieces = ~pack_missing & has_quantity
        weight_missing = ~has_weight | (weight <= 0)
        may_be_pack = ~weight_missing & of_verdict(lambda v: v.single_use, bool) & \
            (weight > assessor.data.pack_weight_suspect_g)
        has_mass = ~weight_missing & ~may_be_pack & has_pieces
        mass = weight / 1000.0 * pieces
        zero = of_verdict(lambda v: v.plastic_zero, bool)
        share = of_verdict(lambda v: v.plastic_share if v.plastic_share is not None else np.nan, np.float64)
        plastic = np.where(zero, 0.0, mass * share)
        has_plastic = zero | (has_mass & ~np.isnan(share))
        has_factor = of_verdict(lambda v: v.factor is not None, bool) & has_mass
        factors = np.array([v.factor or (0.0, 0.0, 0.0) for v in verdicts], dtype=np.float64).reshape(-1, 3)[verdict]
        co2e = [mass * factors[:, i] for i in range(3)]

    flags = np.zeros(size, dtype=np.int64)
    for bit, flag in enumerate((~has_quantity, unclear & big_pack, unclear & ~big_pack, pack_missing,
                                weight_missing, may_be_pack)):
        flags |= flag.astype(np.int64) << bit
    assumptions, first = _pair(verdict, flags)
    assumption_sets = []
    for row in first.tolist():
        found = verdicts[verdict[row]]
        mine = [name for bit, name in enumerate(_NUMBER_ASSUMPTIONS) if flags[row] >> bit & 1]
        assumption_sets.append(tuple(dict.fromkeys((*found.head, *mine, *found.tail))))
    return Columns(keys, rows, verdicts, verdict, assumption_sets, assumptions, Figure(pieces, has_pieces),
                   Figure(mass, has_mass), Figure(plastic, has_plastic), Figure(co2e[0], has_factor),
                   Figure(co2e[1], has_factor), Figure(co2e[2], has_factor))
