"""Regression (issue 12, item 1): a colleague's saved decision was silently overwritten.

Copies A and B open one workbook. B sets a decision and does not save; A sets the same cell to another
value and saves; B's watcher pulls A's save in. The pull used to rebase the conflicting cell onto A's
value, so B's later save found nothing to ask and wrote B's value over A's (with a mixed record: B's
decision and name, A's time). Now the pull keeps it a conflict, the save asks, and a record's stamps come
from whoever's values it keeps.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _shared_fixtures import build_list

from workbench.errors import ConflictError
from workbench.reading.importer import read_table
from workbench.review.session import ReviewSession
from workbench.sharing.journal import Journal
from workbench.sharing.shared_save import pull_changes, save_shared

KEY = "K0007"


def clock(hour: int) -> dt.datetime:
    return dt.datetime(2026, 12, 1, hour, 0, 0)


def saved_record(book: Path, key: str = KEY) -> dict[str, object]:
    table = read_table(book)
    row = table.review.index[list(table.keys).index(key)]
    return {name: table.review.at[row, name] for name in ("decision", "reviewed_by", "reviewed_at")}


def save(session: ReviewSession, **options: object) -> object:
    result = save_shared(session.table, session.baseline, session.changed_cells(), user=session.user,
                         journal=session.journal, base_fingerprint=session.base_fingerprint, **options)
    session.rebase(result.base, result.fingerprint)
    return result


def pull(session: ReviewSession) -> object:
    result = pull_changes(session.table, session.baseline, session.changed_cells())
    session.rebase(result.base, result.fingerprint, conflicts=result.conflicts, theirs_values=result.theirs_values)
    return result


@pytest.fixture
def sessions(tmp_path: Path) -> tuple[ReviewSession, ReviewSession, Path]:
    book = build_list(tmp_path / "delad.xlsx")
    anna = ReviewSession(read_table(book), user="Anna", clock=lambda: clock(10),
                         journal=Journal(tmp_path / "anna.sqlite"))
    # B edits first (09:00) and A saves later (10:00): the later stamp is A's
    bo = ReviewSession(read_table(book), user="Bo", clock=lambda: clock(9), journal=Journal(tmp_path / "bo.sqlite"))
    bo.set_values([KEY], "decision", "investigate")
    anna.set_values([KEY], "decision", "replace")
    save(anna)
    return anna, bo, book


def test_a_pull_keeps_a_conflicting_cell_a_conflict_and_the_save_asks(sessions) -> None:
    _anna, bo, book = sessions
    result = pull(bo)
    assert [(c.key, c.field, c.theirs, c.ours, c.theirs_by) for c in result.conflicts] == [
        (KEY, "decision", "replace", "investigate", "Anna")]
    assert result.fingerprint is None  # the save must re-read and merge, not write at once
    assert [(c.key, c.field) for c in bo.pending_conflicts] == [(KEY, "decision")]
    assert bo.table.review.loc[bo.table.review.index[6], "decision"] == "investigate"
    with pytest.raises(ConflictError) as raised:
        save(bo)
    assert raised.value.params["count"] == 1
    assert saved_record(book) == {"decision": "replace", "reviewed_by": "Anna", "reviewed_at": clock(10)}


def test_a_second_pull_still_sees_the_conflict(sessions) -> None:
    _anna, bo, _book = sessions
    pull(bo)
    result = pull(bo)
    assert [(c.key, c.field) for c in result.conflicts] == [(KEY, "decision")]


def test_keeping_mine_at_the_save_writes_my_value_with_my_stamps(sessions) -> None:
    _anna, bo, book = sessions
    pull(bo)
    save(bo, resolve_as="ours")
    # the later stamp (Anna's) must not stay on Bo's decision: a record's stamps come from its writer
    assert saved_record(book) == {"decision": "investigate", "reviewed_by": "Bo", "reviewed_at": clock(9)}


def test_taking_theirs_at_the_save_leaves_their_record_whole(sessions) -> None:
    _anna, bo, book = sessions
    pull(bo)
    save(bo, resolve_as="theirs")
    assert saved_record(book) == {"decision": "replace", "reviewed_by": "Anna", "reviewed_at": clock(10)}
    assert not bo.is_dirty


def test_taking_theirs_per_cell_without_a_pull_keeps_their_stamps(tmp_path: Path) -> None:
    book = build_list(tmp_path / "delad.xlsx")
    anna = ReviewSession(read_table(book), user="Anna", clock=lambda: clock(8), journal=Journal(tmp_path / "a.sqlite"))
    bo = ReviewSession(read_table(book), user="Bo", clock=lambda: clock(9), journal=Journal(tmp_path / "b.sqlite"))
    anna.set_values([KEY], "decision", "replace")
    bo.set_values([KEY], "decision", "investigate")
    save(anna)
    save(bo, resolve_as={(KEY, "decision"): "theirs"})
    # Bo's stamp is later, but none of Bo's values is in the record: Anna's stamps stay with her value
    assert saved_record(book) == {"decision": "replace", "reviewed_by": "Anna", "reviewed_at": clock(8)}


def test_settling_theirs_at_once_drops_our_edit_and_its_journal_entries(sessions) -> None:
    _anna, bo, book = sessions
    pull(bo)
    changed = bo.settle_conflicts({(KEY, "decision"): "theirs"})
    assert changed.tolist() == [6]
    assert not bo.pending_conflicts and not bo.is_dirty
    row = bo.table.review.index[6]
    assert (bo.table.review.at[row, "decision"], bo.table.review.at[row, "reviewed_by"]) == ("replace", "Anna")
    assert bo.journal is not None and not bo.journal.unsaved(book)


def test_settling_mine_at_once_saves_mine_without_asking_again(sessions) -> None:
    _anna, bo, book = sessions
    pull(bo)
    bo.settle_conflicts({(KEY, "decision"): "ours"})
    assert not bo.pending_conflicts and bo.is_dirty
    save(bo)  # no ConflictError: the choice was made
    assert saved_record(book) == {"decision": "investigate", "reviewed_by": "Bo", "reviewed_at": clock(9)}


def test_a_cell_without_a_choice_stays_pending(sessions) -> None:
    _anna, bo, _book = sessions
    pull(bo)
    bo.settle_conflicts({})
    assert [(c.key, c.field) for c in bo.pending_conflicts] == [(KEY, "decision")]
    with pytest.raises(ConflictError):
        save(bo)
