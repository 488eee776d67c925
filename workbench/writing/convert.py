"""Turning an xls or ods workbook into a new xlsx, so decisions can be saved (the original stays).

Legacy and OpenDocument files cannot be patched in place; the values of every sheet are copied into a
new ``.xlsx`` beside the original, and the caller patches the decisions into that copy. Formatting,
charts and formulas are not carried over (the values are), which the result says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import python_calamine
import xlsxwriter

from workbench.errors import CorruptFileError, WriteError
from workbench.progress import Progress, report


def converted_path(source: Path) -> Path:
    """Where the xlsx copy of ``source`` goes: ``name.xlsx`` beside it, or ``name (2).xlsx`` etc.
    when that exists already (a file we did not write is never overwritten)."""
    candidate = source.with_suffix(".xlsx")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem} ({number}).xlsx")
        number += 1
    return candidate


def _write_value(sheet: Any, row: int, col: int, value: Any, date_format: Any, time_format: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)
    elif isinstance(value, dt.datetime | dt.date):
        sheet.write_datetime(row, col, value, date_format)
    elif isinstance(value, dt.time):
        sheet.write_datetime(row, col, value, time_format)
    elif isinstance(value, dt.timedelta):
        sheet.write_number(row, col, value.total_seconds() / 86400, time_format)
    else:
        sheet.write_string(row, col, str(value))  # text stays text: "=1+1" is never a formula


def xlsx_sheet_names(names: list[str]) -> dict[str, str]:
    """Each sheet name as it can be in xlsx: at most 31 characters, none of ``[]:*?/\\``, unique."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31] or "Blad"
        candidate, number = clean, 2
        while candidate.casefold() in used:
            suffix = f" ({number})"
            candidate, number = clean[:31 - len(suffix)] + suffix, number + 1
        used.add(candidate.casefold())
        result[name] = candidate
    return result


def _open_book(source: Path) -> Any:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(source))
    except Exception as error:  # calamine raises its own error types for damaged files
        try:  # calamine trusts the name; an old xls named .xlsx is read by its content
            with open(source, "rb") as handle:
                return python_calamine.CalamineWorkbook.from_filelike(handle)
        except Exception:
            raise CorruptFileError(source, detail=str(error)) from error


def _html_rows(source: Path) -> list[list[Any]]:
    """The cells of an HTML table (a web export named .xls), as text: as the importer read them."""
    from workbench.reading import SAMPLE_BYTES, sniff_text

    with open(source, "rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    return [list(row) for row in sniff_text(source, head).rows]


def convert_to_xlsx(source: Path, target: Path, progress: Progress | None = None, *,
                    html: bool = False) -> dict[str, str]:
    """Write the values of every sheet of ``source`` (xls, xlsx, ods; an HTML table with ``html``) into a
    new workbook ``target``; returns each original sheet name's name in ``target`` (see
    :func:`xlsx_sheet_names`)."""
    workbook = None if html else _open_book(source)
    names = list(workbook.sheet_names) if workbook is not None else ["Blad1"]
    renamed = xlsx_sheet_names(names)
    try:
        book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas": False,
                                                 "strings_to_numbers": False, "strings_to_urls": False})
        date_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        time_format = book.add_format({"num_format": "hh:mm:ss"})
        for index, name in enumerate(names):
            report(progress, index, len(names), "convert")
            sheet = book.add_worksheet(renamed[name])
            if workbook is None:
                rows = _html_rows(source)
            else:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    _write_value(sheet, r, c, value, date_format, time_format)
        book.close()
    except (OSError, xlsxwriter.exceptions.XlsxWriterException) as error:
        raise WriteError(target, detail=str(error)) from error
    return renamed
