"""The importer: one sheet of a workbook, or a csv/txt file, read into a :class:`SourceTable`.

Formats: xlsx, xlsm, xls and ods through python-calamine (cached formula values, macros never run);
csv/txt with sniffed encoding, delimiter, decimal mark and line endings; a ``.xls`` that is really an
HTML table or text (web exports) is recognised by its content. What the importer does with a sheet is
described in ``../shared/DESIGN.md``: header detection past title rows, mapping by synonyms, article
rows without blank rows and trailing total rows, values that keep their meaning, findings for what
looks wrong. Every failure is a typed :class:`~workbench.errors.WorkbenchError` naming the file.

Choices made where the design is silent:

- Default sheet: the first visible worksheet whose header can be found (a cover sheet of prose is
  passed over), then hidden ones; :class:`NoHeaderError` when sheets hold data but no header.
- Column names are the header texts, blanks collapsed; a header-less column holding data is named by
  its letter, ``"(F)"``; a repeated header gets ``" (2)"``. Header-less empty columns are left out.
- csv rows are numbered by record (the row Excel shows when it opens the file).
- Article keys and text fields are pandas ``str`` columns (missing = NA). In large csv files (beyond
  the 256 kB sniffing sample) text is stripped in the columns where the sample shows padding.
- A row is a total only among the last rows: "Summa" mid-list is an article row (and is reported
  as a row without key when it has none).
- A ``mapping`` or ``key_column`` naming a header the file lacks is a :class:`UsageError` listing them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from workbench._gc import paused_gc
from workbench.errors import (
    CorruptFileError,
    EmptyWorkbookError,
    FileLockedError,
    FileMissingError,
    NoHeaderError,
    SheetNotFoundError,
    UnsupportedFormatError,
    UsageError,
)
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.formats import XLSX_SUFFIXES
from workbench.messages import problem
from workbench.progress import Progress, report
from workbench.reading import _excel as excel_reader
from workbench.reading import _text as text_reader
from workbench.reading._findings import adopt_review_columns, figure_findings, key_findings, read_review
from workbench.reading._frame import HeaderInfo, blank_rows, frame_columns, grid_columns, headers_of
from workbench.reading._header import HEADER_SEARCH_ROWS, detect_header_row, is_total_row
from workbench.reading._mapping import map_headers, review_language
from workbench.savefile import file_fingerprint
from workbench.table import CsvDialect, Finding, SourceTable

__all__ = ["detect_header_row", "list_sheets", "raw_rows", "read_sheet_rows", "read_table"]

_FALLBACK_KEY_FIELDS = ("supplier_article_no", "gtin")


@dataclass
class _Opened:
    path: Path
    format: str
    book: excel_reader.ExcelBook | None = None
    sample: text_reader.TextSample | None = None

    @property
    def sheets(self) -> list[str]:
        return list(self.book.sheets) if self.book is not None else []


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(text_reader.SAMPLE_BYTES)
    except FileNotFoundError:
        raise FileMissingError(path) from None
    except IsADirectoryError:
        raise FileLockedError(path, detail=problem("detail_folder")) from None
    except PermissionError as error:
        raise FileLockedError(path, detail=error.strerror or "") from None
    except OSError as error:
        raise FileLockedError(path, detail=error.strerror or str(error)) from None


def _open(path: str | Path) -> _Opened:
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise FileMissingError(path)
    head = _read_head(path)
    if not head:
        raise EmptyWorkbookError(path, detail=problem("detail_zero_bytes"))
    if excel_reader.is_zip(head):
        book = excel_reader.open_book(path, "zip", head)
        return _Opened(path, book.format, book=book)
    if excel_reader.is_ole(head):
        book = excel_reader.open_book(path, "ole", head)
        return _Opened(path, book.format, book=book)
    suffix = path.suffix.lower()
    sample = text_reader.sniff_text(path, head, allow_undelimited=suffix not in (".xls", ".xlsx"))
    if sample.html:
        return _Opened(path, "html", sample=sample)
    return _Opened(path, "txt" if suffix == ".txt" else "csv", sample=sample)


def list_sheets(path: str | Path) -> list[str]:
    """The names of the worksheets of a workbook, in order (hidden ones included); ``[]`` for text files."""
    opened = _open(path)
    try:
        return opened.sheets
    finally:
        if opened.book is not None:
            opened.book.close()


def read_sheet_rows(path: str | Path, sheets: Sequence[str]) -> dict[str, list[list[object]]]:
    """The cells of ``sheets`` as the sheet has them, from row 1 and column A (blank cells ``None``):
    the workbook opened once, with the reader's checks, and no header detection or mapping. For sheets
    the app itself writes (the joint workbook's source rows), where the layout is known."""
    opened = _open(path)
    try:
        if opened.book is None:
            raise UnsupportedFormatError(opened.path, detail="not a workbook")
        return {name: _padded(opened.book.read(name), 1 << 31) for name in sheets}
    finally:
        if opened.book is not None:
            opened.book.close()


def _padded(raw: excel_reader.RawSheet, rows: int) -> list[list[object]]:
    out: list[list[object]] = [[] for _ in range(min(raw.first_row, rows))]
    for row in raw.rows[: max(0, rows - len(out))]:
        out.append([None] * raw.first_col + [None if v == "" else v for v in row])
    return out


def raw_rows(path: str | Path, sheet: str | None = None, rows: int = 30) -> list[list[object]]:
    """The first ``rows`` rows of a sheet as found, from sheet row 1 and column A (blanks ``None``).

    ``raw_rows(...)[i][j]`` is the cell at sheet row ``i + 1``, column ``j + 1``; rows may be of
    different lengths. The default sheet is the one :func:`read_table` would pick (or, when no sheet
    has a recognisable header, the first holding data). :func:`detect_header_row` on the result gives
    the 0-based index of the header (sheet row = index + 1).
    """
    opened = _open(path)
    try:
        if opened.sample is not None:
            return [[v if v.strip() else None for v in row] for row in opened.sample.rows[:rows]]
        assert opened.book is not None
        if sheet is not None:
            return _padded(opened.book.read(sheet, limit=rows), rows)
        try:
            raw = excel_reader.choose_sheet(opened.book)[0]
        except NoHeaderError:  # still show the sheet: the user may point at the header
            raw = excel_reader.choose_sheet(opened.book, need_header=False)[0]
        return _padded(raw, rows)
    finally:
        if opened.book is not None:
            opened.book.close()


def _header_index(path: Path, rows: Sequence[Sequence[object]], first_row: int,
                  header_row: int | None, sheet: str | None) -> int:
    if header_row is not None:
        index = header_row - 1 - first_row
        if header_row < 1 or index < 0 or index >= len(rows):
            raise UsageError(path, detail=problem("read_header_row_outside", file=str(path), row=str(header_row)))
        return index
    index = detect_header_row(rows[:HEADER_SEARCH_ROWS])
    if index < 0:
        if not any(any(v not in ("", None) for v in row) for row in rows):
            raise EmptyWorkbookError(path)
        raise NoHeaderError(path, sheet=sheet)
    return index


def _apply_overrides(path: Path, info: HeaderInfo, mapping: Mapping[str, str | None] | None,
                     key_column: str | None) -> tuple[dict[str, str], dict[str, str]]:
    columns, review_columns = map_headers(info.names)
    known = set(info.names)
    problems = []
    for field_name, header in (mapping or {}).items():
        target = review_columns if field_name in review_columns or _is_review(field_name) else columns
        if header in (None, ""):
            target.pop(field_name, None)
        elif header not in known:
            problems.append(problem("read_no_header_for_field", field=field_name, header=header))
        else:
            for table in (columns, review_columns):
                for other in [f for f, h in table.items() if h == header and f != field_name]:
                    del table[other]
            target[field_name] = header
    if key_column is not None:
        if key_column not in known:
            problems.append(problem("read_no_header_for_field", field="key", header=key_column))
        else:
            columns["key"] = key_column
    if problems:
        raise UsageError(path, detail=problem("read_unknown_headers", file=str(path)), problems=problems)
    return columns, review_columns


def _is_review(name: str) -> bool:
    return name in REVIEW_FIELD_NAMES


def _fallback_key(data: pd.DataFrame, columns: dict[str, str]) -> str | None:
    """A key column when none is named like one: the supplier's article number, else the GTIN."""
    for name in _FALLBACK_KEY_FIELDS:
        header = columns.get(name)
        if header is not None and data[header].notna().any():
            return header
    return None


def _trailing_totals(rows: Sequence[Sequence[object]]) -> int:
    count = 0
    for row in reversed(rows):
        if not is_total_row(row):
            break
        count += 1
    return count


@dataclass
class _Options:
    """The user's overrides and the progress callback of one load."""

    header_row: int | None
    mapping: Mapping[str, str | None] | None
    key_column: str | None
    text_columns: set[str]
    progress: Progress | None


_Result = tuple[pd.DataFrame, HeaderInfo, dict[str, str], dict[str, str], list[Finding]]


def _grid_table(path: Path, rows: Sequence[Sequence[object]], first_row: int, first_col: int,
                sheet: str | None, options: _Options, *, decimal: str | None = None,
                text_source: bool = False) -> _Result:
    """The route for cells in memory: calamine's rows, an HTML table, a small or irregular csv."""
    index = _header_index(path, rows, first_row, options.header_row, sheet)
    body = rows[index + 1 :]
    numbers = list(range(first_row + index + 2, first_row + index + 2 + len(body)))
    if text_source:
        keep = [i for i, row in enumerate(body) if row.count("") + row.count(None) < len(row)]
    else:  # calamine writes empty cells as ""
        keep = [i for i, row in enumerate(body) if row.count("") < len(row)]
    totals = _trailing_totals([body[i] for i in keep[-5:]])
    if totals:
        keep = keep[:-totals]
    if len(keep) != len(body):
        body = [body[i] for i in keep]
        numbers = [numbers[i] for i in keep]
    header = list(rows[index])
    width = len(header)
    if text_source:  # csv rows may be ragged
        width = max([width, *map(len, body)])
        header += [""] * (width - len(header))
        body = [list(r) + [""] * (width - len(r)) if len(r) < width else r for r in body]
    cols = list(zip(*body, strict=True)) if body else [()] * width
    info = headers_of(header, first_col, first_row + index + 1,
                      lambda p: any(v not in ("", None) for v in cols[p]))
    columns, review_columns = _apply_overrides(path, info, options.mapping, options.key_column)
    report(options.progress, 1, 3, "convert")
    data, findings = grid_columns(body, info, columns, options.text_columns, decimal, text_source, cols)
    data.index = pd.Index(numbers, name="row", dtype="int64")
    if totals:
        findings.append(Finding("total_rows_skipped", {"count": totals}))
    return data, info, columns, review_columns, findings


def _text_table(path: Path, sample: text_reader.TextSample, options: _Options) -> tuple[_Result, CsvDialect]:
    """The route for csv/txt: small files through the grid, large ones through pandas."""
    dialect = sample.dialect
    rows = sample.rows
    if sample.complete or sample.html:
        return _grid_table(path, rows, 0, 0, None, options, decimal=dialect.decimal,
                           text_source=True), dialect
    index = _header_index(path, rows, 0, options.header_row, None)
    window = rows[index + 1 : index + 1 + text_reader.SAMPLE_ROWS]
    width = max([len(rows[index]), *map(len, window)])
    header = list(rows[index]) + [""] * (width - len(rows[index]))
    info = headers_of(header, 0, index + 1,
                      lambda p: any(p < len(r) and r[p].strip() for r in window))
    columns, review_columns = _apply_overrides(path, info, options.mapping, options.key_column)
    report(options.progress, 1, 3, "convert")
    # The sample decoded as UTF-8, but a later byte may not: Windows-1252 then, latin-1 at last.
    fallbacks = ["cp1252", "latin-1"] if dialect.encoding in ("utf-8", "utf-8-sig") else []
    while True:
        try:
            try:
                data, findings = frame_columns(path, dialect, window, index + 1, width, info, columns,
                                               options.text_columns)
            except text_reader.ParseFallback:
                all_rows = text_reader.read_all_rows(path, dialect)
                return _grid_table(path, all_rows, 0, 0, None, options, decimal=dialect.decimal,
                                   text_source=True), dialect
            break
        except UnicodeDecodeError:
            if not fallbacks:
                raise CorruptFileError(path, detail=problem("undecodable_text")) from None
            dialect = replace(dialect, encoding=fallbacks.pop(0))
    data.index = pd.RangeIndex(index + 2, index + 2 + len(data), name="row")
    blank = blank_rows(data)
    if blank.any():
        data = data[~blank]
    tail = [[None if pd.isna(v) else v for v in row] for row in data.tail(5).itertuples(index=False)]
    totals = _trailing_totals(tail)
    if totals:
        data = data.iloc[:-totals]
        findings.append(Finding("total_rows_skipped", {"count": totals}))
    data.index = pd.Index(data.index.to_numpy(dtype="int64"), name="row", copy=False)
    return (data, info, columns, review_columns, findings), dialect


def read_table(
    path: str | Path,
    sheet: str | None = None,
    *,
    header_row: int | None = None,
    mapping: Mapping[str, str | None] | None = None,
    key_column: str | None = None,
    text_columns: Iterable[str] = (),
    progress: Progress | None = None,
) -> SourceTable:
    """Read one sheet (default: the first with a recognisable header) or a csv/txt file.

    ``header_row`` (1-based sheet row), ``mapping`` (field -> header; ``None`` unmaps a field) and
    ``key_column`` (a header) override what was detected; ``text_columns`` are headers kept as text.
    The data frame is indexed by sheet row (for csv: record number, the row Excel would show).
    Review columns already in the file are read into ``review`` as codes; a value outside its
    vocabulary is kept there as the text found (never dropped) and reported as an
    ``unknown_review_value`` finding with its field, value and row count, so the user can map it.
    Raises a :class:`~workbench.errors.WorkbenchError` subclass naming the file for every bad input.
    """
    path = Path(path)
    options = _Options(header_row, mapping, key_column, set(text_columns), progress)
    # what a shared save compares the file with later (workbooks the writer patches in place); taken
    # before and after reading, so a file replaced meanwhile gets none
    fingerprint = file_fingerprint(path) if path.suffix.lower() in XLSX_SUFFIXES else None
    # Loading creates millions of objects and no reference cycles; the cyclic collector would only
    # rescan them again and again (a third of the load time on large files). The pause is shared with
    # a save running meanwhile in another thread, so neither turns the collector back on under the other.
    with paused_gc():
        table = _read_table(path, sheet, options)
    if fingerprint is not None and file_fingerprint(path) == fingerprint:
        table.fingerprint = fingerprint
    table.read_options = {"header_row": header_row, "mapping": dict(mapping) if mapping else None,
                          "key_column": key_column, "text_columns": tuple(sorted(options.text_columns))}
    return table


def _read_table(path: Path, sheet: str | None, options: _Options) -> SourceTable:
    header_row, progress = options.header_row, options.progress
    report(progress, 0, 3, "open")
    opened = _open(path)
    dialect: CsvDialect | None = None
    date1904 = False
    try:
        if opened.book is not None:
            book = opened.book
            date1904 = book.date1904
            if sheet is not None:
                raw = book.read(sheet)
            elif header_row is not None:
                raw = excel_reader.choose_sheet(book, need_header=False)[0]
            else:
                raw = excel_reader.choose_sheet(book)[0]
            result = _grid_table(path, raw.rows, raw.first_row, raw.first_col, raw.name, options)
            sheet_name: str | None = raw.name
        else:
            assert opened.sample is not None
            if sheet is not None:
                raise SheetNotFoundError(path, sheet=sheet)
            result, dialect = _text_table(path, opened.sample, options)
            sheet_name = None
    finally:
        if opened.book is not None:
            opened.book.close()
    report(progress, 2, 3, "check")
    data, info, columns, review_columns, findings = result
    confirmed = {name for name, header in (options.mapping or {}).items() if header and _is_review(name)}
    adopted = adopt_review_columns(info.index, columns, review_columns, data, confirmed)
    kept_as_data = [h for h in review_columns.values() if h not in adopted.values()]
    if kept_as_data:
        findings.append(Finding("review_name_kept_as_data", {"count": len(kept_as_data),
                                                             "headers": ", ".join(kept_as_data)}))
    review_columns = adopted
    return _finish(path, opened, sheet_name, info, data, columns, review_columns, findings,
                   date1904, None if opened.format == "html" else dialect)


def _finish(path: Path, opened: _Opened, sheet: str | None, info: HeaderInfo, data: pd.DataFrame,
            columns: dict[str, str], review_columns: dict[str, str], findings: list[Finding],
            date1904: bool, dialect: CsvDialect | None) -> SourceTable:
    if "key" not in columns:
        fallback = _fallback_key(data, columns)
        if fallback is not None:
            columns = {"key": fallback, **columns}
            findings.append(Finding("key_fallback", {"header": fallback}))
    keys = data[columns["key"]] if "key" in columns else None
    duplicate_keys, rows_without_key, key_notes = key_findings(keys, len(data))
    review, review_notes = read_review(data, review_columns, unguard=dialect is not None)
    mapped = set(columns.values()) | set(review_columns.values())
    unmapped = [h for h in info.names if h not in mapped]
    all_findings = key_notes + review_notes + findings + figure_findings(data, columns)
    if unmapped:
        all_findings.append(Finding("unmapped_columns", {"count": len(unmapped),
                                                         "headers": ", ".join(unmapped)}))
    language = review_language(review_columns) if review_columns else "sv"
    return SourceTable(
        path=path,
        format=opened.format,
        sheet=sheet,
        sheets=opened.sheets,
        header_row=info.row,
        data=data,
        column_index=dict(info.index),
        columns=columns,
        review_columns=review_columns,
        review=review,
        findings=all_findings,
        duplicate_keys=duplicate_keys,
        rows_without_key=rows_without_key,
        language=language,
        date1904=date1904,
        csv_dialect=dialect,
    )
