"""A first look at a small workbook: its header and rows as the file has them, without pandas.

The app shows this read-only while the full load (typed values, column mapping, findings, the review
session: pandas) runs, so a user sees the file at once. It picks the sheet and header row the way the
loader does; anything it cannot read quickly or at all gives ``None`` and the full load reports.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.formats import WORKBOOK_SUFFIXES
from workbench.reading import _excel as excel_reader
from workbench.reading._header import HEADER_SEARCH_ROWS, detect_header_row
from workbench.xlsx.cells import column_letters

log = logging.getLogger(__name__)

PREVIEW_MAX_BYTES = 1 << 20
"""Larger workbooks are not previewed: the preview is read on the window's thread, and a 1 MB xlsx
(about 8,000 rows of 20 columns) already takes ~0.1 s (a 3.7 MB one ~0.5 s, a frozen window); for
those the full load's progress bar is the better answer."""


@dataclass(frozen=True)
class Preview:
    """The header texts and the data rows (blank rows left out, with their 1-based sheet row numbers) of
    one sheet, as calamine reads them."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]


def read_preview(path: Path, sheet: str | None = None, header_row: int | None = None,
                 max_bytes: int = PREVIEW_MAX_BYTES) -> Preview | None:
    """The preview of ``path`` (``sheet`` and 1-based ``header_row`` as remembered, else found as the
    loader finds them), or None when it is not a small workbook or cannot be read."""
    path = Path(path)
    try:
        if path.suffix.lower() not in WORKBOOK_SUFFIXES or path.stat().st_size > max_bytes:
            return None
        with path.open("rb") as handle:
            head = handle.read(8)
        kind = "zip" if excel_reader.is_zip(head) else "ole" if excel_reader.is_ole(head) else None
        if kind is None:
            return None
        book = excel_reader.open_book(path, kind, head)
        try:
            if sheet is not None:
                raw = book.read(sheet)
                index = detect_header_row(raw.rows[:HEADER_SEARCH_ROWS])
            else:
                raw, index = excel_reader.choose_sheet(book, need_header=header_row is None)
        finally:
            book.close()
        if header_row is not None:
            index = header_row - 1 - raw.first_row
        if not 0 <= index < len(raw.rows):
            return None
        width = max((len(row) for row in raw.rows), default=0)
        headers = [_header_text(value, raw.first_col + i) for i, value in enumerate(raw.rows[index])]
        headers += [_header_text("", raw.first_col + i) for i in range(len(headers), width)]
        numbered = [(raw.first_row + i + 1, row) for i, row in enumerate(raw.rows) if i > index
                    and any(value != "" for value in row)]
        return Preview(path, raw.name, raw.first_row + index + 1, headers, [row for _, row in numbered],
                       [n for n, _ in numbered])
    except Exception:  # any problem is the full load's to report, with its own message
        log.info("No preview of %s", path, exc_info=True)
        return None


def _header_text(value: Any, col: int) -> str:
    text = str(value).strip() if value is not None else ""
    return text or column_letters(col)
