"""Reading a joint workbook back: its articles, source rows and sources as they are in the file now,
with the sheet row of each, so that an update can patch exactly the cells that change. Either
language's headers are accepted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint import Article, SourceFile, SourceRecord, gtin_text
from workbench.assortment.layout import ARTICLE_FIELDS, LIST_SHEETS, Headers, headers, id_number
from workbench.assortment.sources import number
from workbench.errors import NotJointWorkbookError
from workbench.table import SourceTable

__all__ = ["JointState", "read_joint"]


@dataclass
class JointState:
    """A joint workbook as read. Rows are sheet rows (1-based); columns 0-based."""

    path: Path
    names: Headers
    articles: dict[str, Article]
    article_rows: dict[str, int]  # ID -> Sortiment row
    article_columns: dict[str, int]  # Sortiment header -> column
    article_last_row: int
    article_values: dict[str, dict[str, Any]]  # ID -> header -> value as read (figures included)
    records: list[SourceRecord]
    record_rows: list[int]  # Källrader row of each record
    record_last_row: int
    record_columns: dict[str, int]
    sources: list[SourceFile]
    source_rows: list[int]
    source_last_row: int
    source_columns: dict[str, int]
    municipalities: list[str] = field(default_factory=list)  # in the order of their columns
    table: SourceTable | None = None  # Sortiment as the importer read it (for its review columns)

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


def _language(sheets: list[str], path: Path) -> str:
    for lang, (articles, rows, sources) in LIST_SHEETS.items():
        if articles in sheets and rows in sheets and sources in sheets:
            return lang
    raise NotJointWorkbookError(path, sheets=", ".join(LIST_SHEETS["sv"]))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    found = number(value)
    return int(found) if found is not None else None


def _sheet(path: Path, sheet: str, key: str) -> tuple[SourceTable, dict[str, list[Any]]]:
    from workbench.reading.importer import read_table

    table = read_table(path, sheet, header_row=1, key_column=key, mapping={})
    columns = {header: table.data[header].to_numpy(dtype=object).tolist() for header in table.data.columns}
    return table, columns


def _last_row(table: SourceTable) -> int:
    return int(table.data.index.max()) if len(table.data) else 1


def read_joint(path: str | Path) -> JointState:
    """Read the joint workbook at ``path``. Raises :class:`NotJointWorkbookError` when it is not one."""
    from workbench.reading.importer import list_sheets

    path = Path(path)
    lang = _language(list_sheets(path), path)
    names = headers(lang)
    articles_sheet, rows_sheet, sources_sheet = names.sheets

    table, columns = _sheet(path, articles_sheet, names.article_id)
    ids = columns.get(names.article_id, [])
    field_headers = {f: names.fields[f] for f in ARTICLE_FIELDS}
    articles: dict[str, Article] = {}
    article_rows: dict[str, int] = {}
    article_values: dict[str, dict[str, Any]] = {}
    sheet_rows = [int(r) for r in table.data.index]
    for position, raw in enumerate(ids):
        article_id = _text(raw)
        if article_id is None or article_id in articles:
            continue
        values = {header: column[position] for header, column in columns.items()}
        article = Article(article_id, {f: _clean(values.get(h)) for f, h in field_headers.items()},
                          _text(values.get(names.merged_into)))
        if article.fields.get("gtin") is not None:
            article.fields["gtin"] = gtin_text(article.fields["gtin"])
        articles[article_id] = article
        article_rows[article_id] = sheet_rows[position]
        article_values[article_id] = values
    # a municipality has both its columns ("Antal per förpackning" is no municipality's)
    municipalities = []
    present = set(table.data.columns)
    prefix = names.quantity + " "
    for header in table.data.columns:
        if header.startswith(prefix) and header not in (names.total_quantity, *names.fields.values()):
            municipality = header[len(prefix):]
            if names.spend_of(municipality) in present:
                municipalities.append(municipality)

    rows_table, rows = _sheet(path, rows_sheet, names.article_id)
    count = len(rows_table.data)

    def column(header: str) -> list[Any]:
        return rows.get(header, [None] * count)

    extra = {name: column(names.fields[name]) for name in ("supplier", "name", "unit")}
    packs = column(names.fields["pack_size"])
    record_ids = column(names.article_id)
    municipality, files, sheets = column(names.municipality), column(names.file), column(names.sheet)
    row_numbers, keys = column(names.row), column(names.source_key)
    article_nos, gtins = column(names.supplier_article_no), column(names.gtin)
    quantities, spends, prices, matches = (column(names.quantity), column(names.spend), column(names.price),
                                          column(names.match))
    records: list[SourceRecord] = []
    record_rows: list[int] = []
    for position, sheet_row in enumerate(int(r) for r in rows_table.data.index):
        article_id = _text(record_ids[position])
        if article_id is None:
            continue
        records.append(SourceRecord(
            article_id=article_id, municipality=_text(municipality[position]) or "", file=_text(files[position]) or "",
            sheet=_text(sheets[position]), row=_int(row_numbers[position]), source_key=_text(keys[position]),
            supplier_article_no=_text(article_nos[position]), gtin=_text(gtins[position]),
            quantity=number(quantities[position]), spend=number(spends[position]), price=number(prices[position]),
            match=_text(matches[position]) or "ny", supplier=_clean(extra["supplier"][position]),
            name=_clean(extra["name"][position]), unit=_clean(extra["unit"][position]),
            pack_size=_clean(packs[position])))
        record_rows.append(sheet_row)

    sources_table, found = _sheet(path, sources_sheet, names.file)
    sources: list[SourceFile] = []
    source_rows: list[int] = []
    count = len(sources_table.data)

    def source_column(header: str) -> list[Any]:
        return found.get(header, [None] * count)

    for position, sheet_row in enumerate(int(r) for r in sources_table.data.index):
        file_name = _text(source_column(names.file)[position])
        if file_name is None:
            continue
        merged_at = source_column(names.merged_at)[position]
        sources.append(SourceFile(file_name, _text(source_column(names.municipality)[position]) or "",
                                  _int(source_column(names.rows)[position]) or 0,
                                  _text(source_column(names.fingerprint)[position]),
                                  merged_at if isinstance(merged_at, dt.datetime) else dt.datetime.min,
                                  _text(source_column(names.merged_by)[position]) or ""))
        source_rows.append(sheet_row)

    return JointState(
        path=path, names=names, articles=articles, article_rows=article_rows,
        article_columns=dict(table.column_index), article_last_row=_last_row(table), article_values=article_values,
        records=records, record_rows=record_rows, record_last_row=_last_row(rows_table),
        record_columns=dict(rows_table.column_index), sources=sources, source_rows=source_rows,
        source_last_row=_last_row(sources_table), source_columns=dict(sources_table.column_index),
        municipalities=municipalities, table=table)


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str):
        return value.strip() or None
    return value
