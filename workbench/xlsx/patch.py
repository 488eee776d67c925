"""Cell-level patching of an xlsx/xlsm workbook: write some cells, leave everything else as it was.

``patch_xlsx`` (one sheet) and ``patch_sheets`` (several, rows appended) copy the package member by
member. Every part except the target sheets is copied with its compressed bytes unchanged, apart from
the few a change needs: ``styles.xml`` when a date format has to be added, and a sheet's table part
when a table grows over new columns or appended rows. A target sheet is streamed (never loaded as a
tree), and only the rows that receive cells are rebuilt. Text is written as inline strings, so
``sharedStrings.xml`` is never touched and text starting with ``=`` stays text.

Coordinates: rows are 1-based sheet rows, columns 0-based (``A`` is 0), as in
:attr:`workbench.table.SourceTable.column_index`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from defusedxml import ElementTree

from workbench.errors import CorruptFileError
from workbench.progress import Progress
from workbench.xlsx._extent import scan_extent
from workbench.xlsx._new_sheet import NewSheet
from workbench.xlsx._package import table_parts
from workbench.xlsx._stream import ColumnsInUse
from workbench.xlsx._tables import table_range
from workbench.xlsx._tail import Validation
from workbench.xlsx._verify import verify_written
from workbench.xlsx._writer import NewColumn, PatchResult, SheetPlan, open_package, package_of, sheet_of, write_package
from workbench.xlsx.cells import CellValue

__all__ = ["CellValue", "ColumnsInUse", "NewColumn", "NewSheet", "PatchResult", "SheetPatch", "Validation",
           "check_package",
           "last_used_column", "patch_sheets", "patch_xlsx", "read_date1904", "table_ranges", "verify_patch",
           "workbook_ending"]

_open, _read_package, _sheet = open_package, package_of, sheet_of


@dataclass(frozen=True)
class SheetPatch:
    """One sheet's cells for :func:`patch_sheets`.

    ``cells``, ``header_row``, ``new_columns`` and ``data_rows`` mean what they mean to
    :func:`patch_xlsx`. ``grow_to_row`` says the sheet's data now ends at that row (rows appended below
    the old end): the ranges that end at the old last data row (tables, autofilter, validations,
    conditional formats) are stretched to it, and the cells of new rows take the style of the cell above.
    ``last_row`` is the sheet's last row holding a value before the patch, when the caller has just read
    it (under the same lock): it spares the pass over the sheet that finds the old end otherwise.
    """

    sheet: str
    cells: Mapping[tuple[int, int], CellValue]
    grow_to_row: int | None = None
    header_row: int | None = None
    new_columns: Sequence[NewColumn] = ()
    data_rows: tuple[int, int] | None = None
    last_row: int | None = None


def verify_patch(path: Path, result: PatchResult) -> None:
    """Read ``path`` (written by :func:`patch_xlsx` or :func:`patch_sheets`) back: every member's
    checksum, the changed parts through a strict XML parser, and every written cell of every patched
    sheet as meant. Raises ``ValueError``."""
    check, result.stream_check = result.stream_check, None
    others = {part: cells for part, cells in result.sheet_cells.items() if part != result.sheet_part}
    verify_written(Path(path), result.sheet_part, result.changed_parts, result.cells, result.date1904, check,
                   others)


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


def patch_sheets(src: Path, dst: Path, patches: Sequence[SheetPatch], *, new_sheets: Sequence[NewSheet] = (),
                 progress: Progress | None = None) -> PatchResult:
    """Write every patch's cells into its sheet of ``src`` and add ``new_sheets`` after the last sheet,
    producing ``dst``, in one pass over the package: each patched sheet is streamed once, every other
    member is copied with its compressed bytes, except the few parts that list the sheets when sheets
    are added (``workbook.xml``, its relationships, ``[Content_Types].xml``, ``docProps/app.xml``).
    A sheet that does not exist raises :class:`SheetNotFoundError`; a sheet named twice,
    ``ValueError``; a new sheet named like an existing one (case aside, as Excel compares),
    :class:`~workbench.errors.SheetExistsError`, and with a name Excel refuses,
    :class:`~workbench.errors.SheetNameError`. :attr:`PatchResult.sheet_cells` holds each patched and
    added sheet's cells (for :func:`verify_patch`). An added sheet is patched later like any other:
    ``SheetPatch(name, cells, grow_to_row=...)`` appends rows under its autofilter."""
    plans = [SheetPlan(p.sheet, p.cells, header_row=p.header_row, new_columns=p.new_columns,
                       data_rows=p.data_rows, grow_to_row=p.grow_to_row, style_from_above=True,
                       last_row=p.last_row)
             for p in patches]
    return write_package(src, dst, plans, progress=progress, new_sheets=new_sheets)


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
    plan = SheetPlan(sheet_name, cells, header_row=header_row, new_columns=new_columns, data_rows=data_rows,
                     merge_lists=merge_lists, free_from=free_from, key_col=key_col)
    return write_package(src, dst, [plan], progress=progress, check_while_writing=check_while_writing)
