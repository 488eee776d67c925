"""Where a sheet's content ends, found by streaming its XML (private to the writer): the
``<dimension>`` element cannot be trusted (some writers put ``A1:XFD1048576`` there).
"""

from __future__ import annotations

import re
from typing import IO

from workbench.xlsx._stream import Source
from workbench.xlsx.cells import column_index


def scan_extent(stream: IO[bytes], size: int = 0) -> tuple[int, int]:
    """``(last row, last column)`` holding a value or formula (1-based row, 0-based column; 0/-1 if none).

    Cells with only formatting (self-closing ``<c .../>``) do not count: "the last used column" is
    where content ends. Cells without an ``r`` attribute are not seen (writers that omit it are rare).
    """
    src = Source(stream, size, None)
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
    src = Source(stream, size, None)
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
