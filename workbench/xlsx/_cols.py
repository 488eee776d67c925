"""Unhiding the columns the writer fills: ``<cols>`` in a worksheet's head (private to the writer).

A sheet may hide every column right of its data (``<col min="11" max="16384" hidden="1"/>``); new
review columns placed there would be invisible in Excel. Only the columns written lose ``hidden``: a
``<col>`` range is split around them and every other attribute (width, style) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_ATTR = re.compile(rb"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _runs(columns: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for col in columns:
        if runs and runs[-1][1] + 1 == col:
            runs[-1] = (runs[-1][0], col)
        else:
            runs.append((col, col))
    return runs


def _with(tag: bytes, low: int, high: int, hidden: bool) -> bytes:
    tag = re.sub(rb"(\smin\s*=\s*[\"'])\d+", rb"\g<1>" + str(low).encode(), tag, count=1)
    tag = re.sub(rb"(\smax\s*=\s*[\"'])\d+", rb"\g<1>" + str(high).encode(), tag, count=1)
    if not hidden:
        tag = re.sub(rb"\shidden\s*=\s*(\"[^\"]*\"|'[^']*')", b"", tag, count=1)
    return tag


def unhide_columns(head: bytes, prefix: bytes, columns: Collection[int]) -> tuple[bytes, list[int]]:
    """``head`` (the sheet XML before ``<sheetData>``) with the 0-based ``columns`` no longer hidden,
    and which of them were hidden (sorted)."""
    if not columns:
        return head, []
    wanted = {c + 1 for c in columns}  # <col> counts from 1
    pattern = re.compile(rb"<" + re.escape(prefix) + rb"col\s[^>]*?/>")
    unhidden: set[int] = set()

    def split(match: re.Match[bytes]) -> bytes:
        tag = match.group(0)
        attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}
        if attrs.get(b"hidden", b"0").strip().lower() not in (b"1", b"true"):
            return tag
        try:
            low, high = int(attrs[b"min"]), int(attrs[b"max"])
        except (KeyError, ValueError):
            return tag
        ours = sorted(c for c in wanted if low <= c <= high)
        if not ours:
            return tag
        unhidden.update(ours)
        pieces: list[bytes] = []
        start = low
        for first, last in _runs(ours):
            if start < first:
                pieces.append(_with(tag, start, first - 1, hidden=True))
            pieces.append(_with(tag, first, last, hidden=False))
            start = last + 1
        if start <= high:
            pieces.append(_with(tag, start, high, hidden=True))
        return b"".join(pieces)

    new_head = pattern.sub(split, head)
    return new_head, sorted(c - 1 for c in unhidden)
