"""A bulk edit's journal write (issue 12 item 19): column-wise rows, and indexes that do not repeat the
workbook's path for every edit ever made."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from workbench.sharing.journal import Journal

_OLD_INDEXES = ("CREATE INDEX edits_open ON edits (workbook, state);"
                "CREATE INDEX edits_key ON edits (workbook, key);")


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT key, field, old, new, user, state FROM edits ORDER BY id").fetchall()


def test_record_columns_writes_what_record_many_writes(tmp_path: Path) -> None:
    stamp = dt.datetime(2026, 3, 4, 5, 6, 7)
    keys = ["001", "002", "003"]
    columns = {
        "decision": (["keep", None, "remove"], ["replace"] * 3),
        "env_score": ([1, True, 1.0], ["4", "4", None]),  # 1, True and 1.0 encode differently
        "reviewed_at": ([None, stamp, dt.date(2026, 1, 2)], [stamp] * 3),
    }
    with Journal(tmp_path / "a.sqlite3") as a, Journal(tmp_path / "b.sqlite3") as b:
        ids = a.record_columns("lista.xlsx", keys, columns, user="anna", host="h", at=stamp)
        b.record_many("lista.xlsx", [(k, name, old[i], new[i]) for name, (old, new) in columns.items()
                                     for i, k in enumerate(keys)], user="anna", host="h", at=stamp)
        assert list(ids) == list(range(1, 10))
        assert [(e.key, e.field, e.old, e.new) for e in a.history("lista.xlsx")] == \
            [(e.key, e.field, e.old, e.new) for e in b.history("lista.xlsx")]
    assert _rows(tmp_path / "a.sqlite3") == _rows(tmp_path / "b.sqlite3")


def test_an_older_journal_loses_its_path_heavy_indexes_and_keeps_its_edits(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        journal.record("lista.xlsx", "001", "decision", None, "keep", user="anna")
    with sqlite3.connect(path) as db:  # as an earlier version left it
        db.executescript(_OLD_INDEXES)
    with Journal(path) as journal:
        assert [e.new for e in journal.unsaved("lista.xlsx")] == ["keep"]
        with sqlite3.connect(path) as db:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert not names & {"edits_open", "edits_key"}
            assert {"edits_unsaved", "edits_by_key"} <= names
            plans = {
                "unsaved": "SELECT MAX(id) FROM edits WHERE workbook = 'x' AND state = 'unsaved' GROUP BY key, field",
                "history": "SELECT id FROM edits WHERE workbook = 'x' AND key = '001' ORDER BY id",
            }
            for query, sql in plans.items():
                plan = " ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))
                assert "edits_unsaved" in plan or "edits_by_key" in plan, (query, plan)


def _bytes_for_bulk_edits(path: Path, *, old_indexes: bool) -> int:
    with Journal(path) as journal:
        if old_indexes:
            journal._db.executescript(_OLD_INDEXES)
        workbook = path.parent / "en" / "ganska" / "lång" / "sökväg" / "till" / "sortimentslista_2026.xlsx"
        keys = [f"{i:07d}" for i in range(10_000)]
        for code in ("keep", "remove", "keep"):
            journal.record_columns(workbook, keys, {"decision": ([None] * 10_000, [code] * 10_000),
                                                    "reviewed_by": ([None] * 10_000, ["anna"] * 10_000)},
                                   user="anna")
        journal._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def test_a_bulk_edit_writes_far_fewer_bytes_than_with_the_path_in_every_index(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    before = _bytes_for_bulk_edits(tmp_path / "old" / "j.sqlite3", old_indexes=True)
    after = _bytes_for_bulk_edits(tmp_path / "new" / "j.sqlite3", old_indexes=False)
    assert after < 0.7 * before, (after, before)


def test_without_auto_checkpoint_a_write_only_appends_to_the_log_and_loses_nothing(tmp_path: Path) -> None:
    """The app's journal leaves the copy into the database for a pause (a bulk edit paid ~50 ms for it)."""
    keys = [f"{i:07d}" for i in range(10_000)]
    columns = {name: ([None] * 10_000, ["keep"] * 10_000) for name in ("decision", "reviewed_by", "reviewed_at")}
    sizes = {}
    for auto in (True, False):
        path = tmp_path / f"auto_{auto}.sqlite3"
        journal = Journal(path, auto_checkpoint=auto)
        start = path.stat().st_size
        journal.record_columns("lista.xlsx", keys, columns, user="anna")
        sizes[auto] = path.stat().st_size - start
        if not auto:
            with Journal(path) as other:  # another process reads every edit from the log meanwhile
                assert len(other.unsaved("lista.xlsx")) == 30_000
            journal.checkpoint()
            assert path.stat().st_size - start > 1_000_000
        journal.close()
        with Journal(path) as again:
            assert len(again.unsaved("lista.xlsx")) == 30_000
    assert sizes[True] > 1_000_000 and sizes[False] == 0
