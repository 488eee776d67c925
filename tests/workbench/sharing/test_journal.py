"""The local journal: edits recorded first, replayed after a crash, kept as the audit trail."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path

from _shared_fixtures import build_list

from workbench.reading.importer import read_table
from workbench.sharing.journal import Journal, decode_value, encode_value, same_value, workbook_id


def test_journal_lives_in_the_data_folder_in_wal_mode(_app_home: Path) -> None:
    with Journal() as journal:
        assert journal.path == _app_home / "journal.sqlite3"
    mode = sqlite3.connect(_app_home / "journal.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_workbook_is_identified_by_its_resolved_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert workbook_id("lista.xlsx") == workbook_id(tmp_path / "sub" / ".." / "lista.xlsx")


def test_values_keep_their_type_through_the_journal() -> None:
    when = dt.datetime(2025, 3, 4, 10, 30)
    for value in (None, "keep", "Kommentar med åäö", 3, when):
        assert decode_value(encode_value(value)) == value
    assert same_value("", None) and same_value(3.0, "3") and not same_value("keep", "remove")


def test_unsaved_gives_the_latest_value_per_cell_and_history_keeps_everything(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    with Journal() as journal:
        journal.record(book, "K1", "decision", None, "keep", user="Anna", host="LAPTOP-12")
        journal.record(book, "K1", "decision", "keep", "remove", user="Anna")
        journal.record(book, "K1", "decision", "remove", "keep", user="Anna")  # an undo is a new entry
        journal.record(book, "K2", "comment", None, "ok", user="Bo")
        unsaved = journal.unsaved(book)
        assert [(e.key, e.field, e.new) for e in unsaved] == [("K1", "decision", "keep"), ("K2", "comment", "ok")]
        history = journal.history(book, "K1")
        assert [(e.old, e.new) for e in history] == [(None, "keep"), ("keep", "remove"), ("remove", "keep")]
        assert history[0].user == "Anna" and history[0].host == "LAPTOP-12"


def test_mark_saved_leaves_newer_edits_unsaved_and_never_deletes(tmp_path: Path) -> None:
    book = tmp_path / "lista.xlsx"
    with Journal() as journal:
        first = journal.record(book, "K1", "decision", None, "keep", user="Anna")
        journal.record(book, "K1", "decision", "keep", "remove", user="Anna")
        save_id = journal.mark_saved(book, [("K1", "decision")], up_to_id=first, user="Anna")
        assert [e.new for e in journal.unsaved(book)] == ["remove"]
        assert [e.state for e in journal.history(book)] == ["saved", "unsaved"]
        assert journal.history(book)[0].save_id == save_id
        journal.drop([e.id for e in journal.unsaved(book)])
        assert journal.unsaved(book) == []
        assert len(journal.history(book)) == 2


def test_a_large_save_marks_exactly_its_cells_up_to_its_id(tmp_path: Path) -> None:
    # more cells than the one-statement-per-cell route takes: the set-based route must mark the same
    book, other = tmp_path / "lista.xlsx", tmp_path / "annan.xlsx"
    with Journal() as journal:
        ids = journal.record_many(book, [(f"K{i:04d}", "decision", None, "keep") for i in range(1000)], user="Anna")
        journal.record_many(other, [("K0001", "decision", None, "keep")], user="Anna")
        later = journal.record(book, "K0002", "decision", "keep", "remove", user="Anna")
        saved = [(f"K{i:04d}", "decision") for i in range(0, 1000, 2)] + [("K0001", "comment")]
        journal.mark_saved(book, saved, up_to_id=ids[-1], user="Anna")
        unsaved = {(e.key, e.new) for e in journal.unsaved(book)}
        assert unsaved == {*((f"K{i:04d}", "keep") for i in range(1, 1000, 2)), ("K0002", "remove")}
        assert later in {e.id for e in journal.history(book) if not e.saved}
        assert len(journal.unsaved(other)) == 1
        journal.mark_saved(book, [(f"K{i:04d}", "decision") for i in range(1, 1000, 2)], user="Anna")
        assert [e.key for e in journal.unsaved(book)] == ["K0002"]


def test_replay_restores_unsaved_edits_into_a_fresh_read(tmp_path: Path) -> None:
    book = build_list(tmp_path / "lista.xlsx")
    with Journal() as journal:
        journal.record_many(book, [("K0001", "decision", None, "keep"), ("K0002", "comment", None, "åäö"),
                                   ("K9999", "decision", None, "keep")], user="Anna")
        table = read_table(book)
        assert journal.replay_into(table) == 2
        rows = dict(zip(table.keys, table.review.index, strict=True))
        assert table.review.at[rows["K0001"], "decision"] == "keep"
        assert table.review.at[rows["K0002"], "comment"] == "åäö"
        # the unknown key stays unsaved, for a later file that has it
        assert [e.key for e in journal.unsaved(book)] == ["K0001", "K0002", "K9999"]


def test_replay_marks_edits_the_file_already_holds_as_saved(tmp_path: Path) -> None:
    book = build_list(tmp_path / "lista.xlsx")
    with Journal() as journal:
        journal.record(book, "K0001", "comment", "x", None, user="Anna")  # the file has no comment
        assert journal.replay_into(read_table(book)) == 0
        assert journal.unsaved(book) == []


def _record_many(path: str, book: str, worker: int) -> None:
    with Journal(path) as journal:
        for i in range(100):
            journal.record(book, f"K{worker}-{i}", "comment", None, str(i), user=f"user{worker}")


def test_several_processes_can_record_at_once(tmp_path: Path) -> None:
    path, book = str(tmp_path / "journal.sqlite3"), str(tmp_path / "lista.xlsx")
    Journal(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_many, args=(path, book, w)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with Journal(path) as journal:
        assert len(journal.history(book)) == 400


def test_a_save_marks_only_its_own_sessions_edits_saved(tmp_path: Path) -> None:
    """Regression: a save by one process marked another process's pending (unwritten) edits as saved,
    so a crash of that process would have lost them."""
    path = tmp_path / "journal.sqlite3"
    book = tmp_path / "delad.xlsx"
    anna, bo = Journal(path), Journal(path)
    anna.record(book, "K1", "decision", None, "keep", user="Anna")
    bo.record(book, "K1", "decision", None, "remove", user="Bo")  # waiting for the lock
    anna.mark_saved(book, [("K1", "decision")], user="Anna")
    pending = Journal(path).unsaved(book)
    assert [(e.user, e.new) for e in pending] == [("Bo", "remove")]


def test_a_restoring_session_adopts_the_ended_sessions_edits(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    book = tmp_path / "delad.xlsx"
    crashed = Journal(path)
    crashed.record(book, "K1", "decision", None, "keep", user="Anna")
    restarted = Journal(path)
    restarted.adopt_unsaved(book)
    restarted.mark_saved(book, [("K1", "decision")], user="Anna")
    assert restarted.unsaved(book) == []
