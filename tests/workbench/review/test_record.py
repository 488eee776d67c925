"""Every writer of review values by key keeps the review index and its facet caches true (issue 14).

Regression: ``apply_decisions``, ``pull_changes`` and the journal's replay wrote ``table.review`` by key
without telling the table's index, so a facet counted before showed the old values until something
else (a session's rebase) happened to rebuild it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from _shared_fixtures import build_list

from workbench.reading.importer import read_table
from workbench.review.record import set_by_key
from workbench.review.session import ReviewSession
from workbench.review.view import ViewSpec, compute_view, facet_counts
from workbench.sharing.journal import Journal
from workbench.sharing.shared_save import pull_changes, save_shared
from workbench.table import SourceTable
from workbench.writing.save import apply_decisions


def _decided(table: SourceTable, code: str) -> int:
    return dict(facet_counts(table, "decision", limit=None)).get(code, 0)


def test_apply_decisions_shows_in_a_facet_counted_before(tmp_path: Path) -> None:
    book = build_list(tmp_path / "lista.xlsx", rows=10)
    table = read_table(book)
    assert _decided(table, "remove") == 0  # builds the decision facet's cache
    apply_decisions(table, {"K0003": {"decision": "remove"}, "K0004": {"decision": "Ta bort"}})
    assert _decided(table, "remove") == 2
    shown = compute_view(table, ViewSpec(facets={"decision": {"remove"}}))
    assert table.keys.to_numpy()[shown].tolist() == ["K0003", "K0004"]


def test_a_pull_shows_a_colleagues_decision_in_a_facet_before_any_rebase(tmp_path: Path) -> None:
    book = build_list(tmp_path / "delad.xlsx", rows=10)
    anna = ReviewSession(read_table(book), user="Anna", clock=lambda: dt.datetime(2026, 12, 1, 10))
    bo = ReviewSession(read_table(book), user="Bo", clock=lambda: dt.datetime(2026, 12, 1, 11))
    assert _decided(bo.table, "keep") == 0
    anna.set_values(["K0005"], "decision", "keep")
    save_shared(anna.table, anna.baseline, anna.changed_cells(), user="Anna")
    result = pull_changes(bo.table, bo.baseline, bo.changed_cells())
    assert ("K0005", "decision") in result.theirs_changes
    assert _decided(bo.table, "keep") == 1


def test_a_replayed_journal_shows_in_a_facet_counted_before(tmp_path: Path) -> None:
    book = build_list(tmp_path / "lista.xlsx", rows=10)
    journal = Journal(tmp_path / "j.sqlite")
    journal.record(book, "K0002", "decision", None, "investigate", user="Anna")
    table = read_table(book)
    assert _decided(table, "investigate") == 0
    assert journal.replay_into(table) == 1
    assert _decided(table, "investigate") == 1
    journal.close()


def test_set_by_key_writes_every_row_of_a_key_and_reports_only_what_changed(tmp_path: Path) -> None:
    book = build_list(tmp_path / "lista.xlsx", rows=6)
    table = read_table(book)
    assert _decided(table, "keep") == 0
    written = set_by_key(table, [("K0001", "decision", "keep"), ("K0002", "decision", None),
                                 ("K0002", "comment", "ny"), ("NOPE", "decision", "keep")])
    assert list(written.edits()) == [("K0001", "decision", None, "keep"), ("K0002", "decision", None, None),
                                     ("K0002", "comment", None, "ny")]
    assert written.changed == [True, False, True]
    assert written.changed_cells() == [("K0001", "decision"), ("K0002", "comment")]
    assert _decided(table, "keep") == 1
    again = set_by_key(table, [("K0001", "decision", "keep"), (("K0001", 0), "comment", "")])
    assert again.changed_cells(False) == [("K0001", "decision"), ("K0001", "comment")]
    assert table.review["decision"].tolist()[:2] == ["keep", None]
    assert np.flatnonzero(table.review["comment"].notna().to_numpy()).tolist() == [1]
