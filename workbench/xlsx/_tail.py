"""Edits to the part of a worksheet after ``</sheetData>``: validations and autofilter (private).

The tail is small (no cell data), so it is edited in memory, as bytes: every element that is not
touched keeps its exact text, and new elements go where the schema's child order puts them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.xlsx.cells import column_letters, escape_text, parse_range

# CT_Worksheet child order after sheetData (ECMA-376 Part 1, 18.3.1.99).
ORDER = (
    "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
    "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
    "webPublishItems", "tableParts", "extLst",
)
_TOKEN = re.compile(rb"<!--.*?-->|<\?.*?\?>|<(/?)([\w:.-]+)[^>]*?(/?)>", re.DOTALL)


@dataclass(frozen=True)
class Validation:
    """Data validation for a column: a list of labels, or whole numbers between two bounds."""

    labels: tuple[str, ...] = ()
    whole: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Element:
    name: str  # local name; for mc:AlternateContent the first known child's name
    start: int
    end: int


def _local(name: bytes) -> str:
    return name.decode("ascii", "replace").rsplit(":", 1)[-1]


def top_level(tail: bytes) -> list[_Element]:
    """The worksheet's child elements found in ``tail`` (positions relative to ``tail``)."""
    elements: list[_Element] = []
    depth = 0
    start = 0
    name = ""
    for match in _TOKEN.finditer(tail):
        if match.group(2) is None:
            continue
        closing, tag, empty = match.group(1), match.group(2), match.group(3)
        if closing:
            depth -= 1
            if depth == 0:
                elements.append(_Element(name, start, match.end()))
            elif depth < 0:
                break  # </worksheet>
        elif depth == 0:
            start, name = match.start(), _local(tag)
            if empty:
                elements.append(_Element(name, start, match.end()))
            else:
                depth = 1
        else:
            if name == "AlternateContent" and _local(tag) in ORDER:
                name = _local(tag)
            if not empty:
                depth += 1
    return elements


def _insert_position(tail: bytes, elements: list[_Element], name: str) -> int:
    rank = ORDER.index(name)
    for element in elements:
        if element.name in ORDER and ORDER.index(element.name) > rank:
            return element.start
    close = tail.rfind(b"</")
    return close if close >= 0 else len(tail)


def _validation_xml(p: str, sqref: str, validation: Validation) -> str:
    if validation.whole is not None:
        low, high = validation.whole
        return (f'<{p}dataValidation type="whole" errorStyle="warning" allowBlank="1" '
                f'showErrorMessage="1" sqref="{sqref}"><{p}formula1>{low}</{p}formula1>'
                f'<{p}formula2>{high}</{p}formula2></{p}dataValidation>')
    listed = ",".join(label.replace('"', '""') for label in validation.labels)
    return (f'<{p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" '
            f'sqref="{sqref}"><{p}formula1>{escape_text(chr(34) + listed + chr(34))}</{p}formula1>'
            f'</{p}dataValidation>')


def _set_count(start_tag: bytes, count: int) -> bytes:
    if re.search(rb"\scount\s*=", start_tag):
        return re.sub(rb"(\scount\s*=\s*[\"'])\d*", rb"\g<1>" + str(count).encode(), start_tag, count=1)
    return start_tag[:-1] + f' count="{count}">'.encode()


def _unescape(text: str) -> str:
    return (text.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&"))


def _covers_column(sqref: str, col: int) -> bool:
    for part in sqref.split():
        try:
            _, c1, _, c2 = parse_range(part)
        except ValueError:
            continue
        if c1 <= col <= c2:
            return True
    return False


def _merge_lists(block: bytes, p: str, merge: Mapping[int, Sequence[str]]) -> bytes:
    """Add vocabulary labels to literal list validations covering the given columns."""
    def merge_one(match: re.Match[bytes]) -> bytes:
        element = match.group(0)
        tag_end = element.index(b">")
        start_tag = element[:tag_end]
        attrs = dict(re.findall(r'([\w:]+)\s*=\s*"([^"]*)"', start_tag.decode("utf-8", "replace")))
        if attrs.get("type") != "list":
            return element
        formula = re.search(rb"(<" + p.encode() + rb"formula1>)(.*?)(</" + p.encode() + rb"formula1>)",
                            element, re.DOTALL)
        if formula is None:
            return element
        literal = _unescape(formula.group(2).decode("utf-8"))
        if not (literal.startswith('"') and literal.endswith('"')):
            return element
        items = [i.strip() for i in literal[1:-1].replace('""', '"').split(",") if i.strip()]
        known = {i.casefold() for i in items}
        added = False
        for col, labels in merge.items():
            if not _covers_column(attrs.get("sqref", ""), col):
                continue
            for label in labels:
                if label.casefold() not in known:
                    items.append(label)
                    known.add(label.casefold())
                    added = True
        if not added:
            return element
        new = escape_text('"' + ",".join(i.replace('"', '""') for i in items) + '"').encode()
        return element[:formula.start(2)] + new + element[formula.end(2):]

    pattern = re.compile(rb"<" + p.encode() + rb"dataValidation(?=[\s>]).*?</" + p.encode()
                         + rb"dataValidation>", re.DOTALL)
    return pattern.sub(merge_one, block)


def edit_tail(tail: bytes, prefix: bytes, *, validations: Sequence[tuple[str, Validation]] = (),
              merge_lists: Mapping[int, Sequence[str]] | None = None,
              autofilter_grow: tuple[int, int, int] | None = None) -> bytes:
    """Add ``validations`` (``(sqref, validation)``), merge labels into existing list validations of
    the columns in ``merge_lists``, and widen the autofilter: ``autofilter_grow = (header_row,
    first_new_col, last_new_col)`` extends a filter whose range starts on the header row and ends just
    left of the new columns."""
    p = prefix.decode("ascii")
    elements = top_level(tail)
    if autofilter_grow is not None:
        tail = _grow_autofilter(tail, elements, *autofilter_grow)
        elements = top_level(tail)
    existing = next((e for e in elements if e.name == "dataValidations"), None)
    if existing is not None and (merge_lists or validations):
        block = tail[existing.start:existing.end]
        if merge_lists:
            block = _merge_lists(block, p, merge_lists)
        if validations:
            if block.rstrip().endswith(b"/>") and block.count(b"<") == 1:
                block = block.rstrip()[:-2].rstrip() + b"></" + prefix + b"dataValidations>"
            close = block.rfind(b"</")
            added = "".join(_validation_xml(p, sqref, v) for sqref, v in validations).encode()
            block = block[:close] + added + block[close:]
            tag_end = block.index(b">")
            count = len(re.findall(rb"<" + prefix + rb"dataValidation(?=[\s>])", block))
            block = _set_count(block[:tag_end + 1], count) + block[tag_end + 1:]
        tail = tail[:existing.start] + block + tail[existing.end:]
    elif validations:
        at = _insert_position(tail, elements, "dataValidations")
        items = "".join(_validation_xml(p, sqref, v) for sqref, v in validations)
        new_block = f'<{p}dataValidations count="{len(validations)}">{items}</{p}dataValidations>'
        tail = tail[:at] + new_block.encode() + tail[at:]
    return tail


def _grow_autofilter(tail: bytes, elements: list[_Element], header_row: int, first_new: int,
                     last_new: int) -> bytes:
    element = next((e for e in elements if e.name == "autoFilter"), None)
    if element is None:
        return tail
    block = tail[element.start:element.end]
    match = re.search(rb"(\sref\s*=\s*[\"'])([^\"']*)", block)
    if match is None:
        return tail
    try:
        r1, c1, r2, c2 = parse_range(match.group(2).decode("ascii"))
    except ValueError:
        return tail
    if r1 != header_row or c2 + 1 != first_new:
        return tail
    new_ref = f"{column_letters(c1)}{r1}:{column_letters(last_new)}{r2}".encode()
    block = block[:match.start(2)] + new_ref + block[match.end(2):]
    return tail[:element.start] + block + tail[element.end:]
