"""Writing a new workbook fast: sheets of rows, an Excel table, list validations, a frozen header.

xlsxwriter keeps an object per cell and spends about 15 µs on each; a joint workbook of eight lists
holds half a million cells. This writer streams each sheet's XML straight into the zip (text as inline
strings, so a value starting with ``=`` is text and no shared-string table is built), at about a tenth
of that. It writes only what it is given: no formulas, no images. Excel, LibreOffice and our reader
open the result; ``check_package`` verifies it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from xml.sax.saxutils import escape as escape_text
from xml.sax.saxutils import quoteattr

from workbench.xlsx.cells import column_letters

__all__ = ["NewSheet", "NewTable", "NewValidation", "write_book"]

_EPOCH = dt.datetime(1899, 12, 30)
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# cell styles (cellXfs): 0 plain, 1 bold header, 2 date and time
_STYLE_HEADER, _STYLE_STAMP = 1, 2


@dataclass(frozen=True)
class NewTable:
    """An Excel table over the whole sheet (header row and every data row)."""

    name: str
    style: str = "TableStyleLight9"


@dataclass(frozen=True)
class NewValidation:
    """A validation of one column over the data rows: a list of labels, or whole numbers in a range."""

    column: int
    labels: tuple[str, ...] = ()
    whole: tuple[int, int] | None = None


@dataclass
class NewSheet:
    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    row_count: int  # how many ``rows`` there are (the table and validations need it before streaming)
    table: NewTable | None = None
    validations: Sequence[NewValidation] = ()
    widths: Sequence[float] = ()
    autofilter: bool = False
    freeze_columns: int = 0
    _letters: list[str] = field(default_factory=list, repr=False)


def _text(value: str) -> str:
    if _NEEDS_ESCAPE.search(value):
        value = _BAD_XML.sub("\ufffd", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if value[:1].isspace() or value[-1:].isspace():
        return f'<is><t xml:space="preserve">{value}</t></is>'
    return f"<is><t>{value}</t></is>"


def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr">{_text(value)}</c>' if value else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}" s="{_STYLE_STAMP}"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{_STYLE_STAMP}"><v>{(value - _EPOCH.date()).days}</v></c>'
    return f'<c r="{ref}" t="inlineStr">{_text(str(value))}</c>'


def _sheet_xml(sheet: NewSheet, table_rel: str | None) -> Iterable[str]:
    width = len(sheet.header)
    letters = [column_letters(c) for c in range(max(width, 1))]
    last_row = max(1, sheet.row_count + 1)
    last = f"{letters[-1]}{last_row}"
    yield (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
           f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0">')
    if sheet.freeze_columns:
        cell = f"{letters[sheet.freeze_columns]}2"
        yield (f'<pane xSplit="{sheet.freeze_columns}" ySplit="1" topLeftCell="{cell}" activePane="bottomRight" '
               f'state="frozen"/><selection pane="bottomRight" activeCell="{cell}" sqref="{cell}"/>')
    else:
        yield '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    yield '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
    if sheet.widths:
        yield "<cols>" + "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w:.1f}" customWidth="1"/>'
                                 for i, w in enumerate(sheet.widths)) + "</cols>"
    yield "<sheetData>"
    yield '<row r="1">' + "".join(
        f'<c r="{letters[c]}1" t="inlineStr" s="{_STYLE_HEADER}">{_text(h)}</c>' for c, h in enumerate(sheet.header)
    ) + "</row>"
    chunk: list[str] = []
    written = 0
    needs_escape = _NEEDS_ESCAPE.search
    for number, values in enumerate(sheet.rows, start=2):
        # the common cells inline (this loop is most of the time of a large workbook), the rest by _cell
        parts = [f'<row r="{number}">']
        for column, value in enumerate(values):
            kind = type(value)
            if kind is str:
                text = cast(str, value)
                if not text:
                    continue
                if needs_escape(text) or text[0].isspace() or text[-1].isspace():
                    parts.append(_cell(f"{letters[column]}{number}", text))
                else:
                    parts.append(f'<c r="{letters[column]}{number}" t="inlineStr"><is><t>{text}</t></is></c>')
            elif kind is int:
                parts.append(f'<c r="{letters[column]}{number}"><v>{value}</v></c>')
            elif kind is float and value - value == 0.0:  # type: ignore[operator]  # finite
                parts.append(f'<c r="{letters[column]}{number}"><v>{value!r}</v></c>')
            elif value is not None:
                parts.append(_cell(f"{letters[column]}{number}", value))
        parts.append("</row>")
        chunk.append("".join(parts))
        written += 1
        if len(chunk) >= 2000:
            yield "".join(chunk)
            chunk = []
    if written != sheet.row_count:
        raise ValueError(f"sheet {sheet.name}: {written} rows given, {sheet.row_count} announced")
    yield "".join(chunk) + "</sheetData>"
    if sheet.autofilter and sheet.table is None:
        yield f'<autoFilter ref="A1:{last}"/>'
    if sheet.validations:
        yield f'<dataValidations count="{len(sheet.validations)}">'
        for validation in sheet.validations:
            letter = letters[validation.column]
            area = f"{letter}2:{letter}{last_row}"
            if validation.whole is not None:
                low, high = validation.whole
                yield (f'<dataValidation type="whole" allowBlank="1" showErrorMessage="1" sqref="{area}">'
                       f"<formula1>{low}</formula1><formula2>{high}</formula2></dataValidation>")
            else:
                items = ",".join(label.replace('"', '""') for label in validation.labels)
                formula = f'"{items}"'.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                yield (f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="{area}">'
                       f"<formula1>{formula}</formula1></dataValidation>")
        yield "</dataValidations>"
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    if table_rel is not None:
        yield f'<tableParts count="1"><tablePart r:id="{table_rel}"/></tableParts>'
    yield "</worksheet>"


def _table_xml(sheet: NewSheet, number: int) -> str:
    assert sheet.table is not None
    last = f"{column_letters(len(sheet.header) - 1)}{max(2, sheet.row_count + 1)}"
    columns = "".join(f'<tableColumn id="{i + 1}" name={quoteattr(_BAD_XML.sub("", h))}/>'
                      for i, h in enumerate(sheet.header))
    name = quoteattr(sheet.table.name)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="{_MAIN}" id="{number}" '
            f'name={name} displayName={name} ref="A1:{last}" totalsRowShown="0"><autoFilter ref="A1:{last}"/>'
            f'<tableColumns count="{len(sheet.header)}">{columns}</tableColumns>'
            f'<tableStyleInfo name="{sheet.table.style}" showFirstColumn="0" showLastColumn="0" '
            f'showRowStripes="1" showColumnStripes="0"/></table>')


_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
           '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
           'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')


def _xml(text: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text


def write_book(target: Path, sheets: Sequence[NewSheet]) -> None:
    """Write ``sheets`` as a new workbook at ``target`` ([Content_Types].xml first, as Excel writes it)."""
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = [f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             f'<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>']
    book_rels, book_sheets, names = [], [], []
    table_numbers: dict[int, int] = {}
    for number, sheet in enumerate(sheets, start=1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="{ct}.worksheet+xml"/>')
        if sheet.table is not None:
            table_numbers[number] = len(table_numbers) + 1
            types.append(f'<Override PartName="/xl/tables/table{table_numbers[number]}.xml" '
                         f'ContentType="{ct}.table+xml"/>')
        book_rels.append(f'<Relationship Id="rId{number}" Type="{_REL}/worksheet" '
                         f'Target="worksheets/sheet{number}.xml"/>')
        book_sheets.append(f'<sheet name={quoteattr(sheet.name)} sheetId="{number}" r:id="rId{number}"/>')
        if sheet.table is None and sheet.autofilter:
            quoted = "'" + sheet.name.replace("'", "''") + "'"
            last_column = column_letters(max(len(sheet.header), 1) - 1)
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number - 1}" hidden="1">'
                         f"{escape_text(quoted)}!$A$1:${last_column}${max(1, sheet.row_count + 1)}</definedName>")
    book_rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>')
    defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True) as zf:
        zf.writestr("[Content_Types].xml", _xml(
            f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{"".join(types)}</Types>'))
        zf.writestr("_rels/.rels", _xml(
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        zf.writestr("xl/workbook.xml", _xml(
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
            f'<sheets>{"".join(book_sheets)}</sheets>{defined}</workbook>'))
        zf.writestr("xl/_rels/workbook.xml.rels", _xml(
            f'<Relationships xmlns="{_PKG_REL}">{"".join(book_rels)}</Relationships>'))
        zf.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(sheets, start=1):
            table = table_numbers.get(number)
            if table is not None:
                zf.writestr(f"xl/tables/table{table}.xml", _table_xml(sheet, table))
                zf.writestr(f"xl/worksheets/_rels/sheet{number}.xml.rels", _xml(
                    f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/table" '
                    f'Target="../tables/table{table}.xml"/></Relationships>'))
            with zf.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as out:
                for piece in _sheet_xml(sheet, "rId1" if table is not None else None):
                    out.write(piece.encode("utf-8"))
