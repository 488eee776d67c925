"""The rows and cells the sheet patch rewrites (private to the writer): what to write into a sheet
(:class:`SheetEdits`), a patched ``<row>`` element, a new one, and the cached cell XML that keeps a
save of every row fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from workbench.xlsx.cells import CellValue, cell_ref, cell_xml, column_index, column_letters, escape_text, parse_ref

_ATTR = re.compile(rb"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass
class SheetEdits:
    """What to write into one sheet.

    ``cells`` maps ``(row, col)`` (1-based row, 0-based column) to the new value (``None`` clears it);
    ``style_like`` maps a cell to a column of the same row whose style it copies (new header cells);
    ``date_style`` is the cell-format index for dates, ``date_styles`` the indices that already show
    dates (a cell keeps those); ``unhide`` the columns that must not stay hidden (new review columns),
    and ``unhidden`` which of them were (filled in by the patch).
    """

    cells: Mapping[tuple[int, int], CellValue]
    style_like: dict[tuple[int, int], int] = field(default_factory=dict)
    date_style: str | None = None
    date_styles: frozenset[str] = frozenset()
    date1904: bool = False
    unhide: frozenset[int] = frozenset()
    unhidden: list[int] = field(default_factory=list)
    # a new row's cells take the style of the cell above (the last existing row before it)
    style_from_above: bool = False
    # the sheet's ``<dimension>`` must reach at least this row (rows appended below the old end)
    grow_to_row: int = 0
    # set when a date was written with ``date_style`` (not a style the cell had): styles.xml needs it
    date_style_used: bool = False

    def rows(self) -> RowCells:
        return RowCells(self.cells)


class RowCells:
    """The cells to write, grouped by row on demand: one sorted list of the keys and where each row
    starts in it stand in for a list per row (tens of megabytes less on a save of every row)."""

    def __init__(self, cells: Mapping[tuple[int, int], CellValue]) -> None:
        self.cells = cells
        self.keys = sorted(cells)
        self.rows: list[int] = []
        self.starts: list[int] = []  # where each of ``rows`` begins in ``keys``
        last = None
        for i, (row, _) in enumerate(self.keys):
            if row != last:
                self.rows.append(row)
                self.starts.append(i)
                last = row
        self.starts.append(len(self.keys))

    def at(self, index: int) -> list[tuple[int, CellValue]]:
        """The ``(column, value)`` pairs of ``rows[index]``, by column (any order of asking)."""
        cells = self.cells
        return [(key[1], cells[key]) for key in self.keys[self.starts[index]:self.starts[index + 1]]]


def attributes(tag: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or b""
            for m in _ATTR.finditer(tag)}


def _cell_value_xml(p: bytes, row: int, col: int, value: CellValue, style: str | None,
                    edits: SheetEdits) -> bytes:
    kind = type(value)
    if (kind is str or kind is int) and style is None:
        # the common case (labels, scores): the cell's XML around its row number, built once
        key = (p, col, value)
        cached = _TEMPLATES.get(key)
        if cached is None:
            ref = cell_ref(1, col)
            text = cell_xml(_PREFIXES.get(p) or p.decode(), ref, value, None, None, False).encode()
            head = text.index(ref.encode()) + len(ref) - 1
            cached = (text[:head], text[head + 1:])
            if len(_TEMPLATES) < _TEMPLATE_LIMIT:
                _TEMPLATES[key] = cached
        return cached[0] + str(row).encode() + cached[1]
    if kind is str:
        return cell_xml(_PREFIXES.get(p) or p.decode(), cell_ref(row, col), value, style, None,
                        False).encode()
    date_style = edits.date_style
    if style is not None and style in edits.date_styles:
        date_style = style
    elif isinstance(value, dt.date):
        edits.date_style_used = True
    return cell_xml(p.decode(), cell_ref(row, col), value, style, date_style, edits.date1904).encode()


_TEMPLATES: dict[tuple[bytes, int, CellValue], tuple[bytes, bytes]] = {}
_TEMPLATE_LIMIT = 4096
_TEXT_TEMPLATES: dict[tuple[bytes, int], tuple[bytes, bytes, bytes]] = {}
_MARK = "MARK"


def _text_template(p: bytes, col: int) -> tuple[bytes, bytes, bytes]:
    """``(head, middle, tail)`` of an unstyled text cell in ``col``: the cell is
    ``head + row + middle + escaped text + tail`` (what :func:`cell_xml` writes)."""
    key = (p, col)
    found = _TEXT_TEMPLATES.get(key)
    if found is None:
        ref = cell_ref(1, col)
        text = cell_xml(_PREFIXES.get(p) or p.decode(), ref, _MARK, None, None, False).encode()
        at_row = text.index(ref.encode()) + len(ref) - 1
        at_text = text.index(_MARK.encode())
        found = (text[:at_row], text[at_row + 1:at_text], text[at_text + len(_MARK):])
        _TEXT_TEMPLATES[key] = found
    return found


def new_row(p: bytes, row: int, cells: list[tuple[int, CellValue]], edits: SheetEdits,
             above: Mapping[int, str] | None = None) -> bytes:
    if above:
        body = b"".join(_cell_value_xml(p, row, col, value, above.get(col), edits)
                        for col, value in cells if value is not None)
    else:
        body = cells_xml(p, row, cells, edits)
    return f'<{p.decode()}row r="{row}">'.encode() + body + b"</" + p + b"row>"


def row_styles(p: bytes, element: bytes) -> dict[int, str]:
    """``{column: style}`` of the styled cells of a ``<row>`` element (cells without ``r`` counted)."""
    tag_end = element.find(b">")
    if tag_end < 0 or element[tag_end - 1:tag_end] == b"/":
        return {}
    styles: dict[int, str] = {}
    col = -1
    for _, _, tag in _iter_cells(p, element[tag_end + 1:]):
        ref = REF_IN_TAG.search(tag)
        col = column_of(ref.group(1)) if ref is not None else col + 1
        style = _STYLE_IN_TAG.search(tag)
        if style is not None:
            styles[col] = style.group(1).decode("ascii")
    return styles


def _iter_cells(p: bytes, body: bytes) -> Iterator[tuple[int, int, bytes]]:
    """``(start, end, start_tag)`` of each ``<c>`` element in a row's content."""
    start_pattern = re.compile(rb"<" + re.escape(p) + rb"c(?=[\s/>])")
    close = b"</" + p + b"c>"
    pos = 0
    while True:
        match = start_pattern.search(body, pos)
        if match is None:
            return
        tag_end = body.index(b">", match.end())
        end = tag_end + 1 if body[tag_end - 1:tag_end] == b"/" else body.index(close, tag_end) + len(close)
        yield match.start(), end, body[match.start():tag_end + 1]
        pos = end


ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"']([0-9]+)[\"']")
REF_IN_TAG = re.compile(rb"\sr\s*=\s*[\"']([A-Z]{1,3})[0-9]*[\"']")
_STYLE_IN_TAG = re.compile(rb"\ss\s*=\s*[\"']([0-9]+)[\"']")
_COLUMNS: dict[bytes, int] = {}
_PREFIXES: dict[bytes, str] = {b"": ""}


def column_of(letters: bytes) -> int:
    col = _COLUMNS.get(letters)
    if col is None:
        col = _COLUMNS[letters] = column_index(letters.decode("ascii"))
    return col


def patch_row(p: bytes, element: bytes, start_tag: bytes, row: int, patches: list[tuple[int, CellValue]],
               edits: SheetEdits, add_r: bool) -> bytes:
    """The row with ``patches`` written. Cells are parsed from the right end only as far as the
    leftmost column that matters, so a wide row costs little when the review columns are on the right."""
    if start_tag.endswith(b"/>"):
        body = b""
        start_tag = start_tag[:-2].rstrip() + b">"
    else:
        body = element[len(start_tag):-(len(p) + 6)]
    if not edits.style_like:
        spliced = _splice_by_ref(p, body, row, patches, edits)
        if spliced is not None:
            cols = [patches[0][0], patches[-1][0]]
            return update_row_tag(start_tag, row, cols, add_r, len(p)) + spliced + b"</" + p + b"row>"
    patch_map = dict(patches)
    sources = {edits.style_like[(row, c)] for c in patch_map if (row, c) in edits.style_like}
    need = min([*patch_map, *sources])
    close = b"</" + p + b"c>"
    appended = None if sources else _append_right(p, body, row, patches, need, close, edits)
    if appended is not None:
        cols = [patches[0][0], patches[-1][0]]
        return update_row_tag(start_tag, row, cols, add_r, len(p)) + appended + b"</" + p + b"row>"
    starts = [m.start() for m in re.finditer(rb"<" + re.escape(p) + rb"c(?=[\s/>])", body)]
    existing: list[tuple[int, int, int, str | None]] = []  # (col, start, end, style), right to left
    trailing_from = len(body)
    for index in range(len(starts) - 1, -1, -1):
        begin = starts[index]
        tag_end = body.index(b">", begin)
        tag = body[begin:tag_end + 1]
        ref = REF_IN_TAG.search(tag)
        if ref is None:  # positions implicit: parse the whole row
            return _patch_row_slow(p, body, start_tag, row, patch_map, edits, add_r)
        end = tag_end + 1 if tag.endswith(b"/>") else body.index(close, tag_end) + len(close)
        if index == len(starts) - 1:
            trailing_from = end
        style = _STYLE_IN_TAG.search(tag)
        col = column_of(ref.group(1))
        existing.append((col, begin, end, style.group(1).decode() if style else None))
        if col < need:
            break
    existing.reverse()
    if not starts:
        split = trailing_from = 0
    else:
        split = existing[0][1]
    styles = {col: style for col, _, _, style in existing}
    xml = {col: body[begin:end] for col, begin, end, _ in existing}
    out_cells = _merge_cells(p, row, xml, styles, patch_map, edits)
    cols = [*xml, *patch_map]
    new_start = update_row_tag(start_tag, row, cols, add_r, len(p))
    return new_start + body[:split] + b"".join(out_cells) + body[trailing_from:] + b"</" + p + b"row>"


def _splice_by_ref(p: bytes, body: bytes, row: int, patches: list[tuple[int, CellValue]],
                   edits: SheetEdits) -> bytes | None:
    """The row's content with each patched cell replaced where it is, when every one of them exists
    with its reference first in its start tag (what our writer, Excel and most others write): found by
    that reference, nothing else in the row is parsed. ``None`` otherwise (a new cell, cells without
    ``r``), for the general path."""
    number = str(row).encode()
    open_ref = b"<" + p + b'c r="'
    close = b"</" + p + b"c>"
    parts: list[bytes] = []
    pos = 0
    for col, value in patches:  # by column, as the cells are in the row
        begin = body.find(open_ref + _letters(col) + number + b'"', pos)
        if begin < 0:
            return None
        tag_end = body.find(b">", begin)
        if tag_end < 0:
            return None
        if body[tag_end - 1] == 0x2F:  # "/": a self-closing cell
            end = tag_end + 1
        else:
            end = body.find(close, tag_end)
            if end < 0:
                return None
            end += len(close)
        style = _STYLE_IN_TAG.search(body, begin, tag_end + 1)
        parts.append(body[pos:begin])
        parts.append(_cell_value_xml(p, row, col, value, style.group(1).decode("ascii") if style else None, edits))
        pos = end
    parts.append(body[pos:])
    return b"".join(parts)


_LETTER_BYTES: dict[int, bytes] = {}


def _letters(col: int) -> bytes:
    found = _LETTER_BYTES.get(col)
    if found is None:
        found = _LETTER_BYTES[col] = column_letters(col).encode("ascii")
    return found


def _append_right(p: bytes, body: bytes, row: int, patches: list[tuple[int, CellValue]], need: int,
                  close: bytes, edits: SheetEdits) -> bytes | None:
    """The row's content with the new cells appended, when every patched column lies right of the
    row's last cell (the usual case when review columns are added); ``None`` otherwise."""
    last = body.rfind(b"<" + p + b"c ")
    if last < 0:
        return None
    tag_end = body.find(b">", last)
    ref = REF_IN_TAG.search(body, last, tag_end)
    if ref is None or column_of(ref.group(1)) >= need:
        return None
    end = tag_end + 1 if body[tag_end - 1:tag_end] == b"/" else body.find(close, tag_end) + len(close)
    if end < len(close) or body.find(b"<" + p + b"c", end) >= 0:
        return None
    return body[:end] + cells_xml(p, row, patches, edits) + body[end:]


def cells_xml(p: bytes, row: int, patches: list[tuple[int, CellValue]], edits: SheetEdits) -> bytes:
    """The new cells of a row (nothing for cleared ones), from the cached templates where possible."""
    number = str(row).encode()
    parts: list[bytes] = []
    for col, value in patches:
        if value is None:
            continue
        kind = type(value)
        cached = _TEMPLATES.get((p, col, value)) if kind is str or kind is int else None
        if cached is not None:
            parts += (cached[0], number, cached[1])
        elif kind is str and len(_TEMPLATES) >= _TEMPLATE_LIMIT:
            # many distinct texts (comments): the column's text cell around the row and the text
            head, middle, tail = _text_template(p, col)
            parts += (head, number, middle, escape_text(value).encode(), tail)  # type: ignore[arg-type]  # a str
        else:
            parts.append(_cell_value_xml(p, row, col, value, None, edits))
    return b"".join(parts)


def _merge_cells(p: bytes, row: int, xml: dict[int, bytes], styles: dict[int, str | None],
                 patch_map: dict[int, CellValue], edits: SheetEdits) -> list[bytes]:
    out: list[bytes] = []
    for c in sorted(set(xml) | set(patch_map)):
        if c in patch_map:
            style = styles.get(c)
            if style is None and (row, c) in edits.style_like:
                style = styles.get(edits.style_like[(row, c)])
            value = patch_map[c]
            if value is None and c not in xml:
                continue
            out.append(_cell_value_xml(p, row, c, value, style, edits))
        else:
            out.append(xml[c])
    return out


def _patch_row_slow(p: bytes, body: bytes, start_tag: bytes, row: int, patch_map: dict[int, CellValue],
                    edits: SheetEdits, add_r: bool) -> bytes:
    """Rows whose cells leave out ``r``: every cell gets its explicit reference, then the patch."""
    xml: dict[int, bytes] = {}
    styles: dict[int, str | None] = {}
    col = -1
    cells_end = 0
    for start, end, tag in _iter_cells(p, body):
        attrs = attributes(tag)
        ref = attrs.get(b"r")
        cell = body[start:end]
        if ref:
            col = parse_ref(ref.decode("ascii"))[1]
        else:
            col += 1
            cell = cell[:len(p) + 2] + f' r="{cell_ref(row, col)}"'.encode() + cell[len(p) + 2:]
        style = attrs.get(b"s")
        xml[col] = cell
        styles[col] = style.decode() if style is not None else None
        cells_end = end
    out_cells = _merge_cells(p, row, xml, styles, patch_map, edits)
    new_start = update_row_tag(start_tag, row, [*xml, *patch_map], add_r, len(p))
    return new_start + b"".join(out_cells) + body[cells_end:] + b"</" + p + b"row>"


def update_row_tag(start_tag: bytes, row: int, cols: list[int], add_r: bool, prefix_len: int) -> bytes:
    if add_r:
        start_tag = start_tag[:prefix_len + 4] + f' r="{row}"'.encode() + start_tag[prefix_len + 4:]
    match = re.search(rb"(\sspans\s*=\s*[\"'])([^\"']*)", start_tag)
    if match is None or not cols:
        return start_tag
    numbers = [int(n) for n in re.findall(rb"\d+", match.group(2))]
    low = min([*numbers, min(cols) + 1])
    high = max([*numbers, max(cols) + 1])
    return start_tag[:match.start(2)] + f"{low}:{high}".encode() + start_tag[match.end(2):]
