"""Reading and writing a sheet's XML in large chunks, with threads that inflate ahead and deflate
behind (private to the writer). zlib releases the GIL, so (de)compression overlaps the patching.
"""

from __future__ import annotations

import contextlib
import queue
import re
import threading
from collections.abc import Callable
from typing import IO

from workbench.progress import Progress, report
from workbench.xlsx.cells import column_letters

CHUNK = 1 << 20


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


class Source:
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
        if size > 4 * CHUNK:
            self._queue = queue.Queue(maxsize=4)
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._read_ahead, daemon=True)
            self._thread.start()

    def _read_ahead(self) -> None:
        assert self._queue is not None
        try:
            while not self._stop.is_set():
                chunk = self.stream.read(CHUNK)
                self._queue.put(chunk)
                if not chunk:
                    return
        except BaseException as error:  # handed to the reading thread, raised there
            self._queue.put(error)

    def _next_chunk(self) -> bytes:
        if self._queue is None:
            return self.stream.read(CHUNK)
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


class Sink:
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
        if self.size >= CHUNK:
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
