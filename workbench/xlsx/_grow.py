"""Ranges that follow a sheet's data down when rows are appended below it (private to the writer).

When the data of a sheet ended at row ``old_last`` and now ends at ``new_last``, a range that reaches
the old end (it starts at or above it and ends at or below it, above ``new_last``) is stretched to end
at ``new_last``: the Excel tables of the sheet and their autofilters, the sheet's autofilter, its data
validations and conditional formats (the x14 ones in ``extLst`` too) and so its list choices, number
checks and highlighting cover the new rows as they cover the old ones. A range wholly below the old end
(a note under the list) or already reaching the new end is left alone. Each edit is one regular
expression over a small part (a table definition, the sheet's tail after ``</sheetData>``), never a
pass over the rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.xlsx.cells import column_letters, format_range, parse_range

_REF_ATTR = re.compile(rb"(\sref\s*=\s*[\"'])([^\"']*)")
_SQREF_ATTR = re.compile(rb"(\ssqref\s*=\s*[\"'])([^\"']*)")
_TABLE_ROOT = re.compile(rb"<([\w.-]+:)?table(?=[\s>])[^>]*>")
_TOTALS = re.compile(rb"\stotalsRowCount\s*=\s*[\"']\s*[1-9]")
# the start tags whose ``ref`` follows the data: in a table part and in a sheet's tail
_RANGED_TAGS = re.compile(rb"<(?:[\w.-]+:)?(?:autoFilter|sortState)(?=[\s>/])[^>]*>")
_SQREF_TAGS = re.compile(rb"<(?:[\w.-]+:)?(?:conditionalFormatting|dataValidation)(?=[\s>/])[^>]*>")
# x14 validations and conditional formats in extLst keep their range in an <xm:sqref> element
_X14_BLOCKS = re.compile(rb"<(?:[\w.-]+:)?(dataValidations|conditionalFormattings)(?=[\s>]).*?"
                         rb"</(?:[\w.-]+:)?\1\s*>",
                         re.DOTALL)
_SQREF_ELEMENT = re.compile(rb"(<(?:[\w.-]+:)?sqref>)([^<]*)(</)")


def grow_ranges(text: str, old_last: int, new_last: int) -> str:
    """``text`` (a range or a space-separated list, as in ``sqref``) with each range that reaches row
    ``old_last`` from above ending at ``new_last`` instead."""
    if new_last <= old_last:
        return text
    parts = text.split()
    changed = False
    for index, part in enumerate(parts):
        try:
            r1, c1, r2, c2 = parse_range(part.replace("$", ""))
        except ValueError:
            continue
        if r1 <= old_last <= r2 < new_last:
            parts[index] = format_range(r1, c1, new_last, c2)
            changed = True
    return " ".join(parts) if changed else text


def _grow_attribute(tag: bytes, pattern: re.Pattern[bytes], old_last: int, new_last: int) -> bytes:
    match = pattern.search(tag)
    if match is None:
        return tag
    old = match.group(2).decode("ascii", "replace")
    new = grow_ranges(old, old_last, new_last)
    if new == old:
        return tag
    return tag[:match.start(2)] + new.encode("ascii") + tag[match.end(2):]


def grow_table_rows(table_xml: bytes, old_last: int, new_last: int) -> bytes | None:
    """The table definition with its range (and its autofilter's and sort's) down to ``new_last``, or
    ``None`` when the table does not reach the old end, or has a totals row (which would have to move)."""
    root = _TABLE_ROOT.search(table_xml)
    if root is None or _TOTALS.search(root.group(0)):
        return None
    tag = root.group(0)
    grown = _grow_attribute(tag, _REF_ATTR, old_last, new_last)
    if grown == tag:
        return None
    text = table_xml[:root.start()] + grown + table_xml[root.end():]
    return _RANGED_TAGS.sub(lambda m: _grow_attribute(m.group(0), _REF_ATTR, old_last, new_last), text)


def grow_tail_rows(tail: bytes, old_last: int, new_last: int) -> bytes:
    """The sheet's part after ``</sheetData>`` with its autofilter, validations and conditional formats
    down to ``new_last``."""
    if new_last <= old_last:
        return tail
    tail = _RANGED_TAGS.sub(lambda m: _grow_attribute(m.group(0), _REF_ATTR, old_last, new_last), tail)
    tail = _SQREF_TAGS.sub(lambda m: _grow_attribute(m.group(0), _SQREF_ATTR, old_last, new_last), tail)

    def grow_element(match: re.Match[bytes]) -> bytes:
        old = match.group(2).decode("ascii", "replace")
        return match.group(1) + grow_ranges(old, old_last, new_last).encode("ascii") + match.group(3)

    return _X14_BLOCKS.sub(lambda block: _SQREF_ELEMENT.sub(grow_element, block.group(0)), tail)


_DEFINED_NAME = re.compile(rb"(<(?:[\w.-]+:)?definedName(?=\s)[^>]*>)([^<]*)(</)")
_LOCAL_SHEET = re.compile(rb"\slocalSheetId\s*=\s*[\"'](\d+)")
_FILTER_NAME = re.compile(rb"\sname\s*=\s*[\"']_xlnm\._FilterDatabase[\"']")


def grow_filter_names(workbook_xml: bytes, grows: Mapping[int, tuple[int, int]]) -> bytes | None:
    """The workbook with each grown sheet's hidden ``_xlnm._FilterDatabase`` name down to the sheet's
    new last row (``grows``: the sheet's position among the workbook's sheets -> (old last, new last)),
    or ``None`` when no such name changed. LibreOffice takes a sheet's autofilter range from this name,
    not from the sheet's ``<autoFilter>``: left as it was, its filter would stop at the old end."""
    changed = False

    def grow(match: re.Match[bytes]) -> bytes:
        nonlocal changed
        tag, text = match.group(1), match.group(2)
        local_sheet = _LOCAL_SHEET.search(tag)
        if not _FILTER_NAME.search(tag) or local_sheet is None or int(local_sheet.group(1)) not in grows:
            return match.group(0)
        old_last, new_last = grows[int(local_sheet.group(1))]
        sheet, bang, ref = text.rpartition(b"!")
        old = ref.decode("ascii", "replace")
        new = grow_ranges(old, old_last, new_last)
        if not bang or new == old:
            return match.group(0)
        changed = True
        r1, c1, r2, c2 = parse_range(new.replace("$", ""))
        absolute = f"${column_letters(c1)}${r1}:${column_letters(c2)}${r2}".encode("ascii")
        return tag + sheet + bang + absolute + match.group(3)

    text = _DEFINED_NAME.sub(grow, workbook_xml)
    return text if changed else None
