"""Reading text tables: csv/txt (sniffed encoding, delimiter, decimal mark, line endings) and HTML tables.

Web systems often save an HTML table or a csv under a ``.xls`` name; those are recognised by content.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from workbench.errors import CorruptFileError, CsvRecordTooLongError, UnsupportedFormatError, WorkbenchError
from workbench.messages import problem
from workbench.reading.csv_records import parse_rows, record_values, records
from workbench.table import CsvDialect

SAMPLE_BYTES = 256 << 10
SAMPLE_ROWS = 200
_DELIMITERS = (";", "\t", ",", "|")
_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f.]\d{3})*,\d+$|^[+-]?\d+,\d+$")
_DOT_NUMBER = re.compile(r"^[+-]?\d+\.\d+$|^[+-]?\d{1,3}(,\d{3})+\.\d+$")


@dataclass
class TextSample:
    """What sniffing found: the dialect, the first rows (as text) and whether it is an HTML table."""

    dialect: CsvDialect
    rows: list[list[str]]
    html: bool = False
    complete: bool = False  # the sample holds the whole file


def detect_encoding(data: bytes, complete: bool) -> str:
    """The codec of ``data``: BOMs first, then strict UTF-8, then cp1252, then latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    even, odd = data[0:256:2], data[1:256:2]
    if len(odd) >= 2:  # UTF-16 without BOM: Latin text has a zero byte in every other position
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _line_terminator(ends: Counter[str], text: str) -> str:
    """The most common record end (line breaks inside quoted fields do not count)."""
    if ends:
        return ends.most_common(1)[0][0]
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def _delimiter(lines: list[str]) -> str:
    """The candidate that splits the most lines, then the one whose lines agree on a field count.

    Lines of the most common count agree, and so do lines as wide as the first line: a file whose
    header was widened (rows written short by another program) still splits on its own delimiter
    rather than on the decimal commas of its rows.
    """
    best, best_score = ";", (-1, -1, -1)
    for candidate in _DELIMITERS:
        counts = [len(record_values(line, candidate)) for line in lines]
        counts = [n for n in counts if n >= 2]
        if not counts:
            continue
        mode = Counter(counts).most_common(1)[0][0]
        agreeing = sum(1 for n in counts if n in (mode, counts[0]))
        score = (len(counts), agreeing, mode)
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score[0] >= 0 else ""


def _decimal(rows: list[list[str]], delimiter: str) -> str:
    if delimiter == ",":
        return "."
    comma = dot = 0
    for row in rows:
        for cell in row:
            value = cell.strip()
            if _COMMA_NUMBER.match(value):
                comma += 1
            elif _DOT_NUMBER.match(value):
                dot += 1
    return "." if dot > comma else ","


def sniff_text(path: Path, head: bytes, *, allow_undelimited: bool = True) -> TextSample:
    """Sniff a text file from its first bytes ``head``; raises when it is no table."""
    complete = len(head) < SAMPLE_BYTES
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = detect_encoding(head, complete)
        if not encoding.startswith("utf-16"):
            raise UnsupportedFormatError(path, detail=problem("detail_binary"))
    else:
        encoding = detect_encoding(head, complete)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=complete)
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()[:2048].lower()
    if stripped.startswith(("<!doctype html", "<html", "<table", "<?xml")) or "<table" in stripped:
        if not complete:
            text = Path(path).read_bytes().decode(encoding, errors="replace").lstrip("\ufeff")
        rows = read_html_rows(text)
        if not rows:
            raise UnsupportedFormatError(path, detail=problem("detail_no_html_table"))
        dialect = CsvDialect(encoding=encoding, delimiter="", decimal=_decimal(rows, ";"))
        return TextSample(dialect, rows, html=True, complete=True)
    if not complete:  # drop the last, possibly cut line
        cut = max(text.rfind("\n"), text.rfind("\r"))
        if cut <= 0:
            raise CsvRecordTooLongError(path, kb=SAMPLE_BYTES >> 10)
        text = text[: cut + 1]
    lines = text.splitlines()
    delimiter = _delimiter([line for line in lines[:60] if line.strip()])
    if not delimiter:
        if not allow_undelimited or len([line for line in lines if line.strip()]) < 2:
            raise UnsupportedFormatError(path, detail=problem("detail_no_delimiter"))
        delimiter = ";"
    ends: Counter[str] = Counter()
    try:
        rows = parse_rows(text, delimiter, ends=ends)
    except CorruptFileError as error:
        if complete:
            raise _naming(error, path) from None
        # a quote not closed within the sample may close further on: the full read decides
        rows = _rows_before_unclosed(text, delimiter, ends)
    data_lines = [line for line in lines[1:20] if line.strip()]
    quote_all = bool(data_lines) and all(
        all(f.startswith('"') for f in line.split(delimiter)) for line in data_lines
    )
    dialect = CsvDialect(
        encoding=encoding,
        delimiter=delimiter,
        decimal=_decimal(rows[:SAMPLE_ROWS], delimiter),
        line_terminator=_line_terminator(ends, text),
        quote_all=quote_all,
    )
    return TextSample(dialect, rows, complete=complete)


def read_text_frame(
    path: Path,
    dialect: CsvDialect,
    *,
    skip: int,
    width: int,
    text_columns: set[int],
    numeric_columns: set[int],
) -> pd.DataFrame:
    """Read the records after the first ``skip`` ones with pandas, column ``i`` named ``i``.

    ``text_columns`` are read as text, ``numeric_columns`` parsed as numbers with the file's decimal
    mark (a column that turns out not to be numeric comes back as text), the rest as text.
    """
    dtypes = {i: "str" for i in range(width) if i not in numeric_columns or i in text_columns}
    try:
        return pd.read_csv(
            path,
            sep=dialect.delimiter,
            encoding=dialect.encoding,
            header=None,
            names=list(range(width)),
            index_col=False,
            skiprows=skip,
            dtype=dtypes,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            decimal=dialect.decimal,
            quotechar=dialect.quotechar,
            engine="c",
        )
    except UnicodeDecodeError:
        raise  # the caller retries with another encoding
    except pd.errors.EmptyDataError:
        return pd.DataFrame({i: pd.Series([], dtype="str") for i in range(width)})
    except (pd.errors.ParserError, ValueError) as error:
        raise ParseFallback(str(error)) from None


class ParseFallback(Exception):
    """pandas could not read the file as a regular table; read it record by record instead."""


def read_all_rows(path: Path, dialect: CsvDialect) -> list[list[str]]:
    """Every record, read with the shared splitter (slower; for irregular files).

    A ``UnicodeDecodeError`` propagates so that the caller can retry with another encoding.
    """
    text = Path(path).read_bytes().decode(dialect.encoding, errors="strict").lstrip("\ufeff")
    try:
        return parse_rows(text, dialect.delimiter, dialect.quotechar)
    except CorruptFileError as error:
        raise _naming(error, path) from None


def _naming(error: WorkbenchError, path: Path) -> WorkbenchError:
    """``error`` (raised by the splitter, which knows no file) naming ``path``."""
    return type(error)(path, error.detail, **error.params)


def _rows_before_unclosed(text: str, delimiter: str, ends: Counter[str]) -> list[list[str]]:
    """The rows of a sample up to the record whose quote the sample does not close."""
    rows: list[list[str]] = []
    ends.clear()
    try:
        for record, end in records(text, delimiter):
            rows.append(record_values(record, delimiter))
            ends[end] += 1
    except CorruptFileError:
        pass
    return rows


class _TableParser(HTMLParser):
    """Collects the rows of HTML tables (and of Excel 2003 XML spreadsheets: Row/Cell)."""

    _ROW = frozenset({"tr", "row"})
    _CELL = frozenset({"td", "th", "cell"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._ROW:
            self._close_row()
            self._row = []
        elif tag in self._CELL:
            self._close_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._CELL:
            self._close_cell()
        elif tag in self._ROW or tag == "table":
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._row.extend([""] * (min(self._span, 256) - 1))
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None


def read_html_rows(text: str) -> list[list[str]]:
    """The rows of the tables in an HTML (or Excel 2003 XML) document, as text."""
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser._close_row()
    return parser.rows
