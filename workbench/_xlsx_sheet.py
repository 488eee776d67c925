"""Streaming patch of a worksheet's ``<sheetData>`` (private to the writer).

The sheet XML is read in chunks and copied through; only the ``<row>`` elements that receive cells are
parsed and rebuilt, new rows are inserted in order. Nothing outside those rows changes, except the
``<dimension>`` range in the head and whatever ``tail_transform`` does with the part after
``</sheetData>`` (validations, autofilter), which is small and handled in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from workbench._xlsx_values import (
    CellValue,
    cell_ref,
    cell_xml,
    column_index,
    format_range,
    parse_range,
    parse_ref,
)
from workbench.progress import Progress, report

_CHUNK = 1 << 20
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_ATTR = re.compile(rb"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass
class SheetEdits:
    """What to write into one sheet.

    ``cells`` maps ``(row, col)`` (1-based row, 0-based column) to the new value (``None`` clears it);
    ``style_like`` maps a cell to a column of the same row whose style it copies (new header cells);
    ``date_style`` is the cell-format index for dates, ``date_styles`` the indices that already show
    dates (a cell keeps those).
    """

    cells: Mapping[tuple[int, int], CellValue]
    style_like: dict[tuple[int, int], int] = field(default_factory=dict)
    date_style: str | None = None
    date_styles: frozenset[str] = frozenset()
    date1904: bool = False

    def rows(self) -> dict[int, list[tuple[int, CellValue]]]:
        by_row: dict[int, list[tuple[int, CellValue]]] = {}
        for (row, col), value in self.cells.items():
            by_row.setdefault(row, []).append((col, value))
        for cells in by_row.values():
            cells.sort(key=lambda item: item[0])
        return by_row


def attributes(tag: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or b""
            for m in _ATTR.finditer(tag)}


class _Source:
    """A chunked reader over the sheet XML with a sliding buffer."""

    def __init__(self, stream: IO[bytes], size: int, progress: Progress | None) -> None:
        self.stream = stream
        self.size = max(size, 1)
        self.consumed = 0
        self.progress = progress
        self.buf = b""
        self.eof = False

    def more(self, keep_from: int) -> int:
        """Drop ``buf[:keep_from]``, read another chunk; returns how many bytes were dropped."""
        chunk = self.stream.read(_CHUNK)
        if not chunk:
            self.eof = True
        self.consumed += len(chunk)
        report(self.progress, min(self.consumed, self.size), self.size, "write")
        self.buf = self.buf[keep_from:] + chunk
        return keep_from


class _Sink:
    """Collects small writes into large ones (the zip stream's per-call cost dominates otherwise)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write(b"".join(self.parts))
        self.parts.clear()
        self.size = 0


def sheet_prefix(head: bytes) -> bytes:
    match = _ROOT.search(head)
    return match.group(1) or b"" if match else b""


def _grow_dimension(head: bytes, prefix: bytes, max_row: int, max_col: int) -> bytes:
    pattern = re.compile(rb"(<" + re.escape(prefix) + rb"dimension\s[^>]*?ref\s*=\s*[\"'])([^\"']*)")
    match = pattern.search(head)
    if match is None or max_row <= 0:
        return head
    try:
        r1, c1, r2, c2 = parse_range(match.group(2).decode("ascii"))
    except ValueError:
        return head
    new = format_range(r1, c1, max(r2, max_row), max(c2, max_col)).encode("ascii")
    return head[:match.start(2)] + new + head[match.end(2):]


def patch_sheet_stream(stream: IO[bytes], out: IO[bytes], edits: SheetEdits, size: int,
                       tail_transform: Callable[[bytes, bytes], bytes],
                       progress: Progress | None = None) -> None:
    """Copy the sheet XML from ``stream`` to ``out`` with ``edits`` applied.

    ``tail_transform(tail, prefix)`` gets everything after ``</sheetData>`` and returns its new text.
    """
    sink = _Sink(out)
    _patch_stream(stream, sink, edits, size, tail_transform, progress)
    sink.flush()


def _patch_stream(stream: IO[bytes], out: _Sink, edits: SheetEdits, size: int,
                  tail_transform: Callable[[bytes, bytes], bytes], progress: Progress | None) -> None:
    src = _Source(stream, size, progress)
    sheet_data = None
    while sheet_data is None:
        src.more(0)
        if not src.buf.startswith(b"<") and src.buf.lstrip()[:1] != b"<" and src.eof:
            raise ValueError("not a worksheet")
        prefix = sheet_prefix(src.buf)
        sheet_data = re.search(rb"<" + re.escape(prefix) + rb"sheetData(\s[^>]*)?(/?)>", src.buf)
        if sheet_data is None and src.eof:
            raise ValueError("worksheet without sheetData")
    p = prefix
    by_row = edits.rows()
    max_row = max(by_row, default=0)
    max_col = max((col for _, col in edits.cells), default=0)
    out.write(_grow_dimension(src.buf[:sheet_data.start()], p, max_row, max_col))
    pending = sorted(by_row)
    if sheet_data.group(2):  # <sheetData/>: no rows at all
        out.write(b"<" + p + b"sheetData>")
        for row in pending:
            out.write(_new_row(p, row, by_row[row], edits))
        out.write(b"</" + p + b"sheetData>")
        src.buf = src.buf[sheet_data.end():]
    else:
        out.write(src.buf[sheet_data.start():sheet_data.end()])
        src.buf = src.buf[sheet_data.end():]
        _patch_rows(src, out, p, by_row, pending, edits)
    while not src.eof:
        src.more(0)
    out.write(tail_transform(src.buf, p))


def _patch_rows(src: _Source, out: _Sink, p: bytes, by_row: dict[int, list[tuple[int, CellValue]]],
                pending: list[int], edits: SheetEdits) -> None:
    token = re.compile(rb"<(?:" + re.escape(p) + rb"row(?=[\s/>])|/" + re.escape(p) + rb"sheetData\s*>)")
    row_end = b"</" + p + b"row>"
    next_pending = 0
    previous_row = 0
    explicit_needed = False
    pos = 0
    while True:
        match = token.search(src.buf, pos)
        tag_end = src.buf.find(b">", match.start()) if match else -1
        if match is None or tag_end < 0:
            if src.eof:
                raise ValueError("unterminated sheetData")
            keep = max(pos, len(src.buf) - 64)
            out.write(src.buf[pos:keep])
            src.more(keep)
            pos = 0
            continue
        if src.buf[match.start() + 1:match.start() + 2] == b"/":  # </sheetData>
            out.write(src.buf[pos:match.start()])
            while next_pending < len(pending):
                row = pending[next_pending]
                out.write(_new_row(p, row, by_row[row], edits))
                next_pending += 1
            out.write(src.buf[match.start():match.end()])
            src.buf = src.buf[match.end():]
            return
        empty = src.buf[tag_end - 1:tag_end] == b"/"
        if empty:
            end = tag_end + 1
        else:
            close = src.buf.find(row_end, tag_end)
            if close < 0:
                if src.eof:
                    raise ValueError("unterminated row")
                src.more(pos)
                pos = 0
                continue
            end = close + len(row_end)
        out.write(src.buf[pos:match.start()])
        start_tag = src.buf[match.start():tag_end + 1]
        r_match = _ROW_NUMBER.search(start_tag)
        r_text = r_match.group(1) if r_match else None
        row_number = int(r_text) if r_text else previous_row + 1
        while next_pending < len(pending) and pending[next_pending] < row_number:
            row = pending[next_pending]
            out.write(_new_row(p, row, by_row[row], edits))
            next_pending += 1
            explicit_needed = True
        element = src.buf[match.start():end]
        if next_pending < len(pending) and pending[next_pending] == row_number:
            element = _patch_row(p, element, start_tag, row_number, by_row[row_number], edits,
                                 add_r=r_text is None)
            next_pending += 1
        elif r_text is None and explicit_needed:
            element = start_tag[:len(p) + 4] + f' r="{row_number}"'.encode() + element[len(p) + 4:]
        out.write(element)
        previous_row = row_number
        pos = end


def _cell_value_xml(p: bytes, row: int, col: int, value: CellValue, style: str | None,
                    edits: SheetEdits) -> bytes:
    if type(value) is str:  # the common case, without the date-style lookup
        return cell_xml(_PREFIXES.get(p) or p.decode(), cell_ref(row, col), value, style, None,
                        False).encode()
    date_style = edits.date_style
    if style is not None and style in edits.date_styles:
        date_style = style
    return cell_xml(p.decode(), cell_ref(row, col), value, style, date_style, edits.date1904).encode()


def _new_row(p: bytes, row: int, cells: list[tuple[int, CellValue]], edits: SheetEdits) -> bytes:
    parts = [f'<{p.decode()}row r="{row}">'.encode()]
    for col, value in cells:
        if value is None:
            continue
        parts.append(_cell_value_xml(p, row, col, value, None, edits))
    parts.append(b"</" + p + b"row>")
    return b"".join(parts)


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


_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"']([0-9]+)[\"']")
_REF_IN_TAG = re.compile(rb"\sr\s*=\s*[\"']([A-Z]{1,3})[0-9]*[\"']")
_STYLE_IN_TAG = re.compile(rb"\ss\s*=\s*[\"']([0-9]+)[\"']")
_COLUMNS: dict[bytes, int] = {}
_PREFIXES: dict[bytes, str] = {b"": ""}


def _column_of(letters: bytes) -> int:
    col = _COLUMNS.get(letters)
    if col is None:
        col = _COLUMNS[letters] = column_index(letters.decode("ascii"))
    return col


def _patch_row(p: bytes, element: bytes, start_tag: bytes, row: int, patches: list[tuple[int, CellValue]],
               edits: SheetEdits, add_r: bool) -> bytes:
    """The row with ``patches`` written. Cells are parsed from the right end only as far as the
    leftmost column that matters, so a wide row costs little when the review columns are on the right."""
    if start_tag.endswith(b"/>"):
        body = b""
        start_tag = start_tag[:-2].rstrip() + b">"
    else:
        body = element[len(start_tag):-(len(p) + 6)]
    patch_map = dict(patches)
    sources = {edits.style_like[(row, c)] for c in patch_map if (row, c) in edits.style_like}
    need = min([*patch_map, *sources])
    close = b"</" + p + b"c>"
    appended = None if sources else _append_right(p, body, row, patches, need, close, edits)
    if appended is not None:
        cols = [patches[0][0], patches[-1][0]]
        return _update_row_tag(start_tag, row, cols, add_r, len(p)) + appended + b"</" + p + b"row>"
    starts = [m.start() for m in re.finditer(rb"<" + re.escape(p) + rb"c(?=[\s/>])", body)]
    existing: list[tuple[int, int, int, str | None]] = []  # (col, start, end, style), right to left
    trailing_from = len(body)
    for index in range(len(starts) - 1, -1, -1):
        begin = starts[index]
        tag_end = body.index(b">", begin)
        tag = body[begin:tag_end + 1]
        ref = _REF_IN_TAG.search(tag)
        if ref is None:  # positions implicit: parse the whole row
            return _patch_row_slow(p, body, start_tag, row, patch_map, edits, add_r)
        end = tag_end + 1 if tag.endswith(b"/>") else body.index(close, tag_end) + len(close)
        if index == len(starts) - 1:
            trailing_from = end
        style = _STYLE_IN_TAG.search(tag)
        col = _column_of(ref.group(1))
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
    new_start = _update_row_tag(start_tag, row, cols, add_r, len(p))
    return new_start + body[:split] + b"".join(out_cells) + body[trailing_from:] + b"</" + p + b"row>"


def _append_right(p: bytes, body: bytes, row: int, patches: list[tuple[int, CellValue]], need: int,
                  close: bytes, edits: SheetEdits) -> bytes | None:
    """The row's content with the new cells appended, when every patched column lies right of the
    row's last cell (the usual case when review columns are added); ``None`` otherwise."""
    last = body.rfind(b"<" + p + b"c ")
    if last < 0:
        return None
    tag_end = body.find(b">", last)
    ref = _REF_IN_TAG.search(body, last, tag_end)
    if ref is None or _column_of(ref.group(1)) >= need:
        return None
    end = tag_end + 1 if body[tag_end - 1:tag_end] == b"/" else body.find(close, tag_end) + len(close)
    if end < len(close) or (b"<" + p + b"c") in body[end:]:
        return None
    new = [_cell_value_xml(p, row, col, value, None, edits) for col, value in patches if value is not None]
    return body[:end] + b"".join(new) + body[end:]


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
    new_start = _update_row_tag(start_tag, row, [*xml, *patch_map], add_r, len(p))
    return new_start + b"".join(out_cells) + body[cells_end:] + b"</" + p + b"row>"


def _update_row_tag(start_tag: bytes, row: int, cols: list[int], add_r: bool, prefix_len: int) -> bytes:
    if add_r:
        start_tag = start_tag[:prefix_len + 4] + f' r="{row}"'.encode() + start_tag[prefix_len + 4:]
    match = re.search(rb"(\sspans\s*=\s*[\"'])([^\"']*)", start_tag)
    if match is None or not cols:
        return start_tag
    numbers = [int(n) for n in re.findall(rb"\d+", match.group(2))]
    low = min([*numbers, min(cols) + 1])
    high = max([*numbers, max(cols) + 1])
    return start_tag[:match.start(2)] + f"{low}:{high}".encode() + start_tag[match.end(2):]


def scan_extent(stream: IO[bytes], size: int = 0) -> tuple[int, int]:
    """``(last row, last column)`` holding a value or formula (1-based row, 0-based column; 0/-1 if none).

    Cells with only formatting (self-closing ``<c .../>``) do not count: "the last used column" is
    where content ends. Cells without an ``r`` attribute are not seen (writers that omit it are rare).
    """
    src = _Source(stream, size, None)
    src.more(0)
    # anchored on ' r="' rather than '<c': several times faster on a large sheet, and prefix-agnostic;
    # "[^>/]*>" leaves out self-closing cells (formatting only)
    ref = rb" r=\"([A-Z]{1,3})([0-9]+)\"[^>/]*>"
    cell = re.compile(ref)
    last = re.compile(rb".*" + ref, re.DOTALL)
    letters: set[bytes] = set()
    max_row = 0
    while True:
        cut = len(src.buf) if src.eof else max(src.buf.rfind(b"<"), 0)
        chunk = src.buf[:cut]
        letters.update({column for column, _ in cell.findall(chunk)})
        final = last.match(chunk)
        if final is not None:
            max_row = max(max_row, int(final.group(2)))
        if src.eof:
            break
        src.more(cut)
    max_col = max((column_index(x.decode("ascii")) for x in letters), default=-1)
    return max_row, max_col
