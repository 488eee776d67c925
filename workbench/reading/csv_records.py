"""The one csv splitter and formula guard: reading (sniffing, irregular files, read-back) and writing share them.

It splits exactly as Python's csv module (non-strict) and pandas' C parser do: a quote opens a quoted
field only at the start of a field, so ``Skärm 24" LED`` is plain text; inside a quoted field a doubled
quote is a quote and line breaks belong to the field; text after a closing quote belongs to the field.
Unlike the csv module there is no field size limit, and memory stays linear in the text: lines without
a quote are cut with one scan, and the patterns repeat character classes, never a group per character.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from workbench.errors import CsvTooWideError, CsvUnclosedQuoteError

#: Excel's column limit; a record with more fields is no table row (and would cost memory per field).
MAX_FIELDS = 16_384

_LINES = re.compile(r"([^\r\n]*)(\r\n|\n|\r)")
_TERMINATOR = re.compile(r"\r\n|\n|\r")


# The formula guard, shared by the csv writer (which adds it) and the reader (which takes it off): text
# a spreadsheet would run as a formula gets an apostrophe in front, inside a quoted field.
GUARD = "'"
GUARDED = re.compile(r"'+[=+\-@\t\r]")
_NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")


def guard(value: str) -> str:
    """``value`` safe from formula evaluation: an apostrophe before text a spreadsheet would run.

    Text that already starts with apostrophes before such a character gets one more, so that
    :func:`unguard` gives every value back exactly.
    """
    return GUARD + value if _NEEDS_GUARD.match(value) else value


def unguard(value: str) -> str:
    """The text :func:`guard` was given: one apostrophe fewer where it added one."""
    return value[1:] if GUARDED.match(value) else value


@lru_cache(maxsize=16)
def _field_regex(delimiter: str, quote: str) -> re.Pattern[str]:
    d, q = re.escape(delimiter), re.escape(quote)
    # group 1: a quoted field's body; group 2: its closing quote and what follows it up to the next
    # delimiter (absent when the quote is never closed); else a plain field
    return re.compile(rf"{q}([^{q}]*(?:{q}{q}[^{q}]*)*)({q}[^{d}\r\n]*)?|[^{d}\r\n]*")


@lru_cache(maxsize=16)
def _record_regex(delimiter: str, quote: str) -> re.Pattern[str]:
    d, q = re.escape(delimiter), re.escape(quote)
    field = rf"(?:{q}[^{q}]*(?:{q}{q}[^{q}]*)*+(?:{q}[^{d}\r\n]*)?|[^{d}\r\n]*)"
    # possessive: nothing to backtrack into, so the engine keeps no state per field
    return re.compile(rf"{field}(?:{d}{field})*+")


def _line_of(text: str, pos: int) -> int:
    return len(_TERMINATOR.findall(text, 0, pos)) + 1


def records(text: str, delimiter: str, quote: str = '"', start: int = 0) -> Iterator[tuple[str, str]]:
    """``(record, terminator)`` pairs of ``text`` from ``start`` (a record's start), each record as
    raw text (quotes kept); the last record's terminator is ``""`` when the text does not end with a
    line break.

    Raises :class:`~workbench.errors.CsvUnclosedQuoteError` (its line in ``params``) for a quote that
    is never closed: csv programs would read the rest of the file into that one field.
    """
    pos, end = start, len(text)
    while pos < end:
        quote_at = text.find(quote, pos)
        if quote_at < 0:
            quote_at = end
        # the complete lines before the line of the next quote hold no quote: cut them at once
        line_start = max(text.rfind("\n", pos, quote_at), text.rfind("\r", pos, quote_at)) + 1
        if line_start > pos:
            for match in _LINES.finditer(text, pos, line_start):
                yield match.group(1), match.group(2)
            pos = line_start
        if quote_at == end:
            if pos < end:
                yield text[pos:], ""
            return
        start = pos
        pos = _record_end(text, pos, delimiter, quote)
        terminator = _TERMINATOR.match(text, pos)
        if terminator is None:
            yield text[start:pos], ""
            return
        yield text[start:pos], terminator.group(0)
        pos = terminator.end()


def _record_end(text: str, pos: int, delimiter: str, quote: str) -> int:
    """Where the record starting at ``pos`` ends (at its line break or the end of ``text``)."""
    match = _record_regex(delimiter, quote).match(text, pos)
    assert match is not None
    if match.end() < len(text):
        return match.end()
    # the record runs to the end of the text: field by field, to find a quote never closed
    regex = _field_regex(delimiter, quote)
    end, step = len(text), len(delimiter)
    while True:
        match = regex.match(text, pos)
        assert match is not None  # the plain-field branch matches the empty string
        if text.startswith(quote, pos) and match.group(2) is None:
            raise CsvUnclosedQuoteError(None, line=_line_of(text, pos))
        pos = match.end()
        if pos >= end or not text.startswith(delimiter, pos):
            return pos
        pos += step


def split_fields(record: str, delimiter: str, quote: str = '"') -> list[str]:
    """The raw text of each field of one ``record`` (quotes kept)."""
    if quote not in record:
        return record.split(delimiter)
    regex = _field_regex(delimiter, quote)
    fields: list[str] = []
    pos, end, step = 0, len(record), len(delimiter)
    while True:
        match = regex.match(record, pos)
        assert match is not None
        fields.append(match.group(0))
        pos = match.end()
        if pos >= end:
            return fields
        pos += step  # inside a record the pattern stops only at a delimiter
        if pos == end:
            fields.append("")
            return fields


def field_value(raw: str, quote: str = '"') -> str:
    """The text of a raw field: a quoted field unquoted (``""`` is ``"``), as csv programs read it."""
    if not raw.startswith(quote):
        return raw
    close = _closing_quote(raw, quote)
    if close < 0:
        return raw[1:].replace(quote + quote, quote)
    return raw[1:close].replace(quote + quote, quote) + raw[close + 1:]


def _closing_quote(raw: str, quote: str) -> int:
    pos = 1
    while True:
        found = raw.find(quote, pos)
        if found < 0 or not raw.startswith(quote, found + 1):
            return found
        pos = found + 2


def record_values(record: str, delimiter: str, quote: str = '"') -> list[str]:
    """The field values of one record; ``[]`` for an empty record (as the csv module gives)."""
    if not record:
        return []
    if quote not in record:
        return record.split(delimiter)
    return [field_value(raw, quote) for raw in split_fields(record, delimiter, quote)]


def parse_rows(text: str, delimiter: str, quote: str = '"', *, max_fields: int = MAX_FIELDS,
               ends: Counter[str] | None = None) -> list[list[str]]:
    """Every record of ``text`` as field values; ``ends`` (when given) counts the record ends.

    A record of more than ``max_fields`` fields raises :class:`~workbench.errors.CsvTooWideError`
    (its record number in ``params``).
    """
    rows: list[list[str]] = []
    first_quote = text.find(quote)
    # the lines before the first quote: cut and split in one go each (most files hold no quote)
    plain_end = len(text) if first_quote < 0 else max(text.rfind("\n", 0, first_quote),
                                                       text.rfind("\r", 0, first_quote)) + 1
    if plain_end:
        pieces = _TERMINATOR.split(text[:plain_end])
        if ends is not None:
            ends.update(_TERMINATOR.findall(text, 0, plain_end))
        if pieces and not pieces[-1] and text[plain_end - 1] in "\r\n":
            pieces.pop()
        rows = [line.split(delimiter) if line else [] for line in pieces]
        if max(map(len, rows), default=0) > max_fields:
            wide = next(i for i, row in enumerate(rows) if len(row) > max_fields)
            raise CsvTooWideError(None, record=wide + 1, limit=max_fields)
    for record, end in records(text, delimiter, quote, plain_end):
        if ends is not None and end:
            ends[end] += 1
        values = record_values(record, delimiter, quote)
        if len(values) > max_fields:
            raise CsvTooWideError(None, record=len(rows) + 1, limit=max_fields)
        rows.append(values)
    return rows
