"""Checks before a save (issue 12 item 9): replacements that do not add up, as codes and keys."""

from __future__ import annotations

from datetime import datetime

from _review_fixtures import make_table

from workbench.messages import plural_text
from workbench.review.checks import (
    REPLACE_WITHOUT_REPLACEMENT,
    REPLACEMENT_NOT_KEPT,
    REPLACEMENT_UNKNOWN,
    check_review,
)
from workbench.review.session import ReviewSession, progress


def _session(n: int = 30) -> ReviewSession:
    return ReviewSession(make_table(n), user="anna", clock=lambda: datetime(2026, 1, 1))


def test_a_clean_review_has_no_problems() -> None:
    session = _session()
    assert check_review(session.table) == []
    session.set_values([0, 1], "decision", "replace")
    session.set_values([0, 1], "replaced_by", "000010")
    session.set_values([9], "decision", "keep")
    assert check_review(session.table) == []


def test_replace_without_replacement_lists_the_keys() -> None:
    session = _session()
    session.set_values([3, 4, 7], "decision", "replace")
    session.set_values([4], "replaced_by", "000020")
    [problem] = check_review(session.table)
    assert problem.code == REPLACE_WITHOUT_REPLACEMENT
    assert problem.keys == ("000004", "000008") and list(problem.positions) == [3, 7]
    assert problem.message("sv") == "2 artiklar ska ersättas men saknar ersättare"
    assert problem.message("en") == "2 articles are to be replaced but have no replacement"
    assert progress(session).replace_without_replacement == 2  # one rule, also for the status bar
    assert list(session.rows_needing_replacement()) == [3, 7]


def test_a_blank_replacement_counts_as_none() -> None:
    session = _session()
    session.set_values([2], "decision", "replace")
    session.table.review.iat[2, session.table.review.columns.get_loc("replaced_by")] = "  "
    assert [p.code for p in check_review(session.table)] == [REPLACE_WITHOUT_REPLACEMENT]


def test_a_replacement_that_is_itself_removed_or_replaced() -> None:
    session = _session()
    session.set_values([0, 1, 2], "decision", "replace")
    session.set_values([0], "replaced_by", "000006")  # removed below
    session.set_values([1], "replaced_by", "000003")  # row 2: itself replaced
    session.set_values([2], "replaced_by", "000011")  # kept: fine
    session.set_values([5], "decision", "remove")
    [problem] = check_review(session.table)
    assert problem.code == REPLACEMENT_NOT_KEPT
    assert problem.keys == ("000001", "000002")
    assert problem.message("sv") == "2 artiklar ersätts av en artikel som själv tas bort eller ersätts"


def test_a_replacement_key_the_list_does_not_have() -> None:
    session = _session()
    session.set_values([0, 1], "decision", "replace")
    session.set_values([0, 1], "replaced_by", "000003")
    review = session.table.review
    # written in Excel, or the article left the list: the editor itself refuses unknown keys
    review.iat[0, review.columns.get_loc("replaced_by")] = "999999"
    problems = check_review(session.table)
    assert [(p.code, p.keys) for p in problems] == [(REPLACEMENT_UNKNOWN, ("000001",))]
    assert problems[0].message("en") == "1 article is replaced by an article number that is not in the list"
    assert problems[0].message("sv") == "1 artikel ersätts av ett artikelnummer som inte finns i listan"


def test_all_three_in_order_and_large_counts_grouped() -> None:
    session = _session(3000)
    session.set_values(list(range(2500)), "decision", "replace")
    session.set_values([2600], "replaced_by", "000001")
    review = session.table.review
    review.iat[2700, review.columns.get_loc("replaced_by")] = "nope"
    codes = [(p.code, p.count) for p in check_review(session.table)]
    assert codes == [(REPLACE_WITHOUT_REPLACEMENT, 2500), (REPLACEMENT_NOT_KEPT, 1), (REPLACEMENT_UNKNOWN, 1)]
    assert check_review(session.table)[0].message("sv").startswith("2\u00a0500 artiklar")
    assert plural_text("check_replace_without_replacement", 2500, "en").startswith("2,500 articles")
