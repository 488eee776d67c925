"""Streaming patch of a worksheet's ``<sheetData>`` (private to the writer).

The sheet XML is read in chunks and copied through; only the ``<row>`` elements that receive cells are
parsed and rebuilt, new rows are inserted in order. Nothing outside those rows changes, except the
``<dimension>`` range in the head and whatever ``tail_transform`` does with the part after
``</sheetData>`` (validations, autofilter), which is small and handled in memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from workbench.progress import Progress, report
from workbench.xlsx._cols import unhide_columns
from workbench.xlsx.cells import (
    CellValue,
    cell_ref,
    cell_xml,
    column_index,
    column_letters,
    escape_text,
    format_range,
    parse_range,
    parse_ref,
)

_CHUNK = 1 << 20
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
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


class ColumnsInUse(ValueError):
    """The sheet holds content at or right of the column the new review columns were planned from."""


def columns_from(col: int) -> bytes:
    """A regex (bytes) matching the column letters of every column at or right of 0-based ``col``."""
    letters = column_letters(col)

    def at_least(text: str) -> str:
        head, rest = text[0], text[1:]
        options = []
        if head < "Z":
            options.append(f"[{chr(ord(head) + 1)}-Z]" + (f"[A-Z]{{{len(rest)}}}" if rest else ""))
        options.append(head + (at_least(rest) if rest else ""))
        return "(?:" + "|".join(options) + ")"

    longer = [f"[A-Z]{{{n}}}" for n in range(len(letters) + 1, 4)]
    return ("(?:" + "|".join([at_least(letters), *longer]) + ")").encode("ascii")


class _Source:
    """A chunked reader over the sheet XML with a sliding buffer.

    A thread reads (inflates) ahead while the caller works on the buffer: zlib releases the GIL, so on
    a large sheet decompression overlaps the patching. ``guard`` (a compiled pattern) is searched in
    every byte read; a match raises :class:`ColumnsInUse`.
    """

    def __init__(self, stream: IO[bytes], size: int, progress: Progress | None,
                 guard: re.Pattern[bytes] | None = None) -> None:
        self.stream = stream
        self.size = max(size, 1)
        self.consumed = 0
        self.progress = progress
        self.buf = b""
        self.eof = False
        self.guard = guard
        self._overlap = b""
        self._queue: queue.Queue[bytes | BaseException] | None = None
        if size > 4 * _CHUNK:
            self._queue = queue.Queue(maxsize=4)
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._read_ahead, daemon=True)
            self._thread.start()

    def _read_ahead(self) -> None:
        assert self._queue is not None
        try:
            while not self._stop.is_set():
                chunk = self.stream.read(_CHUNK)
                self._queue.put(chunk)
                if not chunk:
                    return
        except BaseException as error:  # handed to the reading thread, raised there
            self._queue.put(error)

    def _next_chunk(self) -> bytes:
        if self._queue is None:
            return self.stream.read(_CHUNK)
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """Stop the read-ahead thread (the stream must stay open until this returns)."""
        if self._queue is not None:
            self._stop.set()
            while self._thread.is_alive():
                with contextlib.suppress(queue.Empty):
                    self._queue.get(timeout=0.05)
            self._queue = None

    def more(self, keep_from: int) -> int:
        """Drop ``buf[:keep_from]``, read another chunk; returns how many bytes were dropped."""
        chunk = self._next_chunk()
        if not chunk:
            self.eof = True
        if self.guard is not None:
            window = self._overlap + chunk
            found = self.guard.search(window)
            if found is not None:
                raise ColumnsInUse(found.group(0)[:40].decode("ascii", "replace"))
            self._overlap = window[-64:]
        self.consumed += len(chunk)
        report(self.progress, min(self.consumed, self.size), self.size, "write")
        self.buf = self.buf[keep_from:] + chunk
        return keep_from


class _Sink:
    """Collects small writes into large ones (the zip stream's per-call cost dominates otherwise).

    Large blocks are handed to a writer thread: deflate and the CRC release the GIL, so compression
    overlaps the patching. ``tee`` gets every block too, in order (the helper reading the sheet back).
    """

    def __init__(self, out: IO[bytes], threaded: bool = False,
                 tee: Callable[[bytes], None] | None = None) -> None:
        self.out = out
        self.tee = tee
        self.parts: list[bytes] = []
        self.size = 0
        self._queue: queue.Queue[bytes | None] | None = None
        self._error: BaseException | None = None
        if threaded:
            self._queue = queue.Queue(maxsize=4)
            self._thread = threading.Thread(target=self._write_behind, daemon=True)
            self._thread.start()

    def _write_behind(self) -> None:
        assert self._queue is not None
        while True:
            block = self._queue.get()
            if block is None:
                return
            if self._error is None:
                try:
                    self.out.write(block)
                except BaseException as error:  # raised in the producing thread
                    self._error = error

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self._error is not None:
            raise self._error
        if self.parts:
            block = b"".join(self.parts)
            if self.tee is not None:
                self.tee(block)
            if self._queue is not None:
                self._queue.put(block)
            else:
                self.out.write(block)
        self.parts.clear()
        self.size = 0

    def close(self) -> None:
        """Write what is left and wait for the writer thread."""
        try:
            self.flush()
        finally:
            if self._queue is not None:
                self._queue.put(None)
                self._thread.join()
                self._queue = None
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        """Stop the writer thread without writing what is left (the output is being discarded)."""
        self.parts.clear()
        if self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._queue = None


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
                       progress: Progress | None = None, free_from: int | None = None,
                       tee: Callable[[bytes], None] | None = None) -> None:
    """Copy the sheet XML from ``stream`` to ``out`` with ``edits`` applied (and to ``tee``, in blocks).

    ``tail_transform(tail, prefix)`` gets everything after ``</sheetData>`` and returns its new text.
    With ``free_from`` (a 0-based column), a cell holding content at or right of it in the source
    raises :class:`ColumnsInUse` (new columns were planned there).
    """
    guard = None
    if free_from is not None:
        # the same rule as scan_extent: anchored on ' r="', self-closing cells (formatting) ignored
        guard = re.compile(rb' r="' + columns_from(free_from) + rb'[0-9]+"[^>/]*>')
    src = _Source(stream, size, progress, guard)
    sink = _Sink(out, threaded=size > 4 * _CHUNK, tee=tee)
    try:
        _patch_stream(src, sink, edits, tail_transform)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    finally:
        src.close()


def _patch_stream(src: _Source, out: _Sink, edits: SheetEdits,
                  tail_transform: Callable[[bytes, bytes], bytes]) -> None:
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
    max_row = by_row.rows[-1] if by_row.rows else 0
    max_col = max((col for _, col in edits.cells), default=0)
    head, edits.unhidden = unhide_columns(src.buf[:sheet_data.start()], p, edits.unhide)
    out.write(_grow_dimension(head, p, max(max_row, edits.grow_to_row), max_col))
    pending = by_row.rows
    if sheet_data.group(2):  # <sheetData/>: no rows at all
        out.write(b"<" + p + b"sheetData>")
        for index, row in enumerate(pending):
            out.write(_new_row(p, row, by_row.at(index), edits))  # no row above to take styles from
        out.write(b"</" + p + b"sheetData>")
        src.buf = src.buf[sheet_data.end():]
    else:
        out.write(src.buf[sheet_data.start():sheet_data.end()])
        src.buf = src.buf[sheet_data.end():]
        _patch_rows(src, out, p, by_row, pending, edits)
    while not src.eof:
        src.more(0)
    out.write(tail_transform(src.buf, p))


def _patch_rows(src: _Source, out: _Sink, p: bytes, by_row: RowCells,
                pending: list[int], edits: SheetEdits) -> None:
    token = re.compile(rb"<(?:" + re.escape(p) + rb"row(?=[\s/>])|/" + re.escape(p) + rb"sheetData\s*>)")
    row_end = b"</" + p + b"row>"
    next_pending = 0
    previous_row = 0
    explicit_needed = False
    pos = 0
    fast = _FastRows(p, by_row, pending, edits)
    while True:
        pos, next_pending, previous_row = fast.run(src.buf, pos, next_pending, previous_row, out)
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
            above = fast.styles_above()
            while next_pending < len(pending):
                out.write(_new_row(p, pending[next_pending], by_row.at(next_pending), edits, above))
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
        if next_pending < len(pending) and pending[next_pending] < row_number:
            above = fast.styles_above()
            while next_pending < len(pending) and pending[next_pending] < row_number:
                out.write(_new_row(p, pending[next_pending], by_row.at(next_pending), edits, above))
                next_pending += 1
            explicit_needed = True
        element = src.buf[match.start():end]
        if fast.track:
            fast.last_row = element
        if next_pending < len(pending) and pending[next_pending] == row_number:
            element = _patch_row(p, element, start_tag, row_number, by_row.at(next_pending), edits,
                                 add_r=r_text is None)
            next_pending += 1
        elif r_text is None and explicit_needed:
            element = start_tag[:len(p) + 4] + f' r="{row_number}"'.encode() + element[len(p) + 4:]
        out.write(element)
        previous_row = row_number
        pos = end


class _FastRows:
    """The common case of a save, a run of complete rows at a time: rows with an explicit ``r`` first in
    the start tag, each patched row getting its cells right of its last cell (new review columns, or
    review columns at the sheet's right edge). One regex finds the start tags; untouched rows are copied
    as one slice. Anything else (a new row to insert, a cell to replace, a row without ``r``, a
    self-closing row, the end of ``sheetData``) stops the run and the row-by-row loop takes over."""

    def __init__(self, p: bytes, by_row: RowCells, pending: list[int], edits: SheetEdits) -> None:
        self.p = p
        self.by_row = by_row
        self.pending = pending
        self.edits = edits
        self.start = re.compile(rb"<" + re.escape(p) + rb'row r="([0-9]+)"([^>]*?)(?<!/)>')
        self.row_end = b"</" + p + b"row>"
        self.cell_open = b"<" + p + b"c "
        self.any_cell = b"<" + p + b"c"
        self.cell_close = b"</" + p + b"c>"
        self.styled_rows = {row for row, _ in edits.style_like}
        self.spans: dict[tuple[bytes, int, int], bytes] = {}
        # the last existing row passed (as it was read), whose styles new rows below it take
        self.track = edits.style_from_above
        self.last_row = b""

    def styles_above(self) -> dict[int, str]:
        """``{column: style}`` of the last existing row passed (empty unless new rows take its styles)."""
        return row_styles(self.p, self.last_row) if self.track and self.last_row else {}

    def run(self, buf: bytes, pos: int, next_pending: int, previous_row: int,
            out: _Sink) -> tuple[int, int, int]:
        """Handle the complete rows from ``pos`` on; returns the new ``(pos, next_pending, previous_row)``."""
        pending, n, row_end = self.pending, len(self.pending), self.row_end
        cell_open, any_cell, cell_close = self.cell_open, self.any_cell, self.cell_close
        close_len, end_len = len(cell_close), len(row_end)
        styled, spans, at, p, edits = self.styled_rows, self.spans, self.by_row.at, self.p, self.edits
        parts: list[bytes] = []
        add = parts.append
        copied = pos
        last_begin = -1
        for match in self.start.finditer(buf, pos):
            begin = match.start()
            if begin != pos and buf[pos:begin].strip():
                break  # something other than a row lies between: the slow loop looks at it
            end = buf.find(row_end, match.end())
            if end < 0:
                break  # incomplete: read more first
            number = int(match.group(1))
            if number <= previous_row:
                break
            wanted = pending[next_pending] if next_pending < n else 0
            if wanted and wanted < number:
                break  # a new row goes before this one
            if wanted == number:
                # the new cells go right of the row's last cell, if that lies left of all of them
                if number in styled:
                    break
                last = buf.rfind(cell_open, match.end(), end)
                tag_end = buf.find(b">", last, end) if last >= 0 else -1
                ref = _REF_IN_TAG.search(buf, last, tag_end + 1) if tag_end > 0 else None
                patches = at(next_pending)
                low, high = patches[0][0], patches[-1][0]
                if ref is None or _column_of(ref.group(1)) >= low:
                    break
                if buf[tag_end - 1] == 0x2F:  # "/": a self-closing cell
                    cell_end = tag_end + 1
                else:
                    cell_end = buf.find(cell_close, tag_end, end)
                    if cell_end < 0:
                        break
                    cell_end += close_len
                if buf.find(any_cell, cell_end, end) >= 0:
                    break
                attrs = match.group(2)
                new_attrs = spans.get((attrs, low, high))
                if new_attrs is None:
                    new_attrs = _update_row_tag(b"<row" + attrs + b">", number, [low, high], False, 0)[4:-1]
                    if len(spans) < 1024:
                        spans[(attrs, low, high)] = new_attrs
                add(buf[copied:match.start(2)])
                add(new_attrs)
                add(buf[match.end(2):cell_end])
                add(_cells_xml(p, number, patches, edits))
                copied = cell_end
                next_pending += 1
            previous_row = number
            last_begin = begin
            pos = end + end_len
        if last_begin >= 0 and self.track:
            self.last_row = buf[last_begin:pos]
        if copied < pos:
            add(buf[copied:pos])
        if parts:
            out.write(b"".join(parts))
        return pos, next_pending, previous_row


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


def _new_row(p: bytes, row: int, cells: list[tuple[int, CellValue]], edits: SheetEdits,
             above: Mapping[int, str] | None = None) -> bytes:
    if above:
        body = b"".join(_cell_value_xml(p, row, col, value, above.get(col), edits)
                        for col, value in cells if value is not None)
    else:
        body = _cells_xml(p, row, cells, edits)
    return f'<{p.decode()}row r="{row}">'.encode() + body + b"</" + p + b"row>"


def row_styles(p: bytes, element: bytes) -> dict[int, str]:
    """``{column: style}`` of the styled cells of a ``<row>`` element (cells without ``r`` counted)."""
    tag_end = element.find(b">")
    if tag_end < 0 or element[tag_end - 1:tag_end] == b"/":
        return {}
    styles: dict[int, str] = {}
    col = -1
    for _, _, tag in _iter_cells(p, element[tag_end + 1:]):
        ref = _REF_IN_TAG.search(tag)
        col = _column_of(ref.group(1)) if ref is not None else col + 1
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
    if end < len(close) or body.find(b"<" + p + b"c", end) >= 0:
        return None
    return body[:end] + _cells_xml(p, row, patches, edits) + body[end:]


def _cells_xml(p: bytes, row: int, patches: list[tuple[int, CellValue]], edits: SheetEdits) -> bytes:
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
    try:
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
    finally:
        src.close()


def last_content_row(stream: IO[bytes], size: int, limit: int) -> int:
    """The last row at or above ``limit`` holding a value or formula (0 if none): where a sheet's data
    ended before rows were appended down to ``limit``; content further down (a note under the list)
    does not count. Rows are in order in ``sheetData``, so the scan stops at the first chunk that
    reaches past ``limit``; it looks at single cells only in that chunk."""
    src = _Source(stream, size, None)
    try:
        src.more(0)
        cell = re.compile(rb" r=\"[A-Z]{1,3}([0-9]+)\"[^>/]*>")
        last = re.compile(rb".*" + cell.pattern, re.DOTALL)
        found = 0
        while True:
            cut = len(src.buf) if src.eof else max(src.buf.rfind(b"<"), 0)
            chunk = src.buf[:cut]
            final = last.match(chunk)
            if final is not None:
                if int(final.group(1)) <= limit:
                    found = max(found, int(final.group(1)))
                else:
                    return max([found, *(row for row in map(int, cell.findall(chunk)) if row <= limit)])
            if src.eof:
                return found
            src.more(cut)
    finally:
        src.close()
