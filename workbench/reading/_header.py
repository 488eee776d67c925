"""Finding the header row among title rows, and the total rows at the end of the data."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.reading._mapping import count_known

#: How many rows from the top are searched for the header.
HEADER_SEARCH_ROWS = 60

_TOTAL_WORDS = re.compile(r"^\s*(summa|totalt|total|sum|totalsumma|grand total|s:a)\b", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\s\-+−]*[\d\s\u00a0\u202f.,]+%?\s*$")


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not _NUMBERISH.match(value)


def _filled(row: Sequence[object]) -> list[object]:
    return [v for v in row if not is_blank(v)]


def detect_header_row(rows: Sequence[Sequence[object]]) -> int:
    """The 0-based index within ``rows`` of the row that looks like the column headers.

    The header is the first row with at least two filled cells that are mostly text and that contains
    several known header words (resources/synonyms.json). Failing that, it is the first mostly-text row
    of two or more cells that is followed by a row of data (one-cell sub-header lines between them are
    passed over, so the upper candidate wins over the article rows below them): title rows (one merged
    cell), blank rows and notes above the table are passed over. Returns ``-1`` when no row qualifies.
    When ``rows`` starts at sheet row 1 (as :func:`workbench.reading.importer.raw_rows` does), the sheet row is
    the index plus one.
    """
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    best_known = -1
    best_index = -1
    for index in range(limit):
        filled = _filled(rows[index])
        if len(filled) < 2:
            continue
        texts = sum(1 for v in filled if _is_text(v))
        if texts * 10 < len(filled) * 7:
            continue
        known = count_known(filled)
        if known >= 3 or (known >= 2 and known * 2 >= len(filled)):
            return index
        if known > best_known and known >= 2:
            best_known, best_index = known, index
    if best_index >= 0:
        return best_index
    for index in range(limit):
        filled = _filled(rows[index])
        if len(filled) < 2 or any(not _is_text(v) for v in filled):
            continue
        # a one-cell line right below the header is a sub-header ("Kontorsmaterial"), not the end of it
        following = next((r for r in rows[index + 1 :] if len(_filled(r)) >= 2), None)
        if following is not None and len(_filled(following)) >= max(2, len(filled) // 2):
            return index
    for index in range(limit):
        filled = _filled(rows[index])
        if len(filled) >= 2 and all(_is_text(v) for v in filled):
            return index
    return -1


def is_total_row(row: Sequence[object]) -> bool:
    """Whether ``row`` is a total line: one of its first text cells says Summa/Totalt/Total/Sum."""
    seen = 0
    for value in row:
        if is_blank(value):
            continue
        if isinstance(value, str):
            if _TOTAL_WORDS.match(value):
                return True
            seen += 1
            if seen >= 2:
                return False
    return False
