"""Saving into a shared workbook: lock, re-read, three-way merge, cell-level write, journal.

This is steps 2–3 of "Saving into the shared workbook" (``../shared/DESIGN.md``) around the writer
(:func:`workbench.writing.save.save_review`, steps 4–5). The journal (step 1) is written by whoever makes the
edits; :func:`save_shared` marks them saved once they are in the file.

The write goes through the table read *under the lock*, so rows are found where they are now even if a
colleague sorted the sheet or added rows since we read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from workbench._gc import gc_paused
from workbench.errors import ConflictError, FileOpenElsewhereError, OlderCopyError
from workbench.fields import STAMP_FIELDS
from workbench.fields import field as field_info
from workbench.messages import Problem, problem, text
from workbench.progress import Progress
from workbench.review.record import set_by_key
from workbench.review.values import label
from workbench.savefile import file_fingerprint
from workbench.sharing.journal import Journal
from workbench.sharing.lock import LockInfo, WorkbookLock, office_owner
from workbench.sharing.three_way import (
    Cell,
    Conflict,
    MergeResult,
    resolve,
    settle_stamps,
    three_way,
)
from workbench.table import SourceTable, key_rows
from workbench.writing.changes import ChangeSummary
from workbench.writing.save import SaveResult, save_review

__all__ = ["Edit", "PullResult", "SharedSaveResult", "edit_shared", "lock_waiter", "pull_changes", "save_shared"]

Resolution = Literal["ask", "ours", "theirs"] | Mapping[Cell, Literal["ours", "theirs"]]

OLDER_TOLERANCE_NS = 2_000_000_000
"""Clocks of file servers and clients differ a little; an older copy is older by more than this."""


@dataclass
class PullResult:
    """Colleagues' changes merged into our table (``theirs_changes``), conflicts left as ours, and
    the new base (the file's review values, aligned to our table)."""

    theirs_changes: list[Cell] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    base: pd.DataFrame | None = None
    layout_changed: bool = False
    # the fingerprint of the file ``base`` describes (pass it back with that base), None if unknown
    fingerprint: str | None = None
    # the file's values of each conflicting cell and of its record's stamps, as read (to settle them)
    theirs_values: dict[Cell, Any] = field(default_factory=dict)
    file: Path = field(default_factory=Path)  # the workbook read (and, for a save, written)
    theirs_by: tuple[str, ...] = ()  # who made ``theirs_changes``, as the file's "reviewed by" says

    @property
    def changes(self) -> ChangeSummary:
        """What the pull changed, to be worded (:meth:`ChangeSummary.lines`)."""
        return ChangeSummary(self.file, theirs=len(self.theirs_changes), theirs_by=self.theirs_by)

    def summary(self, lang: str = "sv") -> str:
        return self.changes.text(lang)


@dataclass
class SharedSaveResult(PullResult):
    """What a shared save did: ``written`` cells (ours), conflicts settled (``resolved``: cell -> side),
    ``missing`` cells whose article the file no longer has (kept unsaved in the journal), the writer's
    result (``None`` when there was nothing of ours to write) and a lock taken over from ``took_over``."""

    written: list[Cell] = field(default_factory=list)
    resolved: dict[Cell, str] = field(default_factory=dict)
    missing: list[Cell] = field(default_factory=list)
    applied: SaveResult | None = None
    took_over: LockInfo | None = None
    save_id: int | None = None

    @property
    def changes(self) -> ChangeSummary:
        """What the save changed, ours and the colleagues' taken in, to be worded (:meth:`ChangeSummary.lines`)."""
        ours = sum(1 for side in self.resolved.values() if side == "ours")
        return replace(self.applied.changes if self.applied is not None else ChangeSummary(self.file, saved=True),
                       theirs=len(self.theirs_changes), theirs_by=self.theirs_by, settled_ours=ours,
                       settled_theirs=len(self.resolved) - ours, missing=len(self.missing),
                       took_over_from=self.took_over.who if self.took_over is not None else None)


def _reviewers(table: SourceTable, cells: Iterable[Cell]) -> tuple[str, ...]:
    """Who last reviewed the articles of ``cells`` in ``table`` (its "reviewed by"), each once, sorted."""
    keys = {key for key, _ in cells}
    if not keys or "reviewed_by" not in table.review.columns:
        return ()
    by = table.review["reviewed_by"][table.keys.astype(object).isin(keys).to_numpy()]
    return tuple(sorted({str(name) for name in by.dropna() if str(name).strip()}))


def _read_now(table: SourceTable) -> SourceTable:
    from workbench.reading.importer import read_table

    return read_table(Path(table.path), **{**table.read_options, "sheet": table.sheet})


def conflict_lines(conflicts: Iterable[Conflict]) -> list[Problem]:
    """One problem per conflict: key, field, the file's value and who set it, our value (worded in
    the language the message is shown in)."""
    lines = []
    for c in conflicts:
        labels: dict[str, str] = {}
        for lang in ("sv", "en"):
            labels |= {f"field_{lang}": field_info(c.field).label(lang),
                       f"theirs_{lang}": label(c.field, c.theirs, lang),
                       f"ours_{lang}": label(c.field, c.ours, lang)}
        lines.append(problem("conflict_line", key=c.key, theirs_by=c.theirs_by or "?", **labels))
    return lines


def _set_rows(target: SourceTable, merged: MergeResult, cells: Iterable[Cell] | None) -> list[Cell]:
    """Put merged values into ``target.review`` by key (all fields of every matched row when ``cells``
    is ``None``); returns the cells whose value changed."""
    wanted: dict[str, set[str]] | None = None
    if cells is not None:
        wanted = {}
        for key, name in cells:
            wanted.setdefault(key, set()).add(name)
    updates = (((key, occurrence), name, values[name]) for (key, occurrence), values in merged.merged.items()
               for name in (values.keys() if wanted is None else wanted.get(key, ())))
    return set_by_key(target, updates).changed_cells()


def _same_layout(a: SourceTable, b: SourceTable) -> bool:
    return a.header_row == b.header_row and a.keys.index.equals(b.keys.index) and bool(
        (a.keys.astype(str).to_numpy() == b.keys.astype(str).to_numpy()).all())


def _same_places(table: SourceTable, fresh: SourceTable) -> bool:
    """Whether ``table`` finds every row and column where the file ``fresh`` was read from has it: only
    then may the file's fingerprint go with ``table`` (a later save writes by ``table``'s places)."""
    return (table.sheet == fresh.sheet and _same_layout(table, fresh)
            and table.column_index == fresh.column_index and table.review_columns == fresh.review_columns)


def _check_older(table: SourceTable, journal: Journal | None) -> None:
    if journal is None:
        return
    last = journal.last_save(table.path)
    if last is None or last.mtime_ns is None:
        return
    try:
        now = Path(table.path).stat()
    except OSError:
        return  # the read below names the real problem
    if now.st_mtime_ns + OLDER_TOLERANCE_NS < last.mtime_ns:
        file_time = dt.datetime.fromtimestamp(now.st_mtime_ns / 1e9).isoformat(sep=" ", timespec="seconds")
        raise OlderCopyError(table.path, saved_at=last.at.isoformat(sep=" ", timespec="seconds"),
                             file_time=file_time)


@gc_paused
def pull_changes(table: SourceTable, base_review: pd.DataFrame, ours_changed: Iterable[Cell] | None = None,
                 *, fresh: SourceTable | None = None) -> PullResult:
    """Merge what colleagues saved into ``table.review`` without saving (the file changed on disk).

    Colleagues' one-sided changes are put into ``table.review`` and listed; conflicting cells keep our
    value and our stamps, and stay conflicts: ``result.base`` (the new base to keep) holds the file's
    values except for them, where it keeps the old base, so the next save (or pull) meets the same
    conflict again and asks instead of overwriting the colleague's value. ``result.fingerprint`` is
    ``None`` while there are conflicts, so that the save does re-read and merge.
    """
    fresh = fresh if fresh is not None else _read_now(table)
    merged = three_way(base_review, table.keys, fresh.review, fresh.keys, table.review, table.keys,
                       ours_changed=ours_changed)
    settle_stamps(merged)
    same_places = _same_places(table, fresh)
    result = PullResult(conflicts=merged.conflicts, layout_changed=not _same_layout(table, fresh),
                        fingerprint=fresh.fingerprint if same_places and not merged.conflicts else None,
                        file=Path(table.path))
    result.theirs_changes = _set_rows(table, merged, merged.theirs_changes)
    result.theirs_by = _reviewers(table, result.theirs_changes)
    base = base_review.copy()
    _set_base(base, table, fresh)
    _keep_base(base, base_review, table, merged.conflicts)
    result.base = base
    result.theirs_values = _theirs_values(fresh, merged.conflicts)
    return result


def _theirs_values(fresh: SourceTable, conflicts: Iterable[Conflict]) -> dict[Cell, Any]:
    rows = key_rows(fresh.keys)
    values: dict[Cell, Any] = {}
    for conflict in conflicts:
        labels = rows.get(conflict.key)
        if not labels:
            continue
        for name in (conflict.field, *STAMP_FIELDS):
            if name in fresh.review.columns:
                values[(conflict.key, name)] = fresh.review.at[labels[0], name]
    return values


def _keep_base(base: pd.DataFrame, old: pd.DataFrame, table: SourceTable, conflicts: Iterable[Conflict]) -> None:
    """``base`` takes back ``old``'s values (and stamps) of the conflicting cells: they stay unsettled."""
    rows = key_rows(table.keys)
    for conflict in conflicts:
        labels = rows.get(conflict.key, [])
        for name in (conflict.field, *STAMP_FIELDS):
            if name in base.columns and name in old.columns and labels:
                base.loc[labels, name] = old.loc[labels, name]


def _set_base(base: pd.DataFrame, table: SourceTable, fresh: SourceTable) -> None:
    """``base`` (aligned to ``table``) takes the file's values for every row the file has."""
    their_rows = key_rows(fresh.keys)
    ours: list[int] = []
    theirs: list[int] = []
    for key, rows in key_rows(table.keys).items():
        others = their_rows.get(key, ())
        pairs = min(len(rows), len(others))
        ours += rows[:pairs]
        theirs += others[:pairs]
    # the n-th row of a key here takes the n-th row of that key in the file, a whole column at a time
    our_positions = base.index.get_indexer(ours)
    their_positions = fresh.review.index.get_indexer(theirs)
    for name in base.columns:
        if name not in fresh.review.columns:
            continue
        column = base[name].to_numpy(dtype=object).copy()
        column[our_positions] = fresh.review[name].to_numpy(dtype=object)[their_positions]
        base[name] = pd.Series(column, index=base.index, dtype=object)


@gc_paused
def save_shared(table: SourceTable, base_review: pd.DataFrame, changed: Iterable[Cell], *, user: str,
                journal: Journal | None = None, resolve_as: Resolution = "ask", wait_seconds: float = 30.0,
                on_wait: Callable[[LockInfo], None] | None = None,
                open_elsewhere: Literal["ask", "save"] = "ask", allow_older: bool = False,
                journal_up_to: int | None = None, output: Path | None = None,
                progress: Progress | None = None, read_under: WorkbookLock | None = None,
                base_fingerprint: str | None = None) -> SharedSaveResult:
    """Save our ``changed`` cells of ``table.review`` into the shared workbook (see module docstring).

    ``base_review`` is the review as we last read or saved it (aligned to ``table``). Under the lock
    the file is read again and merged three ways. Conflicts raise :class:`ConflictError`
    (``params``: ``count``, ``conflicts`` as dicts, ``problems`` as lines) without writing when
    ``resolve_as`` is ``"ask"``; otherwise they are settled all one way or per cell. Someone with the
    file open in Excel/LibreOffice raises :class:`FileOpenElsewhereError` unless ``open_elsewhere`` is
    ``"save"``; a file older than our last save raises :class:`OlderCopyError` unless ``allow_older``.

    On success ``table.review`` holds the merged values (colleagues' work included), the journal's
    edits of the saved cells (up to ``journal_up_to``, default: all made so far) are marked saved, and
    ``result.base`` is the new base to keep.

    ``read_under`` is a lock the caller took *before* reading ``table`` and still holds (the CLI): the
    file has not changed since (for programs that honour the lock; Excel's own lock file is checked as
    always), so there is nothing to re-read or merge, and the caller releases the lock.

    ``base_fingerprint`` is the fingerprint of the file ``base_review`` was read from (or written as:
    ``result.fingerprint`` of the last save or pull). When the file under the lock still has it, nobody
    has changed it since: re-reading it would give the base, so ours are written at once (a save of a
    few cells into a large file then costs the write alone).
    """
    path = Path(table.path)
    cells = list(dict.fromkeys((str(k), f) for k, f in changed))
    if journal is not None and journal_up_to is None:
        journal_up_to = journal.last_id()
    if read_under is not None:
        return _save_read_under_lock(table, cells, user, journal, open_elsewhere, allow_older, journal_up_to,
                                     output, progress, read_under)
    lock = WorkbookLock(path, user)
    lock.acquire(wait=wait_seconds, on_wait=on_wait)
    try:
        _check_before_write(table, journal, open_elsewhere, allow_older, output)
        if base_fingerprint is not None and output is None and file_fingerprint(path) == base_fingerprint:
            return _write_ours(table, cells, user, journal, journal_up_to, output, progress, lock)
        fresh = _read_now(table)
        merged = three_way(base_review, table.keys, fresh.review, fresh.keys, table.review, table.keys,
                           ours_changed=cells, ours_by=user)
        if merged.conflicts and resolve_as == "ask":
            raise ConflictError(path, count=len(merged.conflicts),
                                conflicts=[c.as_dict() for c in merged.conflicts],
                                problems=conflict_lines(merged.conflicts))
        taken = set(resolve(merged, resolve_as if resolve_as != "ask" else "ours"))
        settle_stamps(merged, taken)
        resolved = {(c.key, c.field): ("theirs" if (c.key, c.field) in taken else "ours")
                    for c in merged.conflicts}
        missing = set(merged.missing)
        to_write = [c for c in dict.fromkeys(merged.ours_changes) if c not in taken and c not in missing]
        _set_rows(fresh, merged, to_write)
        applied = save_review(fresh, to_write, output=output, progress=progress) if to_write else None
        save_id = None
        if journal is not None and output is None:
            done = [c for c in cells if c not in missing]
            save_id = journal.mark_saved(path, done, up_to_id=journal_up_to, user=user, file=path)
    finally:
        lock.release()
    result = SharedSaveResult(conflicts=merged.conflicts, layout_changed=not _same_layout(table, fresh),
                              written=to_write, resolved=resolved, missing=sorted(missing), applied=applied,
                              took_over=lock.took_over, save_id=save_id, file=path)
    result.theirs_changes = _set_rows(table, merged, None)
    result.theirs_by = _reviewers(table, result.theirs_changes)
    table.review_columns.update(fresh.review_columns)
    for header in fresh.review_columns.values():
        if header not in table.column_index and header in fresh.column_index:
            table.column_index[header] = fresh.column_index[header]
    if output is None and _same_places(table, fresh):
        # the file now: as written, or (nothing of ours to write) as read under the lock
        result.fingerprint = applied.fingerprint if applied is not None else fresh.fingerprint
    base = base_review.copy()
    _set_base(base, table, fresh)
    result.base = base
    return result


def _check_before_write(table: SourceTable, journal: Journal | None, open_elsewhere: Literal["ask", "save"],
                        allow_older: bool, output: Path | None) -> None:
    """Under the lock, before writing into the file itself: nobody has it open in Excel/LibreOffice
    (unless told to save anyway), and it is not older than our last save (unless allowed)."""
    if output is not None:
        return
    if open_elsewhere == "ask":
        who = office_owner(Path(table.path))
        if who is not None:
            raise FileOpenElsewhereError(Path(table.path), who=who)
    if not allow_older:
        _check_older(table, journal)


def _save_read_under_lock(table: SourceTable, cells: list[Cell], user: str, journal: Journal | None,
                          open_elsewhere: Literal["ask", "save"], allow_older: bool, journal_up_to: int | None,
                          output: Path | None, progress: Progress | None, lock: WorkbookLock) -> SharedSaveResult:
    """:func:`save_shared` for a table read while ``lock`` was held: ours is all there is to write."""
    if not lock.held:
        raise ValueError("read_under: the lock must be held")
    _check_before_write(table, journal, open_elsewhere, allow_older, output)
    return _write_ours(table, cells, user, journal, journal_up_to, output, progress, lock)


def _write_ours(table: SourceTable, cells: list[Cell], user: str, journal: Journal | None,
                journal_up_to: int | None, output: Path | None, progress: Progress | None,
                lock: WorkbookLock) -> SharedSaveResult:
    """Write our cells of ``table`` when the file is the one ``table`` was read from (nothing to merge)."""
    path = Path(table.path)
    applied = save_review(table, cells, output=output, progress=progress) if cells else None
    save_id = None
    if journal is not None and output is None:
        save_id = journal.mark_saved(path, cells, up_to_id=journal_up_to, user=user, file=path)
    result = SharedSaveResult(written=cells, applied=applied, took_over=lock.took_over, save_id=save_id,
                              file=path)
    result.base = table.review.copy()
    if output is None:  # the file now: as written, or (nothing of ours to write) as it was
        result.fingerprint = applied.fingerprint if applied is not None else file_fingerprint(path)
    return result


@gc_paused
def apply_shared(path: Path, decisions_path: Path, *, sheet: str | None = None,
                 read: Mapping[str, Any] | None = None, output: Path | None = None, wait: float = 30.0,
                 on_conflict: Literal["ours", "theirs"] | None = None,
                 user: str | None = None, save_anyway: bool = False,
                 on_wait: Callable[[str], None] | None = None, lang: str = "sv",
                 journal: Journal | None = None) -> SharedSaveResult:
    """``workbench apply``: the decisions csv, journalled, then saved by :func:`edit_shared` (the lock,
    the base and the merge are explained there). With ``output`` the source is only read, so no lock,
    merge or journal is involved; a failed save leaves the decisions file with every edit.
    ``read`` holds further :func:`~workbench.reading.importer.read_table` options (header row, mapping,
    key column, text columns; a ``sheet`` there wins).
    """
    from workbench.writing.save import apply_decisions_file

    options = {"sheet": sheet, **(read or {})}
    if output is not None:
        applied = apply_decisions_file(path, decisions_path, output=output, read=options)
        return SharedSaveResult(applied=applied, file=applied.written)

    def edits(table: SourceTable) -> list[Edit]:
        from workbench.review.decisions import decisions_from_csv

        table.keep_keys_only()
        checked = decisions_from_csv(table, decisions_path)
        written = set_by_key(table, ((key, name, value) for key, values in checked.items()
                                     for name, value in values.items()))
        del checked  # a large file's decisions: tens of megabytes while writing
        # every decision is ours, also one the file already holds: explicit, it must not yield silently
        return list(written.edits())

    result = edit_shared(Path(path), edits, read=options, wait=wait, on_conflict=on_conflict, user=user,
                         save_anyway=save_anyway, on_wait=on_wait, lang=lang, journal=journal)
    assert result is not None  # the edits above are never "nothing to save"
    return result


Edit = tuple[str, str, Any, Any]
"""One journalled edit: key, field, old value, new value."""


def lock_waiter(path: Path, on_wait: Callable[[str], None] | None,
                lang: str | None = None) -> Callable[[LockInfo], None]:
    """What a command tells its user while a colleague holds the workbook's lock."""
    def waiting(info: LockInfo) -> None:
        if on_wait is not None:
            on_wait(text("lock_waiting", lang, who=info.who, file=str(path)))

    return waiting


def edit_shared(path: Path, edits_of: Callable[[SourceTable], list[Edit] | None], *,
                read: Mapping[str, Any] | None = None, wait: float = 30.0,
                on_conflict: Literal["ours", "theirs"] | None = None, user: str | None = None,
                save_anyway: bool = False, on_wait: Callable[[str], None] | None = None, lang: str = "sv",
                journal: Journal | None = None) -> SharedSaveResult | None:
    """Read ``path``, let ``edits_of(table)`` write review values into the table by key and return them
    (``None``: nothing to save), journal them and save them by :func:`save_shared`: the one route of the
    commands that write review values into a shared workbook (``apply``, ``environment --fill``).

    The base is the file as it is when the command starts. When nobody holds the workbook's lock
    then, the command takes it before reading and keeps it to the end: what it read is what it writes
    into, with no second read and nothing to merge. When a colleague is saving, the file is read at
    once (the base), and the save waits for the lock, reads again and merges: a colleague's change
    made meanwhile to a cell we also change is a conflict. Edits of a save that fails with a reported
    error are marked dropped in the journal; a killed process leaves them unsaved, for the app to restore.
    """
    from workbench.errors import FileBusyError, WorkbenchError
    from workbench.reading.importer import read_table
    from workbench.sharing.lock import current_user

    who = user or current_user()
    lock = WorkbookLock(Path(path), who)
    try:
        lock.acquire(wait=0)
    except FileBusyError:
        held = None
    else:
        held = lock
    try:
        table = read_table(path, **dict(read or {}))
        base = table.review if held is not None else table.review.copy(deep=True)  # unused under the lock
        edits = edits_of(table)
        if edits is None:
            return None
        own_journal = journal is None
        book = journal if journal is not None else Journal()
        try:
            ids = book.record_many(path, edits, user=who)
            # a generator over the edits, which it lets go of once save_shared has taken the cells named
            changed = ((k, f) for k, f, _, _ in edits)
            del edits
            try:
                return save_shared(table, base, changed, user=who, journal=book,
                                   journal_up_to=max(ids, default=None), read_under=held,
                                   base_fingerprint=table.fingerprint, resolve_as=on_conflict or "ask",
                                   wait_seconds=wait, on_wait=lock_waiter(path, on_wait, lang),
                                   open_elsewhere="save" if save_anyway else "ask")
            except WorkbenchError:
                book.drop(ids)
                raise
        finally:
            if own_journal:
                book.close()
    finally:
        lock.release()
