"""Writing review values back into a csv/txt file, changing nothing else.

The file is split into records and fields *as raw text*; only the fields of the review columns are
replaced (or appended, for new columns), so every other byte of every record — quoting, spacing,
decimal style, line endings, encoding and BOM — stays exactly as it was. A file written with no
changes is byte-identical to the original.

Rows are 1-based record numbers (a quoted field spanning lines is one record), as the importer
numbers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from workbench.table import CsvDialect

_TERMINATOR = re.compile(r"\r\n|\n|\r")


def records(text: str, quote: str) -> Iterator[tuple[str, str]]:
    """``(record, terminator)`` pairs of ``text``; quoted line breaks stay inside the record."""
    q = re.escape(quote)
    pattern = re.compile(rf"((?:{q}(?:[^{q}]|{q}{q})*{q}|[^{q}\r\n])*)(\r\n|\n|\r|$)", re.DOTALL)
    pos = 0
    end = len(text)
    while pos < end:
        match = pattern.match(text, pos)
        if match is None or match.end() == pos:  # an unbalanced quote: the rest is one record
            yield text[pos:], ""
            return
        yield match.group(1), match.group(2)
        pos = match.end()


def split_fields(record: str, delimiter: str, quote: str) -> list[str]:
    """The raw text of each field of ``record`` (quotes kept)."""
    q, d = re.escape(quote), re.escape(delimiter)
    pattern = re.compile(rf"(?:{q}(?:[^{q}]|{q}{q})*{q}[^{d}]*|[^{d}]*)", re.DOTALL)
    fields: list[str] = []
    pos = 0
    while True:
        match = pattern.match(record, pos)
        assert match is not None
        fields.append(match.group(0))
        pos = match.end()
        if pos >= len(record):
            return fields
        pos += len(delimiter)
        if pos == len(record):
            fields.append("")
            return fields


def quote_field(value: str, dialect: CsvDialect) -> str:
    """``value`` as a field in ``dialect``: quoted when it must be (or when the file quotes all)."""
    q = dialect.quotechar
    needs = dialect.quote_all or any(ch in value for ch in (dialect.delimiter, q, "\r", "\n")) \
        or value != value.strip()
    if not needs:
        return value
    return q + value.replace(q, q + q) + q


def write_csv_review(source: Path, target: Path, dialect: CsvDialect,
                     cells: Mapping[tuple[int, int], str | None]) -> int:
    """Copy ``source`` to ``target`` with ``cells`` ((record, 0-based column) -> text, ``None`` = empty)
    replaced; returns how many records changed. Records shorter than a column are padded."""
    raw = Path(source).read_bytes()
    text = raw.decode(dialect.encoding)
    by_row: dict[int, dict[int, str | None]] = {}
    for (row, col), value in cells.items():
        by_row.setdefault(row, {})[col] = value
    out: list[str] = []
    changed = 0
    number = 0
    for record, terminator in records(text, dialect.quotechar):
        number += 1
        edits = by_row.get(number)
        if edits:
            fields = split_fields(record, dialect.delimiter, dialect.quotechar)
            if fields == [""] and not record:
                fields = []
            width = max(max(edits) + 1, len(fields))
            fields += [""] * (width - len(fields))
            for col, value in edits.items():
                fields[col] = "" if value is None else quote_field(value, dialect)
            new = dialect.delimiter.join(fields)
            if new != record:
                changed += 1
            record = new
        out.append(record + terminator)
    last_number = number
    for row in sorted(r for r in by_row if r > last_number):
        # rows past the end of the file: start a record after a missing final line break
        if out and not _TERMINATOR.search(out[-1][-2:] or "x"):
            out[-1] += dialect.line_terminator
        edits = by_row[row]
        while last_number < row - 1:
            out.append(dialect.line_terminator)
            last_number += 1
        fields = [""] * (max(edits) + 1)
        for col, value in edits.items():
            fields[col] = "" if value is None else quote_field(value, dialect)
        out.append(dialect.delimiter.join(fields) + dialect.line_terminator)
        last_number += 1
        changed += 1
    Path(target).write_bytes("".join(out).encode(dialect.encoding))
    return changed
