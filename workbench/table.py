"""The source table: one sheet (or csv) as read, with its mapping, review values and findings.

This is the data model every capability shares (``../shared/DESIGN.md``). The importer builds it; the
review model edits its ``review`` frame; the writer saves that frame back into the file.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.fields import REVIEW_FIELD_NAMES


def _key_text(key: Any) -> str | None:
    if key is None or (isinstance(key, float) and math.isnan(key)):
        return None
    return str(key)


def key_rows(keys: pd.Series) -> dict[str, list[int]]:
    """Row labels of every key, in sheet order (a duplicated key has several)."""
    found: dict[str, list[int]] = {}
    for row, key in zip(keys.index.tolist(), keys.to_numpy(dtype=object).tolist(), strict=True):
        text = key if key.__class__ is str else _key_text(key)
        if text is None:
            continue
        rows = found.get(text)
        if rows is None:
            found[text] = [int(row)]
        else:
            rows.append(int(row))
    return found


@dataclass(frozen=True)
class Finding:
    """A non-blocking observation about the file, for a banner or the CLI's warnings.

    ``code`` names a message in :mod:`workbench.messages`; ``params`` fill it (``count`` usually).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "sv") -> str:
        from workbench.messages import text

        return text(self.code, lang, **self.params)


@dataclass(frozen=True)
class CsvDialect:
    """How a csv/txt file was written, so that it can be written back the same way."""

    encoding: str  # python codec name, e.g. "utf-8-sig", "cp1252", "utf-16"
    delimiter: str
    decimal: str  # "." or ","
    quotechar: str = '"'
    line_terminator: str = "\r\n"
    quote_all: bool = False


@dataclass
class SourceTable:
    """One sheet of a workbook (or one csv file) read into the data model.

    ``data`` holds every column as found (column names are the headers, made unique with `` (2)``
    suffixes where the file repeats one), indexed by the 1-based sheet row number of each article row.
    ``review`` is aligned with ``data`` and holds the review record as codes (``None`` when empty);
    ``columns`` and ``review_columns`` map canonical fields to headers of ``data``; ``column_index``
    gives each header's 0-based column in the sheet, which the writer needs.
    """

    path: Path
    format: str
    sheet: str | None
    sheets: list[str]
    header_row: int
    data: pd.DataFrame
    column_index: dict[str, int]
    columns: dict[str, str]
    review_columns: dict[str, str]
    review: pd.DataFrame
    findings: list[Finding] = field(default_factory=list)
    duplicate_keys: list[str] = field(default_factory=list)
    rows_without_key: int = 0
    language: str = "sv"
    date1904: bool = False
    csv_dialect: CsvDialect | None = None
    # the read file's fingerprint (workbench.savefile.file_fingerprint; xlsx/xlsm only), None when the
    # file changed while it was read
    fingerprint: str | None = None
    # the choices it was read with (read_table's header_row, mapping, key_column, text_columns), so that
    # a re-read of the file under the save lock finds the same key and columns
    read_options: dict[str, Any] = field(default_factory=dict)

    @property
    def key_column(self) -> str | None:
        return self.columns.get("key")

    @property
    def keys(self) -> pd.Series:
        """The article key of every row (text, as shown in the file)."""
        if self.key_column is None:
            return pd.Series([None] * len(self.data), index=self.data.index, dtype=object)
        return self.data[self.key_column]

    @property
    def row_count(self) -> int:
        return len(self.data)

    def article_names(self) -> dict[str, str]:
        """Every article key (once, in sheet order) with its name from its first row; ``""`` when the row
        or the table has none."""
        keys = self.keys.to_numpy(dtype=object)
        name = self.columns.get("name")
        names = self.data[name].to_numpy(dtype=object) if name is not None and name in self.data.columns else None
        found: dict[str, str] = {}
        for i, key in enumerate(keys):
            if isinstance(key, str) and key not in found:
                value = names[i] if names is not None else None
                empty = value is None or (not isinstance(value, str) and bool(pd.isna(value)))
                found[key] = "" if empty else str(value)
        return found

    def names_of(self, keys: Iterable[str]) -> dict[str, str]:
        """The article name of each of ``keys`` the table has a name for, to show an article by name."""
        names = self.article_names()
        return {key: names[key] for key in map(str, keys) if names.get(key)}

    def keep_keys_only(self) -> None:
        """Drop every column of ``data`` but the key (the rows stay): what the writer needs is the keys,
        the review and the column positions, so a command that only writes (``workbench apply``) frees
        most of a large table's memory before it builds the cells. ``columns`` and ``column_index``
        still name where the dropped columns are in the sheet."""
        key = self.key_column
        self.data = self.data[[key]] if key is not None and key in self.data.columns else self.data.iloc[:, :0]

    def inspection(self) -> dict[str, Any]:
        """What ``workbench inspect --json`` prints (keys fixed by the CLI contract)."""
        return {
            "file": str(self.path),
            "sheet": self.sheet,
            "header_row": self.header_row,
            "key_column": self.key_column,
            "rows": self.row_count,
            "columns": dict(self.columns),
            "review_columns": dict(self.review_columns),
            "duplicate_keys": list(self.duplicate_keys),
            "rows_without_key": self.rows_without_key,
            "warnings": [f.message(self.language_for_messages()) for f in self.findings],
        }

    @staticmethod
    def language_for_messages() -> str:
        from workbench.messages import current_language

        return current_language()


def empty_review(index: pd.Index) -> pd.DataFrame:
    """A review frame with every field empty, aligned to ``index``."""
    # Every field starts as a view of one None-filled array (numpy fills object arrays with None):
    # 8 bytes a row instead of 8 per field, fresh memory whose page faults cost a large csv's load up
    # to 0.15 s on a busy machine. pandas' copy-on-write tracks the shared array, so the first write
    # into a field copies that field's column alone.
    empty = pd.Series(np.empty(len(index), dtype=object), index=index, dtype=object, copy=False)
    return pd.DataFrame(dict.fromkeys(REVIEW_FIELD_NAMES, empty), index=index, dtype=object, copy=False)
