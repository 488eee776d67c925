"""Reading a written workbook back before it replaces the original (private to the writer).

One streaming pass over the target sheet feeds a strict XML parser (expat: the part is well-formed)
and, with a reader separate from the writer's, pulls out the cells that were written and compares
them with what was meant. Every other member's checksum is checked. Memory stays flat on large sheets.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import html
import math
import queue
import re
import threading
import zipfile
from collections.abc import Collection, Generator, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING
from xml.parsers import expat

from workbench.xlsx._sheet import sheet_prefix
from workbench.xlsx.cells import CellValue, clean_text, column_index, column_letters, date_serial

if TYPE_CHECKING:
    from workbench.xlsx.check_worker import StreamCheck

_CHUNK = 1 << 20
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>([^<]*)</", re.DOTALL)
_TEXT = re.compile(rb"<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)</", re.DOTALL)


def _matches(attrs: bytes, content: bytes | None, wanted: CellValue, date1904: bool) -> bool:
    value = _VALUE.search(content) if content else None
    if wanted is None:
        return value is None and not (content and _TEXT.search(content))
    if b'"inlineStr"' in attrs:
        raw = b"".join(_TEXT.findall(content or b""))
        found = raw.decode("utf-8")
        if b"&" in raw or b"_x" in raw:
            found = html.unescape(found).replace("_x005F_", "_")
        if isinstance(wanted, dt.date):
            return bool(found)
        return found == clean_text(str(wanted))
    if value is None:
        return False
    number = float(value.group(1))
    if isinstance(wanted, dt.date):
        return math.isclose(number, date_serial(wanted, date1904), abs_tol=1e-6)
    if isinstance(wanted, bool):
        return number == float(wanted)
    if isinstance(wanted, int | float):
        return math.isclose(number, float(wanted), rel_tol=1e-12, abs_tol=1e-12)
    return False


def _chunks(stream: IO[bytes]) -> Generator[bytes, None, None]:
    """The stream's bytes in large chunks, read (inflated) ahead by a thread: zlib releases the GIL,
    so decompression overlaps the parsing. The last chunk is ``b""``."""
    chunks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                chunk = stream.read(_CHUNK)
                chunks.put(chunk)
                if not chunk:
                    return
        except BaseException as error:  # raised in the consuming thread
            chunks.put(error)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if not item:
                return
    finally:
        stop.set()
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                chunks.get(timeout=0.05)


def check_sheet(zf: zipfile.ZipFile, part: str, expected: Mapping[tuple[int, int], CellValue],
                date1904: bool) -> list[str]:
    """Problems found reading ``part`` back: not well-formed, or written cells not as ``expected``."""
    # reading to the end checks the CRC
    with zf.open(part) as stream, contextlib.closing(_chunks(stream)) as chunks:
        return check_chunks(chunks, part, expected, date1904)


def check_chunks(chunks: Iterable[bytes], part: str, expected: Mapping[tuple[int, int], CellValue],
                 date1904: bool) -> list[str]:
    """:func:`check_sheet` over the sheet XML given as chunks, the last one ``b""``.

    The strict parser reads the sheet's head and tail and every stretch of rows that holds a written
    row (or a row without ``r``, whose number the patcher may have made explicit); a stretch of rows
    none of which was written is the source's bytes as they were, and is left out of the parse. The
    stretches end at row ends, so what the parser reads is still one document."""
    parser = expat.ParserCreate()
    columns = sorted({column_letters(c) for _, c in expected}, key=len, reverse=True)
    numbers = {letters.encode(): column_index(letters) for letters in columns}
    cell: re.Pattern[bytes] | None = None
    seen = 0
    problems: list[str] = []
    buffer = b""
    row_end: bytes | None = None
    memo: dict[tuple[bytes, bytes, type, object], bool] = {}
    missing = object()
    rows = {str(row).encode() for row, _ in expected}
    ordered = sorted({row for row, _ in expected})
    keys = sorted(expected)  # the written cells in sheet order, for the stretches where most rows were written
    key_rows = [row for row, _ in keys]
    prefix = b""
    head_done = ended = False
    for chunk in chunks:
        buffer = buffer + chunk if buffer else chunk
        # cells never cross a row's end: check everything up to the last complete row
        if row_end is None:
            prefix = sheet_prefix(buffer)
            row_end = b"</" + prefix + b"row>"
            if columns:
                # a written cell's start tag as the writer writes it (a literal start keeps the
                # search fast); findall hands back every written column's cell of a chunk at once
                cell = re.compile(rb"<" + re.escape(prefix) + rb'c r="(' + "|".join(columns).encode()
                                  + rb')([0-9]+)"([^>]*?)(?:/>|>(.*?)</' + re.escape(prefix) + rb"c>)",
                                  re.DOTALL)
        cut = len(buffer) if not chunk else buffer.rfind(row_end) + len(row_end)
        if cut < len(row_end):
            cut = 0
        if not cut:
            continue
        try:
            start, end, span = _parse_region(parser, buffer, cut, prefix, head_done, not chunk, ordered)
        except expat.ExpatError as error:
            return [f"{part}: {error}"]
        head_done, ended = True, not chunk
        if cell is not None:
            found: Iterable[tuple[bytes, bytes, bytes, bytes]]
            if span is not None and span.numbered and span.written * 4 > max(1, span.high - span.low + 1):
                found = _cells_by_ref(buffer, start, end, cell, prefix,
                                      keys[bisect.bisect_left(key_rows, span.low):
                                           bisect.bisect_right(key_rows, span.high)])
            else:
                found = _written_cells(buffer, start, end, span, cell, prefix, rows, problems)
            for letters, number, attrs, content in found:
                key = (int(number), numbers[letters])
                wanted = expected.get(key, missing)
                if wanted is missing:
                    continue
                seen += wanted is not None
                memo_key = (attrs, content, type(wanted), wanted)
                good = memo.get(memo_key)
                if good is None:
                    good = _matches(attrs, content, wanted, date1904)  # type: ignore[arg-type]  # not missing
                    if len(memo) < 4096 and len(content) < 256:
                        memo[memo_key] = good
                if not good:
                    problems.append(f"{column_letters(key[1])}{key[0]}: not {wanted!r}")
        buffer = buffer[cut:]
    if not ended:
        try:  # the stream ended without a last chunk, or right after a row's end: what is left, as it is
            parser.Parse(buffer, True)
        except expat.ExpatError as error:
            return [f"{part}: {error}"]
    # a cleared cell that did not exist is not written at all; everything else must have been seen
    must = sum(1 for v in expected.values() if v is not None)
    if seen < must:
        problems.append(f"{must - seen} written cells are missing")
    return problems


def _parse_region(parser: expat.XMLParserType, buffer: bytes, cut: int, prefix: bytes, head_done: bool,
                  final: bool, ordered: list[int]) -> tuple[int, int, _Span | None]:
    """Feed ``buffer[:cut]`` (ending at a row's end, or the sheet's end when ``final``) to ``parser``,
    leaving out its rows when none of them was written. Returns where its rows lie (``start``, ``end``)
    and their :class:`_Span`."""
    start = 0
    if not head_done:
        opening = _sheet_data(prefix).search(buffer, 0, cut)
        if opening is None:  # no sheetData start before the first row end: not our kind of sheet
            parser.Parse(buffer[:cut], final)
            return 0, cut, None
        start = opening.end()
        parser.Parse(buffer[:start], False)
    end = cut
    if final:
        closing = buffer.find(b"</" + prefix + b"sheetData", start, cut)
        end = closing if closing >= 0 else cut
    span = _span(buffer, start, end, prefix, ordered)
    if end > start and (span is None or span.numbered is False or span.written):
        parser.Parse(buffer[start:end], False)
    if final:
        parser.Parse(buffer[end:cut], True)
    return start, end, span


@dataclass(frozen=True)
class _Span:
    """The rows of a stretch of ``sheetData``: the first and last row number, whether every row has its
    ``r`` (else their numbers cannot be told), and how many of the written rows lie between."""

    low: int
    high: int
    numbered: bool
    written: int


def _span(buffer: bytes, start: int, end: int, prefix: bytes, ordered: list[int]) -> _Span | None:
    """The :class:`_Span` of the rows in ``buffer[start:end]``; ``None`` where it holds no numbered row
    (or whitespace only, which is ``_Span(0, -1, True, 0)``)."""
    pattern = _row_starts(prefix)
    first = pattern.search(buffer, start, end)
    last_at = buffer.rfind(b"<" + prefix + b'row r="', start, end)
    last = pattern.match(buffer, last_at, end) if last_at >= 0 else None
    if first is None or last is None:
        return _Span(0, -1, True, 0) if not buffer[start:end].strip() else None
    low, high = int(first.group(1)), int(last.group(1))
    numbered = low <= high and _unnumbered(prefix).search(buffer, start, end) is None
    return _Span(low, high, numbered, bisect.bisect_right(ordered, high) - bisect.bisect_left(ordered, low))


def _cells_by_ref(buffer: bytes, start: int, end: int, cell: re.Pattern[bytes], prefix: bytes,
                  keys: Sequence[tuple[int, int]]) -> list[tuple[bytes, bytes, bytes, bytes]]:
    """The written cells ``keys`` (in sheet order) in the rows ``buffer[start:end]``, each looked for by its
    reference inside its row: where most of a stretch's rows were written (a re-merge's block of rows,
    a column edited on every row), this spares pulling every cell of the written columns out of the
    stretch. A row or cell not found is not seen, so the count of written cells falls short."""
    row_open = b"<" + prefix + b'row r="'
    row_end = b"</" + prefix + b"row>"
    cell_open = b"<" + prefix + b'c r="'
    match = cell.match
    found: list[tuple[bytes, bytes, bytes, bytes]] = []
    pos = start
    current = 0
    row_start = row_stop = -1
    for row, col in keys:
        if row != current:
            current = row
            number = str(row).encode()
            row_start = buffer.find(row_open + number + b'"', pos, end)
            row_stop = buffer.find(row_end, row_start, end) if row_start >= 0 else -1
            if row_stop < 0:
                row_stop = end
            if row_start >= 0:
                pos = row_stop
        if row_start < 0:
            continue
        at = buffer.find(cell_open + _letters(col) + number + b'"', row_start, row_stop)
        found_cell = match(buffer, at, row_stop + len(row_end)) if at >= 0 else None
        if found_cell is not None:
            found.append(found_cell.groups(b""))  # type: ignore[arg-type]  # four groups of bytes
    return found


_LETTERS: dict[int, bytes] = {}


def _letters(col: int) -> bytes:
    found = _LETTERS.get(col)
    if found is None:
        found = _LETTERS[col] = column_letters(col).encode("ascii")
    return found


def _written_cells(buffer: bytes, start: int, end: int, span: _Span | None, cell: re.Pattern[bytes],
                   prefix: bytes, rows: set[bytes], problems: list[str]) -> Iterable[tuple[bytes, bytes, bytes, bytes]]:
    """The cells of the written columns in the rows ``buffer[start:end]``. Where few of the chunk's rows
    were written (a re-merge writes a tenth of a sheet's rows), they are looked for only inside those
    rows: every row start tag is found, the written rows are searched, and each cell found must carry its
    row's number; a written cell in an unwritten row is not seen, so the count of written cells falls
    short, which is a problem too (and a stretch with no written row is not searched at all). Where many
    were (a column edited on every row), or a row has no ``r`` (not our patcher's output), the whole
    chunk is searched in one pass as before: a per-row search would cost more there."""
    if span is None or not span.numbered:
        return cell.findall(buffer, start, end)
    if not span.written:
        return []
    if span.written * 4 > max(1, span.high - span.low + 1):
        return cell.findall(buffer, start, end)
    row_end = b"</" + prefix + b"row>"
    found: list[tuple[bytes, bytes, bytes, bytes]] = []
    for row_start in _row_starts(prefix).finditer(buffer, start, end):
        number = row_start.group(1)
        if number not in rows or row_start.group(2):
            continue  # not written, or self-closing (no cells)
        close = buffer.find(row_end, row_start.end(), end)
        cells = cell.findall(buffer, row_start.end(), end if close < 0 else close)
        for found_cell in cells:
            if found_cell[1] != number:
                problems.append(f"{found_cell[0].decode()}{found_cell[1].decode()}: written inside row "
                                f"{number.decode()}")
        found += cells
    return found


_PATTERNS: dict[tuple[bytes, bytes], re.Pattern[bytes]] = {}


def _tag(prefix: bytes, rest: bytes) -> re.Pattern[bytes]:
    """``<`` + the sheet's namespace prefix + ``rest``, compiled once per prefix."""
    pattern = _PATTERNS.get((prefix, rest))
    if pattern is None:
        pattern = _PATTERNS[(prefix, rest)] = re.compile(rb"<" + re.escape(prefix) + rest)
    return pattern


def _row_starts(prefix: bytes) -> re.Pattern[bytes]:
    return _tag(prefix, rb'row r="([0-9]+)"[^>]*?(/?)>')


def _read_members(path: Path, sheet_part: str, parts: Sequence[str], with_sheet: bool,
                  skip: Collection[str] = ()) -> None:
    """Read every member to its end (``zipfile`` checks each CRC there), the changed ones through expat;
    ``skip``: the sheets that are read back on their own."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if (info.filename == sheet_part and not with_sheet) or info.filename in skip:
                continue
            with zf.open(info) as stream:  # reading to the end checks the CRC
                if info.filename in parts and info.filename != sheet_part:
                    expat.ParserCreate().ParseFile(stream)
                else:
                    while stream.read(_CHUNK):
                        pass


def verify_written(path: Path, sheet_part: str, parts: Sequence[str],
                   expected: Mapping[tuple[int, int], CellValue], date1904: bool,
                   stream_check: StreamCheck | None = None,
                   others: Mapping[str, Mapping[tuple[int, int], CellValue]] | None = None) -> None:
    """Check a written package; raises ``ValueError`` naming the first problems. ``others`` are further
    patched sheets (part -> cells), each read back as the first one is without a helper.

    With ``stream_check`` (a helper that read the sheet as it was written), the sheet is not parsed
    again: its bytes on disk must inflate without a CRC error and have the CRC-32 and size of what the
    helper checked. A lost helper means the sheet is read back here, as without one.
    """
    others = others or {}
    if stream_check is None:
        _read_members(path, sheet_part, parts, with_sheet=False, skip=others)
        with zipfile.ZipFile(path) as zf:
            problems = check_sheet(zf, sheet_part, expected, date1904)
    else:
        # the bytes on disk are read (and their CRCs checked) while the helper finishes
        with ThreadPoolExecutor(max_workers=1) as pool:
            members = pool.submit(_read_members, path, sheet_part, parts, True, others)
            streamed = stream_check.finish()
            members.result()
        with zipfile.ZipFile(path) as zf:
            if streamed is None:
                problems = check_sheet(zf, sheet_part, expected, date1904)
            else:
                info = zf.getinfo(sheet_part)
                problems = list(streamed.problems)
                if (info.CRC, info.file_size) != (streamed.crc, streamed.size):
                    problems.insert(0, f"{sheet_part}: the bytes on disk are not the bytes read back "
                                       f"(CRC {info.CRC:08x}/{streamed.crc:08x}, "
                                       f"size {info.file_size}/{streamed.size})")
    with zipfile.ZipFile(path) as zf:
        for part, cells in others.items():
            problems += check_sheet(zf, part, cells, date1904)
    if problems:
        raise ValueError("; ".join(problems[:5]))


def _sheet_data(prefix: bytes) -> re.Pattern[bytes]:
    """``sheetData``'s start tag (not a self-closing one: a sheet without rows is parsed whole)."""
    return _tag(prefix, rb"sheetData(?:\s[^>]*)?(?<!/)>")


def _unnumbered(prefix: bytes) -> re.Pattern[bytes]:
    """A row start tag without ``r`` first (our patcher's and most writers' rows have it there)."""
    return _tag(prefix, rb'row(?! r=")')
