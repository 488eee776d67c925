"""The local journal: every review edit is written here first, before the shared workbook.

The journal is an SQLite database in the user's data folder (:func:`workbench.paths.data_dir`), in WAL
mode so that several processes (two app windows, CLI runs) can write at once. Each edit is one row
with who, where, when, the workbook, the article key, the field, the old and the new value, and a
state: ``unsaved`` until the edit reached the workbook, then ``saved`` (or ``dropped`` when the program
that made it gave up on it knowingly, e.g. the CLI reported a conflict). Rows are never deleted: the
journal is also the audit trail (:meth:`Journal.history`), including edits that were undone (an undo
is recorded as a new edit back to the old value) or left behind on a discarded redo branch.

A workbook is identified by its resolved absolute path (``os.path.normcase`` applied, so that
``S:\\Lista.xlsx`` and ``s:\\lista.xlsx`` are one workbook on Windows): :func:`workbook_id`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.paths import data_dir
from workbench.review.values import same_value

if TYPE_CHECKING:
    from workbench.table import SourceTable

__all__ = ["Entry", "Journal", "SaveRecord", "decode_value", "encode_value", "same_value", "workbook_id"]

JOURNAL_NAME = "journal.sqlite3"
BUSY_TIMEOUT_MS = 15_000
_RETRIES = 20

_SCHEMA = """
CREATE TABLE IF NOT EXISTS edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workbook TEXT NOT NULL,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    user TEXT NOT NULL,
    host TEXT NOT NULL,
    at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'unsaved',
    save_id INTEGER,
    session TEXT
);
CREATE INDEX IF NOT EXISTS edits_unsaved ON edits (workbook) WHERE state = 'unsaved';
CREATE INDEX IF NOT EXISTS edits_by_key ON edits (key);
CREATE TABLE IF NOT EXISTS saves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workbook TEXT NOT NULL,
    user TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    at TEXT NOT NULL,
    cells INTEGER NOT NULL,
    mtime_ns INTEGER,
    size INTEGER
);
CREATE INDEX IF NOT EXISTS saves_workbook ON saves (workbook, id);
"""


def workbook_id(path: str | Path) -> str:
    """The journal's identity of a workbook: its resolved absolute path, case-folded where the file
    system is (Windows)."""
    return os.path.normcase(str(Path(path).expanduser().resolve()))


# Indexes of earlier versions: (workbook, state) and (workbook, key) held the workbook's path for every
# edit ever made, which made every insert write it three times; the partial index holds only unsaved
# edits and the key index no path, so a bulk edit writes far fewer bytes (docs/performance.md).
_OLD_INDEXES = ("edits_open", "edits_key")

_encode_text = json.encoder.encode_basestring
_FEW_CELLS = 200
"""Up to this many cells a save marks them one statement each; more go through a temporary table."""


def _pandas() -> Any:
    """pandas when it is loaded: until then no value can be a pandas object, and the journal (opened
    with the app's first window) need not load it."""
    return sys.modules.get("pandas")


def encode_value(value: Any) -> str | None:
    """A review value as JSON text (``None`` stays ``None``); date/times keep their type."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    pd = _pandas()
    if pd is not None:
        if value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return json.dumps({"datetime": value.replace(tzinfo=None).isoformat()})
    if isinstance(value, dt.date):
        return json.dumps({"date": value.isoformat()})
    if type(value) is str:
        return _encode_text(value)  # what json.dumps(value, ensure_ascii=False) gives, without its set-up
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, (str, int, float, bool)):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)


def _encode_all(values: Sequence[Any]) -> list[str | None]:
    """:func:`encode_value` of each value; a bulk edit repeats a handful of values (codes, the user, one
    time stamp) thousands of times, so each distinct value is encoded once."""
    memo: dict[tuple[type, Any], str | None] = {}
    out: list[str | None] = []
    append = out.append
    for value in values:
        try:
            append(memo[(type(value), value)])
        except KeyError:
            memo[(type(value), value)] = encoded = encode_value(value)
            append(encoded)
        except TypeError:  # unhashable
            append(encode_value(value))
    return out


def decode_value(text: str | None) -> Any:
    """The review value :func:`encode_value` stored."""
    if text is None:
        return None
    value = json.loads(text)
    if isinstance(value, dict):
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
    return value


@dataclass(frozen=True)
class Entry:
    """One journalled edit of one cell (article key + review field)."""

    id: int
    workbook: str
    key: str
    field: str
    old: Any
    new: Any
    user: str
    host: str
    at: dt.datetime
    state: str
    save_id: int | None

    @property
    def saved(self) -> bool:
        return self.state == "saved"


@dataclass(frozen=True)
class SaveRecord:
    """One successful save of a workbook, as journalled: the order of ``id`` is the order of the saves
    on this machine; ``mtime_ns``/``size`` describe the file right after it."""

    id: int
    workbook: str
    user: str
    host: str
    pid: int
    at: dt.datetime
    cells: int
    mtime_ns: int | None
    size: int | None


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _host() -> str:
    import platform

    return platform.node()


class Journal:
    """The journal database. ``path`` defaults to ``data_dir()/journal.sqlite3``.

    Safe to use from several processes at once: SQLite WAL mode, a busy timeout, and retries of
    writes that still meet a locked database. Within a process one instance may be shared by threads
    (the GUI records edits, its background save marks them saved): a lock serialises its use.
    """

    def __init__(self, path: str | Path | None = None, *, auto_checkpoint: bool = True) -> None:
        """``auto_checkpoint=False``: writes never copy the write-ahead log into the database (SQLite
        does so on the commit that makes the log pass 1,000 pages: a bulk edit of 10,000 rows paid for
        it every time); the owner calls :meth:`checkpoint` when nobody waits, e.g. in the background.
        Durability is the same either way: a commit is on disk once the log is synced."""
        self.path = Path(path) if path is not None else data_dir() / JOURNAL_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._retry(lambda: self._db.execute("PRAGMA journal_mode = WAL"))
        # FULL: an edit is on disk once recorded, even if the power goes (not only when the app dies).
        self._db.execute("PRAGMA synchronous = FULL")
        if not auto_checkpoint:
            self._db.execute("PRAGMA wal_autocheckpoint = 0")
        self._retry(lambda: self._db.executescript(_SCHEMA))
        old_indexes = [row[0] for row in self._rows("SELECT name FROM sqlite_master WHERE type = 'index'")
                       if row[0] in _OLD_INDEXES]
        if old_indexes:
            with self._write() as db:
                for name in old_indexes:
                    db.execute(f"DROP INDEX IF EXISTS {name}")
        columns = {row[1] for row in self._rows("PRAGMA table_info(edits)")}
        if "session" not in columns:  # a journal written by an earlier version
            with self._write() as db:
                db.execute("ALTER TABLE edits ADD COLUMN session TEXT")
        # Edits belong to the session (this Journal object: one app run or one CLI call) that made or
        # restored them; a save marks only its own session's edits saved. Another process's edits that
        # wait for the lock must stay unsaved until that process has written them.
        self.session = uuid.uuid4().hex

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database as far as no reader needs it.

        On a connection of its own, so that an edit recorded meanwhile (from another thread) neither
        waits for it nor is waited for: SQLite lets a writer append to the log while it is copied.
        """
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self._retry(lambda: db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall())
        finally:
            db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------------------------

    @staticmethod
    def _retry(action: Any) -> Any:
        for attempt in range(_RETRIES):
            try:
                return action()
            except sqlite3.OperationalError as error:
                if ("locked" not in str(error) and "busy" not in str(error)) or attempt == _RETRIES - 1:
                    raise
                time.sleep(0.05 + random.random() * 0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._retry(lambda: self._db.execute("BEGIN IMMEDIATE"))
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._retry(lambda: self._db.execute("COMMIT"))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return list(self._retry(lambda: self._db.execute(sql, params)).fetchall())

    # -- recording -----------------------------------------------------------------------------

    def record(self, workbook: str | Path, key: str, field: str, old: Any, new: Any, *, user: str,
               host: str | None = None, at: dt.datetime | None = None) -> int:
        """Journal one edit; returns its id."""
        return self.record_many(workbook, [(key, field, old, new)], user=user, host=host, at=at)[-1]

    def record_many(self, workbook: str | Path, edits: Iterable[tuple[str, str, Any, Any]], *, user: str,
                    host: str | None = None, at: dt.datetime | None = None) -> Sequence[int]:
        """Journal ``(key, field, old, new)`` edits in one transaction; returns their ids in order (a
        ``range``: a list of 300,000 ids would cost megabytes)."""
        wid = workbook_id(workbook)
        stamp = (at or _now()).isoformat()
        who_host = host or _host()
        memo: dict[tuple[type, Any], str | None] = {}

        def encode(value: Any) -> str | None:
            # A bulk edit repeats a handful of values (codes, the user, one time stamp) many thousands of times.
            try:
                return memo[(type(value), value)]
            except KeyError:
                memo[(type(value), value)] = encoded = encode_value(value)
                return encoded
            except TypeError:  # unhashable
                return encode_value(value)

        if isinstance(edits, Sequence) and not edits:
            return []
        # a generator: a bulk edit of 300,000 cells would otherwise hold all its rows twice
        rows = ((wid, str(k), f, encode(o), encode(n), user, who_host, stamp, self.session) for k, f, o, n in edits)
        with self._write() as db:
            first = db.execute("SELECT COALESCE(MAX(id), 0) FROM edits").fetchone()[0] + 1
            count = db.executemany("INSERT INTO edits (workbook, key, field, old, new, user, host, at, session) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows).rowcount
        # ids are consecutive: the write transaction held the database exclusively
        return range(first, first + max(count, 0))

    def record_columns(self, workbook: str | Path, keys: Sequence[str],
                       fields: Mapping[str, tuple[Sequence[Any], Sequence[Any]]], *, user: str,
                       host: str | None = None, at: dt.datetime | None = None) -> Sequence[int]:
        """Journal a bulk edit given column-wise: for every field, the old and the new value of each of
        ``keys`` (aligned). The same rows as :meth:`record_many` of every ``(key, field, old, new)``,
        field by field, built without a Python call per cell."""
        wid = workbook_id(workbook)
        stamp = (at or _now()).isoformat()
        who_host = host or _host()
        key_texts = [str(k) for k in keys]
        if not key_texts or not fields:
            return []
        with self._write() as db:
            first = db.execute("SELECT COALESCE(MAX(id), 0) FROM edits").fetchone()[0] + 1
            count = 0
            for name, (old, new) in fields.items():
                rows = zip(repeat(wid), key_texts, repeat(name), _encode_all(old), _encode_all(new), repeat(user),
                           repeat(who_host), repeat(stamp), repeat(self.session), strict=False)
                count += db.executemany("INSERT INTO edits (workbook, key, field, old, new, user, host, at, "
                                        "session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows).rowcount
        return range(first, first + max(count, 0))

    # -- reading -------------------------------------------------------------------------------

    def _entries(self, sql: str, params: Sequence[Any]) -> list[Entry]:
        return [Entry(r[0], r[1], r[2], r[3], decode_value(r[4]), decode_value(r[5]), r[6], r[7],
                      dt.datetime.fromisoformat(r[8]), r[9], r[10]) for r in self._rows(sql, params)]

    _COLUMNS = "id, workbook, key, field, old, new, user, host, at, state, save_id"

    def unsaved(self, workbook: str | Path) -> list[Entry]:
        """The latest unsaved edit of every key+field of ``workbook`` (what a replay restores), in
        the order they were made."""
        sql = (f"SELECT {self._COLUMNS} FROM edits WHERE id IN (SELECT MAX(id) FROM edits "
               "WHERE workbook = ? AND state = 'unsaved' GROUP BY key, field) ORDER BY id")
        return self._entries(sql, (workbook_id(workbook),))

    def history(self, workbook: str | Path, key: str | None = None) -> list[Entry]:
        """Every edit of ``workbook`` (of one article when ``key`` is given), oldest first: the audit
        trail. Nothing is ever removed from it."""
        if key is None:
            return self._entries(f"SELECT {self._COLUMNS} FROM edits WHERE workbook = ? ORDER BY id",
                                 (workbook_id(workbook),))
        return self._entries(f"SELECT {self._COLUMNS} FROM edits WHERE workbook = ? AND key = ? ORDER BY id",
                             (workbook_id(workbook), str(key)))

    def saves(self, workbook: str | Path) -> list[SaveRecord]:
        """The journalled saves of ``workbook``, oldest first."""
        rows = self._rows("SELECT id, workbook, user, host, pid, at, cells, mtime_ns, size FROM saves "
                          "WHERE workbook = ? ORDER BY id", (workbook_id(workbook),))
        return [SaveRecord(r[0], r[1], r[2], r[3], r[4], dt.datetime.fromisoformat(r[5]), r[6], r[7], r[8])
                for r in rows]

    def last_id(self) -> int:
        """The id of the newest edit in the journal (0 when empty): edits after it are newer."""
        return int(self._rows("SELECT COALESCE(MAX(id), 0) FROM edits")[0][0])

    def last_save(self, workbook: str | Path) -> SaveRecord | None:
        found = self.saves(workbook)
        return found[-1] if found else None

    # -- state changes -------------------------------------------------------------------------

    def mark_saved(self, workbook: str | Path, cells: Iterable[tuple[str, str]] | None = None, *,
                   up_to_id: int | None = None, user: str = "", file: Path | None = None) -> int:
        """Mark unsaved edits of ``workbook`` as saved: those of ``cells`` (key, field) or all of
        them, made up to ``up_to_id`` (inclusive) when given. Also journals the save itself (with the
        file's time and size when ``file`` is given, to notice later that it was replaced by an older
        copy). Returns the save's id."""
        wid = workbook_id(workbook)
        stat = None
        if file is not None:
            try:
                stat = Path(file).stat()
            except OSError:
                stat = None
        limit = up_to_id if up_to_id is not None else 2**62
        cell_list = None if cells is None else [(str(k), f) for k, f in cells]
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO saves (workbook, user, host, pid, at, cells, mtime_ns, size) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (wid, user, _host(), os.getpid(), _now().isoformat(), len(cell_list or ()),
                 stat.st_mtime_ns if stat else None, stat.st_size if stat else None))
            save_id = int(cursor.lastrowid or 0)
            if cell_list is None:
                db.execute("UPDATE edits SET state = 'saved', save_id = ? WHERE workbook = ? "
                           "AND state = 'unsaved' AND id <= ? AND session = ?", (save_id, wid, limit, self.session))
            elif len(cell_list) <= _FEW_CELLS:
                db.executemany("UPDATE edits SET state = 'saved', save_id = ? WHERE workbook = ? AND key = ? "
                               "AND field = ? AND state = 'unsaved' AND id <= ? AND session = ?",
                               [(save_id, wid, k, f, limit, self.session) for k, f in cell_list])
            else:  # one statement over a temporary list of the cells, not one per cell
                db.execute("CREATE TEMP TABLE IF NOT EXISTS saving_cells "
                           "(key TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID")
                db.execute("DELETE FROM temp.saving_cells")
                db.executemany("INSERT OR IGNORE INTO temp.saving_cells VALUES (?, ?)", cell_list)
                db.execute("UPDATE edits SET state = 'saved', save_id = ? WHERE workbook = ? AND state = 'unsaved' "
                           "AND id <= ? AND session = ? AND EXISTS (SELECT 1 FROM temp.saving_cells AS s "
                           "WHERE s.key = edits.key AND s.field = edits.field)",
                           (save_id, wid, limit, self.session))
                db.execute("DELETE FROM temp.saving_cells")
        return save_id

    def adopt_unsaved(self, workbook: str | Path) -> None:
        """Take over the unsaved edits of ``workbook`` left by ended sessions (restored after a crash or a
        kill), so that our next save marks them saved."""
        with self._write() as db:
            db.execute("UPDATE edits SET session = ? WHERE workbook = ? AND state = 'unsaved'",
                       (self.session, workbook_id(workbook)))

    def drop(self, ids: Iterable[int]) -> None:
        """Mark edits as knowingly abandoned (kept in the history, never replayed)."""
        id_list = [(int(i),) for i in ids]
        with self._write() as db:
            db.executemany("UPDATE edits SET state = 'dropped' WHERE id = ? AND state = 'unsaved'", id_list)

    # -- replay --------------------------------------------------------------------------------

    def replay_into(self, table: SourceTable) -> int:
        """Put the unsaved edits of ``table``'s workbook into ``table.review`` (every row of the key).

        Returns how many cells were restored. Edits whose value the file already holds (the save
        finished but was not marked, e.g. killed right after the rename) are marked saved instead,
        and edits of keys the file no longer has stay unsaved.
        """
        from workbench.review.record import set_by_key

        entries = self.unsaved(table.path)
        if not entries:
            return 0
        self.adopt_unsaved(table.path)
        written = set_by_key(table, ((entry.key, entry.field, entry.new) for entry in entries))
        # a cell the file already holds: the save finished but was not marked
        already = written.changed_cells(False)
        restored = len(written) - len(already)
        if already:
            self.mark_saved(table.path, already, up_to_id=max(e.id for e in entries))
        return restored
