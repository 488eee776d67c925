"""Writing a patched package: one or more sheets streamed with their edits, the few parts a change
needs rewritten (styles, tables), every other member copied with its compressed bytes (private).

:func:`workbench.xlsx.patch.patch_xlsx` (one sheet, with the save's options) and
:func:`workbench.xlsx.patch.patch_sheets` (several sheets, rows appended) both plan their sheets as
:class:`SheetPlan` and write them here in one pass over the package.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import CorruptFileError, SheetNotFoundError, WriteError
from workbench.progress import Progress
from workbench.xlsx._extent import last_content_row
from workbench.xlsx._grow import grow_filter_names, grow_table_rows, grow_tail_rows
from workbench.xlsx._new_sheet import Additions, NewSheet, plan_additions, write_added
from workbench.xlsx._package import PackageInfo, SheetInfo, read_package, table_parts
from workbench.xlsx._rows import SheetEdits
from workbench.xlsx._sheet import patch_sheet_stream
from workbench.xlsx._stream import ColumnsInUse
from workbench.xlsx._styles import date_styles
from workbench.xlsx._tables import grow_table
from workbench.xlsx._tail import Validation, edit_tail
from workbench.xlsx._zip import copy_member_raw, new_member_info, write_member
from workbench.xlsx.cells import CellValue, column_letters
from workbench.xlsx.check_worker import StreamCheck, wanted

_MISSING = object()
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384


@dataclass(frozen=True)
class NewColumn:
    """A review column to add: its 0-based sheet column, header text and optional validation."""

    col: int
    header: str
    validation: Validation | None = None


@dataclass
class PatchResult:
    """What :func:`~workbench.xlsx.patch.patch_xlsx` or :func:`~workbench.xlsx.patch.patch_sheets`
    changed. ``sheet_part``, ``cells``, ``table_grown`` and ``unhidden`` are the first patched sheet's;
    ``sheet_cells`` holds every patched sheet's cells by part."""

    sheet_part: str
    changed_parts: list[str] = field(default_factory=list)
    cells_written: int = 0
    table_grown: str | None = None
    # new columns (0-based) that were hidden in the sheet and are shown now
    unhidden: list[int] = field(default_factory=list)
    date1904: bool = False
    cells: Mapping[tuple[int, int], CellValue] = field(default_factory=dict, repr=False)
    # the helper process reading a large sheet back while it was written (see _check_worker)
    stream_check: StreamCheck | None = field(default=None, repr=False, compare=False)
    sheet_cells: dict[str, Mapping[tuple[int, int], CellValue]] = field(default_factory=dict, repr=False)
    # table parts whose range was stretched over appended rows
    tables_grown_down: list[str] = field(default_factory=list)


@dataclass
class SheetPlan:
    """One sheet's share of a patch, as the caller gave it (see ``patch_xlsx`` for the meaning)."""

    name: str | None
    cells: Mapping[tuple[int, int], CellValue]
    header_row: int | None = None
    new_columns: Sequence[NewColumn] = ()
    data_rows: tuple[int, int] | None = None
    merge_lists: Mapping[int, Sequence[str]] | None = None
    free_from: int | None = None
    key_col: int | None = None
    grow_to_row: int | None = None
    style_from_above: bool = False
    last_row: int | None = None  # the old last row holding a value, when the caller knows it


@dataclass
class _Sheet:
    """A plan resolved against the package: the part, the edits and what the tail needs."""

    plan: SheetPlan
    info: SheetInfo
    edits: SheetEdits
    validations: list[tuple[str, Validation]]
    autofilter: tuple[int, int, int] | None = None
    table_grown: str | None = None
    grow: tuple[int, int] | None = None  # (old last data row, new last data row)

    def tail(self, tail: bytes, prefix: bytes) -> bytes:
        tail = edit_tail(tail, prefix, validations=self.validations, merge_lists=self.plan.merge_lists,
                         autofilter_grow=None if self.table_grown else self.autofilter)
        return tail if self.grow is None else grow_tail_rows(tail, *self.grow)


class _Share(Progress):
    """One sheet's progress as a share of the whole patch's."""

    def __init__(self, outer: Progress, before: int, total: int) -> None:
        super().__init__()
        self._outer, self._before, self._total = outer, before, total

    def check(self) -> None:
        self._outer.check()

    def report(self, done: int, total: int, stage: str = "") -> None:
        self._outer.report(self._before + done, self._total, stage)


def open_package(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise CorruptFileError(path, detail=str(error)) from error


def package_of(zf: zipfile.ZipFile, path: Path) -> PackageInfo:
    try:
        return read_package(zf)
    except (KeyError, ValueError, SyntaxError) as error:  # missing part, invalid XML
        raise CorruptFileError(path, detail=str(error)) from error


def sheet_of(package: PackageInfo, path: Path, sheet_name: str | None) -> SheetInfo:
    if not package.sheets:
        raise CorruptFileError(path, detail="no worksheets")
    try:
        return package.sheet(sheet_name)
    except KeyError:
        raise SheetNotFoundError(path, sheet=sheet_name) from None


def _check_limits(dst: Path, plan: SheetPlan) -> None:
    outside = [(r, c) for r, c in plan.cells if not (1 <= r <= MAX_ROWS and 0 <= c < MAX_COLUMNS)]
    outside += [(plan.header_row or 0, c.col) for c in plan.new_columns if not 0 <= c.col < MAX_COLUMNS]
    if plan.grow_to_row is not None and not 1 <= plan.grow_to_row <= MAX_ROWS:
        outside.append((plan.grow_to_row, 0))
    if outside:
        raise WriteError(dst, detail=f"cell outside the sheet's limits: row {outside[0][0]}, "
                                     f"column {outside[0][1] + 1}")


def _with_headers(plan: SheetPlan) -> tuple[Mapping[tuple[int, int], CellValue], dict[tuple[int, int], int],
                                            list[tuple[str, Validation]]]:
    """The cells with the new columns' headers, which cells copy a style, and the new validations."""
    headers: dict[tuple[int, int], CellValue] = {}
    style_like: dict[tuple[int, int], int] = {}
    validations: list[tuple[str, Validation]] = []
    header_row, data_rows = plan.header_row, plan.data_rows
    if plan.new_columns:
        if header_row is None:
            raise ValueError("new columns need a header row")
        left = min(c.col for c in plan.new_columns) - 1
        for column in plan.new_columns:
            headers[(header_row, column.col)] = column.header
            if left >= 0:
                style_like[(header_row, column.col)] = left
            if column.validation is not None and data_rows is not None and data_rows[1] >= data_rows[0]:
                letters = column_letters(column.col)
                validations.append((f"{letters}{data_rows[0]}:{letters}{data_rows[1]}", column.validation))
    # one plain dict (a ChainMap costs a Python-level call per lookup, which a large patch feels)
    all_cells = plan.cells
    if any(plan.cells.get(key, _MISSING) != value for key, value in headers.items()):
        merged = dict(plan.cells)
        merged.update(headers)
        all_cells = merged
    return all_cells, style_like, validations


def _old_last_row(zin: zipfile.ZipFile, part: str, limit: int) -> int:
    """The last row holding content at or above ``limit`` before the patch (one streaming pass, no
    per-row work)."""
    info = zin.getinfo(part)
    with zin.open(info) as stream:
        return last_content_row(stream, info.file_size, limit)


def _tables(zin: zipfile.ZipFile, sheet: _Sheet, replaced: dict[str, bytes], result: PatchResult) -> None:
    """Grow the sheet's tables over its new columns (the one holding the list) and appended rows."""
    plan = sheet.plan
    cols = sorted(c.col for c in plan.new_columns)
    if cols and plan.header_row is not None and cols == list(range(cols[0], cols[0] + len(cols))):
        sheet.autofilter = (plan.header_row, cols[0], cols[-1])
    if sheet.autofilter is None and sheet.grow is None:
        return
    for part in table_parts(zin, sheet.info):
        data = replaced.get(part) or zin.read(part)
        if sheet.autofilter is not None and sheet.table_grown is None:
            headers = [c.header for c in sorted(plan.new_columns, key=lambda c: c.col)]
            grown = grow_table(data, sheet.autofilter[0], cols[0], headers, plan.key_col)
            if grown is not None:
                data = replaced[part] = grown
                sheet.table_grown = part
        if sheet.grow is not None:
            down = grow_table_rows(data, *sheet.grow)
            if down is not None:
                replaced[part] = down
                result.tables_grown_down.append(part)


def write_package(src: Path, dst: Path, plans: Sequence[SheetPlan], *, progress: Progress | None = None,
                  check_while_writing: bool = False, new_sheets: Sequence[NewSheet] = ()) -> PatchResult:
    """Write ``src`` with ``plans`` applied and ``new_sheets`` added to ``dst`` (a new file). The stream
    check, when asked for, reads the first plan's sheet back while it is written."""
    src, dst = Path(src), Path(dst)
    if dst.exists() and dst.resolve() == src.resolve():
        raise ValueError("patch_xlsx writes a new file: dst must differ from src (see atomic_save)")
    if not plans and not new_sheets:
        raise ValueError("nothing to patch: no sheets given")
    for plan in plans:
        _check_limits(dst, plan)
    prepared = [(plan, *_with_headers(plan)) for plan in plans]
    with open_package(src) as zin:
        package = package_of(zin, src)
        additions = plan_additions(zin, package, src, new_sheets) if new_sheets else Additions([], {})
        sheets: dict[str, _Sheet] = {}
        for plan, cells, style_like, validations in prepared:
            info = sheet_of(package, src, plan.name)
            if info.part in sheets:
                raise ValueError(f"sheet {info.name!r} is patched twice")
            edits = SheetEdits(cells, style_like, date1904=package.date1904,
                               unhide=frozenset(c.col for c in plan.new_columns),
                               style_from_above=plan.style_from_above, grow_to_row=plan.grow_to_row or 0)
            sheets[info.part] = _Sheet(plan, info, edits, validations)
        first = next(iter(sheets.values()), None)
        result = _result(package, sheets, additions)
        replaced: dict[str, bytes] = dict(additions.parts)
        deferred: bytes | None = None
        new_date_style: str | None = None
        new_dates = any(added.has_dates for added in additions.added)
        if package.styles_part and (new_dates or any(isinstance(v, dt.date) for s in sheets.values()
                                                     for v in s.edits.cells.values())):
            found = date_styles(zin.read(package.styles_part))
            new_date_style = found.date_style
            for sheet in sheets.values():
                sheet.edits.date_style, sheet.edits.date_styles = found.date_style, found.date_styles
            if found.new_styles_xml is not None:
                order = zin.namelist()
                if not new_dates and order.index(package.styles_part) > max(order.index(part) for part in sheets):
                    deferred = found.new_styles_xml  # written only if a date needed the added format
                else:
                    replaced[package.styles_part] = found.new_styles_xml
        for sheet in sheets.values():
            if sheet.plan.grow_to_row is not None:
                known = sheet.plan.last_row
                old_last = known if known is not None and known < sheet.plan.grow_to_row else \
                    _old_last_row(zin, sheet.info.part, sheet.plan.grow_to_row)
                if old_last and sheet.plan.grow_to_row > old_last:
                    sheet.grow = (old_last, sheet.plan.grow_to_row)
            _tables(zin, sheet, replaced, result)
        _grow_filter_names(zin, package, sheets, replaced)
        result.table_grown = first.table_grown if first is not None else None
        sizes = {part: zin.getinfo(part).file_size for part in sheets}
        done = False
        try:
            with zipfile.ZipFile(dst, "w", allowZip64=True) as zout:
                zout.comment = zin.comment
                written = 0
                for member in zin.infolist():
                    target = sheets.get(member.filename)
                    if target is not None:
                        share = progress if progress is None or len(sheets) == 1 else \
                            _Share(progress, written, sum(sizes.values()))
                        written += member.file_size
                        _write_sheet(zin, zout, member, target, result, share,
                                     check_while_writing and target is first)
                    elif deferred is not None and member.filename == package.styles_part:
                        if any(s.edits.date_style_used for s in sheets.values()):
                            write_member(zout, member, deferred)
                            result.changed_parts.append(member.filename)
                        else:
                            copy_member_raw(zin, zout, member)
                    elif member.filename in replaced:
                        write_member(zout, member, replaced[member.filename])
                        result.changed_parts.append(member.filename)
                    else:
                        copy_member_raw(zin, zout, member)
                write_added(zin, zout, package, additions, new_date_style)
            done = True
            result.unhidden = list(first.edits.unhidden) if first is not None else []
        except ColumnsInUse:
            raise
        except ValueError as error:
            raise CorruptFileError(src, detail=str(error)) from error
        except (zipfile.BadZipFile, EOFError) as error:
            raise CorruptFileError(src, detail=str(error)) from error
        except OSError as error:
            if isinstance(error, WriteError):
                raise
            raise WriteError(dst, detail=str(error)) from error
        finally:
            if not done and result.stream_check is not None:
                result.stream_check.abort()
                result.stream_check = None
    return result


def _result(package: PackageInfo, sheets: Mapping[str, _Sheet], additions: Additions) -> PatchResult:
    """The result before writing: the first patched (or else added) sheet's cells, every sheet's cells."""
    sheet_cells: dict[str, Mapping[tuple[int, int], CellValue]] = {part: s.edits.cells for part, s in sheets.items()}
    sheet_cells.update({added.part: added.cells for added in additions.added})
    first_part = next(iter(sheet_cells))
    return PatchResult(first_part, [*sheets, *(a.part for a in additions.added)],
                       sum(len(cells) for cells in sheet_cells.values()), date1904=package.date1904,
                       cells=sheet_cells[first_part], sheet_cells=sheet_cells)


def _grow_filter_names(zin: zipfile.ZipFile, package: PackageInfo, sheets: Mapping[str, _Sheet],
                       replaced: dict[str, bytes]) -> None:
    """The hidden filter names of the sheets whose data grew, grown with their autofilters."""
    grows = {package.sheet_order.index(s.info.name): s.grow for s in sheets.values()
             if s.grow is not None and s.info.name in package.sheet_order}
    if grows:
        part = package.workbook_part
        grown = grow_filter_names(replaced.get(part) or zin.read(part), grows)
        if grown is not None:
            replaced[part] = grown


def _write_sheet(zin: zipfile.ZipFile, zout: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: _Sheet,
                 result: PatchResult, progress: Progress | None, check: bool) -> None:
    big = info.file_size > (1 << 30)
    tee = None
    if check and wanted(info.file_size):
        result.stream_check = StreamCheck.start(info.filename, sheet.edits.cells, result.date1904)
        tee = result.stream_check.feed if result.stream_check is not None else None
    with zin.open(info) as stream, zout.open(new_member_info(info, fast=True), "w", force_zip64=big) as out:
        patch_sheet_stream(stream, out, sheet.edits, info.file_size, sheet.tail, progress,
                           sheet.plan.free_from, tee)
