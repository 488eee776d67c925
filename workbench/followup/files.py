"""A purchase file looked at before it is read: csv or xlsx, its encoding, delimiter and decimal mark, its
header row among title rows, and which column holds which purchase field (``resources/synonyms.json``:
the ``purchase`` words first, then the article lists' words for the fields they do not name).

Only the first rows are read here (the reader's sniffing for csv, calamine's first rows for xlsx); the
lines themselves are streamed into the engine by :mod:`workbench.followup.engine`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from workbench.errors import (
    CorruptFileError,
    FileLockedError,
    FileMissingError,
    PurchaseColumnsError,
    PurchaseHeaderError,
    PurchaseNoAmountError,
    UnsupportedFormatError,
)
from workbench.formats import XLSX_SUFFIXES
from workbench.resources import resource_path

__all__ = ["PURCHASE_FIELDS", "PurchaseFile", "inspect_purchase_file", "map_purchase_headers"]

PURCHASE_FIELDS: tuple[str, ...] = (
    "date", "municipality", "org_unit", "orderer", "cost_centre", "supplier", "supplier_article_no", "gtin",
    "key", "name", "unit", "quantity", "unit_price", "amount",
)
"""The fields of a purchase line. ``key`` is the municipality's own article number (``Källnyckel``)."""

DATE_FORMATS: tuple[str, ...] = ("%d.%m.%Y", "%Y%m%d", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y",
                                 "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%Y.%m.%d", "%d.%m.%y")
"""The date formats of exports besides ISO, as strptime formats (DuckDB's are the same)."""
IDENTIFYING = ("gtin", "supplier_article_no", "key", "name")
_HEAD_ROWS = 60
_TEXT = (".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class PurchaseFile:
    """One purchase file as detected. ``columns``: field -> 0-based column; ``headers``: field -> header
    text; ``header_row``: the sheet row (1-based; for csv the line) of the header."""

    path: Path
    kind: str  # "csv" | "xlsx"
    columns: dict[str, int]
    headers: dict[str, str]
    header_row: int
    width: int
    municipality: str | None = None  # given with PATH=KOMMUN
    encoding: str = "utf-8"
    delimiter: str = ";"
    decimal: str = ","
    sheet: str | None = None
    date1904: bool = False
    date_format: str | None = None  # the strptime format of most dates in the first rows; "iso" for ISO
    warnings: list[str] = field(default_factory=list)


@cache
def _synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = json.loads(resource_path("synonyms.json").read_text(encoding="utf-8"))
    purchase = {k: v for k, v in data["purchase"].items() if k != "comment"}
    source = data["source"]
    # the purchase words first, so "Beställare" is the orderer and "Pris" the unit price here
    table: list[tuple[str, tuple[str, ...]]] = [(name, tuple(words)) for name, words in purchase.items()]
    for name in ("municipality", "supplier", "supplier_article_no", "gtin", "key", "name", "unit", "quantity"):
        table.append((name, tuple(source.get(name, ()))))
    return tuple(table)


def map_purchase_headers(headers: Sequence[object]) -> dict[str, int]:
    """Purchase field -> 0-based column, by the synonyms (exact folds first, then relaxed ones; each header
    and each field used once, the first column of a header wins)."""
    from workbench.reading import fold_header, relaxed_fold

    result: dict[str, int] = {}
    taken: set[int] = set()
    table = _synonyms()
    for folder in (fold_header, relaxed_fold):
        for name, words in table:
            if name in result:
                continue
            wanted = {folder(w) for w in words}
            for column, header in enumerate(headers):
                if column in taken or not isinstance(header, str) or not header.strip():
                    continue
                if folder(header) in wanted:
                    result[name] = column
                    taken.add(column)
                    break
    return {name: result[name] for name in PURCHASE_FIELDS if name in result}


def _cell_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def inspect_purchase_file(path: Path, municipality: str | None = None) -> PurchaseFile:
    """Detect the format, header and columns of the purchase file ``path``; raises a :class:`WorkbenchError`
    naming the file when it cannot be read or holds no purchase lines we can use."""
    path = Path(path)
    if not path.exists():
        raise FileMissingError(path)
    if path.is_dir():
        raise UnsupportedFormatError(path)
    suffix = path.suffix.casefold()
    if suffix in XLSX_SUFFIXES:
        return _inspect_xlsx(path, municipality)
    if suffix in _TEXT:
        return _inspect_csv(path, municipality)
    raise UnsupportedFormatError(path)


def _inspect_csv(path: Path, municipality: str | None) -> PurchaseFile:
    from workbench.reading import SAMPLE_BYTES, sniff_text

    try:
        with open(path, "rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except PermissionError as error:
        raise FileLockedError(path) from error
    sample = sniff_text(path, head, allow_undelimited=False)
    if sample.html:
        raise UnsupportedFormatError(path)
    rows = [[_cell_text(v) for v in row] for row in sample.rows[:_HEAD_ROWS]]
    index, columns = _header(path, rows)
    dialect = sample.dialect
    return PurchaseFile(path, "csv", columns, {f: str(rows[index][c]) for f, c in columns.items()}, index + 1,
                        len(rows[index]), municipality, encoding=dialect.encoding, delimiter=dialect.delimiter,
                        decimal=dialect.decimal, date_format=_date_format(rows[index + 1:], columns.get("date")))


def _inspect_xlsx(path: Path, municipality: str | None) -> PurchaseFile:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except PermissionError as error:
        raise FileLockedError(path) from error
    except Exception:  # calamine's own kinds, in English: the importer words the file (sv, en)
        return _refused_as_the_importer_does(path, municipality)
    last: PurchaseHeaderError | PurchaseColumnsError | None = None
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows: list[list[Any]] = []
        for row in sheet.iter_rows():
            rows.append([_cell_text(v) if v != "" else None for v in row])
            if len(rows) >= _HEAD_ROWS:
                break
        try:
            index, columns = _header(path, rows)
        except (PurchaseHeaderError, PurchaseColumnsError) as error:
            last = error
            continue
        return PurchaseFile(path, "xlsx", columns, {f: str(rows[index][c]) for f, c in columns.items()},
                            index + 1, len(rows[index]), municipality, sheet=name)
    raise last if last is not None else PurchaseHeaderError(path)


def _refused_as_the_importer_does(path: Path, municipality: str | None) -> PurchaseFile:
    """Raise what Arkiv > Öppna says of a file calamine cannot open (a PDF or 0 bytes named .xlsx, a cut-short
    zip): the same detection and words, not a second wording with the library's English in it. A text file
    named .xlsx is read as text, as the importer reads it."""
    from workbench.reading import list_sheets

    if list_sheets(path):  # the importer reads a workbook calamine refused: say it is damaged, no detail
        raise CorruptFileError(path)
    return _inspect_csv(path, municipality)


def _date_format(rows: list[list[Any]], column: int | None) -> str | None:
    """The format most of the first rows' dates are written in (None when there is no date column or none
    of them reads)."""
    import datetime as dt

    if column is None:
        return None
    values = [str(r[column]).strip() for r in rows if column < len(r) and r[column] not in (None, "")][:50]
    counts: dict[str, int] = {}
    for value in values:
        try:
            dt.date.fromisoformat(value[:10])
            counts["iso"] = counts.get("iso", 0) + 1
            continue
        except ValueError:
            pass
        for pattern in DATE_FORMATS:
            try:
                dt.datetime.strptime(value, pattern)
            except ValueError:
                continue
            counts[pattern] = counts.get(pattern, 0) + 1
            break
    return max(counts, key=lambda k: counts[k]) if counts else None


def _header(path: Path, rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    from workbench.reading import detect_header_row

    index = detect_header_row(rows)
    if index < 0:
        raise PurchaseHeaderError(path)
    columns = map_purchase_headers(rows[index])
    found = ", ".join(str(h) for h in rows[index] if h not in (None, "")) or "-"
    if "amount" not in columns and not ("quantity" in columns and "unit_price" in columns):
        raise PurchaseNoAmountError(path, headers=found, row=index + 1)
    if not any(name in columns for name in IDENTIFYING):
        raise PurchaseColumnsError(path, headers=found, row=index + 1)
    return index, columns
