"""Copying zip members without recompressing them (private to the writer).

``zipfile`` has no public way to copy a member's compressed bytes, so this uses the documented file
layout (local header, then data) and the ``ZipFile`` bookkeeping that ``writestr`` itself uses. Copying
raw bytes keeps every untouched part bit-for-bit identical and is much faster than recompressing.
"""

from __future__ import annotations

import copy
import struct
import zipfile

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_DATA_DESCRIPTOR = 0x08
_ZIP64_EXTRA = 1
_ZIP64_LIMIT = (1 << 31) - 1


def _strip_zip64_extra(extra: bytes) -> bytes:
    """``extra`` without zip64 records (they are rebuilt from the sizes when writing)."""
    out = bytearray()
    pos = 0
    while pos + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, pos)
        if kind != _ZIP64_EXTRA:
            out += extra[pos:pos + 4 + size]
        pos += 4 + size
    return bytes(out)


def copy_member_raw(source: zipfile.ZipFile, target: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Append ``info``'s member from ``source`` to ``target`` with its compressed bytes unchanged."""
    assert source.fp is not None and target.fp is not None
    source.fp.seek(info.header_offset)
    header = source.fp.read(_LOCAL_HEADER.size)
    fields = _LOCAL_HEADER.unpack(header)
    name_length, extra_length = fields[-2], fields[-1]
    source.fp.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)

    new = copy.copy(info)
    new.flag_bits &= ~_DATA_DESCRIPTOR
    new.extra = _strip_zip64_extra(info.extra)
    zip64 = info.file_size > _ZIP64_LIMIT or info.compress_size > _ZIP64_LIMIT
    new.header_offset = target.fp.tell()
    target.fp.write(new.FileHeader(zip64))
    remaining = info.compress_size
    while remaining > 0:
        chunk = source.fp.read(min(remaining, 1 << 20))
        if not chunk:
            raise zipfile.BadZipFile(f"truncated member {info.filename}")
        target.fp.write(chunk)
        remaining -= len(chunk)
    target.filelist.append(new)
    target.NameToInfo[new.filename] = new
    target.start_dir = target.fp.tell()
    target._didModify = True  # type: ignore[attr-defined]


def new_member_info(info: zipfile.ZipInfo, fast: bool = False) -> zipfile.ZipInfo:
    """A fresh ``ZipInfo`` for rewriting ``info``'s member: same name, time and attributes, deflated.

    ``fast`` trades a few percent of size for compression several times faster (large sheets).
    """
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED
    new._compresslevel = 1 if fast else None  # type: ignore[attr-defined]
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def write_member(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    """Write ``data`` as a rewritten version of ``info``'s member."""
    with target.open(new_member_info(info), "w", force_zip64=len(data) > _ZIP64_LIMIT) as handle:
        handle.write(data)

