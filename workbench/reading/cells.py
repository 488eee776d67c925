"""Turning raw cells into typed columns that keep their meaning.

Text columns are pandas ``str`` columns (missing = NA); whole numbers become ``Int64``; other numbers
``float64``; dates ``datetime64``. Numbers written as text (``"1 234,50"``) become numbers in numeric
fields. A value that cannot be read as a number in a numeric field is kept as its text (the column is
then ``object``), never dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_STRICT_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_MINUS = "\u2212"
# With a decimal comma, a dot before exactly three digits separates thousands ("1.234,50"); any
# other dot is a decimal point someone typed ("1.5").
_DOT_THOUSANDS = re.compile(r"\.(?=\d{3}(?:\D|$))")


def cell_text(value: object) -> str | None:
    """A cell as the text a user sees: ``123.0`` is ``"123"``, blanks are ``None``."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip() or None


def text_column(values: Sequence[object]) -> pd.Series:
    """Cells of a text field (article numbers and the like) as text exactly as shown."""
    try:  # the common case, all text: twice as fast without a type test per cell
        texts = [v.strip() or None for v in values]  # type: ignore[attr-defined]
    except AttributeError:
        texts = [(v.strip() or None) if isinstance(v, str) else cell_text(v) for v in values]
    return pd.Series(texts, dtype="str")


def parse_number(text: str, decimal: str | None = None) -> float | None:
    """Read a number written as text: ``"1 234,50"`` -> 1234.5; ``None`` when it is not a number.

    ``decimal`` is the file's decimal mark when known; otherwise a lone comma is a decimal comma (the
    Swedish convention) and when both marks occur the last one is the decimal mark.
    """
    cleaned = _SPACES.sub("", text).replace(_MINUS, "-")
    if not cleaned:
        return None
    if decimal is None:
        comma, dot = cleaned.rfind(","), cleaned.rfind(".")
        decimal = "," if comma > dot else "."
    cleaned = _DOT_THOUSANDS.sub("", cleaned).replace(",", ".") if decimal == "," else cleaned.replace(",", "")
    if not _STRICT_NUMBER.match(cleaned):
        return None
    return float(cleaned)


def _integral(array: np.ndarray) -> bool:
    # prices and amounts show a fraction within their first values: look there before the whole column
    head = array[:1024]
    head = head[~np.isnan(head)]
    if head.size and not np.array_equal(head, np.trunc(head)):
        return False
    finite = array[~np.isnan(array)]
    return bool(finite.size) and np.array_equal(finite, np.trunc(finite)) and bool(
        np.all(np.abs(finite) < 2**53)
    )


def _numeric_series(array: np.ndarray) -> pd.Series:
    if _integral(array):
        return pd.Series(array, dtype="Float64").astype("Int64")
    return pd.Series(array, dtype="float64")


def number_column(values: Sequence[object], decimal: str | None = None) -> tuple[pd.Series, int]:
    """Cells of a numeric field as numbers; returns the column and how many cells were not numbers.

    Those cells keep their text: the column is then ``object`` (numbers and text mixed).
    """
    types = set(map(type, values))
    if types <= {float, int}:
        return _numeric_series(np.array(values, dtype="float64")), 0
    numbers: list[float] = []
    raw: dict[int, object] = {}
    for position, value in enumerate(values):
        if isinstance(value, float | int) and not isinstance(value, bool):
            numbers.append(value)
        elif isinstance(value, str):
            text = value.strip()
            parsed = parse_number(text, decimal) if text else None
            if parsed is None and text:
                raw[position] = text
            numbers.append(math.nan if parsed is None else parsed)
        elif value is None:
            numbers.append(math.nan)
        else:
            raw[position] = value
            numbers.append(math.nan)
    array = np.array(numbers, dtype="float64")
    if not raw:
        return _numeric_series(array), 0
    return _with_raw(array, raw), len(raw)


def _with_raw(array: np.ndarray, raw: dict[int, object]) -> pd.Series:
    whole = _integral(array)
    mixed: list[object] = [
        None if math.isnan(v) else (int(v) if whole else float(v)) for v in array.tolist()
    ]
    for position, value in raw.items():
        mixed[position] = value
    return pd.Series(mixed, dtype=object)


def numbers_from_text(series: pd.Series, decimal: str) -> tuple[pd.Series, int]:
    """A column of text (csv) as numbers, vectorised; returns the column and the count of non-numbers."""
    text = series.astype("str")
    blank = series.isna() | (text.str.strip() == "")
    cleaned = text.str.replace(r"[\s\u00a0\u202f']", "", regex=True).str.replace(_MINUS, "-", regex=False)
    if decimal == ",":
        cleaned = cleaned.str.replace(_DOT_THOUSANDS.pattern, "", regex=True).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    parsed = pd.to_numeric(cleaned.where(~blank, None), errors="coerce").astype("float64")
    bad = parsed.isna() & ~blank
    array = parsed.to_numpy(dtype="float64", na_value=np.nan)
    if not bad.any():
        result = _numeric_series(array)
        result.index = series.index
        return result, 0
    raw = {int(i): text.iat[i].strip() for i in np.flatnonzero(bad.to_numpy())}
    result = _with_raw(array, raw)
    result.index = series.index
    return result, len(raw)


def finish_numeric(series: pd.Series) -> pd.Series:
    """A column pandas already parsed as numbers: whole numbers as ``Int64``, others ``float64``."""
    if pd.api.types.is_integer_dtype(series.dtype):
        return series.astype("Int64")
    if series.dtype == np.float64 and not _integral(series.to_numpy()):
        return series  # kept as it is: no copy (a fresh 8 bytes a row, twice, is what a large csv felt)
    array = series.to_numpy(dtype="float64", na_value=np.nan)
    result = _numeric_series(array)
    result.index = series.index
    return result


def infer_column(values: Sequence[object]) -> pd.Series:
    """Cells of a column no field claims: typed by what they hold, nothing lost.

    Numbers (with blanks) become numbers, dates dates, text text; a mix stays ``object`` with whole
    numbers as ``int`` and blanks as ``None``.
    """
    types = set(map(type, values))
    others = types - {str}
    if str in types and any(isinstance(v, str) and v.strip() for v in values):
        return text_column(values) if not others else _mixed(values)
    if not others:
        return pd.Series([None] * len(values), dtype=object)
    if others <= {float, int}:
        array = np.array([math.nan if v.__class__ is str else v for v in values], dtype="float64")
        return _numeric_series(array)
    if others <= {dt.date, dt.datetime}:
        return pd.Series(
            pd.to_datetime([None if v.__class__ is str else v for v in values]), dtype="datetime64[ns]"
        )
    if others == {bool}:
        return pd.Series([None if v.__class__ is str else v for v in values], dtype="boolean")
    return _mixed(values)


def _mixed(values: Sequence[object]) -> pd.Series:
    out: list[object] = []
    for value in values:
        if isinstance(value, str):
            out.append(value.strip() or None)
        elif isinstance(value, float) and value.is_integer():
            out.append(int(value))
        else:
            out.append(value)
    return pd.Series(out, dtype=object)


def infer_text_column(series: pd.Series, decimal: str) -> pd.Series:
    """A csv column no field claims: numbers when every filled value is one (and none has a leading
    zero, which marks a code), else text."""
    text = series.astype("str")
    filled = text[series.notna() & (text.str.strip() != "")]
    if filled.empty:
        return text.str.strip().where(series.notna() & (text.str.strip() != ""), None).astype("str")
    stripped = filled.str.strip()
    if not stripped.str.match(r"^0\d").any():
        numbers, bad = numbers_from_text(series, decimal)
        if bad == 0:
            return numbers
    return text.str.strip().where(series.notna() & (text.str.strip() != ""), None).astype("str")
