"""Reading a large sheet back in a second process while it is being written (private to the writer).

Python runs one thread at a time, so reading a 100 MB sheet back (a strict expat parse and every written
cell compared) after writing it doubles the time of a save, while the machine's other cores idle. For a
large sheet the writer starts this helper process first and hands it every block of the new sheet XML
as it hands the block to the zip: the helper parses and checks the blocks while the patch goes on, and
reports the CRC-32 and size of what it checked. The writer then reads the written member back from disk
(which checks the member's own CRC) and compares CRC and size with the helper's: equal means the bytes
on disk are the bytes the helper found well-formed and holding every written cell.

Whenever the helper cannot start, dies or answers nonsense, :meth:`StreamCheck.finish` returns None and
the writer reads the sheet back itself, as it does for small sheets: the check is never skipped.

The helper runs as ``python -m workbench.xlsx.check_worker`` (frozen: the bundle's executable with
``--check-worker``) and talks over its own stdin and stdout: a pickled header, then length-prefixed
blocks, then a zero length; it answers with one pickled dict.
"""

from __future__ import annotations

import array
import contextlib
import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from workbench.xlsx.cells import CellValue

log = logging.getLogger(__name__)

WORKER_FLAG = "--check-worker"
# below this many bytes of sheet XML the in-process read-back is quicker than starting a process
DEFAULT_FROM_BYTES = 24 << 20
_ENV_FROM = "BEHOVSANALYS_CHECK_WORKER_FROM"
_LENGTH = struct.Struct("<Q")
_QUEUED_BLOCKS = 8
_FINISH_TIMEOUT_S = 900


@dataclass(frozen=True)
class StreamOutcome:
    """What the helper found in the bytes it was given."""

    crc: int
    size: int
    problems: list[str]


def threshold() -> int:
    """Sheets of at least this many bytes are checked by a helper (``$BEHOVSANALYS_CHECK_WORKER_FROM``
    overrides it; a negative value turns the helper off)."""
    raw = os.environ.get(_ENV_FROM, "")
    try:
        return int(raw) if raw.strip() else DEFAULT_FROM_BYTES
    except ValueError:
        return DEFAULT_FROM_BYTES


def _cores() -> int:
    getter = getattr(os, "sched_getaffinity", None)
    return len(getter(0)) if getter is not None else os.cpu_count() or 1


def wanted(sheet_bytes: int) -> bool:
    """Whether a sheet of ``sheet_bytes`` bytes of XML is worth a helper on this machine."""
    limit = threshold()
    return 0 <= limit <= sheet_bytes and _cores() > 1


def command() -> list[str]:
    """How to start the helper: the bundle's own executable when frozen (on Windows its console
    ``workbench.exe``, whose standard streams are always real; the app's windowed executable is the
    fallback), else this interpreter."""
    if getattr(sys, "frozen", False):
        console = Path(sys.executable).with_name("workbench.exe")
        if sys.platform == "win32" and console.is_file():
            return [str(console), WORKER_FLAG]
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "workbench.xlsx.check_worker"]


class StreamCheck:
    """The writer's side: start the helper, :meth:`feed` it blocks, :meth:`finish` for its verdict."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED_BLOCKS)
        self._lost: str | None = None
        self._thread = threading.Thread(target=self._send, daemon=True, name="check-feeder")
        self._thread.start()

    @classmethod
    def start(cls, part: str, expected: Mapping[tuple[int, int], CellValue], date1904: bool) -> StreamCheck | None:
        """A running helper for sheet ``part``, or None when no process can be started."""
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):
            package_root = str(Path(__file__).resolve().parents[2])
            env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        try:
            process = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=env, creationflags=flags)
        except OSError as error:
            log.info("Reading the sheet back in this process: no helper process (%s)", error)
            return None
        check = cls(process)
        check._put(pickle.dumps({"part": part, "columns": pack_cells(expected), "date1904": date1904},
                                protocol=pickle.HIGHEST_PROTOCOL))
        return check

    def _put(self, block: bytes) -> None:
        if self._lost is None:
            self._queue.put(block)

    def feed(self, block: bytes) -> None:
        """Hand the helper the next block of the sheet XML (never raises: a lost helper is noted)."""
        if block:
            self._put(block)

    def _send(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        broken = False
        while True:
            block = self._queue.get()
            if not broken:
                try:
                    if block is None:
                        stdin.write(_LENGTH.pack(0))
                        stdin.close()
                    else:
                        stdin.write(_LENGTH.pack(len(block)))
                        stdin.write(block)
                except (OSError, ValueError) as error:
                    # keep taking blocks (dropping them) so a feeding writer never blocks on a full queue
                    self._lost = f"the helper stopped reading ({error})"
                    broken = True
            if block is None:
                return

    def finish(self) -> StreamOutcome | None:
        """The helper's verdict on everything fed, or None when it was lost (read back in process)."""
        self._queue.put(None)
        self._thread.join()
        # the feeder closed stdin (or lost it): communicate must not try to flush it
        if self._process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                self._process.stdin.close()
            self._process.stdin = None
        try:
            out, _ = self._process.communicate(timeout=_FINISH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.abort()
            self._lost = self._lost or "the helper did not answer in time"
            out = b""
        except OSError as error:
            self._lost = self._lost or f"the helper's answer could not be read ({error})"
            out = b""
        outcome = None
        if self._lost is None:
            try:
                answer = pickle.loads(out)
                if answer.get("error"):
                    self._lost = str(answer["error"])
                else:
                    outcome = StreamOutcome(int(answer["crc"]), int(answer["size"]), list(answer["problems"]))
            except Exception as error:
                self._lost = f"the helper's answer was unreadable (exit {self._process.returncode}, {error})"
        if outcome is None:
            log.warning("Reading the sheet back in this process: %s", self._lost)
        return outcome

    def abort(self) -> None:
        """Stop the helper (the write failed or is being discarded)."""
        with contextlib.suppress(OSError):
            self._process.kill()
        self._lost = self._lost or "aborted"
        with contextlib.suppress(queue.Full):
            self._queue.put(None, timeout=5)  # the feeder drains once its pipe is broken
        self._thread.join(timeout=5)
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError, ValueError):
                    pipe.close()
        self._process.stdin = None
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=5)


def pack_cells(cells: Mapping[tuple[int, int], CellValue]) -> dict[int, tuple[bytes, list[CellValue]]]:
    """``(row, col) -> value`` as ``col -> (rows as uint32 bytes, values)``: a fraction of the memory
    of a dict keyed by tuples, on both sides of the pipe."""
    rows: dict[int, array.array[int]] = {}
    values: dict[int, list[CellValue]] = {}
    for (row, col), value in cells.items():
        if col not in rows:
            rows[col], values[col] = array.array("I"), []
        rows[col].append(row)
        values[col].append(value)
    return {col: (rows[col].tobytes(), values[col]) for col in rows}


_ABSENT = object()


class ColumnCells(Mapping[tuple[int, int], CellValue]):
    """The expected cells as the helper holds them, per column: a list indexed by row when the column
    is dense (8 bytes a row), else a ``row -> value`` dict."""

    def __init__(self, packed: Mapping[int, tuple[bytes, list[CellValue]]]) -> None:
        self._columns: dict[int, list[Any] | dict[int, CellValue]] = {}
        for col, (rows, values) in packed.items():
            numbers = array.array("I")
            numbers.frombytes(rows)
            last = max(numbers, default=0)
            if len(numbers) * 4 >= last:
                dense: list[Any] = [_ABSENT] * (last + 1)
                for row, value in zip(numbers, values, strict=True):
                    dense[row] = value
                self._columns[col] = dense
            else:
                self._columns[col] = dict(zip(numbers, values, strict=True))

    def get(self, key: tuple[int, int], default: Any = None) -> Any:
        column = self._columns.get(key[1])
        if column is None:
            return default
        if isinstance(column, dict):
            return column.get(key[0], default)
        found = column[key[0]] if key[0] < len(column) else _ABSENT
        return default if found is _ABSENT else found

    def __getitem__(self, key: tuple[int, int]) -> CellValue:
        found = self.get(key, _ABSENT)
        if found is _ABSENT:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for col, column in self._columns.items():
            if isinstance(column, dict):
                yield from ((row, col) for row in column)
            else:
                yield from ((row, col) for row, value in enumerate(column) if value is not _ABSENT)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the writer stopped sending")
    return data


def _blocks(stream: IO[bytes], totals: list[int]) -> Generator[bytes, None, None]:
    """The blocks sent on ``stream``, then ``b""``; keeps CRC-32, size and "ended" in ``totals``."""
    while not totals[2]:
        (size,) = _LENGTH.unpack(_read_exact(stream, _LENGTH.size))
        if not size:
            totals[2] = 1
            yield b""
            return
        block = _read_exact(stream, size)
        totals[0] = zlib.crc32(block, totals[0])
        totals[1] += size
        yield block


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """The helper's side: read a header and the blocks from ``stdin``, answer on ``stdout``."""
    from workbench.xlsx._verify import check_chunks

    answer: dict[str, Any]
    try:
        (size,) = _LENGTH.unpack(_read_exact(stdin, _LENGTH.size))
        header = pickle.loads(_read_exact(stdin, size))
        totals = [0, 0, 0]
        expected = ColumnCells(header["columns"])
        problems = check_chunks(_blocks(stdin, totals), header["part"], expected, header["date1904"])
        # a well-formedness error stops the parse early: read the rest so the totals are the whole part
        if problems:
            for _ in _blocks(stdin, totals):
                pass
        answer = {"crc": totals[0], "size": totals[1], "problems": problems}
    except Exception as error:
        answer = {"error": f"{type(error).__name__}: {error}"}
    stdout.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    stdout.flush()
    return 0


def main() -> int:
    # a windowed (GUI) executable may start without sys.stdin/sys.stdout objects even when its standard
    # handles are the writer's pipes: use the file descriptors then
    stdin = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb", closefd=False)
    stdout = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb", closefd=False)
    return serve(stdin, stdout)


if __name__ == "__main__":
    raise SystemExit(main())
