"""The summary's figures as values in the joint workbook's sheet ``Sammanfattning`` (``Summary`` in an
English workbook), so that colleagues who only have Excel see them.

Written by the save protocol of the survey's writes (:mod:`workbench.survey.joint_io`): under the
workbook's lock, refused while Excel or LibreOffice has it open (unless told to save anyway), cell-
patched, verified, backed up and renamed into place. The first time the sheet is added after the last
sheet; later runs rewrite its cells in the same layout and clear the cells that no longer hold a figure
(a municipality gone, a reviewer fewer). Nothing else in the workbook changes: ``Sortiment`` and the
other sheets keep every byte.

Layout (one figure a cell, numbers as numbers): a title row, when the figures were made and by whom, a
line saying the sheet is rewritten; the whole assortment before and after, the decisions; one row per
municipality with every figure; the decided articles per reviewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.errors import UsageError
from workbench.formats import XLSX_SUFFIXES
from workbench.messages import current_language, text
from workbench.summary.figures import Summary, decision_codes
from workbench.summary.layout import FIELDS, MEASURES, SHEETS, WORDS, language, word

__all__ = ["FIRST_TABLE_ROW", "sheet_cells", "write_summary_sheet"]

FIRST_TABLE_ROW = 6  # the header of the whole's table (sheet rows are 1-based)
WIDTHS = {0: 30, **dict.fromkeys(range(1, 24), 16)}
Cells = dict[tuple[int, int], Any]


def sheet_cells(summary: Summary, lang: str, user: str) -> Cells:
    """The sheet's cells ``(row, col)`` (1-based rows, 0-based columns) → value; empty cells are left out."""
    from workbench.summary.charts import decision_label, page
    from workbench.summary.workbook import figure_values, municipality_headers

    lang = language(lang)
    cells: Cells = {}

    def put(row: int, values: list[Any]) -> None:
        for col, value in enumerate(values):
            if value is not None and value != "":
                cells[(row, col)] = value

    put(1, [f"{SHEETS['summary'][lang]}: {page(summary, lang).title}"])
    put(2, [word("made_at", lang), summary.made_at])
    put(3, [word("made_by", lang), user])
    put(4, [word("sheet_note", lang)])
    whole = figure_values(summary.whole)
    row = FIRST_TABLE_ROW
    put(row, [word("whole", lang), word("before", lang), word("after", lang)])
    for _, before, after, sv, en in MEASURES:
        row += 1
        put(row, [en if lang == "en" else sv, whole[before], whole[after]])
    row += 1
    put(row, [word("decision", lang), word("articles", lang)])
    for code in decision_codes():
        row += 1
        put(row, [decision_label(code, lang), summary.whole.decisions.get(code, 0)])
    row += 1
    put(row, [word("decided", lang), summary.whole.decided])
    row += 1
    put(row, [word("sup_banned_left", lang), len(summary.whole.sup_banned_left)])
    if summary.by_municipality:
        row += 2
        put(row, municipality_headers(lang))
        for name, figures in summary.by_municipality.items():
            row += 1
            values = figure_values(figures)
            line: list[Any] = [name]
            for field, _, _ in FIELDS:
                if field == "decided":
                    line += [figures.decisions.get(code, 0) for code in decision_codes()]
                line.append(len(figures.sup_banned_left) if field == "sup_banned_left" else values[field])
            put(row, line)
    row += 2
    put(row, [word("reviewer", lang), word("decided", lang)])
    for reviewer, count in summary.by_reviewer.items():
        row += 1
        put(row, [reviewer, count])
    return cells


def _ours(rows: list[list[object]]) -> bool:
    """Whether a sheet of the summary's name is the one this module writes (its labels in column A)."""
    def label(row: int) -> str:
        values = rows[row - 1] if len(rows) >= row else []
        return str(values[0]).strip() if values and values[0] is not None else ""

    return label(2) in WORDS["made_at"] and label(3) in WORDS["made_by"]


def write_summary_sheet(joint: Path, summary: Summary, *, user: str | None = None, wait: float = 30.0,
                        save_anyway: bool = False, on_wait: Callable[[str], None] | None = None,
                        lang: str | None = None) -> Path:
    """Write ``summary`` into the sheet ``Sammanfattning`` of the joint workbook ``joint`` (see the
    module's note) and return ``joint``. ``lang`` chooses the words when the
    sheet is added (default: the workbook's language); a sheet already there keeps its language.

    A sheet of that name that this module did not write is never overwritten: adding ours then fails
    with :class:`~workbench.errors.SheetExistsError`. Busy (a colleague saving longer than ``wait``, the
    file open in an office program): :class:`~workbench.errors.FileBusyError` and its kin, the file
    untouched."""
    from workbench.assortment.layout import detect_language
    from workbench.reading.importer import list_sheets, read_sheet_rows
    from workbench.sharing.lock import current_user
    from workbench.survey.joint_io import locked_joint, patch_joint
    from workbench.xlsx.patch import NewSheet, SheetPatch

    joint = Path(joint)
    if joint.suffix.casefold() not in XLSX_SUFFIXES:
        raise UsageError(joint, detail=text("summary_sheet_needs_workbook", current_language(), file=str(joint)))
    who = user or current_user()
    with locked_joint(joint, who, wait=wait, save_anyway=save_anyway, on_wait=on_wait):
        sheets = list_sheets(joint)
        found = {name.casefold(): name for name in sheets}
        existing: tuple[str, str] | None = None  # (sheet, its language)
        for sheet_lang in ("sv", "en"):
            name = found.get(SHEETS["summary"][sheet_lang].casefold())
            if name is not None:
                rows = read_sheet_rows(joint, [name])[name]
                if _ours(rows):
                    existing = (name, sheet_lang)
                    break
        if existing is None:
            chosen = language(lang or detect_language(sheets))
            cells = sheet_cells(summary, chosen, who)
            last_row = max(row for row, _ in cells)
            last_col = max(col for _, col in cells)
            grid: list[list[Any]] = [[None] * (last_col + 1) for _ in range(last_row)]
            for (row, col), value in cells.items():
                grid[row - 1][col] = value
            new = NewSheet(SHEETS["summary"][chosen], grid, widths=WIDTHS, freeze_header=False,
                           autofilter=False)
            patch_joint(joint, [], [new])
        else:
            name, sheet_lang = existing
            cells = sheet_cells(summary, sheet_lang, who)
            patch: dict[tuple[int, int], Any] = dict(cells)
            for row, values in enumerate(rows, start=1):
                for col, value in enumerate(values):
                    if value is not None and value != "" and (row, col) not in cells:
                        patch[(row, col)] = None  # a figure no longer there
            patch_joint(joint, [SheetPatch(name, patch)])
    return joint
