"""A new joint workbook, streamed by :mod:`workbench.xlsx.new_book` (from then on it is only patched,
cell by cell).

``Sortiment`` is an Excel table (filters and sorting in Excel), its review columns carry their list
validations from the start, and every text is written as text (a name starting with ``=`` stays a name).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.assortment.joint import Article, Figures, SourceFile, SourceRecord, extra_source_headers
from workbench.assortment.layout import ARTICLE_FIELDS, Headers
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.vocabularies import vocabularies
from workbench.xlsx.new_book import NewSheet, NewTable, NewValidation, write_book

__all__ = ["article_headers", "article_values", "write_joint"]

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


def _widths(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """Column widths from the header and the first 200 rows, as the grid sizes its columns."""
    widths = [len(h) + 3.0 for h in header]
    for values in rows[:200]:
        for column, value in enumerate(values):
            if isinstance(value, str):
                widths[column] = max(widths[column], min(45.0, len(value) + 2.0))
    return widths


def _validations(first_column: int, lang: str) -> list[NewValidation]:
    """List validations on the review columns (the patcher grows them when rows are appended)."""
    vocab = vocabularies()
    found = []
    for offset, name in enumerate(REVIEW_FIELD_NAMES):
        if name == "env_score":
            found.append(NewValidation(first_column + offset, whole=(1, 5)))
        elif name in vocab:
            found.append(NewValidation(first_column + offset, labels=tuple(vocab[name].labels(lang))))
    return found


def write_joint(target: Path, names: Headers, articles: Sequence[Article], figures: Mapping[str, Figures],
                municipalities: Sequence[str], records: Sequence[SourceRecord], sources: Sequence[SourceFile]) -> None:
    """Write a whole new joint workbook to ``target`` (a temporary file of the atomic save)."""
    articles_sheet, rows_sheet, sources_sheet = names.sheets
    header = article_headers(names, municipalities)
    article_rows = [article_values(a, figures.get(a.id), municipalities) for a in articles]
    review_first = len(header) - len(REVIEW_FIELD_NAMES)
    record_header = [*names.source_row_headers(), *extra_source_headers(names)]
    record_rows = [record.values() for record in records]
    source_header = names.source_headers()
    source_rows = [source.values() for source in sources]
    write_book(target, [
        NewSheet(articles_sheet, header, article_rows, len(article_rows),
                 table=NewTable("Artiklar" if names.lang == "sv" else "Articles"),
                 validations=_validations(review_first, names.lang), widths=_widths(header, article_rows),
                 freeze_columns=1),
        NewSheet(rows_sheet, record_header, record_rows, len(record_rows), autofilter=True,
                 widths=_widths(record_header, record_rows)),
        NewSheet(sources_sheet, source_header, source_rows, len(source_rows),
                 widths=[max(14.0, w) for w in _widths(source_header, source_rows)]),
    ])
