"""Finding parts inside an xlsx/xlsm package: workbook, sheets, styles, tables (private to the writer).

Parts are found through the relationships, never by their usual names, so packages written with
non-standard paths or in strict OOXML work the same.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

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


def rels_part_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target, resolved against the part that owns it, as a zip member name."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def read_relationships(zf: zipfile.ZipFile, source_part: str) -> list[tuple[str, str, str]]:
    """``(id, type, resolved target)`` of every internal relationship of ``source_part``
    (``""`` for the package root)."""
    rels = "_rels/.rels" if source_part == "" else rels_part_of(source_part)
    try:
        data = zf.read(rels)
    except KeyError:
        return []
    root = ElementTree.fromstring(data)
    result = []
    for rel in root:
        if local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        result.append((rel.get("Id", ""), rel.get("Type", ""), resolve_target(source_part, target)))
    return result


def read_package(zf: zipfile.ZipFile) -> PackageInfo:
    """Locate the workbook, its sheets, styles part and date system in an open package."""
    members = set(zf.namelist())
    workbook_part = next((target for _, kind, target in read_relationships(zf, "")
                          if kind.endswith(_OFFICE_DOCUMENT)), None)
    if workbook_part is None or workbook_part not in members:
        workbook_part = "xl/workbook.xml"
    root = ElementTree.fromstring(zf.read(workbook_part))
    rels = {rid: (kind, target) for rid, kind, target in read_relationships(zf, workbook_part)}
    date1904 = False
    sheets: list[SheetInfo] = []
    main_ns = root.tag.split("}")[0]
    for element in root.iter():
        name = local(element.tag)
        if name == "workbookPr" and element.tag.split("}")[0] == main_ns:
            flag = (element.get("date1904") or "").lower()
            date1904 = flag in ("1", "true", "on")
        elif name == "sheet":
            rid = next((v for k, v in element.attrib.items() if local(k) == "id"), None)
            kind, target = rels.get(rid or "", ("", ""))
            if kind.endswith(_REL_WORKSHEET) and target in members:
                sheets.append(SheetInfo(element.get("name", ""), target, rels_part_of(target)))
    styles_part = next((target for kind, target in rels.values()
                        if kind.endswith(_REL_STYLES) and target in members), None)
    return PackageInfo(workbook_part, rels_part_of(workbook_part), sheets, styles_part, date1904, members)


def table_parts(zf: zipfile.ZipFile, sheet: SheetInfo) -> list[str]:
    """The table definition parts (``xl/tables/tableN.xml``) that belong to ``sheet``."""
    return [target for _, kind, target in read_relationships(zf, sheet.part)
            if kind.endswith(_REL_TABLE) and target in zf.NameToInfo]
