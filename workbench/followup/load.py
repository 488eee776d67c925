"""Purchase files streamed into the engine's table ``lines``: csv through DuckDB's own reader (the header,
encoding, delimiter and decimal mark detected by :mod:`.files`), xlsx through calamine in batches. Text
becomes typed values in SQL as the rows arrive (numbers with decimal commas, spaces and trailing minus
signs; dates in the formats exports use; credit lines signed), so no file is ever held as Python objects.

The SQL here is plain (``read_csv``, ``TRY_CAST``, ``strptime``, ``regexp_replace``): a distributed engine
that speaks DuckDB's or Spark's dialect runs it with small changes (see ``docs/scaling.md``)."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import queue
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from workbench.errors import PurchaseReadError
from workbench.followup.files import DATE_FORMATS, PurchaseFile

__all__ = ["CREATE_LINES", "insert_file"]

TEXT_FIELDS = ("municipality", "org_unit", "supplier", "supplier_article_no", "gtin", "key", "name")
CREATE_LINES = (
    "CREATE TABLE lines (month DATE, first_day DATE, last_day DATE, "
    + ", ".join(f"{name} VARCHAR" for name in TEXT_FIELDS)
    + ", paid DOUBLE, amount DOUBLE, quantity DOUBLE, n BIGINT)"
)
"""The purchase lines summed as they are read: one row per month, buyer, article as the line names it, and
unit price paid (credits apart). Every figure is a sum over these rows, so ten million lines become a table
of the size of what was bought, and the matching joins run over that."""
_BATCH = 50_000
_PART = 64 << 20  # fewer, larger parts: each INSERT costs the engine memory of its own
_READ = 1 << 20
_CSV_BUFFER = 4 << 20  # DuckDB's default reads far ahead: more memory, no more speed


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def number_sql(column: str, decimal: str) -> str:
    """``column`` (text) as a number, the cheap forms first: "476,67" and "476.67" (a point read in a file of
    commas too, as a number cell of an xlsx gives it), then "1 234,50" and "1.234,50" (thousands marks
    dropped), then a form cleaned of currency words, with "12-" and "−12" negative."""
    bare = f"regexp_replace(replace({column}, '−', '-'), '[^0-9,.+-]', '', 'g')"
    if decimal == ",":
        plain = f"TRY_CAST(replace({column}, ',', '.') AS DOUBLE)"
        grouped = f"TRY_CAST(replace(translate({column}, ' \u00a0\u202f.', ''), ',', '.') AS DOUBLE)"
        cleaned = f"replace(replace({bare}, '.', ''), ',', '.')"
    else:
        plain = f"TRY_CAST({column} AS DOUBLE)"
        grouped = f"TRY_CAST(translate({column}, ' \u00a0\u202f,', '') AS DOUBLE)"
        cleaned = f"replace({bare}, ',', '')"
    signed = f"CASE WHEN {cleaned} LIKE '%-' THEN '-' || rtrim({cleaned}, '-') ELSE {cleaned} END"
    return f"coalesce({plain}, {grouped}, TRY_CAST({signed} AS DOUBLE))"


def date_sql(column: str, date1904: bool = False, usual: str | None = None) -> str:
    """``column`` (text) as a date: ISO (with or without a time), 14.03.2026, 20260314, and an Excel serial
    number (a csv written from a sheet whose dates were numbers). ``usual``: the format the file's first rows
    use, tried first (one parse per line instead of a failed cast and a search through the formats)."""
    formats = "[" + ", ".join(_quote(f) for f in DATE_FORMATS) + "]"
    if usual is not None and usual != "iso":
        first = f"CAST(try_strptime({column}, {_quote(usual)}) AS DATE)"
        return f"coalesce({first}, {date_sql(column, date1904)})"
    epoch = "DATE '1904-01-01'" if date1904 else "DATE '1899-12-30'"
    serial = (f"CASE WHEN regexp_full_match({column}, '[1-9][0-9]{{4}}([.,][0-9]*)?') THEN "
              f"CAST({epoch} + CAST(floor(CAST(replace({column}, ',', '.') AS DOUBLE)) AS INTEGER) AS DATE) END")
    return (f"coalesce(TRY_CAST({column} AS DATE), CAST(try_strptime({column}, {formats}) AS DATE), {serial})")


# a column the file lacks, typed (an untyped NULL leaves DuckDB no function to choose for date_trunc, sum …)
_NO_TEXT, _NO_NUMBER = "CAST(NULL AS VARCHAR)", "CAST(NULL AS DOUBLE)"


def _text_sql(column: str | None) -> str:
    # as read (an empty field is NULL already): spaces around a value are the Python side's to take off, on
    # the few distinct values, not the engine's on every line
    return _NO_TEXT if column is None else f"CAST({column} AS VARCHAR)"


def _select(file: PurchaseFile, file_no: int, column: Callable[[str], str | None]) -> str:
    """The SELECT list that turns one file's text columns into a row of ``lines``."""
    quantity = column("quantity")
    amount = column("amount")
    price = column("unit_price")
    q = number_sql(quantity, file.decimal) if quantity else _NO_NUMBER
    a = number_sql(amount, file.decimal) if amount else _NO_NUMBER
    # the unit price serves only a line without an amount: amount ÷ quantity is what was paid
    p = number_sql(price, file.decimal) if price and not amount else _NO_NUMBER
    if not amount:
        a = f"({q}) * ({p})"
    date = column("date")
    day = date_sql(date, file.date1904, file.date_format) if date else "CAST(NULL AS DATE)"
    texts = [_text_sql(column(name)) for name in TEXT_FIELDS]
    given = _quote(file.municipality) if file.municipality else _NO_TEXT
    texts[0] = f"coalesce({texts[0]}, {given})" if texts[0] != _NO_TEXT else given
    lead = _text_sql(column("_lead"))  # a total row says so in its first cell, whatever column that is
    return f"{file_no}, {day}, {q}, {a}, {p}, " + ", ".join(texts) + f", {lead}"


_FINISH = """
INSERT INTO lines
SELECT date_trunc('month', day), min(day), max(day), municipality, org_unit, supplier, supplier_article_no,
       gtin, key, name, paid, sum(amount), sum(quantity), count(*)
FROM (
    SELECT day, municipality, org_unit, supplier, supplier_article_no, gtin, key, name,
           CASE WHEN credit THEN -abs(quantity) ELSE quantity END AS quantity,
           CASE WHEN credit THEN -abs(amount) ELSE amount END AS amount,
           CASE WHEN NOT credit AND quantity > 0 AND amount > 0 THEN round(amount / quantity, 4)
                WHEN NOT credit AND amount IS NULL THEN unit_price END AS paid
    FROM (SELECT *, coalesce(quantity < 0 OR amount < 0, false) AS credit FROM ({select}) AS typed) AS signed
    WHERE (amount IS NOT NULL OR quantity IS NOT NULL)
      AND CASE WHEN day IS NOT NULL THEN {period}
               ELSE NOT regexp_matches(lower(coalesce(lead, '') || coalesce(key, '') || coalesce(name, '')),
                                       '^\\s*(summa|totalt|total|sum|s:a)\\b') END
) AS line
GROUP BY ALL
"""


def _typed(select: str, source: str) -> str:
    names = "file_no, day, quantity, amount, unit_price, " + ", ".join(TEXT_FIELDS) + ", lead"
    return f"SELECT * FROM (SELECT {select} FROM {source}) AS t({names})"


def period_sql(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """The condition on ``day`` of a line inside the period (a line without a date is kept apart)."""
    parts = [f"day >= DATE '{date_from.isoformat()}'"] if date_from else []
    parts += [f"day <= DATE '{date_to.isoformat()}'"] if date_to else []
    return " AND ".join(parts) or "TRUE"


def insert_file(con: Any, file: PurchaseFile, file_no: int, scratch: Path, period: str = "TRUE",
                on_bytes: Callable[[int], None] | None = None) -> None:
    """Stream ``file`` into ``lines``; a file the engine cannot read raises :class:`PurchaseReadError`.
    ``scratch``: a folder for a UTF-8 copy of a file in another encoding (DuckDB reads UTF-8); ``period``:
    :func:`period_sql`; ``on_bytes(done)``: how many of the file's bytes are read, after each part (an
    exception it raises, such as a cancel, stops the reading and passes through)."""
    import duckdb

    report = on_bytes or (lambda done: None)
    try:
        if file.kind == "csv":
            _insert_csv(con, file, file_no, scratch, period, report)
        else:
            _insert_xlsx(con, file, file_no, period)
            report(file.path.stat().st_size)
    except duckdb.Error as error:
        raise PurchaseReadError(file.path, detail=str(error).splitlines()[0]) from None


def _utf8_parts(path: Path, encoding: str, scratch: Path, file_no: int) -> Iterator[tuple[Path, int]]:
    """``path`` re-encoded as UTF-8, in parts of whole records (about :data:`_PART` bytes each) written to
    ``scratch`` one after the other, so the engine reads one part while the next is re-encoded. Read a MB
    at a time, so little is held in memory. Yields each part and the bytes of ``path`` it ends at."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    held = b""
    quotes = 0  # quotes seen before ``held``: a record ends at a line break outside quotes only
    number, written = 0, 0
    out = None
    with open(path, "rb") as source:
        while True:
            chunk = source.read(_READ)
            data = held + chunk if held else chunk
            if chunk:
                cut = data.rfind(b"\n")
                while cut >= 0 and (quotes + data.count(b'"', 0, cut)) % 2:
                    cut = data.rfind(b"\n", 0, cut)
                if cut < 0:
                    held = data
                    continue
                body, held = data[: cut + 1], data[cut + 1 :]
                quotes = (quotes + body.count(b'"')) % 2
            else:
                body, held = data, b""
            if out is None:
                target = scratch / f"behovsanalys-{os.getpid()}-{file_no}-{number}.csv"
                out = open(target, "wb")  # noqa: SIM115 (closed below, when the part is full)
            written += out.write(decoder.decode(body, final=not chunk).encode("utf-8"))
            if written >= _PART or not chunk:
                out.close()
                out, written, number = None, 0, number + 1
                yield target, source.tell() - len(held)
            if not chunk:
                return


_LATIN1_LIKE = ("cp1252", "iso8859-1", "latin-1")
_C1 = bytes(range(0x80, 0xA0))  # cp1252's own letters (– € ” …): the only bytes where it and latin-1 differ
_NOT_C1 = bytes(b for b in range(256) if b not in _C1)


def _latin1_read(file: PurchaseFile, insert: Callable[..., None], folder: Path, file_no: int) -> bool:
    """Read a cp1252 (or latin-1) file with DuckDB's own latin-1 decoding instead of re-encoding every byte,
    when cp1252's own letters (0x80–0x9f, which DuckDB's latin-1 refuses) stand nowhere or only in the title
    and header rows that are skipped anyway: then a byte-for-byte copy with those rows' such bytes made "?"
    is read (the lines are the same bytes). False when a line holds one: the caller re-encodes."""
    head_end, in_head = _c1_only_in_head(file.path, file.header_row)
    if head_end is None:
        return False
    if not in_head:
        insert(file.path, file.header_row, latin1=True)
        return True
    copy = folder / f"behovsanalys-{os.getpid()}-{file_no}-latin1.csv"
    try:
        with open(file.path, "rb") as source, open(copy, "wb") as out:
            head = source.read(head_end)
            out.write(head.translate(bytes.maketrans(_C1, b"?" * len(_C1))))
            shutil.copyfileobj(source, out, 4 << 20)
        insert(copy, file.header_row, latin1=True)
    finally:
        copy.unlink(missing_ok=True)
    return True


def _copy_folder(path: Path, scratch: Path) -> Path:
    """Where a whole copy of ``path`` may go: memory (/dev/shm) when it takes at most a quarter of what is free
    there, else the scratch folder on disk."""
    memory = _memory_folder()
    if memory is not None:
        try:
            if path.stat().st_size * 4 <= shutil.disk_usage(memory).free:
                return memory
        except OSError:
            pass
    return scratch


def _c1_only_in_head(path: Path, header_rows: int) -> tuple[int | None, bool]:
    """(the byte offset where the lines begin, whether a 0x80–0x9f byte stands before it), or (None, _) when
    one stands in the lines."""
    with open(path, "rb") as source:
        head = b""
        while head.count(b"\n") < header_rows:
            chunk = source.read(_READ)
            if not chunk:
                break
            head += chunk
        end = 0
        for _ in range(header_rows):
            found = head.find(b"\n", end)
            if found < 0:
                return None, False  # fewer lines than the header: let the careful path decide
            end = found + 1
        if head[end:].translate(None, _NOT_C1):
            return None, False
        while chunk := source.read(_READ):
            if chunk.translate(None, _NOT_C1):
                return None, False
        return end, bool(head[:end].translate(None, _NOT_C1))


def _memory_folder() -> Path | None:
    """A folder in memory (Linux's /dev/shm) for the few parts in flight: they need not touch the disk."""
    folder = Path("/dev/shm")
    return folder if folder.is_dir() and os.access(folder, os.W_OK) else None


def _insert_csv(con: Any, file: PurchaseFile, file_no: int, scratch: Path, period: str,
                report: Callable[[int], None]) -> None:
    encoding = codecs.lookup(file.encoding).name
    names = [f"c{i}" for i in range(file.width)]
    columns = "{" + ", ".join(f"{_quote(n)}: 'VARCHAR'" for n in names) + "}"
    by_field = file.columns

    def column(name: str) -> str | None:
        index = 0 if name == "_lead" else by_field.get(name)
        return names[index] if index is not None else None

    select = _select(file, file_no, column)

    def insert(path: Path, skip: int, latin1: bool = False) -> None:
        decoding = "encoding='latin-1', " if latin1 else ""
        source = (f"read_csv({_quote(str(path))}, delim={_quote(file.delimiter)}, quote='\"', escape='\"', "
                  f"header=false, skip={skip}, columns={columns}, buffer_size={_CSV_BUFFER}, "
                  f"{decoding}"
                  "null_padding=true, strict_mode=false, ignore_errors=false, auto_detect=false)")
        con.execute(_FINISH.format(select=_typed(select, source), period=period))

    if encoding in ("utf-8", "utf-8-sig", "ascii"):
        insert(file.path, file.header_row)
        report(file.path.stat().st_size)
        return
    if encoding in _LATIN1_LIKE and _latin1_read(file, insert, _copy_folder(file.path, scratch), file_no):
        report(file.path.stat().st_size)
        return
    # DuckDB reads UTF-8 only (its latin-1 refuses cp1252's letters in 0x80-0x9f): the file is re-encoded in a
    # thread part by part while the engine (which releases the GIL) reads the parts already written
    parts: queue.Queue[tuple[Path, int] | BaseException | None] = queue.Queue(maxsize=2)
    folder = _memory_folder() or scratch
    stop = threading.Event()  # the reading side failed or was cancelled: re-encode no further

    def produce() -> None:
        try:
            for part in _utf8_parts(file.path, encoding, folder, file_no):
                if stop.is_set():
                    part[0].unlink(missing_ok=True)
                    return
                parts.put(part)
            parts.put(None)
        except BaseException as error:  # handed to the reading side, which raises it
            parts.put(error)

    worker = threading.Thread(target=produce, name="followup-recode", daemon=True)
    worker.start()
    skip = file.header_row
    try:
        while (item := parts.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            part, done = item
            try:
                insert(part, skip)
            finally:
                part.unlink()
            skip = 0
            report(done)
    finally:
        stop.set()
        while worker.is_alive() or not parts.empty():  # a part written but not read is removed too
            try:
                leftover = parts.get(timeout=0.05)
            except queue.Empty:
                continue
            if isinstance(leftover, tuple):
                leftover[0].unlink(missing_ok=True)
        worker.join()


def _cell(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if value.__class__ is str:
        return value
    if value.__class__ is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return None
    return str(value)


def _insert_xlsx(con: Any, file: PurchaseFile, file_no: int, period: str) -> None:
    import pandas as pd
    from python_calamine import CalamineWorkbook

    wanted = sorted(set(file.columns.values()) | {0})
    names = {index: f"c{index}" for index in wanted}
    by_field = file.columns

    def column(name: str) -> str | None:
        index = 0 if name == "_lead" else by_field.get(name)
        return names[index] if index is not None else None

    statement = _FINISH.format(select=_typed(_select(file, file_no, column), "batch"), period=period)
    sheet = CalamineWorkbook.from_path(str(file.path)).get_sheet_by_name(file.sheet or "")
    rows = sheet.iter_rows()
    for _ in range(file.header_row):
        next(rows, None)
    while True:
        batch: list[list[str | None]] = []
        for row in rows:
            width = len(row)
            batch.append([_cell(row[i]) if i < width else None for i in wanted])
            if len(batch) >= _BATCH:
                break
        if not batch:
            return
        frame = pd.DataFrame(batch, columns=[names[i] for i in wanted], dtype=object)
        con.register("batch", frame)
        try:
            con.execute(statement)
        finally:
            con.unregister("batch")
        if len(batch) < _BATCH:
            return
