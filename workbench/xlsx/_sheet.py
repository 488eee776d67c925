"""Streaming patch of a worksheet's ``<sheetData>`` (private to the writer).

The sheet XML is read in chunks and copied through; only the ``<row>`` elements that receive cells are
parsed and rebuilt, new rows are inserted in order. Nothing outside those rows changes, except the
``<dimension>`` range in the head and whatever ``tail_transform`` does with the part after
``</sheetData>`` (validations, autofilter), which is small and handled in memory.

The rows and cells themselves are rewritten by ``_rows``; the chunked reading and writing is
``_stream``'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO

from workbench.progress import Progress
from workbench.xlsx._cols import unhide_columns
from workbench.xlsx._rows import (
    REF_IN_TAG,
    ROW_NUMBER,
    RowCells,
    SheetEdits,
    cells_xml,
    column_of,
    new_row,
    patch_row,
    row_styles,
    update_row_tag,
)
from workbench.xlsx._stream import CHUNK, ColumnsInUse, Sink, Source, columns_from
from workbench.xlsx.cells import format_range, parse_range

__all__ = ["ColumnsInUse", "SheetEdits", "columns_from", "patch_sheet_stream", "sheet_prefix"]

_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")


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
    src = Source(stream, size, progress, guard)
    sink = Sink(out, threaded=size > 4 * CHUNK, tee=tee)
    try:
        _patch_stream(src, sink, edits, tail_transform)
        sink.close()
    except BaseException:
        sink.abort()
        raise
    finally:
        src.close()


def _patch_stream(src: Source, out: Sink, edits: SheetEdits,
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
            out.write(new_row(p, row, by_row.at(index), edits))  # no row above to take styles from
        out.write(b"</" + p + b"sheetData>")
        src.buf = src.buf[sheet_data.end():]
    else:
        out.write(src.buf[sheet_data.start():sheet_data.end()])
        src.buf = src.buf[sheet_data.end():]
        _patch_rows(src, out, p, by_row, pending, edits)
    while not src.eof:
        src.more(0)
    out.write(tail_transform(src.buf, p))


def _patch_rows(src: Source, out: Sink, p: bytes, by_row: RowCells,
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
                out.write(new_row(p, pending[next_pending], by_row.at(next_pending), edits, above))
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
        r_match = ROW_NUMBER.search(start_tag)
        r_text = r_match.group(1) if r_match else None
        row_number = int(r_text) if r_text else previous_row + 1
        if next_pending < len(pending) and pending[next_pending] < row_number:
            above = fast.styles_above()
            while next_pending < len(pending) and pending[next_pending] < row_number:
                out.write(new_row(p, pending[next_pending], by_row.at(next_pending), edits, above))
                next_pending += 1
            explicit_needed = True
        element = src.buf[match.start():end]
        if fast.track:
            fast.last_row = element
        if next_pending < len(pending) and pending[next_pending] == row_number:
            element = patch_row(p, element, start_tag, row_number, by_row.at(next_pending), edits,
                                 add_r=r_text is None)
            next_pending += 1
        elif r_text is None and explicit_needed:
            element = start_tag[:len(p) + 4] + f' r="{row_number}"'.encode() + element[len(p) + 4:]
        out.write(element)
        previous_row = row_number
        pos = end


_SPACE = re.compile(rb"\s*")
_JUMP_AT_LEAST = 4096  # bytes: below that, the row-by-row loop costs no more than the checks of a jump


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
        self.numbered = b"<" + p + b'row r="'
        self.unnumbered = re.compile(rb"<" + re.escape(p) + rb'row(?! r=")')
        self.cell_open = b"<" + p + b"c "
        self.any_cell = b"<" + p + b"c"
        self.cell_close = b"</" + p + b"c>"
        self.styled_rows = {row for row, _ in edits.style_like}
        self.spans: dict[tuple[bytes, int, int], bytes] = {}
        # the last existing row passed (as it was read), whose styles new rows below it take
        self.track = edits.style_from_above
        self.last_row = b""
        self._found: dict[str, tuple[bytes, int, re.Match[bytes] | None]] = {}
        self._failed: tuple[bytes, int, int] | None = None  # (buffer, row wanted, up to where) of a failed jump
        self.any_start = re.compile(rb"<" + re.escape(p) + rb'row r="([0-9]+)"[^>]*>')  # self-closing too

    def _next(self, which: str, pattern: re.Pattern[bytes], buf: bytes, pos: int) -> re.Match[bytes] | None:
        """``pattern.search(buf, pos)``, remembered for the buffer: the row-by-row loop asks again at every
        row, and a search that finds nothing far ahead (rows without ``r``) would read the rest of the
        buffer each time."""
        known = self._found.get(which)
        if known is not None and known[0] is buf and known[1] <= pos:
            found = known[2]
            if found is None or found.start() >= pos:
                return found
        found = pattern.search(buf, pos)
        self._found[which] = (buf, pos, found)
        return found

    def _jump(self, buf: bytes, pos: int, wanted: int, previous_row: int) -> tuple[int, int, int] | None:
        """Over the complete rows from ``pos`` that all lie before row ``wanted`` (``0``: no row left to
        patch), in one step: ``(where they end, the last one's number, where it starts)``. They are
        copied as they are. ``None`` when the stretch is short, or not plainly numbered rows in order
        (a row without ``r``, a self-closing last row): the row-by-row loop looks at those."""
        failed = self._failed
        if failed is not None and failed[0] is buf and failed[1] == wanted and pos < failed[2]:
            return None  # it failed on the way to the same row: the row-by-row loop goes there
        first = self._next("start", self.start, buf, pos)
        if first is None or _SPACE.match(buf, pos).end() != first.start():  # type: ignore[union-attr]  # \s* matches
            return None
        unnumbered = self._next("unnumbered", self.unnumbered, buf, pos)
        limit = unnumbered.start() if unnumbered is not None else len(buf)
        target = buf.find(self.numbered + str(wanted).encode() + b'"', pos, limit) if wanted else -1
        if target < 0:
            end = buf.rfind(self.row_end, pos, limit)
            target = end + len(self.row_end) if end >= 0 else -1
        elif not buf[max(pos, target - 64):target].rstrip().endswith((self.row_end, b"/>")):
            target = -1
        last_at = buf.rfind(self.numbered, pos, target) if target - pos >= _JUMP_AT_LEAST else -1
        last = self.any_start.match(buf, last_at, target) if last_at >= 0 else None
        number = int(last.group(1)) if last is not None else 0
        if last is None or int(first.group(1)) <= previous_row or (wanted and number >= wanted):
            self._failed = (buf, wanted, target if target >= 0 else limit)
            return None
        return target, number, last.start()

    def _append_point(self, buf: bytes, body: int, end: int, low: int) -> int | None:
        """Where the row's last cell ends, if it lies left of column ``low`` (new cells can follow it);
        ``None`` otherwise (a cell to replace, a row without cells or without references)."""
        last = buf.rfind(self.cell_open, body, end)
        tag_end = buf.find(b">", last, end) if last >= 0 else -1
        ref = REF_IN_TAG.search(buf, last, tag_end + 1) if tag_end > 0 else None
        if ref is None or column_of(ref.group(1)) >= low:
            return None
        if buf[tag_end - 1] == 0x2F:  # "/": a self-closing cell
            cell_end = tag_end + 1
        else:
            cell_end = buf.find(self.cell_close, tag_end, end)
            if cell_end < 0:
                return None
            cell_end += len(self.cell_close)
        return None if buf.find(self.any_cell, cell_end, end) >= 0 else cell_end

    def styles_above(self) -> dict[int, str]:
        """``{column: style}`` of the last existing row passed (empty unless new rows take its styles)."""
        return row_styles(self.p, self.last_row) if self.track and self.last_row else {}

    def run(self, buf: bytes, pos: int, next_pending: int, previous_row: int,
            out: Sink) -> tuple[int, int, int]:
        """Handle the complete rows from ``pos`` on; returns the new ``(pos, next_pending, previous_row)``."""
        pending, n, row_end = self.pending, len(self.pending), self.row_end
        end_len = len(row_end)
        styled, spans, at, p, edits = self.styled_rows, self.spans, self.by_row.at, self.p, self.edits
        parts: list[bytes] = []
        add = parts.append
        copied = pos
        last_begin = -1
        while True:
            jump = self._jump(buf, pos, pending[next_pending] if next_pending < n else 0, previous_row)
            if jump is not None:
                pos, previous_row, last_begin = jump
            match = self._next("start", self.start, buf, pos)
            if match is None:
                break
            begin = match.start()
            if begin != pos and _SPACE.match(buf, pos).end() != begin:  # type: ignore[union-attr]  # \s* matches
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
                if number in styled:
                    break  # a header cell copying a neighbour's style: the row-by-row loop
                patches = at(next_pending)
                low, high = patches[0][0], patches[-1][0]
                cell_end = self._append_point(buf, match.end(), end, low)
                if cell_end is None:  # cells replaced inside the row: the row rewritten
                    add(buf[copied:begin])
                    add(patch_row(p, buf[begin:end + end_len], buf[begin:match.end()], number, patches, edits,
                                  add_r=False))
                    copied = end + end_len
                else:  # the new cells go right of the row's last cell
                    attrs = match.group(2)
                    new_attrs = spans.get((attrs, low, high))
                    if new_attrs is None:
                        new_attrs = update_row_tag(b"<row" + attrs + b">", number, [low, high], False, 0)[4:-1]
                        if len(spans) < 1024:
                            spans[(attrs, low, high)] = new_attrs
                    add(buf[copied:match.start(2)])
                    add(new_attrs)
                    add(buf[match.end(2):cell_end])
                    add(cells_xml(p, number, patches, edits))
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
