"""Every edit of a review session goes to the journal first; a new session restores unsaved edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.reading.importer import read_table
from workbench.review.session import ReviewSession
from workbench.sharing.journal import Journal

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_sortiment.xlsx"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    target = tmp_path / "sortiment.xlsx"
    target.write_bytes(SAMPLE.read_bytes())
    return target


def test_edits_and_undos_are_journalled_with_old_and_new_values(workbook: Path, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    table = read_table(workbook)
    session = ReviewSession(table, user="Anna Svensson", journal=journal)
    keys = list(table.keys.iloc[:3])
    session.set_values(keys, "decision", "Behåll")
    session.undo()
    history = journal.history(workbook, keys[0])
    decisions = [(e.old, e.new) for e in history if e.field == "decision"]
    assert decisions == [(None, "keep"), ("keep", None)]
    assert {e.user for e in history} == {"Anna Svensson"}
    assert {e.field for e in history} == {"decision", "reviewed_by", "reviewed_at"}


def test_a_killed_session_is_restored_from_the_journal_and_counts_as_unsaved(workbook: Path, tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.sqlite3"
    first = ReviewSession(read_table(workbook), user="Anna", journal=Journal(journal_path))
    key = first.table.keys.iat[10]
    first.set_values([key], "decision", "remove")
    first.set_values([key], "comment", "Dubblett av 0007206")
    del first  # the app died before saving

    table = read_table(workbook)
    again = ReviewSession(table, user="Anna", journal=Journal(journal_path))
    assert again.restore_unsaved() == 4  # decision, comment and the two stamps
    row = table.keys.tolist().index(key)
    assert table.review["decision"].iat[row] == "remove"
    assert table.review["comment"].iat[row] == "Dubblett av 0007206"
    assert (key, "decision") in again.changed_cells()
    assert again.is_dirty


def test_saved_edits_are_not_restored(workbook: Path, tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    session = ReviewSession(read_table(workbook), user="Anna", journal=journal)
    session.set_values([0, 1], "decision", "keep")
    journal.mark_saved(workbook)
    fresh = ReviewSession(read_table(workbook), user="Anna", journal=journal)
    assert fresh.restore_unsaved() == 0
    assert not fresh.is_dirty
