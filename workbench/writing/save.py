"""Saving review values into the source file: decisions from a csv (CLI) or the GUI's review state.

``save_review`` is the one writer: it turns review values (codes) into cells — labels in the workbook's
language, scores as numbers, review times as dates — and saves them by the format's own route:
cell-level patch for xlsx/xlsm, field-level rewrite for csv/txt, a new xlsx beside xls/ods files. Every
save goes through :func:`workbench.savefile.atomic_save` with a read-back check. Locking and the
three-way merge (``../shared/DESIGN.md``) happen around it, in the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import pandas as pd

from workbench._gc import gc_paused
from workbench.errors import OutputFormatError, OutputKindError, WorkbenchError
from workbench.fields import REVIEW_FIELD_NAMES
from workbench.formats import TEXT_SUFFIXES
from workbench.messages import text
from workbench.progress import Progress
from workbench.reading import new_review_headers
from workbench.review.decisions import Decisions, check_decisions, decisions_from_csv, read_raw_decisions
from workbench.review.record import set_by_key
from workbench.savefile import atomic_save, file_fingerprint, temporary_path
from workbench.table import SourceTable
from workbench.vocabularies import vocabularies
from workbench.writing._plan import (
    cell_value,
    csv_text,
    plan_columns,
    rows_by_key,
    verify_csv,
    verify_xlsx,
)
from workbench.writing.changes import ChangeSummary
from workbench.writing.convert import convert_to_xlsx, converted_path
from workbench.writing.csv_patch import guard, write_csv_review
from workbench.xlsx.cells import column_letters
from workbench.xlsx.patch import (
    ColumnsInUse,
    NewColumn,
    PatchResult,
    Validation,
    last_used_column,
    patch_xlsx,
    table_ranges,
    verify_patch,
    workbook_ending,
)

XLSX_FORMATS = ("xlsx", "xlsm")

__all__ = ["SaveResult", "apply_decisions", "apply_decisions_file", "save_review"]

# Up to this many written cells, on sheets up to READ_BACK_AREA cells, a second, independent reader
# (python-calamine) also reads the sheet back; the streaming check in verify_patch reads every written
# cell back at every size, this adds a check by other software where it is cheap.
READ_BACK_CELLS = 50_000
READ_BACK_AREA = 1_000_000


@dataclass
class SaveResult:
    """What a save wrote: the file, how many cells and keys, new columns, and whether it is a new
    file (an xls/ods original was kept and an xlsx written beside it)."""

    source: Path
    written: Path
    cells: int = 0
    keys: int = 0
    new_columns: list[str] = field(default_factory=list)
    converted: bool = False
    # new columns (letters) that the sheet hid and the save made visible
    unhidden: list[str] = field(default_factory=list)
    backup: Path | None = None
    # the written file's fingerprint (workbench.savefile.file_fingerprint), taken before it replaced
    # the original; None for csv
    fingerprint: str | None = None

    @property
    def changes(self) -> ChangeSummary:
        """What this save changed, to be worded (:meth:`ChangeSummary.lines`)."""
        return ChangeSummary(self.written, saved=True, cells=self.cells, articles=self.keys,
                             new_columns=tuple(self.new_columns), unhidden=tuple(self.unhidden),
                             converted_from=self.source if self.converted else None)

    def summary(self, lang: str = "sv") -> str:
        """One line or two for the CLI."""
        return self.changes.text(lang)


def _validation(name: str, lang: str) -> Validation | None:
    if name == "env_score":
        return Validation(whole=(1, 5))
    vocab = vocabularies().get(name)
    return Validation(labels=tuple(vocab.labels(lang))) if vocab is not None else None


def _changed_by_field(table: SourceTable, changed: Iterable[tuple[str, str]] | None,
                      index: Mapping[str, list[int]]) -> dict[str, tuple[list[int], list[Any]]]:
    """``field -> (sheet rows, stored values)`` of the cells to write, a field's rows in the order named."""
    review = table.review
    if changed is None:
        rows = [int(r) for r in review.index]
        return {name: (rows, review[name].to_list()) for name in REVIEW_FIELD_NAMES}
    wanted: dict[str, list[int]] = {}
    for key, name in changed:
        places = index.get(str(key))
        if places:
            wanted.setdefault(name, []).extend(places)
    found: dict[str, tuple[list[int], list[Any]]] = {}
    for name, rows in wanted.items():
        rows = list(dict.fromkeys(rows))  # a cell named twice is written once
        values = review[name].to_numpy(dtype=object)[review.index.get_indexer(rows)]
        found[name] = (rows, values.tolist())
    return found


@gc_paused
def save_review(table: SourceTable, changed: Iterable[tuple[str, str]] | None = None, *,
                output: Path | None = None, progress: Progress | None = None) -> SaveResult:
    """Write the review values of ``table`` into its file (or ``output``).

    ``changed`` lists ``(key, field)`` cells to write (all rows with that key get the current value
    of ``table.review``); ``None`` writes every review cell. Review columns the file lacks are added
    (all of them when it has none). On success ``table.review_columns`` and ``table.column_index``
    name the new columns, so later saves find them.
    """
    return _save_review(table, changed, output, progress, rows_by_key(table))


def _save_review(table: SourceTable, changed: Iterable[tuple[str, str]] | None, output: Path | None,
                 progress: Progress | None, index: Mapping[str, list[int]]) -> SaveResult:
    source = Path(table.path)
    by_field = _changed_by_field(table, changed, index)
    lang = table.language if table.language in ("sv", "en") else "sv"
    # the route follows the content, as the reader did: an HTML table or a binary xls under an .xls or
    # .xlsx name is converted like any xls
    is_xlsx = table.format in XLSX_FORMATS
    converted = not is_xlsx and table.format not in ("csv", "txt")
    target = Path(output) if output is not None else (converted_path(source) if converted else source)
    if output is not None and (is_xlsx or converted):
        _check_output_kind(source, target, ".xlsx" if converted else workbook_ending(source))
    if not is_xlsx and not converted and target.suffix.lower() not in TEXT_SUFFIXES:
        # the csv is rewritten field by field: its text under a workbook's name opens nowhere
        raise OutputFormatError(target, suffix=target.suffix or "''")
    needed = {name for name, (_, values) in by_field.items() if any(v is not None for v in values)}
    # New columns go right of the last column holding anything. The table shows where its columns
    # end; an xlsx patch checks while it streams that nothing lies further right (a second pass after
    # a scan of the sheet when something does), which saves a pass over a large sheet.
    extent: tuple[int, int] | None = None
    right_edge = _last_column(table)
    columns, new_fields = plan_columns(table, needed, right_edge)
    if new_fields and is_xlsx:
        right_edge = max(right_edge, _tables_edge(table))
        columns, new_fields = plan_columns(table, needed, right_edge)
    cells = _cells(by_field, columns, lang)
    headers = new_review_headers(new_fields, lang, table.column_index)
    written_rows = {row for rows, _ in by_field.values() for row in rows}
    keys = sum(1 for rows in index.values() if any(r in written_rows for r in rows))
    del written_rows
    result = SaveResult(source, target, len(cells), keys, headers, converted)
    del by_field  # a large save holds several mappings of every cell: keep only the one written
    if is_xlsx or converted:
        # the header cells go in with the values, so the patch need not copy a large mapping to add them
        cells.update({(table.header_row, columns[name]): header
                      for name, header in zip(new_fields, headers, strict=True)})
        data_rows = (table.header_row + 1, max([int(i) for i in table.data.index], default=table.header_row))

        def patch(base: Path, temp: Path, sheet: str | None) -> PatchResult:
            nonlocal columns, new_fields, cells, extent
            free_from = min((columns[n] for n in new_fields), default=None) if is_xlsx else None
            while True:
                new_columns = [NewColumn(columns[name], header, _validation(name, lang))
                               for name, header in zip(new_fields, headers, strict=True)]
                merge = {columns[n]: vocabularies()[n].labels(lang) for n in ("usage", "future_need", "decision")
                         if n in columns and n not in new_fields}
                try:
                    return patch_xlsx(base, temp, sheet, cells, header_row=table.header_row,
                                      new_columns=new_columns, data_rows=data_rows, merge_lists=merge,
                                      progress=progress, free_from=free_from, check_while_writing=True,
                                      key_col=_key_col(table))
                except ColumnsInUse:
                    extent = last_used_column(base, sheet)
                    planned = columns
                    columns, new_fields = plan_columns(table, needed, max(extent[1], right_edge))
                    move = {planned[name]: columns[name] for name in planned}
                    cells = {(row, move[col]): value for (row, col), value in cells.items()}
                    free_from = None

        patched: list[PatchResult] = []
        sheet_names: list[str | None] = [table.sheet]

        def write(temp: Path) -> None:
            base = source
            if converted:
                base = temporary_path(target.with_suffix(".xlsx"))
                renamed = convert_to_xlsx(source, base, progress, html=table.format == "html")
                sheet_names[:] = [renamed.get(table.sheet or "", table.sheet)] if table.sheet else [None]
            try:
                patched[:] = [patch(base, temp, sheet_names[0])]
            finally:
                if converted:
                    base.unlink(missing_ok=True)

        def verify(temp: Path) -> None:
            check(temp)
            result.fingerprint = file_fingerprint(temp)  # the bytes that are about to replace the file

        def check(temp: Path) -> None:
            verify_patch(temp, patched[0])
            expected = patched[0].cells
            if len(expected) > READ_BACK_CELLS:
                return  # verify_patch has read every written cell back; calamine would cost seconds
            known = extent or (max([0, *(int(r) for r in table.data.index)]), _last_column(table))
            written_extent = (max([known[0], *(r for r, _ in expected)]),
                              max([known[1], *(c for _, c in expected)]))
            if written_extent[0] * (written_extent[1] + 1) <= READ_BACK_AREA:
                verify_xlsx(temp, sheet_names[0], expected, None if extent is None else written_extent)

        try:
            result.backup = atomic_save(target, write, verify)
            result.unhidden = [column_letters(c) for c in patched[0].unhidden]
        finally:
            # a failure between the patch and its verification must not leave the read-back helper waiting
            if patched and patched[0].stream_check is not None:
                patched[0].stream_check.abort()
                patched[0].stream_check = None
    else:
        assert table.csv_dialect is not None, "a csv table carries its dialect"
        dialect = table.csv_dialect
        # text a spreadsheet would run as a formula is guarded (a comment "=1+1" stays text)
        texts = {pos: guard(t) if isinstance(v, str) and t is not None else t
                 for pos, v in cells.items() for t in (csv_text(v, dialect),)}
        texts.update({(table.header_row, columns[n]): h for n, h in zip(new_fields, headers, strict=True)})
        # new columns widen the table: every record is written to the new width
        width = max(columns[n] for n in new_fields) + 1 if new_fields else None

        def write_csv(temp: Path) -> None:
            write_csv_review(source, temp, dialect, texts, width=width)

        result.backup = atomic_save(target, write_csv, lambda temp: verify_csv(temp, dialect, texts))
    for name, header in zip(new_fields, headers, strict=True):
        table.review_columns[name] = header
        table.column_index[header] = columns[name]
    return result


def _cells(by_field: Mapping[str, tuple[list[int], list[Any]]], columns: Mapping[str, int],
           lang: str) -> dict[tuple[int, int], Any]:
    """``(row, column) -> cell value`` of the values whose field has a column."""
    cells: dict[tuple[int, int], Any] = {}
    for name, (rows, values) in by_field.items():
        column = columns.get(name)
        if column is None:
            continue
        memo: dict[Any, Any] = {}

        def convert(value: Any, name: str = name, memo: dict[Any, Any] = memo) -> Any:
            try:
                return memo[value]
            except KeyError:
                cell = cell_value(name, value, lang)
                if len(memo) < _MEMO_LIMIT:
                    memo[value] = cell
                return cell
            except TypeError:  # unhashable: not a vocabulary value anyway
                return cell_value(name, value, lang)

        cells.update(zip(zip(rows, repeat(column)), map(convert, values), strict=True))
    return cells


_MEMO_LIMIT = 10_000


def _last_column(table: SourceTable) -> int:
    return max(table.column_index.values(), default=-1)


def _check_output_kind(source: Path, target: Path, needed: str) -> None:
    """Refuse an output name whose ending Excel would not open this kind of workbook under."""
    if target.suffix.lower() == needed:
        return
    why = {".xlsm": "kind_macros", ".xlsx": "kind_plain"}.get(needed, "kind_template")
    raise OutputKindError(target, needed=needed, source=str(source), why_sv=text(why, "sv"),
                          why_en=text(why, "en"))


def _key_col(table: SourceTable) -> int | None:
    key = table.key_column
    return table.column_index.get(key) if key is not None else None


def _tables_edge(table: SourceTable) -> int:
    """The last column of the Excel tables beside the list (not holding its key) whose rows meet the
    list's: new review columns go right of them, never into them (a pivot's source would take them in)."""
    try:
        ranges = table_ranges(Path(table.path), table.sheet)
    except (WorkbenchError, OSError, KeyError, ValueError):
        return -1  # the patch itself names what is wrong with the file
    key = _key_col(table)
    last_row = int(table.data.index.max()) if len(table.data) else table.header_row
    return max([c2 for r1, c1, r2, c2 in ranges
                if r1 <= last_row and r2 >= table.header_row and not (key is not None and c1 <= key <= c2)],
               default=-1)


@gc_paused
def apply_decisions(table: SourceTable, decisions: pd.DataFrame | Mapping[str, Mapping[str, Any]], *,
                    output: Path | None = None, progress: Progress | None = None) -> SaveResult:
    """Check ``decisions`` (key -> {field: value}, or a frame with a ``key`` column), set them in
    ``table.review`` and save the changed cells. Nothing is written (and ``table`` is unchanged) when
    any key, field or value is invalid: :class:`~workbench.errors.InvalidDecisionsError` lists them."""
    if isinstance(decisions, pd.DataFrame):
        frame = decisions.set_index("key") if "key" in decisions.columns else decisions
        mapping: dict[str, dict[str, Any]] = {
            str(k): {c: (None if pd.isna(v) else v) for c, v in row.items()}
            for k, row in frame.to_dict(orient="index").items()}
    else:
        mapping = {str(k): dict(v) for k, v in decisions.items()}
    checked = check_decisions(table, mapping)
    return _apply_checked(table, checked, output, progress)


def _apply_checked(table: SourceTable, checked: Decisions, output: Path | None,
                   progress: Progress | None) -> SaveResult:
    index = rows_by_key(table)
    set_by_key(table, ((key, name, value) for key, values in checked.items() for name, value in values.items()),
               index)
    # a generator, not a set: with 100,000 keys the set alone would cost tens of megabytes
    changed = ((key, name) for key, values in checked.items() for name in values)
    return _save_review(table, changed, output, progress, index)


@gc_paused
def apply_decisions_file(path: Path, decisions_path: Path, *, sheet: str | None = None,
                         output: Path | None = None, progress: Progress | None = None,
                         read: Mapping[str, Any] | None = None) -> SaveResult:
    """``workbench apply``: read ``path``, check the decisions csv, write them by the save protocol.
    ``read`` holds further :func:`~workbench.reading.importer.read_table` options (a ``sheet`` there wins)."""
    from workbench.reading.importer import read_table

    # the decisions file is read while calamine reads the workbook (it releases the GIL)
    with ThreadPoolExecutor(max_workers=1) as pool:
        raw = pool.submit(read_raw_decisions, Path(decisions_path))
        table = read_table(Path(path), **{"sheet": sheet, **(read or {})})
        table.keep_keys_only()
        checked = decisions_from_csv(table, Path(decisions_path), raw.result())
        del raw  # the file's rows as read: tens of megabytes on a large file, not needed while writing
    return _apply_checked(table, checked, output, progress)
