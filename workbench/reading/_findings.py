"""Reading the review columns already in a file into codes, and the findings about a loaded table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from functools import cache

import numpy as np
import pandas as pd

from workbench.dates import parse_date
from workbench.fields import field
from workbench.messages import text
from workbench.reading._mapping import fold_header, relaxed_fold, synonyms
from workbench.reading.cells import cell_text
from workbench.reading.csv_records import unguard as csv_unguard
from workbench.table import Finding, empty_review
from workbench.vocabularies import vocabulary

#: Keys named in a duplicate-keys message (the full list is in ``SourceTable.duplicate_keys``).
SHOWN_KEYS = 10


def _plain(value: object) -> object:
    """A cell value without pandas' missing markers: ``None`` for NA/NaN/NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _as_datetime(value: object) -> object:
    """A review date: ``date`` (or ``datetime`` when it has a time); unreadable text is kept as text."""
    when = parse_date(value)
    if when is None:
        return cell_text(value)
    return when.date() if when.time() == dt.time(0) else when


def read_review(
    data: pd.DataFrame, review_columns: dict[str, str], *, unguard: bool = False
) -> tuple[pd.DataFrame, list[Finding]]:
    """The review frame (codes) and findings for values outside the vocabularies.

    Vocabulary fields hold codes (``"keep"``, ``"4"``); a value that is no code or label of either
    language is kept in the frame as the text found (so nothing is lost and the user can map it) and
    reported once per field and value with its row count (finding ``unknown_review_value``).
    ``reviewed_at`` holds ``date``/``datetime``; text, replaced_by and names hold text. With
    ``unguard`` (a csv file) text loses the formula guard the csv writer adds (``'=1+1`` is ``=1+1``).
    """
    review = empty_review(data.index)
    findings: list[Finding] = []
    for name, header in review_columns.items():
        spec = field(name)
        column = pd.Series(data[header].to_numpy(dtype=object), index=data.index, dtype=object)
        present = column.notna()
        uniques = pd.unique(column[present].to_numpy(dtype=object))
        vocab = vocabulary(spec.vocabulary) if spec.vocabulary is not None else None
        lookup: dict[object, object] = {}
        for raw in uniques:
            value = _plain(raw)
            if vocab is not None:
                text = cell_text(value)
                code = vocab.code_for(value) if text is not None else None
                lookup[raw] = code if code is not None else text
            elif spec.kind == "datetime":
                lookup[raw] = _as_datetime(value)
            else:
                lookup[raw] = cell_text(csv_unguard(value) if unguard and isinstance(value, str) else value)
        mapped = column.map(lookup)
        review[name] = mapped.astype(object).where(present & mapped.notna(), None)
        if vocab is not None:
            unknown = {raw: v for raw, v in lookup.items() if v is not None and v not in vocab}
            if unknown:
                counts = column[column.isin(list(unknown))].map(unknown).value_counts()
                for value, count in counts.items():
                    findings.append(Finding("unknown_review_value", {
                        "field": name, "header": header, "value": str(value), "count": int(count)}))
    return review, findings


def _factorize(keys: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` of the keys, missing ones coded -1."""
    values = keys.to_numpy(dtype=object)
    if isinstance(keys.dtype, pd.StringDtype) and keys.dtype.storage == "python":
        # every value is text or missing: pandas' string hash table directly, sized for every row
        # (pd.factorize first scans the values to find that out and starts small: twice the time)
        try:
            from pandas._libs import hashtable

            uniques, codes = hashtable.StringHashTable(max(len(values), 1)).factorize(values, na_sentinel=-1)
            return np.asarray(codes), np.asarray(uniques, dtype=object)
        except (AttributeError, TypeError):  # another pandas: its public route
            pass
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return np.asarray(codes), np.asarray(uniques, dtype=object)


def key_findings(keys: pd.Series | None, row_count: int) -> tuple[list[str], int, list[Finding]]:
    """``(duplicate_keys, rows_without_key, findings)`` for the key column (``None``: no key column)."""
    if keys is None:
        return [], row_count, [Finding("no_key_column", {"count": row_count})]
    codes, uniques = _factorize(keys)
    # one pass: a missing key's code -1 counts in the first bin (shifted in place: the codes are ours)
    if codes.flags.writeable:
        codes += 1
    else:
        codes = codes + 1
    counts = np.bincount(codes, minlength=len(uniques) + 1)
    missing = int(counts[0])
    counts = counts[1:]
    repeated = counts > 1
    duplicate_keys = [str(k) for k in uniques[repeated]]
    duplicated_rows = int(counts[repeated].sum())
    findings: list[Finding] = []
    if duplicate_keys:
        shown = ", ".join(duplicate_keys[:SHOWN_KEYS]) + (" …" if len(duplicate_keys) > SHOWN_KEYS else "")
        findings.append(Finding("duplicate_keys", {"count": len(duplicate_keys), "keys": shown,
                                                   "rows": duplicated_rows}))
    if missing:
        findings.append(Finding("rows_without_key", {"count": missing}))
    return duplicate_keys, missing, findings


#: Rows per step of the figure checks: small enough that the step's temporaries stay in the cache and
#: in memory already mapped (whole-column temporaries were ~60 MB of fresh pages on 1,000,000 rows).
_FIGURE_ROWS = 1 << 14

#: A number column as ``(values, missing mask or None)``.
_Numbers = tuple[np.ndarray, np.ndarray | None]


def _numbers(data: pd.DataFrame, header: str | None) -> _Numbers | None:
    """A numeric column's values as an array of numbers and its missing mask (``None``: no missing
    marker beyond NaN), without a copy where the column has one; ``None`` when it is no number column."""
    if header is None:
        return None
    column = data[header]
    if column.dtype == object:
        column = pd.to_numeric(column, errors="coerce")
    if not pd.api.types.is_numeric_dtype(column):
        return None
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "if":
        return column.to_numpy(), None
    array = column.array
    values, mask = getattr(array, "_data", None), getattr(array, "_mask", None)
    if (isinstance(dtype, pd.Int64Dtype | pd.Float64Dtype) and isinstance(values, np.ndarray)
            and isinstance(mask, np.ndarray) and values.shape == mask.shape == (len(column),)):
        return values, mask  # a nullable column's own arrays (read only here)
    return column.astype("float64").to_numpy(), None


def figure_findings(data: pd.DataFrame, columns: dict[str, str]) -> list[Finding]:
    """Negative quantities, and spend that differs from price x quantity beyond rounding.

    The tolerance is the larger of 1 krona and 1 % of the spend: lists round prices and often
    state spend for the year, so small differences are normal.
    """
    quantity = _numbers(data, columns.get("quantity"))
    if quantity is None:
        return []
    price = _numbers(data, columns.get("price"))
    spend = _numbers(data, columns.get("spend"))
    figures = (quantity, price, spend) if price is not None and spend is not None else None
    negative = off = 0
    rows = len(data)
    buffers = np.empty((2, min(rows, _FIGURE_ROWS)), dtype="float64")
    flags = np.empty((2, buffers.shape[1]), dtype=bool)
    with np.errstate(all="ignore"):  # inf - inf and the like: NaN, as in pandas' own arithmetic
        for start in range(0, rows, _FIGURE_ROWS):
            stop = min(start + _FIGURE_ROWS, rows)
            size = stop - start
            below = np.less(quantity[0][start:stop], 0, out=flags[1, :size])
            if quantity[1] is not None:
                below &= ~quantity[1][start:stop]
            negative += int(np.count_nonzero(below))
            if figures is not None:
                valid = _valid(flags[0, :size], start, stop, figures)
                beyond = _beyond(figures, start, stop, buffers[:, :size], flags[1, :size])
                if valid is not None:
                    beyond &= valid
                off += int(np.count_nonzero(beyond))
    findings: list[Finding] = []
    if negative:
        findings.append(Finding("negative_quantity", {"count": negative, "header": columns["quantity"]}))
    if off:
        findings.append(Finding("spend_mismatch", {"count": off, "header": columns["spend"]}))
    return findings


def _valid(out: np.ndarray, start: int, stop: int, parts: Sequence[_Numbers]) -> np.ndarray | None:
    """Rows ``start:stop`` where none of the columns' missing masks is set (``None``: no masks)."""
    masks = [mask[start:stop] for _, mask in parts if mask is not None]
    if not masks:
        return None
    np.logical_not(masks[0], out=out)
    for mask in masks[1:]:
        out &= ~mask
    return out


def _beyond(figures: tuple[_Numbers, _Numbers, _Numbers], start: int, stop: int, buffers: np.ndarray,
            out: np.ndarray) -> np.ndarray:
    """Rows ``start:stop`` where |spend - price x quantity| > max(1, |spend| / 100), in the float64
    arithmetic pandas would use on whole columns; NaN anywhere compares false, as a missing figure must."""
    (quantity, _), (price, _), (spend, _) = figures
    difference, tolerance = buffers
    np.multiply(price[start:stop], quantity[start:stop], out=difference)
    np.subtract(spend[start:stop], difference, out=difference)
    np.abs(difference, out=difference)
    np.abs(spend[start:stop], out=tolerance)
    np.multiply(tolerance, 0.01, out=tolerance)
    np.maximum(1.0, tolerance, out=tolerance)
    np.greater(difference, tolerance, out=out)
    return out


@cache
def _review_words() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Review synonyms, folded and loosely folded -> the fields they name."""
    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for name, words in synonyms().review.items():
        for word in words:
            exact.setdefault(fold_header(word), set()).add(name)
            loose.setdefault(relaxed_fold(word), set()).add(name)
    return exact, loose


def _review_matches(header: str) -> set[str]:
    """The review fields whose synonyms ``header`` matches (exactly or loosely folded)."""
    exact, loose = _review_words()
    folded, relaxed = fold_header(header), relaxed_fold(header)
    return exact.get(folded, set()) | exact.get(relaxed, set()) | loose.get(relaxed, set())


def adopt_review_columns(index: Mapping[str, int], columns: Mapping[str, str], review_columns: Mapping[str, str],
                         data: pd.DataFrame, confirmed: Collection[str] = ()) -> dict[str, str]:
    """The review columns a file really has, of those its headers name (``review_columns``).

    A column is adopted when it looks like one of ours: its header stands among others of ours, or (a
    lone one) it is empty or its values are from the field's vocabulary, or the user mapped it (``confirmed``
    fields). A data column that merely shares a name ("Kommentar", "Comment") stays data, and new
    review columns are added beside it. Where two headers name one field, the one standing with the
    other review columns is taken (``index``: header -> sheet column).
    """
    review = dict(review_columns)
    if len(review) >= 2:
        used = set(columns.values()) | set(review.values())
        alternatives: dict[str, set[str]] | None = None
        for name, header in list(review.items()):
            others = sorted(index[h] for f, h in review.items() if f != name and h in index)
            if name in confirmed or not others or header not in index:
                continue
            centre = others[len(others) // 2]
            if alternatives is None:
                alternatives = {h: _review_matches(h) for h in index}
            candidates = [h for h in index if (h == header or h not in used) and name in alternatives[h]]
            best = min(candidates, key=lambda h: (abs(index[h] - centre), index[h]))
            if best != header:
                used.discard(header)
                used.add(best)
                review[name] = best
        return review
    adopted = {}
    for name, header in review.items():
        if name in confirmed or _values_are_ours(name, data[header]):
            adopted[name] = header
    return adopted


def _values_are_ours(name: str, column: pd.Series) -> bool:
    """Whether a column's values are mostly from the field's vocabulary (codes or labels)."""
    values = [_plain(v) for v in pd.unique(column.dropna().to_numpy(dtype=object))]
    values = [v for v in values if cell_text(v) is not None]
    if not values:
        return True  # an empty column headed as ours: prepared for the review, nothing to overwrite
    spec = field(name)
    if spec.vocabulary is None:
        return False
    vocab = vocabulary(spec.vocabulary)
    ours = sum(1 for v in values if vocab.code_for(v) is not None)
    return ours * 2 > len(values)


def new_review_headers(names: Sequence[str], lang: str, existing: Collection[str]) -> list[str]:
    """Headers for new review columns ``names``: the field's label, or, where a column of the file
    already bears that name (a data column we did not adopt), the label marked as ours."""
    taken = {fold_header(h) for h in existing}
    headers = []
    for name in names:
        label = field(name).label(lang)
        header = label
        number = 2
        while fold_header(header) in taken:
            suffix = text("review_header_mark", lang)
            header = f"{label} ({suffix})" if number == 2 else f"{label} ({suffix} {number})"
            number += 1
        taken.add(fold_header(header))
        headers.append(header)
    return headers
