"""Finding parts inside an xlsx/xlsm package: workbook, sheets, styles, tables, the date system.

The one reader of a package's structure: the writer patches the parts it finds here and the reader
(``workbench.reading``, through this package's API) checks the sheets and takes the date system from
it, so both always agree. Parts are found through the relationships, never by their usual names, so
packages written with non-standard paths or in strict OOXML work the same.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from defusedxml import ElementTree

_OFFICE_DOCUMENT = "/officeDocument"
_REL_WORKSHEET = "/worksheet"
_REL_STYLES = "/styles"
_REL_TABLE = "/table"


@dataclass(frozen=True)
class SheetInfo:
    name: str
    part: str  # zip member name of the sheet XML
    rels_part: str  # zip member name of its relationships (may not exist)


@dataclass
class PackageInfo:
    """The parts of a workbook package the writer needs."""

    workbook_part: str
    workbook_rels_part: str
    sheets: list[SheetInfo]
    styles_part: str | None
    date1904: bool
    members: set[str] = field(default_factory=set)
    # every sheet's part by name, chart, macro and dialog sheets too (``sheets`` holds worksheets only)
    sheet_parts: dict[str, str] = field(default_factory=dict)
    # every ``<sheet>``'s name in the workbook's order (a defined name's ``localSheetId`` counts them)
    sheet_order: list[str] = field(default_factory=list)

    def sheet(self, name: str | None) -> SheetInfo:
        """The sheet called ``name`` (case-insensitive match as a fallback); the first one for ``None``."""
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        for sheet in self.sheets:
            if sheet.name.casefold() == name.casefold():
                return sheet
        raise KeyError(name)


def local(tag: str) -> str:
    """The local name of an ElementTree tag (``{ns}name`` -> ``name``)."""
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def rels_part_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target, resolved against the part that owns it, as a zip member name."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def xsd_boolean(value: str | None) -> bool:
    """An attribute of type xsd:boolean, as ECMA-376 declares its flags (``date1904`` among them):
    ``"true"`` and ``"1"`` are true (surrounding white space collapses); ``"false"``, ``"0"``, an absent
    attribute and anything the schema does not allow (``"on"``, ``"yes"``) are false."""
    return value is not None and value.strip() in ("1", "true")


def parse_part(zf: zipfile.ZipFile, part: str) -> Any:
    """The part's XML root (defused). A missing part raises ``KeyError``; malformed or forbidden XML
    a ``ValueError`` naming the part."""
    data = zf.read(part)
    try:
        return ElementTree.fromstring(data)
    except (SyntaxError, ValueError) as error:  # ParseError; defusedxml's refusals are ValueErrors
        raise ValueError(f"{part}: {error}") from error


def read_relationships(zf: zipfile.ZipFile, source_part: str) -> list[tuple[str, str, str]]:
    """``(id, type, resolved target)`` of every internal relationship of ``source_part``
    (``""`` for the package root)."""
    rels = "_rels/.rels" if source_part == "" else rels_part_of(source_part)
    try:
        root = parse_part(zf, rels)
    except KeyError:
        return []
    result = []
    for rel in root:
        if local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        result.append((rel.get("Id", ""), rel.get("Type", ""), resolve_target(source_part, target)))
    return result


def workbook_part_of(zf: zipfile.ZipFile) -> str:
    """The workbook part: the package's office document (``xl/workbook.xml`` when that is missing)."""
    members = set(zf.namelist())
    workbook_part = next((target for _, kind, target in read_relationships(zf, "")
                          if kind.endswith(_OFFICE_DOCUMENT)), None)
    if workbook_part is None or workbook_part not in members:
        workbook_part = "xl/workbook.xml"
    return workbook_part


def read_package(zf: zipfile.ZipFile) -> PackageInfo:
    """Locate the workbook, its sheets, styles part and date system in an open package.

    Raises ``KeyError`` when the workbook part is missing and ``ValueError`` (naming the part) when a
    part is not well-formed XML."""
    members = set(zf.namelist())
    workbook_part = workbook_part_of(zf)
    root = parse_part(zf, workbook_part)
    rels = {rid: (kind, target) for rid, kind, target in read_relationships(zf, workbook_part)}
    date1904 = False
    sheets: list[SheetInfo] = []
    sheet_parts: dict[str, str] = {}
    order: list[str] = []
    main_ns = _namespace(root.tag)
    for element in root.iter():
        name = local(element.tag)
        if name == "workbookPr" and _namespace(element.tag) == main_ns:
            date1904 = xsd_boolean(element.get("date1904"))  # x15:workbookPr (another namespace) has none
        elif name == "sheet":
            order.append(element.get("name", ""))
            rid = next((v for k, v in element.attrib.items() if local(k) == "id"), None)
            kind, target = rels.get(rid or "", ("", ""))
            if target in members:
                sheet_parts[element.get("name", "")] = target
                if kind.endswith(_REL_WORKSHEET):
                    sheets.append(SheetInfo(element.get("name", ""), target, rels_part_of(target)))
    styles_part = next((target for kind, target in rels.values()
                        if kind.endswith(_REL_STYLES) and target in members), None)
    return PackageInfo(workbook_part, rels_part_of(workbook_part), sheets, styles_part, date1904, members,
                       sheet_parts, order)


def table_parts(zf: zipfile.ZipFile, sheet: SheetInfo) -> list[str]:
    """The table definition parts (``xl/tables/tableN.xml``) that belong to ``sheet``."""
    return [target for _, kind, target in read_relationships(zf, sheet.part)
            if kind.endswith(_REL_TABLE) and target in zf.NameToInfo]
