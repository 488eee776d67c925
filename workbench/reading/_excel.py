"""Reading workbooks (xlsx, xlsm, xls, ods) with python-calamine, after checking the container.

Nothing is evaluated: calamine returns the cached values of formulas and never runs macros. Before
calamine sees a file, the container is checked so that a zip bomb, an absurd sheet dimension, an
encrypted or a damaged file fail fast with a typed error instead of eating memory or crashing.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from workbench.errors import (
    CorruptFileError,
    EmptyWorkbookError,
    EncryptedFileError,
    EncryptedOdsError,
    NoHeaderError,
    SheetNotFoundError,
    TooLargeError,
    UnsupportedFormatError,
    WorkbenchError,
)
from workbench.formats import WORKBOOK_SUFFIXES
from workbench.messages import problem
from workbench.reading._header import HEADER_SEARCH_ROWS, detect_header_row
from workbench.xlsx import read_package, workbook_part_of

#: Refuse any zip member that inflates beyond this (bytes).
MAX_MEMBER_BYTES = 1 << 30
#: Refuse the whole package beyond this (bytes, uncompressed).
MAX_PACKAGE_BYTES = 3 << 30
#: Refuse members above ``RATIO_FLOOR_BYTES`` that compress better than this.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 16 << 20
#: Refuse sheets whose used area (rows x columns actually holding cells) exceeds this.
MAX_CELLS = 30_000_000
#: Bytes of a sheet's XML checked for well-formedness before calamine reads it.
XML_HEAD_BYTES = 64 << 10

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAMS = ("EncryptionInfo", "EncryptedPackage")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
# Only cells with content count: styled empty cells (<c r="X9" s="1"/>) are skipped by calamine too.
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"[^>]*(?<!/)>")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_SUFFIXES = {
    "xlsx": (".xlsx", ".xltx"),
    "xlsm": (".xlsm", ".xltm"),
    "xlsb": (".xlsb",),
    "ods": (".ods",),
    "xls": (".xls", ".xlt"),
}


@dataclass
class RawSheet:
    """The cells of one sheet as calamine gives them, and where they start in the sheet (0-based)."""

    name: str
    rows: list[list[Any]]
    first_row: int = 0
    first_col: int = 0


@dataclass
class ExcelBook:
    """An opened workbook: its sheets and how to read each of them."""

    path: Path
    format: str
    sheets: list[str]
    visible: list[bool]
    date1904: bool = False
    _book: Any = None
    _sheet_parts: dict[str, str] = field(default_factory=dict)

    def read(self, name: str, limit: int | None = None) -> RawSheet:
        """Read sheet ``name`` (only its first ``limit`` rows when given)."""
        if name not in self.sheets:
            raise SheetNotFoundError(self.path, sheet=name)
        if self.format in ("xlsx", "xlsm") and name in self._sheet_parts:
            _check_sheet_part(self.path, self._sheet_parts[name])
        try:
            sheet = self._book.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=True, nrows=limit)
            start = sheet.start
        except MemoryError as error:
            raise TooLargeError(self.path, detail=str(error)) from None
        except BaseException as error:  # calamine raises its own errors and, on bad input, panics
            _reraise_fatal(error)
            raise _translate(self.path, error) from None
        first_row, first_col = start if start is not None else (0, 0)
        return RawSheet(name, rows, first_row, first_col)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._book.close()


def _reraise_fatal(error: BaseException) -> None:
    if isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise error


def _translate(path: Path, error: BaseException) -> Exception:
    text = str(error)
    if isinstance(error, PasswordError) or "password" in text.lower():
        return EncryptedFileError(path, detail=text[:200])
    if "Cannot detect file format" in text:
        return UnsupportedFormatError(path, detail=text[:200])
    return CorruptFileError(path, detail=text[:200])


def is_ole(head: bytes) -> bool:
    return head.startswith(_OLE_MAGIC)


def is_zip(head: bytes) -> bool:
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def check_ole(path: Path) -> None:
    """Refuse encrypted OLE2 files: encrypted OOXML (EncryptionInfo stream) and xls with FILEPASS."""
    data = path.read_bytes()
    for stream in _ENCRYPTION_STREAMS:
        if stream.encode("utf-16-le") in data:
            raise EncryptedFileError(path)
    if _xls_filepass(data):
        raise EncryptedFileError(path)
    if "Workbook".encode("utf-16-le") not in data and "Book".encode("utf-16-le") not in data:
        raise UnsupportedFormatError(path, detail=problem("detail_office_not_workbook"))


def _xls_filepass(data: bytes) -> bool:
    """Whether the BIFF workbook globals declare FILEPASS (the xls is encrypted or obfuscated)."""
    for match in re.finditer(rb"\x09\x08[\x08\x10]\x00", data):
        position = match.start()
        bof_type = int.from_bytes(data[position + 6 : position + 8], "little")
        if bof_type != 0x0005:  # workbook globals
            continue
        position += 4 + int.from_bytes(data[position + 2 : position + 4], "little")
        for _ in range(12):
            record = int.from_bytes(data[position : position + 2], "little")
            if record == 0x002F:
                return True
            if record in (0x000A, 0x0000):
                break
            position += 4 + int.from_bytes(data[position + 2 : position + 4], "little")
        return False
    return False


def _xls_date1904(data: bytes) -> bool:
    match = re.search(rb"\x22\x00\x02\x00([\x00\x01])\x00", data)
    return bool(match and match.group(1) == b"\x01")


def check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs before anything inflates a member."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_PACKAGE_BYTES:
            raise TooLargeError(path, detail=problem("detail_member_size", part=info.filename,
                                                          size=info.file_size))
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TooLargeError(
                path, detail=problem("detail_compression_ratio", part=info.filename,
                                     ratio=info.file_size // max(info.compress_size, 1))
            )


def zip_kind(path: Path, archive: zipfile.ZipFile) -> str:
    """``"xlsx"``/``"xlsm"``/``"xlsb"``/``"ods"`` for spreadsheet packages; raises for other zips."""
    names = set(archive.namelist())
    if "mimetype" in names:
        mime = archive.read("mimetype")[:100].strip()
        if mime == _ODS_MIME:
            return "ods"
        raise UnsupportedFormatError(path, detail=mime.decode("ascii", "replace"))
    if "[Content_Types].xml" in names:
        if any(n.lower().endswith("workbook.bin") for n in names):
            return "xlsb"
        return "xlsm" if path.suffix.lower() == ".xlsm" or "xl/vbaProject.bin" in names else "xlsx"
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        raise UnsupportedFormatError(path, detail="Apple Numbers")
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise CorruptFileError(path, detail=problem("detail_no_workbook_in_zip"))
    raise UnsupportedFormatError(path)


def ooxml_parts(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """``({sheet name: part path}, date1904)`` through the xlsx package's reader (the one the writer
    patches by, so reading and writing never disagree on a part or the date system); raises on
    malformed XML."""
    try:
        workbook_part = workbook_part_of(archive)
        if "workbook" not in posixpath.basename(workbook_part).lower():
            raise UnsupportedFormatError(path, detail=problem("detail_not_a_workbook_part", part=workbook_part))
        package = read_package(archive)
    except WorkbenchError:
        raise
    except KeyError as error:  # the workbook part is missing
        part = error.args[0] if error.args else workbook_part_of(archive)
        raise CorruptFileError(path, detail=problem("detail_part_missing", part=str(part))) from None
    except Exception as error:  # malformed XML, a damaged member, defusedxml's refusals
        raise CorruptFileError(path, detail=str(error)) from None
    return dict(package.sheet_parts), package.date1904


def _check_sheet_part(path: Path, part: str) -> None:
    """Check a sheet's XML head for well-formedness and its used area against :data:`MAX_CELLS`."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            head = stream.read(XML_HEAD_BYTES)
            parser = expat.ParserCreate()
            try:
                parser.Parse(head, False)
            except expat.ExpatError as error:
                raise CorruptFileError(path, detail=f"{part}: {error}") from None
            match = _DIMENSION.search(head)
            if match and match.group(3) and match.group(2):
                rows = int(match.group(4)) - int(match.group(2)) + 1
                cols = _column_number(match.group(3)) - _column_number(match.group(1) or b"A") + 1
                if rows * cols <= MAX_CELLS:
                    return
            elif match:
                return  # a single-cell dimension: the sheet holds at most one cell
            _check_used_area(path, part, head, stream)
    except WorkbenchError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise CorruptFileError(path, detail=f"{part}: {error}") from None


def _check_used_area(path: Path, part: str, head: bytes, stream: Any) -> None:
    """Scan the cell references when the dimension is absent or huge (it often lies)."""
    low_row = low_col = 1 << 30
    high_row = high_col = 0
    tail = b""
    chunk = head
    while chunk:
        block = tail + chunk
        for column, row in _CELL_REF.findall(block):
            r, c = int(row), _column_number(column)
            low_row, high_row = min(low_row, r), max(high_row, r)
            low_col, high_col = min(low_col, c), max(high_col, c)
        tail = block[-256:]
        chunk = stream.read(1 << 20)
    if high_row and (high_row - low_row + 1) * (high_col - low_col + 1) > MAX_CELLS:
        raise TooLargeError(path, detail=problem("detail_used_area", part=part, height=high_row - low_row + 1,
                                                     width=high_col - low_col + 1))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def open_book(path: Path, kind: str, head: bytes) -> ExcelBook:
    """Open a workbook of ``kind`` ("zip" or "ole") after the container checks."""
    sheet_parts: dict[str, str] = {}
    date1904 = False
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as archive:
                check_zip(path, archive)
                fmt = zip_kind(path, archive)
                if fmt in ("xlsx", "xlsm"):
                    sheet_parts, date1904 = ooxml_parts(path, archive)
                elif fmt == "ods":
                    _check_ods_head(path, archive)
        except WorkbenchError:
            raise
        except (zipfile.BadZipFile, EOFError):  # a cut-short download or copy: zipfile's words are English
            raise CorruptFileError(path, detail=problem("detail_zip_damaged")) from None
        except (zlib.error, ValueError, NotImplementedError) as error:
            raise CorruptFileError(path, detail=str(error)) from None
    else:
        check_ole(path)
        fmt = "xls"
        with open(path, "rb") as handle:
            date1904 = _xls_date1904(handle.read(1 << 20))
    try:
        if path.suffix.lower() in _SUFFIXES[fmt]:
            book = CalamineWorkbook.from_path(str(path))
        else:  # calamine trusts the extension; web systems save xlsx as ".xls" and worse
            with open(path, "rb") as handle:
                book = CalamineWorkbook.from_filelike(handle)
        metadata = [m for m in book.sheets_metadata if m.typ != SheetTypeEnum.ChartSheet]
    except MemoryError as error:
        raise TooLargeError(path, detail=str(error)) from None
    except BaseException as error:
        _reraise_fatal(error)
        raise _translate(path, error) from None
    return ExcelBook(
        path=path,
        format=fmt,
        sheets=[m.name for m in metadata],
        visible=[m.visible == SheetVisibleEnum.Visible for m in metadata],
        date1904=date1904,
        _book=book,
        _sheet_parts=sheet_parts,
    )


def _check_ods_head(path: Path, archive: zipfile.ZipFile) -> None:
    # A password-protected ODF package keeps its manifest in clear text and names the cipher of every
    # encrypted part there (<manifest:encryption-data>); the parts themselves are no XML.
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        manifest = b""
    if re.search(rb"<(?:[\w.-]+:)?encryption-data[\s>/]", manifest):
        raise EncryptedOdsError(path)
    try:
        with archive.open("content.xml") as stream:
            expat.ParserCreate().Parse(stream.read(XML_HEAD_BYTES), False)
    except KeyError:
        raise CorruptFileError(path, detail=problem("detail_part_missing", part="content.xml")) from None
    except expat.ExpatError as error:
        raise CorruptFileError(path, detail=f"content.xml: {error}") from None


def choose_sheet(book: ExcelBook, need_header: bool = True) -> tuple[RawSheet, int]:
    """The first sheet (visible ones first) whose header can be found, with the header's index.

    With ``need_header=False`` the first sheet holding any data is taken (the header row is given).
    """
    order = [n for n, v in zip(book.sheets, book.visible, strict=True) if v]
    order += [n for n in book.sheets if n not in order]
    first_with_data: RawSheet | None = None
    for name in order:
        raw = book.read(name)
        if not any(any(v != "" for v in row) for row in raw.rows[:HEADER_SEARCH_ROWS]):
            continue
        index = detect_header_row(raw.rows[:HEADER_SEARCH_ROWS])
        if index >= 0 or not need_header:
            return raw, index
        first_with_data = first_with_data or raw
    if first_with_data is not None:
        raise NoHeaderError(book.path, sheet=first_with_data.name)
    raise EmptyWorkbookError(book.path)
