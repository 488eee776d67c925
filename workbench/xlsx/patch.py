"""Cell-level patching of an xlsx/xlsm workbook: write some cells, leave everything else as it was.

``patch_xlsx`` copies the package member by member. Every part except the target sheet is copied with
its compressed bytes unchanged, apart from the few a change needs: ``styles.xml`` when a date format
has to be added, and the sheet's table part when a table grows over new columns. The target sheet is
streamed (never loaded as a tree), and only the rows that receive cells are rebuilt. Text is written as
inline strings, so ``sharedStrings.xml`` is never touched and text starting with ``=`` stays text.

Coordinates: rows are 1-based sheet rows, columns 0-based (``A`` is 0), as in
:attr:`workbench.table.SourceTable.column_index`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from defusedxml import ElementTree

from workbench.errors import CorruptFileError, SheetNotFoundError, WriteError
from workbench.progress import Progress
from workbench.xlsx._package import PackageInfo, SheetInfo, read_package, table_parts
from workbench.xlsx._sheet import ColumnsInUse, SheetEdits, patch_sheet_stream, scan_extent
from workbench.xlsx._styles import date_styles
from workbench.xlsx._tables import grow_table, table_range
from workbench.xlsx._tail import Validation, edit_tail
from workbench.xlsx._verify import verify_written
from workbench.xlsx._zip import copy_member_raw, new_member_info, write_member
from workbench.xlsx.cells import CellValue, column_letters
from workbench.xlsx.check_worker import StreamCheck, wanted

__all__ = ["CellValue", "ColumnsInUse", "NewColumn", "PatchResult", "Validation", "check_package", "last_used_column",
           "patch_xlsx", "read_date1904", "table_ranges", "verify_patch", "workbook_ending"]

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
    """What :func:`patch_xlsx` changed."""

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


def verify_patch(path: Path, result: PatchResult) -> None:
    """Read ``path`` (written by :func:`patch_xlsx`) back: every member's checksum, the changed parts
    through a strict XML parser, and every written cell as meant. Raises ``ValueError``."""
    check, result.stream_check = result.stream_check, None
    verify_written(Path(path), result.sheet_part, result.changed_parts, result.cells, result.date1904, check)


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise CorruptFileError(path, detail=str(error)) from error


def _read_package(zf: zipfile.ZipFile, path: Path) -> PackageInfo:
    try:
        return read_package(zf)
    except (KeyError, ValueError, SyntaxError) as error:  # missing part, invalid XML
        raise CorruptFileError(path, detail=str(error)) from error


def _sheet(package: PackageInfo, path: Path, sheet_name: str | None) -> SheetInfo:
    if not package.sheets:
        raise CorruptFileError(path, detail="no worksheets")
    try:
        return package.sheet(sheet_name)
    except KeyError:
        raise SheetNotFoundError(path, sheet=sheet_name) from None


def read_date1904(path: Path) -> bool:
    """Whether the workbook at ``path`` counts dates from 1904 (``workbookPr date1904``)."""
    with _open(path) as zf:
        return _read_package(zf, path).date1904


def last_used_column(path: Path, sheet_name: str | None = None) -> tuple[int, int]:
    """``(last row, last column)`` holding a value in the sheet (1-based row, 0-based column).

    Found by streaming the sheet: the ``<dimension>`` element cannot be trusted (some writers put
    ``A1:XFD1048576`` there).
    """
    with _open(path) as zf:
        package = _read_package(zf, path)
        sheet = _sheet(package, path, sheet_name)
        info = zf.getinfo(sheet.part)
        with zf.open(info) as stream:
            return scan_extent(stream, info.file_size)


def table_ranges(path: Path, sheet_name: str | None = None) -> list[tuple[int, int, int, int]]:
    """The ranges ``(first row, first col, last row, last col)`` (1-based rows, 0-based columns) of the
    sheet's Excel tables."""
    with _open(path) as zf:
        package = _read_package(zf, path)
        sheet = _sheet(package, path, sheet_name)
        found = []
        for part in table_parts(zf, sheet):
            try:
                bounds = table_range(zf.read(part))
            except ValueError:
                continue
            if bounds is not None:
                found.append(bounds)
        return found


#: The ending Excel requires for each kind of workbook part (its content type, less the common prefix).
_ENDINGS = {"sheet.main+xml": ".xlsx", "sheet.macroEnabled.main+xml": ".xlsm",
            "template.main+xml": ".xltx", "sheet.macroEnabled.template.main+xml": ".xltm"}


def workbook_ending(path: Path) -> str:
    """The file ending Excel opens this workbook under (``.xlsx``, ``.xlsm``, ``.xltx``, ``.xltm``), from
    the content type of its workbook part: Excel refuses a package whose ending and content disagree."""
    with _open(path) as zf:
        package = _read_package(zf, path)
        try:
            types = ElementTree.fromstring(zf.read("[Content_Types].xml"))
        except (KeyError, ValueError, SyntaxError) as error:
            raise CorruptFileError(path, detail=f"[Content_Types].xml: {error}") from error
    wanted = "/" + package.workbook_part.lstrip("/")
    for element in types:
        if element.tag.rsplit("}", 1)[-1] == "Override" and element.get("PartName", "").lower() == wanted.lower():
            kind = element.get("ContentType", "").rsplit(".spreadsheetml.", 1)[-1]
            return _ENDINGS.get(kind, ".xlsm" if "macroEnabled" in kind else ".xlsx")
    return ".xlsm" if "xl/vbaProject.bin" in package.members else ".xlsx"


def check_package(path: Path, parts: Sequence[str] = ()) -> None:
    """Check a written package: every member's checksum, and that ``parts`` are well-formed XML.

    Streams (expat), so a large sheet costs time, not memory. Raises ``ValueError`` naming the problem.
    """
    with zipfile.ZipFile(path) as zf:
        bad = zf.testzip()
        if bad is not None:
            raise ValueError(f"{bad}: checksum mismatch")
        for part in parts:
            parser = expat.ParserCreate()
            with zf.open(part) as stream:
                try:
                    parser.ParseFile(stream)
                except expat.ExpatError as error:
                    raise ValueError(f"{part}: {error}") from error


def patch_xlsx(src: Path, dst: Path, sheet_name: str | None, cells: Mapping[tuple[int, int], CellValue],
               *, header_row: int | None = None, new_columns: Sequence[NewColumn] = (),
               data_rows: tuple[int, int] | None = None,
               merge_lists: Mapping[int, Sequence[str]] | None = None,
               progress: Progress | None = None, free_from: int | None = None,
               check_while_writing: bool = False, key_col: int | None = None) -> PatchResult:
    """Write ``cells`` into sheet ``sheet_name`` of workbook ``src``, producing ``dst``.

    ``cells`` maps ``(row, col)`` to a value (``None`` clears the cell's value, keeping its style).
    ``new_columns`` are headed on ``header_row`` in the style of the header cell left of the first one,
    validated over ``data_rows`` (first, last), and taken into the sheet's Excel table and autofilter
    when those end just left of them (a table only when it holds ``key_col``, if given); hidden columns
    among them are shown (:attr:`PatchResult.unhidden`). ``merge_lists`` maps existing columns to labels
    that are added to a literal list validation already covering that column. ``dst`` must differ from
    ``src``.

    ``free_from`` (a 0-based column) makes the patch check, while it streams the sheet, that no cell
    holds content at or right of that column (where the new columns were planned without scanning the
    sheet first); :class:`ColumnsInUse` is raised otherwise and ``dst`` is left incomplete.
    """
    src, dst = Path(src), Path(dst)
    if dst.exists() and dst.resolve() == src.resolve():
        raise ValueError("patch_xlsx writes a new file: dst must differ from src (see atomic_save)")
    outside = [(r, c) for r, c in cells if not (1 <= r <= MAX_ROWS and 0 <= c < MAX_COLUMNS)]
    outside += [(header_row or 0, c.col) for c in new_columns if not 0 <= c.col < MAX_COLUMNS]
    if outside:
        raise WriteError(dst, detail=f"cell outside the sheet's limits: row {outside[0][0]}, "
                                     f"column {outside[0][1] + 1}")
    headers: dict[tuple[int, int], CellValue] = {}
    style_like: dict[tuple[int, int], int] = {}
    validations: list[tuple[str, Validation]] = []
    if new_columns:
        if header_row is None:
            raise ValueError("new columns need a header row")
        left = min(c.col for c in new_columns) - 1
        for column in new_columns:
            headers[(header_row, column.col)] = column.header
            if left >= 0:
                style_like[(header_row, column.col)] = left
            if column.validation is not None and data_rows is not None and data_rows[1] >= data_rows[0]:
                letters = column_letters(column.col)
                validations.append((f"{letters}{data_rows[0]}:{letters}{data_rows[1]}", column.validation))
    # one plain dict (a ChainMap costs a Python-level call per lookup, which a large patch feels)
    all_cells: Mapping[tuple[int, int], CellValue] = cells
    if any(cells.get(key, _MISSING) != value for key, value in headers.items()):
        merged = dict(cells)
        merged.update(headers)
        all_cells = merged
    with _open(src) as zin:
        package = _read_package(zin, src)
        sheet = _sheet(package, src, sheet_name)
        result = PatchResult(sheet.part, [sheet.part], len(all_cells), date1904=package.date1904,
                             cells=all_cells)
        replaced: dict[str, bytes] = {}
        edits = SheetEdits(all_cells, style_like, date1904=package.date1904,
                           unhide=frozenset(c.col for c in new_columns))
        if any(isinstance(v, dt.date) for v in all_cells.values()) and package.styles_part:
            found = date_styles(zin.read(package.styles_part))
            edits.date_style, edits.date_styles = found.date_style, found.date_styles
            if found.new_styles_xml is not None:
                replaced[package.styles_part] = found.new_styles_xml
        autofilter = None
        if new_columns and header_row is not None:
            cols = sorted(c.col for c in new_columns)
            if cols == list(range(cols[0], cols[0] + len(cols))):
                autofilter = (header_row, cols[0], cols[-1])
                for part in table_parts(zin, sheet):
                    grown = grow_table(zin.read(part), header_row, cols[0],
                                       [c.header for c in sorted(new_columns, key=lambda c: c.col)], key_col)
                    if grown is not None:
                        replaced[part] = grown
                        result.table_grown = part
                        break

        def tail_transform(tail: bytes, prefix: bytes) -> bytes:
            return edit_tail(tail, prefix, validations=validations, merge_lists=merge_lists,
                             autofilter_grow=None if result.table_grown else autofilter)

        done = False
        try:
            with zipfile.ZipFile(dst, "w", allowZip64=True) as zout:
                zout.comment = zin.comment
                for info in zin.infolist():
                    if info.filename == sheet.part:
                        big = info.file_size > (1 << 30)
                        if check_while_writing and wanted(info.file_size):
                            result.stream_check = StreamCheck.start(sheet.part, all_cells, package.date1904)
                        tee = result.stream_check.feed if result.stream_check is not None else None
                        with zin.open(info) as stream, zout.open(new_member_info(info, fast=True), "w",
                                                                  force_zip64=big) as out:
                            patch_sheet_stream(stream, out, edits, info.file_size, tail_transform, progress,
                                               free_from, tee)
                    elif info.filename in replaced:
                        write_member(zout, info, replaced[info.filename])
                        result.changed_parts.append(info.filename)
                    else:
                        copy_member_raw(zin, zout, info)
            done = True
            result.unhidden = list(edits.unhidden)
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
