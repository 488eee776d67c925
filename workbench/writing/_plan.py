"""Review values as cells: where they go, what they look like, and the read-back check (private)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import python_calamine

from workbench.fields import REVIEW_FIELD_NAMES
from workbench.reading.csv_records import record_values, records
from workbench.review.values import is_empty, label, parse_date
from workbench.table import CsvDialect, SourceTable, key_rows
from workbench.vocabularies import vocabularies
from workbench.xlsx.cells import CellValue, clean_text
from workbench.xlsx.patch import last_used_column

MAX_READ_BACK_CELLS = 50_000_000


def rows_by_key(table: SourceTable) -> dict[str, list[int]]:
    """Sheet rows of every key (a duplicated key has several)."""
    return key_rows(table.keys)


def plan_columns(table: SourceTable, needed: set[str], last_col: int) -> tuple[dict[str, int], list[str]]:
    """``(field -> 0-based column, fields to add)``: existing review columns, plus new ones right of
    ``last_col`` for the fields that get values (every review field when the file has none)."""
    columns = {name: table.column_index[header] for name, header in table.review_columns.items()
               if header in table.column_index}
    if not columns:
        new = list(REVIEW_FIELD_NAMES)
    else:
        new = [name for name in REVIEW_FIELD_NAMES if name in needed and name not in columns]
    for offset, name in enumerate(new, start=1):
        columns[name] = last_col + offset
    return columns, new


def cell_value(name: str, value: Any, lang: str) -> CellValue:
    """The cell for a stored review value: label, score number, date, or text."""
    if is_empty(value):
        return None
    if name == "env_score":
        code = vocabularies()["env_score"].code_for(value)
        return int(code) if code is not None else str(value)
    if name in vocabularies():
        return label(name, value, lang)
    if name == "reviewed_at":
        when = parse_date(value)
        return when if when is not None else str(value)
    text = str(value)
    return text if text else None


def csv_text(value: CellValue, dialect: CsvDialect) -> str | None:
    """A cell value as csv field text (dates ISO, decimals in the file's style)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", dialect.decimal) if dialect.decimal != "." else text
    return str(value)


def _same(found: Any, wanted: CellValue) -> bool:
    if wanted is None:
        return found in (None, "")
    if isinstance(wanted, dt.date):
        if isinstance(found, dt.date):
            if not isinstance(wanted, dt.datetime):
                wanted = dt.datetime(wanted.year, wanted.month, wanted.day)
            if not isinstance(found, dt.datetime):
                found = dt.datetime(found.year, found.month, found.day)
            return bool(abs((found - wanted).total_seconds()) < 1)
        return isinstance(found, str)  # written as text where the workbook has no styles part
    if isinstance(wanted, bool):
        return bool(found == wanted)
    if isinstance(wanted, int | float):
        return isinstance(found, int | float) and math.isclose(float(found), float(wanted))
    return str(found).replace("\r\n", "\n") == clean_text(str(wanted)).replace("\r\n", "\n")


def verify_xlsx(path: Path, sheet: str | None, expected: Mapping[tuple[int, int], CellValue],
                extent: tuple[int, int] | None = None) -> None:
    """Read ``path`` back (an independent reader) and check every written cell; raises ``ValueError``.

    Sheets whose used range is absurdly large are not read back (the reader would allocate the whole
    range); :func:`workbench.xlsx.patch.check_package` still checks them. ``extent`` is the sheet's
    used range when the caller knows it (saves a scan).
    """
    last_row, last_col = extent if extent is not None else last_used_column(path, sheet)
    if last_row * (last_col + 1) > MAX_READ_BACK_CELLS:
        return
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    data = book.get_sheet_by_name(sheet) if sheet is not None else book.get_sheet_by_index(0)
    # iter_rows starts at sheet row 1 but at the used range's first column
    start_col = data.start[1] if data.start is not None else 0
    by_row: dict[int, list[tuple[int, CellValue]]] = {}
    for (row, col), value in expected.items():
        by_row.setdefault(row - 1, []).append((col, value))
    wrong: list[str] = []
    seen: set[int] = set()
    for offset, values in enumerate(data.iter_rows()):
        row = offset
        if row not in by_row:
            continue
        seen.add(row)
        for col, wanted in by_row[row]:
            j = col - start_col
            found = values[j] if 0 <= j < len(values) else None
            if not _same(found, wanted):
                wrong.append(f"row {row + 1} column {col + 1}: {found!r} instead of {wanted!r}")
    for row in set(by_row) - seen:
        wrong.extend(f"row {row + 1} column {col + 1}: missing" for col, v in by_row[row] if v is not None)
    if wrong:
        raise ValueError("; ".join(wrong[:5]))


def verify_csv(path: Path, dialect: CsvDialect, expected: Mapping[tuple[int, int], str | None]) -> None:
    """Read the csv back and check every written field; raises ``ValueError``."""
    text = Path(path).read_bytes().decode(dialect.encoding)
    by_row: dict[int, list[tuple[int, str | None]]] = {}
    for (row, col), value in expected.items():
        by_row.setdefault(row, []).append((col, value))
    for number, (record, _) in enumerate(records(text, dialect.delimiter, dialect.quotechar), start=1):
        if number not in by_row:
            continue
        fields = record_values(record, dialect.delimiter, dialect.quotechar)
        for col, wanted in by_row[number]:
            found = fields[col] if col < len(fields) else ""
            if found != (wanted or ""):
                raise ValueError(f"record {number} field {col + 1}: {found!r} instead of {wanted!r}")
