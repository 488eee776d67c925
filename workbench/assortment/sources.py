"""Reading the municipalities' own lists for a merge: each file with the importer (its header detection,
mapping and findings, and the choices remembered for the file), its municipality, and its article rows as
:class:`ListRow` records.

Municipality per file, as the DESIGN says: given, else the file's municipality column when it holds one
value, else the file name's stem.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.layout import ARTICLE_FIELDS
from workbench.assortment.matching import SourceRow
from workbench.progress import Progress
from workbench.table import SourceTable

__all__ = ["ListRow", "ReadList", "Source", "municipality_in_name", "municipality_of", "number", "read_list",
           "source_from_arg"]


@dataclass(frozen=True)
class Source:
    """One file to merge. ``read`` holds :func:`~workbench.reading.importer.read_table` options; when it is
    ``None`` the choices remembered for the file are used (as the app and the other commands do)."""

    path: Path
    municipality: str | None = None
    read: Mapping[str, Any] | None = None


def source_from_arg(text: str) -> Source:
    """``PATH`` or ``PATH=KOMMUN`` (the CLI's SOURCE). A path that itself holds ``=`` and exists is a path."""
    if "=" in text and not Path(text).exists():
        path, _, name = text.rpartition("=")
        if path and name.strip():
            return Source(Path(path), name.strip())
    return Source(Path(text))


@dataclass(frozen=True, slots=True)
class ListRow:
    """One article row of one list: what matching needs (``match``) and what the joint workbook keeps."""

    match: SourceRow
    sheet: str | None
    price: float | None
    fields: Mapping[str, object]  # ARTICLE_FIELDS -> the value as read (None when absent)


@dataclass
class ReadList:
    """One source file as read: its municipality, rows and the importer's table (for its findings)."""

    source: Source
    municipality: str
    municipality_from: str  # "given", "column" or "file_name"
    table: SourceTable
    rows: list[ListRow] = field(default_factory=list)
    fingerprint: str | None = None

    @property
    def file_name(self) -> str:
        return self.source.path.name


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def number(value: object) -> float | None:
    """A quantity, spend or price as a float: numbers as they are, text such as ``1 234,50`` or ``12.5 kr``
    read the Swedish or English way; ``None`` for blanks and anything else."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
        return None if math.isnan(result) or math.isinf(result) else result
    try:  # numpy scalars
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        pass
    else:
        if not isinstance(value, str):
            return None if math.isnan(result) or math.isinf(result) else result
    if not isinstance(value, str):
        return None
    # the reader's own rule for numbers written as text ("1 234,50"), less a currency after them
    from workbench.reading.cells import parse_number

    parsed = parse_number(_SPACES.sub("", value).removesuffix("kr").removesuffix("SEK"))
    return None if parsed is None or math.isnan(parsed) or math.isinf(parsed) else parsed


def _blank(value: object) -> bool:
    return _clean(value) is None


def _clean(value: object) -> object:
    """A cell as a value: text stripped, and blanks (empty text, NaN, pandas' NA and NaT) as None."""
    kind = type(value)
    if kind is str:
        text = value.strip()  # type: ignore[attr-defined]
        return text or None
    if value is None:
        return None
    if kind is float:
        return None if value != value else value
    if kind is int or kind is bool:
        return value
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return None
    try:
        return None if bool(pd.isna(value)) else value
    except (TypeError, ValueError):
        return value


def municipality_of(table: SourceTable, given: str | None) -> tuple[str, str]:
    """``(municipality, how it was found)`` for a list read into ``table``."""
    if given and given.strip():
        return given.strip(), "given"
    header = table.columns.get("municipality")
    if header is not None and header in table.data.columns:
        values = {str(v).strip() for v in table.data[header].to_numpy(dtype=object) if not _blank(v)}
        if len(values) == 1:
            return values.pop(), "column"
    return table.path.stem, "file_name"


# what makes a file an article list for the merge: a volume to pool, or an identifier to match by
_ARTICLE_EVIDENCE = ("quantity", "spend", "gtin", "supplier_article_no")


def municipality_in_name(file_name: str, known: Iterable[str]) -> str | None:
    """The one of ``known`` (the joint workbook's municipalities) that the file's name holds as a word, case
    aside: ``Haninge 2026.csv`` and ``inkop_haninge_v12.xlsx`` are Haninge's, ``Salemsvägen.csv`` is not
    Salem's; the longest name first. None when the name holds none of them."""
    stem = " ".join(Path(file_name).stem.casefold().split())
    for name in sorted(known, key=len, reverse=True):
        folded = " ".join(name.casefold().split())
        if folded and re.search(rf"(?<![^\W\d_]){re.escape(folded)}(?![^\W\d_])", stem):
            return name
    return None


def read_list(source: Source, *, progress: Progress | None = None) -> ReadList:
    """Read one list with the importer and turn its article rows into :class:`ListRow` records."""
    from workbench.reading.importer import read_table
    from workbench.reading.profiles import ImportProfile, remembered_profile
    from workbench.savefile import file_fingerprint
    from workbench.settings import Settings

    options: dict[str, Any]
    if source.read is not None:
        options = dict(source.read)
    else:
        profile = remembered_profile(Settings(), source.path) or ImportProfile()
        options = profile.read_options()
    fingerprint = file_fingerprint(source.path)
    table = read_table(source.path, progress=progress, **options)
    if not any(table.columns.get(name) in table.data.columns for name in _ARTICLE_EVIDENCE):
        from workbench.errors import NotArticleListError

        headers = ", ".join(str(h) for h in table.data.columns[:12]) or "–"
        raise NotArticleListError(source.path, headers=headers)
    municipality, found_from = municipality_of(table, source.municipality)
    result = ReadList(source, municipality, found_from, table, fingerprint=fingerprint)
    result.rows = list_rows(table, municipality)
    return result


def _column(table: SourceTable, name: str) -> list[object] | None:
    header = table.columns.get(name)
    if header is None or header not in table.data.columns:
        return None
    import pandas as pd

    series = table.data[header]
    kind = series.dtype
    # by the column's type, without a call per cell: this runs for every cell of every list
    if isinstance(kind, pd.StringDtype):  # text, and NaN or NA where blank
        return [(v.strip() or None) if v.__class__ is str else None for v in series.to_numpy(dtype=object)]
    if pd.api.types.is_numeric_dtype(kind) and not pd.api.types.is_bool_dtype(kind):
        return [v if v == v else None for v in series.to_numpy(dtype=object, na_value=None)]
    clean = _clean
    return [(v.strip() or None) if v.__class__ is str else clean(v) for v in series.to_numpy(dtype=object)]


def _numbers(table: SourceTable, name: str, cleaned: list[object] | None) -> list[float | None]:
    """:func:`number` of every cell of a column; a numeric column's at once (the same floats)."""
    if cleaned is None:
        return [None] * len(table.data)
    import numpy as np
    import pandas as pd

    series = table.data[table.columns[name]]
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = series.to_numpy(dtype="float64", na_value=np.nan).tolist()
        return [v if v - v == 0.0 else None for v in values]  # NaN and infinities are no number
    return [number(v) for v in cleaned]


def list_rows(table: SourceTable, municipality: str) -> list[ListRow]:
    """The article rows of ``table`` as :class:`ListRow` records (blank rows were left out by the reader)."""
    count = len(table.data)
    file_name = table.path.name
    sheet_rows = [int(r) for r in table.data.index]
    absent: list[object | None] = [None] * count
    columns = {name: _column(table, name) for name in (*ARTICLE_FIELDS, "key", "price", "quantity", "spend")}

    def values(name: str) -> list[object | None]:
        found = columns.get(name)
        return found if found is not None else absent

    quantities, spends, prices = (_numbers(table, name, columns[name]) for name in ("quantity", "spend", "price"))
    keys = [None if k is None else str(k) for k in values("key")]
    # one dict per row, made in C from the columns (this runs for every row of every list)
    field_rows = [dict(zip(ARTICLE_FIELDS, values_, strict=True))
                  for values_ in zip(*(values(name) for name in ARTICLE_FIELDS), strict=True)]
    gtins, suppliers, numbers, names = values("gtin"), values("supplier"), values("supplier_article_no"), values("name")
    units, packs = values("unit"), values("pack_size")
    sheet = table.sheet
    rows: list[ListRow] = []
    append = rows.append
    for i in range(count):
        quantity, spend, price = quantities[i], spends[i], prices[i]
        if spend is None and price is not None and quantity is not None:
            spend = price * quantity
        if price is None and spend is not None and quantity:
            price = spend / quantity
        match = SourceRow(municipality, file_name, sheet_rows[i], keys[i], gtins[i], suppliers[i], numbers[i],
                          names[i], units[i], packs[i], quantity, spend)
        append(ListRow(match, sheet, price, field_rows[i]))
    return rows
