"""Writing review values back into a csv/txt file, changing nothing else.

The file is split into records and fields *as raw text* by the splitter the reader uses
(:mod:`workbench.reading.csv_records`); only the fields of the review columns are replaced (or appended, for
new columns), so every other byte of every record — quoting, spacing, decimal style, line endings,
encoding and BOM — stays exactly as it was. A file written with no changes is byte-identical to the
original. When new columns widen the table, every shorter record is padded with empty fields to the
new width, as Excel and LibreOffice write csv (a ragged file reads as a different table elsewhere).

Text that a spreadsheet program would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is written with a guard apostrophe inside a quoted field, ``"'=1+1"``:
Excel and LibreOffice both show such a field as text. The reader takes the guard off again
(:func:`~workbench.reading.csv_records.unguard`), so the value reads back as written; see ``docs/saving.md``.

Rows are 1-based record numbers (a quoted field spanning lines is one record), as the importer
numbers them.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from pathlib import Path

from workbench.reading.csv_records import GUARDED, guard, records, split_fields, unguard
from workbench.table import CsvDialect

__all__ = ["guard", "quote_field", "unguard", "write_csv_review"]

_WRITE_CHUNK = 1 << 20


def quote_field(value: str, dialect: CsvDialect) -> str:
    """``value`` as a field in ``dialect``: quoted when it must be (or when the file quotes all);
    a formula guard (see :func:`~workbench.reading.csv_records.guard`) always in a quoted field."""
    q = dialect.quotechar
    needs = dialect.quote_all or any(ch in value for ch in (dialect.delimiter, q, "\r", "\n")) \
        or value != value.strip() or GUARDED.match(value) is not None
    if not needs:
        return value
    return q + value.replace(q, q + q) + q


def write_csv_review(source: Path, target: Path, dialect: CsvDialect,
                     cells: Mapping[tuple[int, int], str | None], *, width: int | None = None) -> int:
    """Copy ``source`` to ``target`` with ``cells`` ((record, 0-based column) -> text, ``None`` = empty)
    replaced; returns how many records changed. Records shorter than a column written are padded;
    with ``width`` (the table widened to that many columns) every record is padded to it."""
    text = Path(source).read_bytes().decode(dialect.encoding)
    by_row: dict[int, dict[int, str | None]] = {}
    for (row, col), value in cells.items():
        by_row.setdefault(row, {})[col] = value
    d = dialect.delimiter
    changed = 0
    number = 0
    ends_open = False
    encoder = codecs.getincrementalencoder(dialect.encoding)()
    with open(target, "wb") as handle:
        pending: list[str] = []
        size = 0

        def emit(piece: str) -> None:
            nonlocal size
            pending.append(piece)
            size += len(piece)
            if size >= _WRITE_CHUNK:
                handle.write(encoder.encode("".join(pending)))
                pending.clear()
                size = 0

        for record, terminator in records(text, d, dialect.quotechar):
            number += 1
            edits = by_row.get(number)
            fields = None
            if width is not None and not edits:  # short? (a quoted delimiter is no field break)
                if record.count(d) < width - 1:
                    fields = split_fields(record, d, dialect.quotechar) if record else []
                elif dialect.quotechar in record:
                    fields = split_fields(record, d, dialect.quotechar)
                    fields = fields if len(fields) < width else None
            if edits or fields is not None:
                if fields is None:
                    fields = split_fields(record, d, dialect.quotechar) if record else []
                fields += [""] * (max(width or 0, max(edits or (0,)) + 1) - len(fields))
                for col, value in (edits or {}).items():
                    fields[col] = "" if value is None else quote_field(value, dialect)
                new = d.join(fields)
                if new != record:
                    changed += 1
                record = new
            emit(record)
            emit(terminator)
            ends_open = not terminator
        del text
        for row in sorted(r for r in by_row if r > number):
            # rows past the end of the file: start a record after a missing final line break
            if ends_open and number:
                emit(dialect.line_terminator)
                ends_open = False
            edits = by_row[row]
            while number < row - 1:
                emit(d * ((width or 1) - 1) + dialect.line_terminator)
                number += 1
            fields = [""] * max(width or 0, max(edits) + 1)
            for col, value in edits.items():
                fields[col] = "" if value is None else quote_field(value, dialect)
            emit(d.join(fields) + dialect.line_terminator)
            number += 1
            changed += 1
        handle.write(encoder.encode("".join(pending), final=True))
    return changed
