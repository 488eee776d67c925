"""Cell references, date serials and the XML of the cells the writer emits (private to the writer)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

CellValue = str | int | float | dt.datetime | dt.date | None
"""What a patched cell holds: text, a number, a date/time (written as a serial with a date style), or
``None`` to clear the value (the cell keeps its style)."""

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Excel reads "_xHHHH_" in strings as an escaped character; a literal one must have its "_" escaped.
_EXCEL_ESCAPE_LIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]+)$")

_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


_LETTERS: dict[int, str] = {}
_NEEDS_ESCAPE = re.compile("[&<>\r_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def column_letters(col: int) -> str:
    """``0`` -> ``"A"``, ``26`` -> ``"AA"`` (0-based column index to letters)."""
    cached = _LETTERS.get(col)
    if cached is not None:
        return cached
    if col < 0:
        raise ValueError(f"negative column {col}")
    letters = ""
    rest = col + 1
    while rest:
        rest, rem = divmod(rest - 1, 26)
        letters = chr(65 + rem) + letters
    _LETTERS[col] = letters
    return letters


def column_index(letters: str) -> int:
    """``"A"`` -> ``0`` (letters to 0-based column index)."""
    value = 0
    for char in letters.upper():
        value = value * 26 + (ord(char) - 64)
    return value - 1


def cell_ref(row: int, col: int) -> str:
    """A1 reference of 1-based ``row`` and 0-based ``col``."""
    return f"{column_letters(col)}{row}"


def parse_ref(ref: str) -> tuple[int, int]:
    """``"C7"`` -> ``(7, 2)``: 1-based row, 0-based column."""
    match = _CELL_REF.match(ref.strip())
    if match is None:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)), column_index(match.group(1))


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """``"A1:C9"`` (or ``"B2"``) -> ``(row1, col1, row2, col2)``, rows 1-based, columns 0-based."""
    first, _, last = ref.strip().partition(":")
    r1, c1 = parse_ref(first)
    r2, c2 = parse_ref(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def format_range(r1: int, c1: int, r2: int, c2: int) -> str:
    if (r1, c1) == (r2, c2):
        return cell_ref(r1, c1)
    return f"{cell_ref(r1, c1)}:{cell_ref(r2, c2)}"


def clean_text(text: str) -> str:
    """Text made storable in XML: characters XML 1.0 forbids are dropped (they cannot be stored)."""
    return _ILLEGAL_XML.sub("", text)


def escape_text(text: str) -> str:
    """Escape cell text for element content (keeps carriage returns, which parsers would fold)."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    text = clean_text(text)
    text = _EXCEL_ESCAPE_LIKE.sub(r"_x005F_\1", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def escape_attr(text: str) -> str:
    return (clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;"))


def date_serial(value: dt.datetime | dt.date, date1904: bool = False) -> float:
    """The spreadsheet serial number of ``value`` in the 1900 or 1904 date system.

    Timezone-aware values are written as their wall-clock time (spreadsheets have no zones).
    """
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    value = value.replace(tzinfo=None)
    epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
    delta = value - epoch
    serial = delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000
    if not date1904 and serial < 61:
        serial -= 1  # Excel's fictitious 1900-02-29 shifts every serial from 1900-03-01 on
    return serial


def format_number(value: float | int) -> str:
    """Shortest text that reads back as the same float; integers without a decimal point."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("NaN and infinity cannot be stored in a cell")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def is_date(value: Any) -> bool:
    return isinstance(value, dt.date)


def cell_xml(prefix: str, ref: str, value: CellValue, style: str | None, date_style: str | None,
             date1904: bool) -> str:
    """The ``<c>`` element for ``value`` at ``ref``.

    Text is always an inline string (``sharedStrings.xml`` stays untouched, and a text that starts with
    ``=`` is text, never a formula); dates are serials with ``date_style`` (or ISO text when the
    workbook has no styles part to hold a date style).
    """
    style_attr = f' s="{style}"' if style is not None else ""
    if type(value) is str:
        return _inline(prefix, ref, style_attr, value)
    if value is None:
        return f'<{prefix}c r="{ref}"{style_attr}/>'
    if isinstance(value, dt.date):
        if date_style is None:
            text = value.isoformat(sep=" ", timespec="minutes") if isinstance(value, dt.datetime) \
                else value.isoformat()
            return _inline(prefix, ref, style_attr, text)
        number = format_number(round(date_serial(value, date1904), 10))
        return f'<{prefix}c r="{ref}" s="{date_style}"><{prefix}v>{number}</{prefix}v></{prefix}c>'
    if isinstance(value, bool):
        return f'<{prefix}c r="{ref}"{style_attr} t="b"><{prefix}v>{int(value)}</{prefix}v></{prefix}c>'
    if isinstance(value, int | float):
        return f'<{prefix}c r="{ref}"{style_attr}><{prefix}v>{format_number(value)}</{prefix}v></{prefix}c>'
    return _inline(prefix, ref, style_attr, str(value))


def _inline(prefix: str, ref: str, style_attr: str, text: str) -> str:
    return (f'<{prefix}c r="{ref}"{style_attr} t="inlineStr"><{prefix}is>'
            f'<{prefix}t xml:space="preserve">{escape_text(text)}</{prefix}t></{prefix}is></{prefix}c>')
