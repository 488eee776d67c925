"""The file endings the app knows, declared once (the reader sniffs a file's kind from its bytes; these
say what a name promises and what a written file must be called)."""

from __future__ import annotations

__all__ = ["SPREADSHEET_SUFFIXES", "TEXT_SUFFIXES", "WORKBOOK_SUFFIXES", "XLSX_SUFFIXES"]

XLSX_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")
"""Workbooks saved in place, cell by cell."""

WORKBOOK_SUFFIXES: tuple[str, ...] = (*XLSX_SUFFIXES, ".xls", ".ods")
"""Spreadsheet workbooks (xls and ods are saved as a new xlsx beside them)."""

TEXT_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
"""Delimited text, written back field by field in its own dialect."""

SPREADSHEET_SUFFIXES: tuple[str, ...] = (*WORKBOOK_SUFFIXES, ".csv", ".txt")
"""What the app offers to open (the file dialog's filter, drag and drop)."""
