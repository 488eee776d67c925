"""Purchase files streamed into the engine's table ``lines``: csv through DuckDB's own reader (the header,
encoding, delimiter and decimal mark detected by :mod:`.files`), xlsx through calamine in batches. Text
becomes typed values in SQL as the rows arrive (numbers with decimal commas, spaces and trailing minus
signs; dates in the formats exports use; credit lines signed), so no file is ever held as Python objects.

The SQL here is plain (``read_csv``, ``TRY_CAST``, ``strptime``, ``regexp_replace``): a distributed engine
that speaks DuckDB's or Spark's dialect runs it with small changes (see ``docs/scaling.md``)."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.errors import PurchaseReadError
from workbench.followup.files import PurchaseFile

__all__ = ["CREATE_LINES", "insert_file"]

TEXT_FIELDS = ("municipality", "org_unit", "supplier", "supplier_article_no", "gtin", "key", "name")
CREATE_LINES = (
    "CREATE TABLE lines (file_no INTEGER, day DATE, quantity DOUBLE, amount DOUBLE, unit_price DOUBLE, "
    + ", ".join(f"{name} VARCHAR" for name in TEXT_FIELDS) + ")"
)
_BATCH = 50_000
_CHUNK = 4 << 20
_DATE_FORMATS = ("%d.%m.%Y", "%Y%m%d", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%Y %H:%M",
                 "%d.%m.%Y %H:%M:%S", "%Y.%m.%d", "%d.%m.%y")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def number_sql(column: str, decimal: str) -> str:
    """``column`` (text) as a number: the plain form first, then one cleaned of spaces, currency words and
    thousands marks; "1 234,50", "1.234,50", "-12", "12-" and "−12" all read."""
    fast = f"TRY_CAST(replace({column}, ',', '.') AS DOUBLE)" if decimal == "," else f"TRY_CAST({column} AS DOUBLE)"
    cleaned = f"regexp_replace(replace({column}, '−', '-'), '[^0-9,.+-]', '', 'g')"
    cleaned = f"replace(replace({cleaned}, '.', ''), ',', '.')" if decimal == "," else f"replace({cleaned}, ',', '')"
    signed = f"CASE WHEN {cleaned} LIKE '%-' THEN '-' || rtrim({cleaned}, '-') ELSE {cleaned} END"
    return f"coalesce({fast}, TRY_CAST({signed} AS DOUBLE))"


def date_sql(column: str, date1904: bool = False) -> str:
    """``column`` (text) as a date: ISO (with or without a time), 14.03.2026, 20260314, and an Excel serial
    number (a csv written from a sheet whose dates were numbers)."""
    formats = "[" + ", ".join(_quote(f) for f in _DATE_FORMATS) + "]"
    epoch = "DATE '1904-01-01'" if date1904 else "DATE '1899-12-30'"
    serial = (f"CASE WHEN regexp_full_match({column}, '[1-9][0-9]{{4}}([.,][0-9]*)?') THEN "
              f"CAST({epoch} + CAST(floor(CAST(replace({column}, ',', '.') AS DOUBLE)) AS INTEGER) AS DATE) END")
    return (f"coalesce(TRY_CAST({column} AS DATE), CAST(try_strptime({column}, {formats}) AS DATE), {serial})")


def _text_sql(column: str | None) -> str:
    return "NULL" if column is None else f"NULLIF(trim({column}), '')"


def _select(file: PurchaseFile, file_no: int, column: Callable[[str], str | None]) -> str:
    """The SELECT list that turns one file's text columns into a row of ``lines``."""
    quantity = column("quantity")
    amount = column("amount")
    price = column("unit_price")
    q = number_sql(quantity, file.decimal) if quantity else "NULL"
    a = number_sql(amount, file.decimal) if amount else "NULL"
    p = number_sql(price, file.decimal) if price else "NULL"
    if not amount:
        a = f"({q}) * ({p})"
    date = column("date")
    day = date_sql(date, file.date1904) if date else "NULL"
    texts = [_text_sql(column(name)) for name in TEXT_FIELDS]
    given = _quote(file.municipality) if file.municipality else "NULL"
    texts[0] = f"coalesce({texts[0]}, {given})" if texts[0] != "NULL" else given
    lead = column("_lead") or "NULL"  # a total row says so in its first cell, whatever column that is
    return f"{file_no}, {day}, {q}, {a}, {p}, " + ", ".join(texts) + f", {lead}"


_FINISH = """
INSERT INTO lines
SELECT file_no, day,
       CASE WHEN quantity < 0 OR amount < 0 THEN -abs(quantity) ELSE quantity END,
       CASE WHEN quantity < 0 OR amount < 0 THEN -abs(amount) ELSE amount END,
       unit_price, municipality, org_unit, supplier, supplier_article_no, gtin, key, name
FROM ({select}) AS typed
WHERE (amount IS NOT NULL OR quantity IS NOT NULL)
  AND NOT (day IS NULL AND regexp_matches(lower(coalesce(key, '') || coalesce(name, '') || coalesce(supplier, '')
                                                || coalesce(supplier_article_no, '') || coalesce(lead, '')),
                                          '^\\s*(summa|totalt|total|sum|s:a)\\b'))
"""


def _typed(select: str, source: str) -> str:
    names = "file_no, day, quantity, amount, unit_price, " + ", ".join(TEXT_FIELDS) + ", lead"
    return f"SELECT * FROM (SELECT {select} FROM {source}) AS t({names})"


def insert_file(con: Any, file: PurchaseFile, file_no: int, scratch: Path) -> None:
    """Stream ``file`` into ``lines``; a file the engine cannot read raises :class:`PurchaseReadError`.
    ``scratch``: a folder for a UTF-8 copy of a file in another encoding (DuckDB reads UTF-8)."""
    import duckdb

    try:
        if file.kind == "csv":
            _insert_csv(con, file, file_no, scratch)
        else:
            _insert_xlsx(con, file, file_no)
    except duckdb.Error as error:
        raise PurchaseReadError(file.path, detail=str(error).splitlines()[0]) from None


def _utf8_copy(path: Path, encoding: str, scratch: Path, file_no: int) -> Path:
    """``path`` re-encoded as UTF-8 in ``scratch``, a few MB at a time."""
    target = scratch / f"purchases-{file_no}.csv"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(path, "rb") as source, open(target, "w", encoding="utf-8", newline="") as out:
        while chunk := source.read(_CHUNK):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))
    return target


def _insert_csv(con: Any, file: PurchaseFile, file_no: int, scratch: Path) -> None:
    encoding = codecs.lookup(file.encoding).name
    path = file.path
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        path = _utf8_copy(file.path, encoding, scratch, file_no)
    names = [f"c{i}" for i in range(file.width)]
    columns = "{" + ", ".join(f"{_quote(n)}: 'VARCHAR'" for n in names) + "}"
    source = (f"read_csv({_quote(str(path))}, delim={_quote(file.delimiter)}, quote='\"', escape='\"', "
              f"header=false, skip={file.header_row}, columns={columns}, "
              "null_padding=true, strict_mode=false, ignore_errors=false, auto_detect=false)")
    by_field = file.columns

    def column(name: str) -> str | None:
        index = 0 if name == "_lead" else by_field.get(name)
        return names[index] if index is not None else None

    con.execute(_FINISH.format(select=_typed(_select(file, file_no, column), source)))
    if path != file.path:
        path.unlink()


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


def _insert_xlsx(con: Any, file: PurchaseFile, file_no: int) -> None:
    import pandas as pd
    from python_calamine import CalamineWorkbook

    wanted = sorted(set(file.columns.values()) | {0})
    names = {index: f"c{index}" for index in wanted}
    by_field = file.columns

    def column(name: str) -> str | None:
        index = 0 if name == "_lead" else by_field.get(name)
        return names[index] if index is not None else None

    statement = _FINISH.format(select=_typed(_select(file, file_no, column), "batch"))
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
