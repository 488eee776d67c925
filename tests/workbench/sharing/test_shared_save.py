"""Saving into a shared workbook: lock, re-read, three-way merge, journal; faults keep the edits."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from _shared_fixtures import ROOT, build_list, review_of, run_cli, write_decisions

from workbench.errors import ConflictError, FileLockedError, FileMissingError, OlderCopyError
from workbench.reading.importer import read_table
from workbench.sharing.journal import Journal
from workbench.sharing.lock import WorkbookLock
from workbench.sharing.shared_save import pull_changes, save_shared
from workbench.table import SourceTable


def edit(table: SourceTable, journal: Journal, key: str, name: str, value: object, user: str = "Bo") -> None:
    row = table.review.index[list(table.keys).index(key)]
    journal.record(table.path, key, name, table.review.at[row, name], value, user=user)
    table.review.at[row, name] = value


def colleague_saves(book: Path, home: Path, rows: dict[str, dict[str, str]], user: str = "Anna Svensson") -> None:
    result = run_cli("apply", book, "--decisions", write_decisions(book.parent / f"{user}.csv", rows),
                     home=home, user=user)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_list(tmp_path / "delad.xlsx")


def test_our_edits_and_a_colleagues_disjoint_edits_both_survive(book: Path, tmp_path: Path) -> None:
    table = read_table(book)
    base = table.review.copy()
    with Journal() as journal:
        edit(table, journal, "K0001", "decision", "keep")
        colleague_saves(book, tmp_path / "anna", {"K0002": {"decision": "Ta bort", "comment": "slut"}})
        result = save_shared(table, base, [("K0001", "decision")], user="Bo", journal=journal)
        assert not journal.unsaved(book)
    final = review_of(book)
    assert final["K0001"]["decision"] == '"keep"' and final["K0002"]["decision"] == '"remove"'
    # the session sees the colleague's work, listed for highlighting, and the new base is the file
    assert set(result.theirs_changes) == {("K0002", "decision"), ("K0002", "comment")}
    assert table.review.loc[table.review.index[1], "comment"] == "slut"
    assert result.base is not None and result.base.loc[table.review.index[1], "decision"] == "remove"
    # ...and the summary says what came in (the CLI's decisions do not say who: "colleagues")
    assert result.summary("sv").splitlines()[1:] == ["2 ändringar av kollegor fördes in."]
    assert result.summary("en").splitlines()[1:] == ["2 changes by colleagues were merged in."]


def test_a_real_conflict_is_raised_without_writing_and_settled_when_told(book: Path, tmp_path: Path) -> None:
    table = read_table(book)
    base = table.review.copy()
    before = book.read_bytes()
    with Journal() as journal:
        edit(table, journal, "K0003", "decision", "keep")
        colleague_saves(book, tmp_path / "anna", {"K0003": {"decision": "Ta bort"}})
        written = book.read_bytes()
        assert written != before
        with pytest.raises(ConflictError) as caught:
            save_shared(table, base, [("K0003", "decision")], user="Bo", journal=journal)
        assert book.read_bytes() == written
        [conflict] = caught.value.params["conflicts"]
        assert (conflict["theirs"], conflict["ours"]) == ("remove", "keep")
        assert caught.value.params["count"] == 1 and "K0003" in caught.value.message("sv")
        assert len(journal.unsaved(book)) == 1  # nothing lost while the user decides
        result = save_shared(table, base, [("K0003", "decision")], user="Bo", journal=journal, resolve_as="theirs")
        assert result.resolved == {("K0003", "decision"): "theirs"}
    assert review_of(book)["K0003"]["decision"] == '"remove"'


def test_cli_apply_holds_the_lock_while_it_reads_when_nobody_else_does(book: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # what it read is what it writes into: a colleague cannot save between the read and the write
    import workbench.reading.importer
    from workbench.sharing.lock import lock_path
    from workbench.sharing.shared_save import apply_shared

    seen: list[bool] = []
    real_read = workbench.reading.importer.read_table

    def read_and_look(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(lock_path(book).exists())
        return real_read(*args, **kwargs)

    monkeypatch.setattr(workbench.reading.importer, "read_table", read_and_look)
    decisions = write_decisions(tmp_path / "d.csv", {"K0004": {"decision": "Behåll"}})
    with Journal(tmp_path / "journal.sqlite3") as journal:
        result = apply_shared(book, decisions, user="Bo", journal=journal)
        assert journal.unsaved(book) == []
    assert seen == [True]  # one read, under the lock
    assert result.written == [("K0004", "decision")] and not lock_path(book).exists()
    assert review_of(book)["K0004"]["decision"] == '"keep"'


def test_cli_reports_conflicts_with_exit_3_unless_told_which_side_wins(book: Path, tmp_path: Path) -> None:
    # the CLI's base is the file when it starts: a colleague saving while it waits for the lock conflicts
    decisions = write_decisions(tmp_path / "d.csv", {"K0004": {"decision": "Behåll"}})
    holder = WorkbookLock(book, "Anna Svensson", host="LAPTOP-12").acquire()
    process = subprocess.Popen([sys.executable, "-m", "workbench", "apply", str(book), "--decisions", str(decisions)],
                               cwd=ROOT, env={**os.environ, "BEHOVSANALYS_HOME": str(tmp_path / "bo"),
                                              "BEHOVSANALYS_LANG": "en"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waiting = process.stderr.readline() if process.stderr else ""
    assert "Anna Svensson (LAPTOP-12) is saving" in waiting
    colleague = read_table(book)
    colleague.review.at[colleague.review.index[3], "decision"] = "remove"
    from workbench.writing.save import save_review

    save_review(colleague, [("K0004", "decision")])
    holder.release()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 3, err
    assert "conflict" in err and "K0004" in err
    assert review_of(book)["K0004"]["decision"] == '"remove"'
    with Journal(tmp_path / "bo" / "journal.sqlite3") as journal:
        assert journal.unsaved(book) == [] and journal.history(book)[0].state == "dropped"
    result = run_cli("apply", book, "--decisions", decisions, "--on-conflict", "ours", home=tmp_path / "bo")
    assert result.returncode == 0, result.stderr
    assert review_of(book)["K0004"]["decision"] == '"keep"'


def test_cli_exits_3_naming_who_holds_the_lock_when_the_wait_times_out(book: Path, tmp_path: Path) -> None:
    decisions = write_decisions(tmp_path / "d.csv", {"K0001": {"decision": "Behåll"}})
    with WorkbookLock(book, "Anna Svensson", host="LAPTOP-12"):
        result = run_cli("apply", book, "--decisions", decisions, "--wait", "0.5", home=tmp_path / "bo")
    assert result.returncode == 3
    assert "Anna Svensson (LAPTOP-12)" in result.stderr
    assert review_of(book)["K0001"]["decision"] is None
    assert run_cli("apply", book, "--decisions", decisions, home=tmp_path / "bo").returncode == 0


def test_a_workbook_open_in_excel_is_named_and_saved_only_when_asked(book: Path, tmp_path: Path) -> None:
    name = "Åsa Öberg"
    owner = bytes([len(name)]) + name.encode("cp1252") + b" " * 40
    (tmp_path / f"~${book.name}").write_bytes(owner)
    decisions = write_decisions(tmp_path / "d.csv", {"K0001": {"decision": "Behåll"}})
    result = run_cli("apply", book, "--decisions", decisions, home=tmp_path / "bo")
    assert result.returncode == 3 and "Åsa Öberg" in result.stderr
    result = run_cli("apply", book, "--decisions", decisions, "--save-anyway", home=tmp_path / "bo")
    assert result.returncode == 0, result.stderr


def test_a_stale_lock_of_a_killed_saver_does_not_block_the_next_save(book: Path, tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    WorkbookLock(book, "Anna", pid=sleeper.pid).acquire()
    sleeper.send_signal(signal.SIGKILL)
    sleeper.wait()
    decisions = write_decisions(tmp_path / "d.csv", {"K0001": {"decision": "Behåll"}})
    result = run_cli("apply", book, "--decisions", decisions, "--wait", "2", home=tmp_path / "bo")
    assert result.returncode == 0, result.stderr
    assert "Anna" in result.stdout  # the takeover is reported


@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root may write read-only files")
def test_a_read_only_workbook_keeps_the_edits_in_the_journal_and_retry_works(book: Path) -> None:
    table = read_table(book)
    base = table.review.copy()
    with Journal() as journal:
        edit(table, journal, "K0001", "comment", "åäö")
        book.chmod(0o444)
        try:
            with pytest.raises(FileLockedError):
                save_shared(table, base, [("K0001", "comment")], user="Bo", journal=journal)
            assert [e.new for e in journal.unsaved(book)] == ["åäö"]
        finally:
            book.chmod(0o644)
        save_shared(table, base, [("K0001", "comment")], user="Bo", journal=journal)
        assert journal.unsaved(book) == []
    assert review_of(book)["K0001"]["comment"] == '"åäö"'


def test_a_vanished_network_path_keeps_the_edits_and_retry_works(book: Path, tmp_path: Path) -> None:
    table = read_table(book)
    base = table.review.copy()
    moved = tmp_path / "elsewhere"
    with Journal() as journal:
        edit(table, journal, "K0002", "decision", "keep")
        shutil.move(book, moved)
        with pytest.raises(FileMissingError):
            save_shared(table, base, [("K0002", "decision")], user="Bo", journal=journal)
        assert len(journal.unsaved(book)) == 1
        shutil.move(moved, book)
        save_shared(table, base, [("K0002", "decision")], user="Bo", journal=journal)
        assert journal.unsaved(book) == []


def test_a_workbook_replaced_by_an_older_copy_is_refused(book: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.xlsx"
    shutil.copy2(book, old)
    os.utime(old, (1_600_000_000, 1_600_000_000))
    table = read_table(book)
    base = table.review.copy()
    with Journal() as journal:
        edit(table, journal, "K0001", "decision", "keep")
        save_shared(table, base, [("K0001", "decision")], user="Bo", journal=journal)
        shutil.copy2(old, book)  # someone restores last year's copy
        table = read_table(book)
        base = table.review.copy()
        edit(table, journal, "K0002", "decision", "remove")
        with pytest.raises(OlderCopyError) as caught:
            save_shared(table, base, [("K0002", "decision")], user="Bo", journal=journal)
        assert caught.value.exit_code == 3 and "äldre kopia" in caught.value.message("sv")
        assert len(journal.unsaved(book)) == 1
        save_shared(table, base, [("K0002", "decision")], user="Bo", journal=journal, allow_older=True)
        assert journal.unsaved(book) == []


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_keeps_the_workbook_and_the_journal_and_retry_works(tmp_path: Path) -> None:
    book = tmp_path / "sample.xlsx"
    shutil.copy2(ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx", book)
    before = book.read_bytes()
    keys = [str(k) for k in read_table(book).keys[:20]]
    decisions = write_decisions(tmp_path / "d.csv", {k: {"decision": "Behåll"} for k in keys})

    def small_disk() -> None:  # writes beyond 100 kB fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    env = {**os.environ, "BEHOVSANALYS_HOME": str(tmp_path / "bo"), "BEHOVSANALYS_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "workbench", "apply", str(book), "--decisions", str(decisions)],
                            cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=small_disk, check=False)
    assert result.returncode == 2 and "Could not save" in result.stderr
    assert book.read_bytes() == before
    assert not list(tmp_path.glob(".sample.*"))
    with Journal(tmp_path / "bo" / "journal.sqlite3") as journal:
        assert len(journal.history(book)) == 20  # the journal has what was tried
    retry = run_cli("apply", book, "--decisions", decisions, home=tmp_path / "bo")
    assert retry.returncode == 0, retry.stderr


def test_pull_merges_a_colleagues_saved_decisions_into_the_open_table(book: Path, tmp_path: Path) -> None:
    table = read_table(book)
    base = table.review.copy()
    with Journal() as journal:
        edit(table, journal, "K0001", "decision", "keep")
    colleague_saves(book, tmp_path / "anna", {"K0005": {"comment": "från Anna"}, "K0001": {"decision": "Ta bort"}})
    result = pull_changes(table, base, [("K0001", "decision")])
    assert result.theirs_changes == [("K0005", "comment")]
    assert [(c.key, c.theirs, c.ours) for c in result.conflicts] == [("K0001", "remove", "keep")]
    assert table.review.at[table.review.index[0], "decision"] == "keep"
    assert table.review.at[table.review.index[4], "comment"] == "från Anna"
