"""Reading a joint workbook back: its articles, source rows and sources as they are in the file now,
with the sheet row of each, so that an update can patch exactly the cells that change. Either
language's headers are accepted.

The three sheets are the app's own, with their header on row 1: they are read as raw cells (the
workbook opened once), not through the importer's header detection and mapping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint import Article, SourceFile, SourceRecord, gtin_text
from workbench.assortment.layout import ARTICLE_FIELDS, LIST_SHEETS, Headers, headers, id_number, municipalities_in
from workbench.assortment.sources import number
from workbench.errors import NotJointWorkbookError

__all__ = ["JointState", "clean", "read_joint"]


@dataclass
class JointState:
    """A joint workbook as read. Rows are sheet rows (1-based); columns 0-based."""

    path: Path
    names: Headers
    articles: dict[str, Article]
    article_rows: dict[str, int]  # ID -> Sortiment row
    article_columns: dict[str, int]  # Sortiment header -> column
    article_last_row: int
    article_raw: dict[str, list[Any]]  # ID -> its Sortiment cells as read
    records: list[SourceRecord]
    record_rows: list[int]  # Källrader row of each record
    record_last_row: int
    record_columns: dict[str, int]
    sources: list[SourceFile]
    source_rows: list[int]
    source_last_row: int
    source_columns: dict[str, int]
    municipalities: list[str] = field(default_factory=list)  # in the order of their columns
    record_raw: dict[int, list[Any]] = field(default_factory=dict, repr=False)  # Källrader row -> its cells
    source_raw: dict[int, list[Any]] = field(default_factory=dict, repr=False)

    def article_values(self, article_id: str) -> dict[str, Any]:
        """An article's ``Sortiment`` cells by header, as read."""
        values = self.article_raw.get(article_id, [])
        return {h: clean(values[c]) for h, c in self.article_columns.items() if c < len(values)}

    def article_cell(self, article_id: str, header: str) -> Any:
        """One ``Sortiment`` cell of an article, as read (None where it has none)."""
        column = self.article_columns.get(header)
        values = self.article_raw.get(article_id)
        if column is None or values is None or column >= len(values):
            return None
        return clean(values[column])

    def record_cells(self, row: int) -> dict[int, Any] | None:
        """The cells of a ``Källrader`` row by column, as read (None for a row that holds nothing)."""
        return _cells(self.record_raw.get(row))

    def source_cells(self, row: int) -> dict[int, Any] | None:
        return _cells(self.source_raw.get(row))

    @property
    def highest(self) -> int:
        return max((id_number(i) or 0 for i in self.articles), default=0)

    def free_record_rows(self) -> list[int]:
        """Källrader rows between the header and the last row that hold nothing (emptied by an update)."""
        used = set(self.record_rows)
        return [r for r in range(2, self.record_last_row + 1) if r not in used]

    def free_source_rows(self) -> list[int]:
        used = set(self.source_rows)
        return [r for r in range(2, self.source_last_row + 1) if r not in used]


def _cells(values: list[Any] | None) -> dict[int, Any] | None:
    if values is None:
        return None
    return {c: clean(v) for c, v in enumerate(values) if v is not None}


def _language(sheets: list[str], path: Path) -> str:
    for lang, (articles, rows, sources) in LIST_SHEETS.items():
        if articles in sheets and rows in sheets and sources in sheets:
            return lang
    raise NotJointWorkbookError(path, sheets=", ".join(LIST_SHEETS["sv"]))


def clean(value: Any) -> Any:
    """A cell as read, as the workbook means it: text stripped (blank: None), an integral float an int,
    NaN None."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, str):
        return value.strip() or None
    return value


def _text(value: Any) -> str | None:
    value = clean(value)
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    found = number(value)
    return int(found) if found is not None else None


def _blank(values: list[object]) -> bool:
    return all(v is None or (v.__class__ is str and not v.strip()) for v in values)


def _clean_column(values: Sequence[Any]) -> list[Any]:
    """:func:`clean` of each value, text and numbers inline (every cell of ``Källrader`` passes here)."""
    return [(v.strip() or None) if v.__class__ is str
            else v if v is None
            else (None if v != v else int(v) if v.is_integer() and -_EXACT < v < _EXACT else v) if v.__class__ is float
            else clean(v)
            for v in values]


_EXACT = 2**53  # floats below it in size hold every integer exactly


def _text_column(values: Sequence[Any], blank: str | None = None) -> list[Any]:
    """:func:`_text` of each value; ``blank`` in place of None."""
    return [(v.strip() or blank) if v.__class__ is str else blank if v is None else _text(v) or blank
            for v in values]


def _number_column(values: Sequence[Any]) -> list[float | None]:
    # a finite float is its own number; anything else goes through the reader's rule
    return [v if v is None or (v.__class__ is float and v - v == 0.0) else number(v) for v in values]


class _Sheet:
    """One list sheet: its header's columns and its rows below (blank rows left out)."""

    def __init__(self, rows: list[list[object]]) -> None:
        header = rows[0] if rows else []
        self.columns: dict[str, int] = {}
        for column, value in enumerate(header):
            if isinstance(value, str) and value.strip() and value.strip() not in self.columns:
                self.columns[value.strip()] = column
        self.rows: list[tuple[int, list[object]]] = []
        append = self.rows.append
        for index, values in enumerate(rows[1:], start=2):
            first = values[0] if values else None
            # the first column (an ID, a file name) holds text on almost every row: no need to look further
            if (first.__class__ is str and first.strip()) or not _blank(values):
                append((index, values))
        self.last_row = self.rows[-1][0] if self.rows else 1
        self._values: list[list[object]] | None = None
        self._width = 0
        self._columns: list[tuple[object, ...]] | None = None

    def getter(self, header: str) -> Any:
        column = self.columns.get(header)
        if column is None:
            return lambda values: None
        return lambda values: values[column] if column < len(values) else None

    def column(self, header: str) -> Sequence[Any]:
        """Every row's cell under ``header`` as read (None where the sheet has no such column)."""
        column = self.columns.get(header)
        if column is None:
            return [None] * len(self.rows)
        if self._values is None:
            self._values = [values for _, values in self.rows]
            self._width = min(map(len, self._values), default=0)
        if column < self._width:  # every row reaches the column (the reader pads them): no check per row
            if self._columns is None:  # the rows turned into columns at once (zip stops at the shortest row)
                self._columns = list(zip(*self._values, strict=False))
            return self._columns[column]
        return [values[column] if column < len(values) else None for values in self._values]

    def raw(self) -> dict[int, list[Any]]:
        return dict(self.rows)


def read_joint(path: str | Path) -> JointState:
    """Read the joint workbook at ``path``. Raises :class:`NotJointWorkbookError` when it is not one."""
    from workbench.reading.importer import list_sheets, read_sheet_rows

    path = Path(path)
    lang = _language(list_sheets(path), path)
    names = headers(lang)
    raw = read_sheet_rows(path, names.sheets)
    articles_sheet, rows_sheet, sources_sheet = (_Sheet(raw[name]) for name in names.sheets)

    a = articles_sheet.column
    article_ids, merged_into = _text_column(a(names.article_id)), _text_column(a(names.merged_into))
    field_values = zip(*(_clean_column(a(names.fields[f])) for f in ARTICLE_FIELDS), strict=True)
    articles: dict[str, Article] = {}
    article_rows: dict[str, int] = {}
    article_raw: dict[str, list[Any]] = {}
    for (row, values), article_id, fields, merged in zip(articles_sheet.rows, article_ids, field_values,
                                                          merged_into, strict=True):
        if article_id is None or article_id in articles:
            continue
        article = Article(article_id, dict(zip(ARTICLE_FIELDS, fields, strict=True)), merged)
        if article.fields.get("gtin") is not None:
            article.fields["gtin"] = gtin_text(article.fields["gtin"])
        articles[article_id] = article
        article_rows[article_id] = row
        article_raw[article_id] = values

    c = rows_sheet.column
    ids = _text_column(c(names.article_id))
    # every column in SourceRecord's order: the records are made positionally, a column at a time
    columns = [
        ids, _text_column(c(names.municipality), ""), _text_column(c(names.file), ""), _text_column(c(names.sheet)),
        [None if v is None else int(v) for v in _number_column(c(names.row))], _text_column(c(names.source_key)),
        _text_column(c(names.supplier_article_no)), _text_column(c(names.gtin)), _number_column(c(names.quantity)),
        _number_column(c(names.spend)), _number_column(c(names.price)), _text_column(c(names.match), "ny"),
        *(_clean_column(c(names.fields[f])) for f in ("supplier", "name", "unit", "pack_size"))]
    record_rows = [row for row, _ in rows_sheet.rows]
    if None in ids:  # rows without an article ID are no source rows
        kept = [i for i, article_id in enumerate(ids) if article_id is not None]
        columns = [[column[i] for i in kept] for column in columns]
        record_rows = [record_rows[i] for i in kept]
    records = list(map(SourceRecord, *columns))

    s = sources_sheet.getter
    sources: list[SourceFile] = []
    source_rows: list[int] = []
    for row, values in sources_sheet.rows:
        file_name = _text(s(names.file)(values))
        if file_name is None:
            continue
        merged_at = s(names.merged_at)(values)
        sources.append(SourceFile(file_name, _text(s(names.municipality)(values)) or "",
                                  _int(s(names.rows)(values)) or 0, _text(s(names.fingerprint)(values)),
                                  merged_at if isinstance(merged_at, dt.datetime) else dt.datetime.min,
                                  _text(s(names.merged_by)(values)) or ""))
        source_rows.append(row)

    return JointState(
        path=path, names=names, articles=articles, article_rows=article_rows,
        article_columns=dict(articles_sheet.columns), article_last_row=articles_sheet.last_row,
        article_raw=article_raw, records=records, record_rows=record_rows,
        record_last_row=rows_sheet.last_row, record_columns=dict(rows_sheet.columns), sources=sources,
        source_rows=source_rows, source_last_row=sources_sheet.last_row, source_columns=dict(sources_sheet.columns),
        municipalities=municipalities_in(names, list(articles_sheet.columns)),
        record_raw=rows_sheet.raw(), source_raw=sources_sheet.raw())
