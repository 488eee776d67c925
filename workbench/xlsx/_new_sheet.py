"""Adding worksheets to an existing package in the patcher's one pass (private to the writer).

A new sheet is written whole (text as inline strings, dates as serials of the workbook's date system
with the writer's date style) and linked in with small text edits of the parts that list sheets:
``workbook.xml`` (the ``<sheet>``, and the hidden ``_xlnm._FilterDatabase`` name of its autofilter,
which LibreOffice needs to show the filter), its relationships, ``[Content_Types].xml`` and, when it
lists the worksheets the way Excel does, ``docProps/app.xml``. Every other byte of those parts stays.
A new sheet goes last, so the positions other sheets are known by (``localSheetId``, ``activeTab``)
stay true. The namespaces, relationship type and content type are copied from the package's own
worksheets, so strict OOXML packages get a strict sheet.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import posixpath
import re
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import CorruptFileError, SheetExistsError, SheetNameError, WriteError
from workbench.xlsx._package import PackageInfo, parse_part, read_relationships
from workbench.xlsx.cells import CellValue, cell_xml, clean_text, column_letters, escape_attr, escape_text

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_WIDTH = 255.0
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_TRANSITIONAL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class NewSheet:
    """A worksheet to add with :func:`~workbench.xlsx.patch.patch_sheets`.

    ``rows``: the first one is the header; values are text, numbers, booleans, dates, date-times or
    ``None`` (an empty cell; so are ``""`` and NaN). ``widths`` maps 0-based columns to widths in
    characters. ``hidden`` adds it hidden; ``freeze_header`` freezes the first row; ``autofilter`` puts
    a filter over the header and the rows (also when there is only the header, so that rows appended
    later are filtered with it).
    """

    name: str
    rows: Sequence[Sequence[CellValue]]
    widths: Mapping[int, float] | None = None
    hidden: bool = False
    freeze_header: bool = True
    autofilter: bool = True


@dataclass
class AddedSheet:
    """A new sheet placed in the package: its part, its position among the sheets, what it holds."""

    sheet: NewSheet
    part: str
    index: int
    cells: dict[tuple[int, int], CellValue] = field(repr=False)
    last_row: int = 0
    last_col: int = 0

    @property
    def has_dates(self) -> bool:
        return any(isinstance(v, dt.date) for v in self.cells.values())

    @property
    def filter_ref(self) -> str | None:
        if not self.sheet.autofilter or not self.last_row:
            return None
        return f"A1:{column_letters(self.last_col)}{self.last_row}"


@dataclass
class Additions:
    """The new sheets and the rewritten parts that list them (part -> new bytes)."""

    added: list[AddedSheet]
    parts: dict[str, bytes]


def check_names(path: Path, existing: Sequence[str], sheets: Sequence[NewSheet]) -> None:
    """Raise :class:`SheetNameError` for a name Excel refuses and :class:`SheetExistsError` for one
    the workbook (or an earlier new sheet) already has, compared without case as Excel compares."""
    taken = {name.casefold(): name for name in existing}
    for sheet in sheets:
        name = sheet.name
        if (not name or len(name) > 31 or _FORBIDDEN.search(name) or name[0] == "'" or name[-1] == "'"
                or name.casefold() == "history" or clean_text(name) != name):
            raise SheetNameError(path, sheet=name)
        clash = taken.get(name.casefold())
        if clash is not None:
            raise SheetExistsError(path, sheet=name, existing=clash)
        taken[name.casefold()] = name


def _cell_value(value: object) -> CellValue:
    if value is None or isinstance(value, str | bool | dt.date):
        return None if value == "" else value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    return str(value)


def _cells(path: Path, sheet: NewSheet) -> tuple[dict[tuple[int, int], CellValue], int, int]:
    """The sheet's non-empty cells, its last row and last column (0 and 0 when it has no rows)."""
    if len(sheet.rows) > MAX_ROWS:
        raise WriteError(path, detail=f"sheet {sheet.name}: {len(sheet.rows)} rows, over {MAX_ROWS}")
    cells: dict[tuple[int, int], CellValue] = {}
    last_col = 0
    for row, values in enumerate(sheet.rows, start=1):
        if len(values) > MAX_COLUMNS:
            raise WriteError(path, detail=f"sheet {sheet.name}: row {row} has {len(values)} columns")
        last_col = max(last_col, len(values) - 1)
        for col, raw in enumerate(values):
            value = _cell_value(raw)
            if value is not None:
                cells[(row, col)] = value
    for col, width in (sheet.widths or {}).items():
        if not 0 <= col < MAX_COLUMNS or not 0 < width <= MAX_WIDTH:
            raise ValueError(f"sheet {sheet.name}: column {col} cannot be {width} characters wide")
    return cells, len(sheet.rows), last_col


def _insert_before_close(data: bytes, element: str, insert: bytes, part: str) -> bytes:
    """``insert`` placed just before the (last) end tag of ``element``, whatever its prefix."""
    closes = list(re.finditer(rb"</(?:[\w.-]+:)?" + element.encode() + rb"\s*>", data))
    if not closes:
        raise ValueError(f"{part}: no </{element}>")
    at = closes[-1].start()
    return data[:at] + insert + data[at:]


def _prefix_of(data: bytes, element: str) -> str:
    match = re.search(rb"<([\w.-]+:)?" + element.encode() + rb"(?=[\s/>])", data)
    return (match.group(1) or b"").decode() if match else ""


def _workbook_xml(data: bytes, added: Sequence[AddedSheet], rids: Sequence[str], first_id: int,
                  part: str) -> bytes:
    p = _prefix_of(data, "sheets")
    existing = re.search(rb"<(?:[\w.-]+:)?sheet\s[^>]*?\s([\w.-]+):id\s*=", data)
    rp = existing.group(1).decode() if existing else "r"
    declare = "" if existing else f' xmlns:r="{_relationships_ns(data)}"'
    tags = []
    for number, (sheet, rid) in enumerate(zip(added, rids, strict=True)):
        state = ' state="hidden"' if sheet.sheet.hidden else ""
        tags.append(f'<{p}sheet name="{escape_attr(sheet.sheet.name)}" sheetId="{first_id + number}"{state} '
                    f'{rp}:id="{rid}"{declare}/>')
    data = _insert_before_close(data, "sheets", "".join(tags).encode("utf-8"), part)
    names = []
    for sheet in added:
        ref = sheet.filter_ref
        if ref is not None:
            quoted = "'" + sheet.sheet.name.replace("'", "''") + "'"
            absolute = f"$A$1:${column_letters(sheet.last_col)}${sheet.last_row}"
            names.append(f'<{p}definedName name="_xlnm._FilterDatabase" localSheetId="{sheet.index}" '
                         f'hidden="1">{escape_text(quoted)}!{absolute}</{p}definedName>')
    if not names:
        return data
    block = "".join(names).encode("utf-8")
    if re.search(rb"</(?:[\w.-]+:)?definedNames\s*>", data):
        return _insert_before_close(data, "definedNames", block, part)
    empty = re.search(rb"<(?:[\w.-]+:)?definedNames(?:\s[^>]*)?/>", data)
    full = f"<{p}definedNames>".encode() + block + f"</{p}definedNames>".encode()
    if empty is not None:
        return data[:empty.start()] + full + data[empty.end():]
    # CT_Workbook: definedNames follows sheets, functionGroups and externalReferences
    after = max(m.end() for m in re.finditer(
        rb"</(?:[\w.-]+:)?(?:sheets|functionGroups|externalReferences)\s*>|"
        rb"<(?:[\w.-]+:)?(?:functionGroups|externalReferences)(?:\s[^>]*)?/>", data))
    return data[:after] + full + data[after:]


def _relationships_ns(workbook: bytes) -> str:
    if b"purl.oclc.org/ooxml" in workbook:
        return "http://purl.oclc.org/ooxml/officeDocument/relationships"
    return "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _content_type(types: bytes, package: PackageInfo) -> str:
    """The content type the package gives its worksheets (strict and transitional share it, but a
    package's own choice is kept)."""
    for sheet in package.sheets:
        match = re.search(rb"<(?:[\w.-]+:)?Override\s[^>]*PartName\s*=\s*[\"']/" + re.escape(sheet.part.encode())
                          + rb"[\"'][^>]*>", types, re.IGNORECASE)
        if match is not None:
            kind = re.search(rb"ContentType\s*=\s*[\"']([^\"']*)", match.group(0))
            if kind is not None:
                return kind.group(1).decode("utf-8")
    return _WORKSHEET_TYPE


def _app_xml(data: bytes, worksheets: Sequence[str], new_names: Sequence[str]) -> bytes | None:
    """``docProps/app.xml`` with the new sheets among its worksheet titles, or ``None`` when it does
    not list the worksheets first as Excel does (then it is left as it was: it stays valid, as the
    titles are only a summary)."""
    heading = re.search(rb"<(?:[\w.-]+:)?HeadingPairs\s*>.*?</(?:[\w.-]+:)?HeadingPairs\s*>", data, re.DOTALL)
    titles = re.search(rb"(<(?:[\w.-]+:)?TitlesOfParts\s*>\s*<(?:[\w.-]+:)?vector\s[^>]*>)(.*?)"
                       rb"(</(?:[\w.-]+:)?vector\s*>)", data, re.DOTALL)
    if heading is None or titles is None or heading.start() > titles.start():
        return None
    count = re.search(rb"<(?:[\w.-]+:)?i4>\s*(\d+)\s*</", heading.group(0))
    strings = list(re.finditer(rb"<([\w.-]+:)?lpstr>([^<]*)</(?:[\w.-]+:)?lpstr>", titles.group(2)))
    if count is None or int(count.group(1)) > len(strings):
        return None
    listed = int(count.group(1))
    shown = set(worksheets)
    names = [_unescape(m.group(2).decode("utf-8", "replace")) for m in strings[:listed]]
    if not all(name in shown for name in names):
        return None
    vp = (strings[0].group(1) or b"").decode() if strings else "vt:"
    insert = "".join(f"<{vp}lpstr>{escape_text(name)}</{vp}lpstr>" for name in new_names).encode("utf-8")
    at = titles.start(2) + (strings[listed - 1].end() if listed else 0)
    out = data[:at] + insert + data[at:]
    start = titles.group(1)
    size = re.search(rb"(\ssize\s*=\s*[\"'])(\d+)", start)
    if size is not None:
        new_size = str(int(size.group(2)) + len(new_names)).encode()
        new_start = start[:size.start(2)] + new_size + start[size.end(2):]
        out = out[:titles.start(1)] + new_start + out[titles.start(1) + len(start):]
    # the worksheets' count (the heading comes before the titles in the part)
    at_count = heading.start() + count.start(1)
    end_count = heading.start() + count.end(1)
    return out[:at_count] + str(listed + len(new_names)).encode() + out[end_count:]


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def plan_additions(zin: zipfile.ZipFile, package: PackageInfo, path: Path,
                   sheets: Sequence[NewSheet]) -> Additions:
    """Place ``sheets`` in the package read from ``zin`` (``path`` names it in errors)."""
    check_names(path, package.sheet_order, sheets)
    if not package.sheets:
        raise CorruptFileError(path, detail="no worksheets")
    try:
        return _plan(zin, package, path, sheets)
    except (KeyError, ValueError, UnicodeDecodeError) as error:
        if isinstance(error, WriteError):
            raise
        raise CorruptFileError(path, detail=f"cannot add a sheet: {error}") from error


def _plan(zin: zipfile.ZipFile, package: PackageInfo, path: Path, sheets: Sequence[NewSheet]) -> Additions:
    workbook = zin.read(package.workbook_part)
    rels = zin.read(package.workbook_rels_part)
    types = zin.read("[Content_Types].xml")
    ids = [int(n) for n in re.findall(rb"<(?:[\w.-]+:)?sheet\s[^>]*?\ssheetId\s*=\s*[\"'](\d+)", workbook)]
    relationships = read_relationships(zin, package.workbook_part)
    rel_ids = {rid for rid, _, _ in relationships}
    # every Id of the part, external targets too (read_relationships leaves those out)
    rel_ids |= {m.decode("utf-8") for m in re.findall(rb"\sId\s*=\s*[\"']([^\"']*)", rels)}
    sheet_rel = next((kind for _, kind, target in relationships if target == package.sheets[0].part),
                     _TRANSITIONAL_WORKSHEET)
    taken = {m.casefold() for m in package.members}
    taken |= {m.decode("utf-8").lstrip("/").casefold() for m in re.findall(
        rb"PartName\s*=\s*[\"']([^\"']*)", types)}
    folder = posixpath.dirname(package.workbook_part)
    added: list[AddedSheet] = []
    rids: list[str] = []
    number = rid_number = 1
    for offset, sheet in enumerate(sheets):
        while posixpath.join(folder, f"worksheets/sheet{number}.xml").casefold() in taken:
            number += 1
        part = posixpath.join(folder, f"worksheets/sheet{number}.xml")
        taken.add(part.casefold())
        while f"rId{rid_number}" in rel_ids:
            rid_number += 1
        rids.append(f"rId{rid_number}")
        rel_ids.add(rids[-1])
        cells, last_row, last_col = _cells(path, sheet)
        added.append(AddedSheet(sheet, part, len(package.sheet_order) + offset, cells, last_row, last_col))
    content_type = _content_type(types, package)
    new_rels = "".join(f'<Relationship Id="{rid}" Type="{escape_attr(sheet_rel)}" '
                       f'Target="{escape_attr(posixpath.relpath(a.part, folder or "."))}"/>'
                       for a, rid in zip(added, rids, strict=True))
    overrides = "".join(f'<Override PartName="/{escape_attr(a.part)}" ContentType="{content_type}"/>'
                        for a in added)
    parts = {
        package.workbook_part: _workbook_xml(workbook, added, rids, max(ids, default=0) + 1,
                                             package.workbook_part),
        package.workbook_rels_part: _insert_before_close(rels, "Relationships", new_rels.encode("utf-8"),
                                                         package.workbook_rels_part),
        "[Content_Types].xml": _insert_before_close(types, "Types", overrides.encode("utf-8"),
                                                    "[Content_Types].xml"),
    }
    app_part = next((target for _, kind, target in read_relationships(zin, "")
                     if kind.rsplit("/", 1)[-1] in ("extended-properties", "extendedProperties")
                     and target in package.members), None)
    if app_part is not None:
        try:
            parse_part(zin, app_part)
            app = _app_xml(zin.read(app_part), [s.name for s in package.sheets], [s.name for s in sheets])
        except ValueError:
            app = None  # a damaged summary is no reason to refuse the sheet; it stays as it was
        if app is not None:
            parts[app_part] = app
    return Additions(added, parts)


def _main_namespace(zin: zipfile.ZipFile, package: PackageInfo) -> str:
    root = parse_part(zin, package.workbook_part)
    return root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else _MAIN


def _sheet_xml(added: AddedSheet, namespace: str, date_style: str | None, date1904: bool) -> Iterator[str]:
    sheet = added.sheet
    last = f"{column_letters(added.last_col)}{max(added.last_row, 1)}"
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{namespace}">'
           f'<dimension ref="{"A1" if last == "A1" else "A1:" + last}"/><sheetViews><sheetView workbookViewId="0">')
    if sheet.freeze_header:
        yield ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
               '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>')
    yield '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
    if sheet.widths:
        yield "<cols>" + "".join(f'<col min="{c + 1}" max="{c + 1}" width="{w:.2f}" customWidth="1"/>'
                                 for c, w in sorted(sheet.widths.items())) + "</cols>"
    yield "<sheetData>"
    chunk: list[str] = []
    row_cells: list[str] = []
    current = 0
    for (row, col), value in sorted(added.cells.items()):
        if row != current:
            if row_cells:
                chunk.append(f'<row r="{current}">' + "".join(row_cells) + "</row>")
                row_cells = []
                if len(chunk) >= 2000:
                    yield "".join(chunk)
                    chunk = []
            current = row
        row_cells.append(cell_xml("", f"{column_letters(col)}{row}", value, None, date_style, date1904))
    if row_cells:
        chunk.append(f'<row r="{current}">' + "".join(row_cells) + "</row>")
    yield "".join(chunk) + "</sheetData>"
    if added.filter_ref is not None:
        yield f'<autoFilter ref="{added.filter_ref}"/>'
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


def write_added(zin: zipfile.ZipFile, zout: zipfile.ZipFile, package: PackageInfo, additions: Additions,
                date_style: str | None) -> None:
    """Write each new sheet's part into ``zout`` (after every copied member)."""
    namespace = _main_namespace(zin, package)
    for added in additions.added:
        info = zipfile.ZipInfo(added.part, date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w", force_zip64=True) as out:
            for piece in _sheet_xml(added, namespace, date_style, package.date1904):
                out.write(piece.encode("utf-8"))
