"""The survey's writes into the joint workbook, by the save protocol: under the workbook's lock (waiting
while a colleague saves, refusing while Excel or LibreOffice has it open unless told to save anyway), the
file read as it is now, only the changed cells patched (new sheets added in the same pass), verified,
backed up and atomically renamed into place. The answers are no review edits: there is nothing to
journal, and ``Enkätsvar`` itself records which file each answer came from and when.

The joint workbook's ID lives here too: a column ``Arbetsbok-ID`` of ``Källor``, its value below the
header. A workbook made before the survey existed gets one on its first ``survey make``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from workbench.assortment.joint_reader import JointState
from workbench.survey.layout import all_names, form_names, new_workbook_id

__all__ = ["ID_ROW", "locked_joint", "patch_joint", "with_workbook_id", "workbook_id"]

ID_ROW = 2
"""The ``Källor`` row the new workbook ID is written in (any row below the header is read)."""


@contextlib.contextmanager
def locked_joint(path: Path, who: str, *, wait: float = 30.0, save_anyway: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """The joint workbook's lock, held; :class:`FileOpenElsewhereError` when an office program has it open."""
    from workbench.errors import FileOpenElsewhereError
    from workbench.sharing.lock import WorkbookLock, office_owner
    from workbench.sharing.shared_save import lock_waiter

    with WorkbookLock(path, who).acquire(wait=wait, on_wait=lock_waiter(path, on_wait)):
        if not save_anyway:
            owner = office_owner(path)
            if owner is not None:
                raise FileOpenElsewhereError(path, who=owner)
        yield


def patch_joint(path: Path, patches: Sequence[Any], new_sheets: Sequence[Any] = ()) -> None:
    """Patch ``patches`` (and add ``new_sheets``) into ``path`` through the atomic save (the caller holds
    the lock)."""
    from workbench.savefile import atomic_save
    from workbench.xlsx.patch import patch_sheets, verify_patch

    results: list[Any] = []

    def write(temp: Path) -> None:
        results.append(patch_sheets(path, temp, patches, new_sheets=new_sheets))

    atomic_save(path, write, lambda temp: verify_patch(temp, results[-1]))


def _id_column(state: JointState) -> int | None:
    for names in all_names():
        column = state.source_columns.get(names.workbook_id)
        if column is not None:
            return column
    return None


def workbook_id(state: JointState) -> str | None:
    """The joint workbook's ID as read, ``None`` when it has none yet."""
    column = _id_column(state)
    if column is None:
        return None
    for row in sorted(state.source_raw):
        values = state.source_raw[row]
        value = values[column] if column < len(values) else None
        if isinstance(value, str) and value.strip():
            return value.strip().upper()
    return None


def with_workbook_id(state: JointState) -> tuple[str, Any | None]:
    """The workbook's ID and, when it has none yet, the patch of ``Källor`` that gives it one (a new
    column right of the last used one, headed in the header row's style)."""
    from workbench.xlsx.patch import NewColumn, SheetPatch, last_used_column

    found = workbook_id(state)
    if found is not None:
        return found, None
    new_id = new_workbook_id()
    names = form_names(state.names.lang)
    sheet = state.names.sheets[2]
    column = _id_column(state)
    if column is not None:  # a header without a value (emptied by hand)
        return new_id, SheetPatch(sheet, {(ID_ROW, column): new_id})
    _, last = last_used_column(state.path, sheet)
    column = max(last, max(state.source_columns.values(), default=-1)) + 1
    return new_id, SheetPatch(sheet, {(ID_ROW, column): new_id}, header_row=1,
                              new_columns=[NewColumn(column, names.workbook_id)])
