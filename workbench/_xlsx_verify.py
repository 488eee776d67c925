"""Reading a written workbook back before it replaces the original (private to the writer).

One streaming pass over the target sheet feeds a strict XML parser (expat: the part is well-formed)
and, with a reader separate from the writer's, pulls out the cells that were written and compares
them with what was meant. Every other member's checksum is checked. Memory stays flat on large sheets.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.parsers import expat

from workbench._xlsx_sheet import sheet_prefix
from workbench._xlsx_values import CellValue, clean_text, column_index, column_letters, date_serial

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


def check_sheet(zf: zipfile.ZipFile, part: str, expected: Mapping[tuple[int, int], CellValue],
                date1904: bool) -> list[str]:
    """Problems found reading ``part`` back: not well-formed, or written cells not as ``expected``."""
    parser = expat.ParserCreate()
    columns = sorted({column_letters(c) for _, c in expected}, key=len, reverse=True)
    cell = re.compile(rb'<(?:[\w.-]+:)?c\s+r="(' + "|".join(columns).encode() + rb')([0-9]+)"([^>]*?)'
                      rb"(?:/>|>(.*?)</(?:[\w.-]+:)?c>)", re.DOTALL) if columns else None
    numbers = {letters.encode(): column_index(letters) for letters in columns}
    seen = 0
    problems: list[str] = []
    buffer = b""
    row_end: bytes | None = None
    with zf.open(part) as stream:  # reading to the end checks the CRC
        while True:
            chunk = stream.read(_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except expat.ExpatError as error:
                return [f"{part}: {error}"]
            buffer += chunk
            # cells never cross a row's end: check everything up to the last complete row
            if row_end is None:
                row_end = b"</" + sheet_prefix(buffer) + b"row>"
            cut = len(buffer) if not chunk else buffer.rfind(row_end) + len(row_end)
            if cut < len(row_end):
                cut = 0
            if cut and cell is not None:
                for match in cell.finditer(buffer, 0, cut):
                    key = (int(match.group(2)), numbers[match.group(1)])
                    if key not in expected:
                        continue
                    wanted = expected[key]
                    seen += wanted is not None
                    if not _matches(match.group(3), match.group(4), wanted, date1904):
                        problems.append(f"{column_letters(key[1])}{key[0]}: not {wanted!r}")
            if cut:
                buffer = buffer[cut:]
            if not chunk:
                break
    # a cleared cell that did not exist is not written at all; everything else must have been seen
    must = sum(1 for v in expected.values() if v is not None)
    if seen < must:
        problems.append(f"{must - seen} written cells are missing")
    return problems


def verify_written(path: Path, sheet_part: str, parts: Sequence[str],
                   expected: Mapping[tuple[int, int], CellValue], date1904: bool) -> None:
    """Check a written package; raises ``ValueError`` naming the first problems."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.filename == sheet_part:
                continue
            with zf.open(info) as stream:  # reading to the end checks the CRC
                if info.filename in parts:
                    expat.ParserCreate().ParseFile(stream)
                else:
                    while stream.read(_CHUNK):
                        pass
        problems = check_sheet(zf, sheet_part, expected, date1904)
    if problems:
        raise ValueError("; ".join(problems[:5]))
