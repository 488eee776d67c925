"""Exporting the rows and columns a reviewer has on screen (Arkiv > Exportera vy…) for a meeting.

The caller names the rows (table positions, in the order shown) and the columns (review field names or
source headers, in the order shown); values are written as the grid shows them: review codes as their
labels in ``lang``, the environmental score as its number, dates as dates.

- **xlsx** (xlsxwriter): typed cells; every text is written as a string cell, so a comment ``=1+1`` stays
  text and never becomes a formula (or a link, or a number). The header row is bold, frozen and
  filterable.
- **csv**: UTF-8 with a BOM, ``\\r\\n`` line ends. In Swedish the separator is ``;`` and the decimal mark a
  comma, which is what Excel with Swedish regional settings opens directly into columns; in English
  ``,`` and a point. A csv has no cell types, so a text a spreadsheet would take for a formula (starting
  with ``=``, ``+``, ``-`` or ``@``) gets a leading apostrophe, as OWASP advises against csv injection.

The file is written atomically (:func:`workbench.savefile.atomic_save`) after it is read back.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import UsageError, VerifyError
from workbench.fields import REVIEW_FIELD_NAMES, field
from workbench.messages import problem
from workbench.progress import Progress, report
from workbench.review.values import label
from workbench.savefile import atomic_save
from workbench.table import SourceTable

EXPORT_FORMATS = (".xlsx", ".csv")
_SHEET_NAME = {"sv": "Vy", "en": "View"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_WIDTH = 60


@dataclass(frozen=True)
class ViewExport:
    """What :func:`export_view` wrote."""

    path: Path
    rows: int
    columns: int


def column_label(table: SourceTable, column: str, lang: str = "sv") -> str:
    """The header of a column as the grid shows it: a review field's label, a source header as found."""
    return field(column).label(lang) if column in REVIEW_FIELD_NAMES else column


def _empty(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    return False


def _cell(column: str, value: Any, lang: str) -> Any:
    """A value as the grid shows it, typed: ``None``, str, bool, int, float, date or datetime."""
    if _empty(value):
        return None
    if column in REVIEW_FIELD_NAMES:
        spec = field(column)
        if spec.vocabulary is not None:
            shown = label(column, value, lang)  # an unknown value stays as found
            return int(shown) if spec.kind == "score" and shown.isdigit() else shown
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer | int):
        return int(value)
    if isinstance(value, np.floating | float):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).to_pydatetime()
    if isinstance(value, dt.datetime | dt.date):
        return value
    return str(value)


@dataclass(frozen=True)
class ViewSnapshot:
    """The values of a view, copied out of the table: writing it may run on another thread while the
    reviewer goes on editing."""

    header: list[str]
    arrays: list[tuple[str, np.ndarray]]  # (review field name or "" for a source column, values in order)
    lang: str

    @property
    def rows(self) -> int:
        return len(self.arrays[0][1]) if self.arrays else 0

    def cells(self, row: int) -> list[Any]:
        """The typed cells of one row, as the grid shows them."""
        return [_cell(name, values[row], self.lang) for name, values in self.arrays]


def snapshot_view(table: SourceTable, positions: Sequence[int] | np.ndarray, columns: Sequence[str],
                  lang: str = "sv") -> ViewSnapshot:
    """Copy ``columns`` (ids, in order) of the rows at ``positions`` (in order); cheap (array copies)."""
    positions = np.asarray(positions, dtype=np.int64)
    arrays: list[tuple[str, np.ndarray]] = []
    for column in columns:
        if column in REVIEW_FIELD_NAMES and column in table.review.columns:
            arrays.append((column, table.review[column].to_numpy(dtype=object)[positions]))
        elif column in table.data.columns:
            arrays.append(("", table.data[column].to_numpy(dtype=object)[positions]))
        else:
            raise UsageError(table.path, detail=problem("detail_no_column", column=column))
    return ViewSnapshot([column_label(table, column, lang) for column in columns], arrays, lang)


def view_cells(table: SourceTable, positions: Sequence[int] | np.ndarray, columns: Sequence[str],
               lang: str = "sv") -> list[list[Any]]:
    """The typed cells of ``columns`` (ids) for the rows at ``positions``, in that order."""
    snapshot = snapshot_view(table, positions, columns, lang)
    return [snapshot.cells(row) for row in range(snapshot.rows)]


def export_view(table: SourceTable, positions: Sequence[int] | np.ndarray, columns: Sequence[str],
                path: Path, lang: str = "sv", progress: Progress | None = None) -> ViewExport:
    """Write the rows at ``positions`` (in order) with ``columns`` (in order) to ``path`` (.xlsx or .csv)."""
    return write_view(snapshot_view(table, positions, columns, lang), path, progress)


def write_view(snapshot: ViewSnapshot, path: Path, progress: Progress | None = None) -> ViewExport:
    """Write a :func:`snapshot_view` to ``path`` (.xlsx or .csv), atomically, after reading it back.

    ``progress`` gets ``(rows written, rows, "export")`` and may cancel (the target is then untouched).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise UsageError(path, detail=problem("detail_export_formats", formats=", ".join(EXPORT_FORMATS),
                                                   suffix=path.suffix or "–"))
    header, lang = snapshot.header, snapshot.lang
    rows = _rows(snapshot, progress)

    def write(temp: Path) -> None:
        if suffix == ".xlsx":
            from xlsxwriter.exceptions import XlsxWriterException

            try:
                _write_xlsx(temp, header, rows, lang)
            except XlsxWriterException as error:  # e.g. the folder is not writable: a write error
                raise OSError(str(error)) from error
        else:
            _write_csv(temp, header, rows, lang)

    def verify(temp: Path) -> None:
        found, titles = _read_back(temp, suffix, lang)
        # xlsx leaves out trailing rows with no value at all; csv keeps every row
        expected = snapshot.rows + 1
        if titles != header or found > expected or (suffix == ".csv" and found != expected):
            raise VerifyError(path, detail=problem("detail_read_back_rows", found=found, expected=expected))

    atomic_save(path, write, verify, keep_backups=0)  # an export is made again, not restored
    return ViewExport(path, snapshot.rows, len(header))


def _rows(snapshot: ViewSnapshot, progress: Progress | None) -> Iterator[list[Any]]:
    total = snapshot.rows
    for row in range(total):
        if row % 1000 == 0:
            report(progress, row, total, "export")
        yield snapshot.cells(row)
    report(progress, total, total, "export")


def _write_xlsx(target: Path, header: list[str], rows: Iterable[list[Any]], lang: str) -> None:
    import xlsxwriter

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    with xlsxwriter.Workbook(str(target), options) as book:
        sheet = book.add_worksheet(_SHEET_NAME.get(lang, "View"))
        bold = book.add_format({"bold": True})
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        widths = [min(_MAX_WIDTH, len(title) + 2) for title in header]
        for column, title in enumerate(header):
            sheet.write_string(0, column, title, bold)
        number = 0
        for number, row in enumerate(rows, start=1):  # the last number sizes the filter
            for column, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(number, column, value)
                    width = len(value)
                elif isinstance(value, bool):
                    sheet.write_boolean(number, column, value)
                    width = 5
                elif isinstance(value, int | float):
                    sheet.write_number(number, column, value)
                    width = len(repr(value))
                elif isinstance(value, dt.datetime):
                    midnight = value.time() == dt.time(0)
                    sheet.write_datetime(number, column, value, date if midnight else stamp)
                    width = 10 if midnight else 16
                else:  # a date
                    sheet.write_datetime(number, column, dt.datetime.combine(value, dt.time(0)), date)
                    width = 10
                if number <= 200:  # widths from the first rows, as the grid does
                    widths[column] = min(_MAX_WIDTH, max(widths[column], width + 1))
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        if header:
            sheet.autofilter(0, 0, max(1, number), len(header) - 1)


def _csv_text(value: Any, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) > 1 and value.startswith(_FORMULA_START):
            return "'" + value
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        return text.replace(".", decimal)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ",
                                                                                          timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_dialect(lang: str) -> tuple[str, str]:
    """(separator, decimal mark): Swedish Excel splits on ``;`` and reads a decimal comma."""
    return (";", ",") if lang == "sv" else (",", ".")


def _write_csv(target: Path, header: list[str], rows: Iterable[list[Any]], lang: str) -> None:
    separator, decimal = _csv_dialect(lang)
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_text(value, decimal) for value in row])


def _read_back(path: Path, suffix: str, lang: str) -> tuple[int, list[str]]:
    """How many rows the written file has, and its header row, as a reader sees them."""
    found: list[list[Any]]
    if suffix == ".xlsx":
        from python_calamine import CalamineWorkbook

        found = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            found = [list(row) for row in csv.reader(handle, delimiter=_csv_dialect(lang)[0])]
    return len(found), [str(title) for title in found[0]] if found else []
