"""The grid's Ctrl+C, Ctrl+V and Ctrl+D, as in Excel. The view gathers the cells; the core
(:mod:`workbench.review.clipboard`) writes and reads the text, checks the values and plans the one edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from workbench.errors import LISTED_PROBLEMS, PasteRefusedError
from workbench.review.clipboard import PastePlan, fill_down, parse_tsv, plan_paste, rejected_problem, to_tsv

if TYPE_CHECKING:
    from ui.review.view import ReviewTableView



def _block(view: ReviewTableView) -> tuple[list[int], list[int]]:
    """View rows and columns (in the order shown) of the selection's bounding block, or the current cell."""
    ranges = list(view.selectionModel().selection())
    current = view.currentIndex()
    if not ranges or (current.isValid() and not view.selectionModel().isSelected(current)):
        # The active cell belongs to the selection, as in Excel; outside it, the active cell alone counts.
        return ([current.row()], [current.column()]) if current.isValid() else ([], [])
    top = min(r.top() for r in ranges)
    bottom = max(r.bottom() for r in ranges)
    chosen = {c for r in ranges for c in range(r.left(), r.right() + 1)}
    return list(range(top, bottom + 1)), [c for c in view.visible_columns() if c in chosen]


def copy_selection(view: ReviewTableView) -> str:
    """Ctrl+C: the selected cells as shown, tab-separated (cells outside a ragged selection empty)."""
    rows, columns = _block(view)
    model = view.review_model
    selection = view.selectionModel()
    whole = len(selection.selection()) <= 1
    if whole:
        lines = [list(cells) for cells in zip(*(model.display_texts(rows, c) for c in columns), strict=True)]
    else:
        lines = [[model.display_text(r, c) if selection.isSelected(model.index(r, c)) else "" for c in columns]
                 for r in rows]
    text = to_tsv(lines)
    QApplication.clipboard().setText(text)
    return text


def paste(view: ReviewTableView) -> PastePlan | None:
    """Ctrl+V: the clipboard's block onto the cells from the selection's top-left cell, as one undo step.

    A single value pasted onto a larger selection fills every selected cell (as Excel does)."""
    model = view.review_model
    if model.table is None or not model.rowCount():
        return None
    block = parse_tsv(QApplication.clipboard().text())
    rows, columns = _block(view)
    if not block or not rows or not columns:
        return None
    if len(block) == 1 and len(block[0]) == 1 and (len(rows) > 1 or len(columns) > 1):
        block = [[block[0][0]] * len(columns) for _ in rows]
    shown = view.visible_columns()
    targets = shown[shown.index(columns[0]):]
    names = [(str(model.headerData(c, Qt.Orientation.Horizontal)), _field(view, c)) for c in targets]
    top = rows[0]
    positions = model.positions(list(range(top, min(top + len(block), model.rowCount()))))
    plan = plan_paste(model.table, block, positions, names)
    if plan.cells and model.set_cells({k: dict(v) for k, v in plan.cells.items()}, "paste"):
        width = max(len(line) for line in block)
        last_row = min(top + len(block), model.rowCount()) - 1
        last_column = targets[min(width, len(targets)) - 1]
        view.selectionModel().select(QItemSelection(model.index(top, columns[0]), model.index(last_row, last_column)),
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
    _report(view, plan)
    return plan


def fill_selection_down(view: ReviewTableView) -> PastePlan | None:
    """Ctrl+D: the top selected row's review values go to the other selected rows (one selected row
    takes the values of the row above), as one undo step."""
    model = view.review_model
    if model.table is None:
        return None
    rows, columns = _block(view)
    if len(rows) == 1 and rows[0] > 0:
        rows = [rows[0] - 1, rows[0]]
    fields = [name for c in columns if (name := _field(view, c)) is not None]
    if len(rows) < 2 or not fields:
        return None
    plan = fill_down(model.table, model.positions(rows), fields)
    if plan.cells:
        model.set_cells({k: dict(v) for k, v in plan.cells.items()}, "fill_down")
    _report(view, plan)
    return plan


def _field(view: ReviewTableView, column: int) -> str | None:
    field = view.review_model.review_field_at(column)
    return field.name if field is not None else None


def _report(view: ReviewTableView, plan: PastePlan) -> None:
    """Name every refused value to the user (the page shows it without blocking the grid)."""
    if not plan.rejected or view.review_model.table is None:
        return
    # the first are named (in the language the message is shown in), the rest counted
    problems = [rejected_problem(r) for r in plan.rejected[:LISTED_PROBLEMS]]
    view.paste_refused.emit(PasteRefusedError(view.review_model.table.path, count=len(plan.rejected),
                                              problems=problems, more_problems=len(plan.rejected) - len(problems)))
