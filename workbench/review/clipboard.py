"""The grid's clipboard, as Excel has it: tab-separated text out, a pasted block checked and planned in.

Copy gives the cells as shown (labels, not codes), one line per row, cells separated by tabs. A cell
holding a tab, a line break or a double quote is quoted the way Excel quotes it
(in double quotes, a quote inside doubled).
Lines end in ``\\n``: Qt turns that into CRLF on the Windows clipboard, and Excel and LibreOffice
read either.

Paste reads such text back (Excel's quoting, CRLF, LF or CR line ends) and plans the edit: the block
goes onto the rows and columns shown from the current cell on. Each value is checked as ``workbench
apply`` checks a decision (the vocabularies: code or label in either language; an existing article for
Ersätts av); what cannot be set is listed as :class:`Rejected`, never dropped silently. The plan is then
applied as one undo step by :meth:`workbench.review.session.ReviewSession.set_cells`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from workbench.errors import InvalidEditError
from workbench.fields import field as field_named
from workbench.messages import Problem, problem
from workbench.review._edit import EDITABLE_FIELDS, normalise_value
from workbench.table import SourceTable
from workbench.vocabularies import Vocabulary, vocabularies

Reason = Literal[
    "not_review_column", "not_editable", "unknown_value", "unknown_key", "self_reference", "row_without_key",
    "outside",
]
_QUOTE_WHEN = ("\t", "\n", "\r", '"')


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Rows of shown cell texts as Excel's clipboard text (tabs, quoted where needed, a final line end)."""
    return "".join("\t".join(_quoted(cell) for cell in row) + "\n" for row in rows)


def _quoted(cell: str) -> str:
    if any(ch in cell for ch in _QUOTE_WHEN):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def parse_tsv(text: str) -> list[list[str]]:
    """Excel's clipboard text as rows of cells (quoted cells may hold tabs and line breaks).

    A quote opens a quoted cell only at the cell's start, as in Excel; a line break inside a cell comes
    back as LF; the final line end is not a row.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_start = True
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            closing = _closing_quote(text, i + 1)
            if closing is not None:
                # A line break inside a cell is LF, as Excel keeps it in the cell.
                inner = text[i + 1:closing].replace('""', '"').replace("\r\n", "\n").replace("\r", "\n")
                cell.append(inner)
                i = closing + 1
                at_start = False
                continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
            at_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _closing_quote(text: str, start: int) -> int | None:
    """The quote that ends a quoted cell opened before ``start``, if the cell is really quoted."""
    i = start
    while True:
        j = text.find('"', i)
        if j < 0:
            return None
        if j + 1 < len(text) and text[j + 1] == '"':
            i = j + 2
            continue
        # Excel quotes a whole cell: the closing quote ends it (or the text); else it was a literal quote.
        return j if j + 1 == len(text) or text[j + 1] in "\t\r\n" else None


@dataclass(frozen=True)
class Rejected:
    """One pasted value that was not set: where it was going, what it was and why not."""

    row: int | None  # the sheet row (None: below the last row shown)
    key: str | None
    column: str  # the column's name as shown
    field: str | None  # the review field (None: not a review column)
    value: str
    reason: Reason


@dataclass(frozen=True)
class PastePlan:
    """What a paste sets (``cells``: field -> {position: value}) and what it refuses."""

    cells: Mapping[str, Mapping[int, Any]]
    rejected: Sequence[Rejected] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        """How many cells the paste sets."""
        return sum(len(values) for values in self.cells.values())


def plan_paste(
    table: SourceTable,
    block: Sequence[Sequence[str]],
    positions: Sequence[int] | np.ndarray,
    columns: Sequence[tuple[str, str | None]],
    vocab: Mapping[str, Vocabulary] | None = None,
) -> PastePlan:
    """Plan pasting ``block`` onto the rows at ``positions`` and the ``columns`` (name shown, review field
    or None), both from the current cell on, in the order shown. Values beyond the last row or column are
    refused as ``outside``; an empty value clears the cell.
    """
    vocab = vocab if vocab is not None else vocabularies()
    keys = table.keys.to_numpy(dtype=object)
    sheet_rows = table.data.index.to_numpy()
    known_keys: set[str] = set()
    cells: dict[str, dict[int, Any]] = {}
    rejected: list[Rejected] = []
    for r, values in enumerate(block):
        position = int(positions[r]) if r < len(positions) else None
        key = keys[position] if position is not None else None
        key = key if isinstance(key, str) else None
        row = int(sheet_rows[position]) if position is not None else None
        for c, value in enumerate(values):
            name, target = columns[c] if c < len(columns) else ("", None)
            outside = position is None or c >= len(columns)
            if (outside or target is None) and not value.strip():
                continue  # an empty cell beyond the view, or on a source column, asks for no edit
            reason, stored = _check(table, vocab, keys, known_keys, key, target, value, outside)
            if reason is not None:
                rejected.append(Rejected(row, key, name, target, value, reason))
            elif target is not None and position is not None:
                cells.setdefault(target, {})[position] = stored
    return PastePlan(cells, tuple(rejected))


def _check(table: SourceTable, vocab: Mapping[str, Vocabulary], keys: np.ndarray, known_keys: set[str],
           key: str | None, target: str | None, value: str, outside: bool) -> tuple[Reason | None, Any]:
    """Why ``value`` cannot go to ``target`` on the row of ``key`` (None: it can, with its stored form).
    ``known_keys`` is filled on first need."""
    if outside:
        return "outside", None
    if target is None:
        return "not_review_column", None
    if target not in EDITABLE_FIELDS:
        return "not_editable", None
    if key is None:
        return "row_without_key", None
    try:
        stored = normalise_value(table, target, value, vocab)
    except InvalidEditError:
        return "unknown_value", None
    if target == "replaced_by" and stored is not None:
        if not known_keys:
            known_keys.update(k for k in keys.tolist() if isinstance(k, str))
        if stored not in known_keys:
            return "unknown_key", None
        if stored == key:
            return "self_reference", None
    return None, stored


def fill_down(
    table: SourceTable, positions: Sequence[int] | np.ndarray, fields: Sequence[str]
) -> PastePlan:
    """Ctrl+D: the first of ``positions`` (rows in the order shown) gives its value in each of ``fields``
    to the others. Rows without a key cannot take a value and are refused."""
    review = table.review
    keys = table.keys.to_numpy(dtype=object)
    sheet_rows = table.data.index.to_numpy()
    cells: dict[str, dict[int, Any]] = {}
    rejected: list[Rejected] = []
    if len(positions) < 2:
        return PastePlan(cells)
    top, rest = int(positions[0]), [int(p) for p in positions[1:]]
    for name in fields:
        if name not in EDITABLE_FIELDS:
            continue
        value = review[name].iat[top]
        for position in rest:
            if not isinstance(keys[position], str):
                rejected.append(Rejected(int(sheet_rows[position]), None, field_named(name).label("sv"), name,
                                         "" if value is None else str(value), "row_without_key"))
                continue
            cells.setdefault(name, {})[position] = value
    return PastePlan(cells, tuple(rejected))


def rejected_problem(rejected: Rejected) -> Problem:
    """The problem naming a refused value: where it was going, the value and why."""
    where = problem("paste_where", row="?" if rejected.row is None else str(rejected.row),
                    key=rejected.key or "–", column=rejected.column)
    return problem("paste_problem", where=where, value=rejected.value, reason=problem(f"paste_{rejected.reason}"))


def describe(rejected: Rejected, language: str = "sv") -> str:
    """One line naming a refused value: where it was going, the value and why (for the user)."""
    return rejected_problem(rejected).render(language)
