"""Building the typed data frame of a sheet from its header and article rows.

Two routes lead here: a grid of cells (calamine's rows, an HTML table, a small csv) converted column by
column in one pass, and large csv files read by pandas with only the text columns as strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.fields import NUMERIC_SOURCE_FIELDS
from workbench.fields import field as field_spec
from workbench.reading import _text as text_reader
from workbench.reading.cells import (
    cell_text,
    finish_numeric,
    infer_column,
    infer_text_column,
    number_column,
    numbers_from_text,
    parse_number,
    text_column,
)
from workbench.table import CsvDialect, Finding

_LEADING_ZERO = re.compile(r"^\s*0\d")
_PLAIN_NUMBER = {
    ",": re.compile(r"^\s*-?\d+(,\d+)?\s*$"),
    ".": re.compile(r"^\s*-?\d+(\.\d+)?\s*$"),
}


@dataclass
class HeaderInfo:
    """The columns kept from a sheet: unique header names, their sheet columns and positions."""

    row: int  # 1-based sheet row of the header
    names: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)  # name -> 0-based sheet column
    positions: list[int] = field(default_factory=list)  # name's position within the row lists


def column_letter(number: int) -> str:
    """``0`` -> ``"A"``, ``26`` -> ``"AA"``."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def headers_of(row: Sequence[object], first_col: int, sheet_row: int,
               has_data: Callable[[int], bool]) -> HeaderInfo:
    """Header names from the header row: stripped text, ``(F)`` for an unnamed column holding data,
    `` (2)`` suffixes for repeats; unnamed empty columns are left out."""
    info = HeaderInfo(row=sheet_row)
    seen: dict[str, int] = {}
    for position, cell in enumerate(row):
        text = cell_text(cell)
        if text is None:
            if not has_data(position):
                continue
            text = f"({column_letter(first_col + position)})"
        text = " ".join(text.split())
        count = seen.get(text.casefold(), 0) + 1
        seen[text.casefold()] = count
        name = text if count == 1 else f"{text} ({count})"
        info.names.append(name)
        info.index[name] = first_col + position
        info.positions.append(position)
    return info


def _kinds(info: HeaderInfo, columns: dict[str, str], text_headers: set[str]) -> dict[str, str]:
    """``"text"``, ``"number"`` or ``"infer"`` per header."""
    by_header = {h: f for f, h in columns.items()}
    kinds: dict[str, str] = {}
    for name in info.names:
        field_name = by_header.get(name)
        if name in text_headers:
            kinds[name] = "text"
        elif field_name in NUMERIC_SOURCE_FIELDS:
            kinds[name] = "number"
        elif field_name is not None and field_spec(field_name).kind == "text":
            kinds[name] = "text"
        else:
            kinds[name] = "infer"
    return kinds


def _non_numeric(name: str, count: int) -> Finding:
    return Finding("non_numeric_values", {"header": name, "count": count})


def grid_columns(body: Sequence[Sequence[object]], info: HeaderInfo, columns: dict[str, str],
                 text_headers: set[str], decimal: str | None, text_source: bool,
                 cols: Sequence[Sequence[object]]) -> tuple[pd.DataFrame, list[Finding]]:
    """Typed columns from the article rows' cells (``cols``: the cells column by column)."""
    kinds = _kinds(info, columns, text_headers)
    findings: list[Finding] = []
    frame: dict[str, pd.Series] = {}
    for name, position in zip(info.names, info.positions, strict=True):
        values = cols[position] if position < len(cols) else ("",) * len(body)
        kind = kinds[name]
        if kind == "text":
            series = text_column(values)
        elif kind == "number":
            series, bad = number_column(values, decimal)
            if bad:
                findings.append(_non_numeric(name, bad))
        elif text_source:
            series = infer_text_column(pd.Series(values, dtype=object), decimal or ",")
        else:
            series = infer_column(values)
        frame[name] = series.reset_index(drop=True)
    return pd.DataFrame(frame) if frame else pd.DataFrame(index=range(len(body))), findings


def _sample_kinds(sample_rows: Sequence[Sequence[str]], info: HeaderInfo, kinds: dict[str, str],
                  decimal: str) -> dict[str, str]:
    """Refine csv kinds from a sample: ``"native"`` numbers pandas can parse itself, ``"manual"``
    numbers needing clean-up (thousands separators), ``"text"`` otherwise; ``"padded"`` marks text
    columns whose sample values carry surrounding blanks."""
    plain = _PLAIN_NUMBER[decimal]
    refined: dict[str, str] = {}
    for name, position in zip(info.names, info.positions, strict=True):
        values = [r[position] for r in sample_rows if position < len(r) and r[position].strip()]
        kind = kinds[name]
        if kind == "infer":
            numeric = bool(values) and all(parse_number(v, decimal) is not None for v in values)
            kind = "number" if numeric and not any(_LEADING_ZERO.match(v) for v in values) else "text"
        if kind == "number":
            kind = "native" if all(plain.match(v) for v in values) else "manual"
        elif any(v != v.strip() for v in values):
            kind = "padded"
        refined[name] = kind
    return refined


def frame_columns(path: Path, dialect: CsvDialect, sample_rows: Sequence[Sequence[str]], skip: int,
                  width: int, info: HeaderInfo, columns: dict[str, str], text_headers: set[str],
                  ) -> tuple[pd.DataFrame, list[Finding]]:
    """Read a large csv with pandas after the header (``skip`` records), typed per column.

    Text columns are stripped when the sample (the first rows) shows padding in them: stripping a
    million values costs about as much as reading them.
    """
    kinds = _sample_kinds(sample_rows, info, _kinds(info, columns, text_headers), dialect.decimal)
    native = {p for n, p in zip(info.names, info.positions, strict=True) if kinds[n] == "native"}
    raw = text_reader.read_text_frame(path, dialect, skip=skip, width=width,
                                      text_columns=set(), numeric_columns=native)
    findings: list[Finding] = []
    if list(raw.columns) != info.positions:
        raw = raw[info.positions]
    for name, position in zip(info.names, info.positions, strict=True):
        series = raw[position]
        kind = kinds[name]
        if kind in ("native", "manual"):
            mapped = name in columns.values()
            if kind == "native" and pd.api.types.is_numeric_dtype(series):
                raw[position] = finish_numeric(series)
                continue
            numbers, bad = numbers_from_text(series, dialect.decimal)
            if bad and not mapped:
                numbers = _strip(series)
            elif bad:
                findings.append(_non_numeric(name, bad))
            raw[position] = numbers
        elif kind == "padded":
            raw[position] = _strip(series)
    raw.columns = pd.Index(info.names)
    return raw, findings


def _strip(series: pd.Series) -> pd.Series:
    text = series.astype("str").str.strip()
    return text.where(text != "", None).astype("str")


def missing(series: pd.Series) -> np.ndarray:
    """``series.isna()`` as a mask; a text column's in a quarter of the time (its missing values are
    NaN, the one value not equal to itself)."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "python" and dtype.na_value is np.nan:
        values = series.array._ndarray
        mask = values != values
        if isinstance(mask, np.ndarray) and mask.dtype == bool:
            return mask
    result: np.ndarray = series.isna().to_numpy(dtype=bool)
    return result


def blank_rows(data: pd.DataFrame) -> np.ndarray:
    """A mask of the rows where every cell is empty."""
    if data.shape[1] == 0:
        return np.ones(len(data), dtype=bool)
    first = missing(data.iloc[:, 0])
    if not first.any():
        return first
    candidates = np.flatnonzero(first)
    blank = data.iloc[candidates].isna().all(axis=1).to_numpy()
    mask = np.zeros(len(data), dtype=bool)
    mask[candidates[blank]] = True
    return mask
