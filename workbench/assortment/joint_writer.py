"""A new joint workbook, written with xlsxwriter (from then on it is only patched, cell by cell).

``Sortiment`` is an Excel table (filters and sorting in Excel), its review columns carry their list
validations from the start, and every text is written as text (a name starting with ``=`` stays a name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.assortment.joint import Article, Figures, SourceFile, SourceRecord, extra_source_headers
from workbench.assortment.layout import ARTICLE_FIELDS, Headers
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.vocabularies import vocabularies

__all__ = ["article_headers", "article_values", "write_joint"]

_TEXT_FIELDS = frozenset({"name", "category", "supplier", "supplier_article_no", "gtin", "unit", "material",
                          "ecolabel"})


def article_headers(names: Headers, municipalities: Sequence[str]) -> list[str]:
    """The ``Sortiment`` header row, as a new workbook has it."""
    headers = [names.article_id, *(names.fields[f] for f in ARTICLE_FIELDS), names.price]
    for municipality in municipalities:
        headers += [names.quantity_of(municipality), names.spend_of(municipality)]
    headers += [names.total_quantity, names.total_spend, names.municipalities, names.merged_into]
    headers += [names.review[f] for f in REVIEW_FIELD_NAMES]
    return headers


def article_values(article: Article, figure: Figures | None, municipalities: Sequence[str]) -> list[object]:
    """An article's ``Sortiment`` cells up to the review columns (which a new article leaves empty)."""
    figure = figure or Figures()
    values: list[object] = [article.id, *(article.fields.get(f) for f in ARTICLE_FIELDS), figure.price]
    for municipality in municipalities:
        values += [figure.quantity.get(municipality, 0), figure.spend.get(municipality, 0)]
    values += [figure.total_quantity, figure.total_spend, figure.municipalities, article.merged_into]
    return values


def _write_row(sheet: Any, row: int, values: Iterable[object], formats: Mapping[str, Any]) -> None:
    for column, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, str):
            sheet.write_string(row, column, value)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value)
        elif isinstance(value, dt.datetime):
            sheet.write_datetime(row, column, value, formats["stamp"])
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, column, dt.datetime.combine(value, dt.time(0)), formats["date"])
        else:
            sheet.write_string(row, column, str(value))


def _validations(sheet: Any, names: Headers, first_column: int, last_row: int, lang: str) -> None:
    """List validations on the review columns, over the data rows and a margin below them for rows that
    colleagues or later merges add (the patcher grows them when rows are appended)."""
    vocab = vocabularies()
    for offset, name in enumerate(REVIEW_FIELD_NAMES):
        column = first_column + offset
        if name == "env_score":
            options: dict[str, Any] = {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": 5}
        elif name in vocab:
            options = {"validate": "list", "source": list(vocab[name].labels(lang))}
        else:
            continue
        options["ignore_blank"] = True
        sheet.data_validation(1, column, max(1, last_row), column, options)


def write_joint(target: Path, names: Headers, articles: Sequence[Article], figures: Mapping[str, Figures],
                municipalities: Sequence[str], records: Sequence[SourceRecord], sources: Sequence[SourceFile]) -> None:
    """Write a whole new joint workbook to ``target`` (a temporary file of the atomic save)."""
    import xlsxwriter

    # not constant_memory: xlsxwriter cannot add a table in that mode (about 0.2 kB per cell held)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    book = xlsxwriter.Workbook(str(target), options)
    try:
        formats = {"stamp": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
                   "date": book.add_format({"num_format": "yyyy-mm-dd"})}
        bold = book.add_format({"bold": True})
        articles_sheet, rows_sheet, sources_sheet = names.sheets

        sheet = book.add_worksheet(articles_sheet)
        headers = article_headers(names, municipalities)
        last_row = len(articles)  # 0-based: the header is row 0
        review_first = len(headers) - len(REVIEW_FIELD_NAMES)
        sheet.add_table(0, 0, max(1, last_row), len(headers) - 1, {
            "name": "Artiklar" if names.lang == "sv" else "Articles",
            "columns": [{"header": header} for header in headers],
            "style": "Table Style Light 9", "autofilter": True})
        sheet.freeze_panes(1, 1)
        widths = [len(h) + 3 for h in headers]
        for row, article in enumerate(articles, start=1):
            values = article_values(article, figures.get(article.id), municipalities)
            if row <= 200:
                for column, value in enumerate(values):
                    if isinstance(value, str):
                        widths[column] = max(widths[column], min(45, len(value) + 2))
            _write_row(sheet, row, values, formats)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        _validations(sheet, names, review_first, last_row, names.lang)

        sheet = book.add_worksheet(rows_sheet)
        headers = [*names.source_row_headers(), *extra_source_headers(names)]
        for column, header in enumerate(headers):
            sheet.write_string(0, column, header, bold)
            sheet.set_column(column, column, len(header) + 4)
        for row, record in enumerate(records, start=1):
            _write_row(sheet, row, record.values(), formats)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(records)), len(headers) - 1)

        sheet = book.add_worksheet(sources_sheet)
        headers = names.source_headers()
        for column, header in enumerate(headers):
            sheet.write_string(0, column, header, bold)
            sheet.set_column(column, column, max(14, len(header) + 4))
        for row, source in enumerate(sources, start=1):
            _write_row(sheet, row, source.values(), formats)
    finally:
        book.close()
