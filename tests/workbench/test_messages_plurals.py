"""Core messages in proper Swedish and English: singular for one, plural otherwise, digits grouped
(issue 12 items 16 and 18); the restore note counts articles, not cells."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from workbench.messages import CATALOGUE, text
from workbench.numbers import format_number
from workbench.reading.importer import read_table
from workbench.review.session import ReviewSession
from workbench.sharing.journal import Journal

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sodertorn_sortiment.xlsx"
COUNTS = {"count", "rows"}  # placeholders that hold a number of things; some messages have more:
MORE_COUNTS = {"apply_done": {"keys"}, "conflicts_resolved": {"ours", "theirs"},
               "merge_summary": {"articles", "source_rows", "municipality_count", "new_articles"},
               "clusters_accepted": {"replaced"},
               "clusters_summary": {"articles", "same", "in_clusters", "variants", "if_accepted", "total"},
               "survey_collected": {"answers", "units"}, "survey_collected_form": {"needs"},
               "summary_sentence_decisions": {"total", "undecided", "keep", "replace", "remove"},
               "summary_note_environment": {"total"},
               "tender_made": {"municipalities"}, "tender_left": {"removed", "replaced", "moved"}}
# Swedish words that are the same in singular and plural ("1 artikelnummer", "2 artikelnummer")
# and counts whose noun is another's ("{count} av {total} artiklar", "behålls {keep}": the noun is given once)
INVARIANT_SV = {"duplicate_keys": {"count"}, "conflicts_resolved": {"ours", "theirs"},
                "summary_note_environment": {"count"}, "summary_sentence_decisions": {"keep", "replace", "remove"}}
INVARIANT_EN = {"conflicts_resolved": {"ours", "theirs"}, "summary_note_environment": {"count"},
                "tender_left": {"removed", "replaced"}}


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_count_in_a_message_chooses_singular_or_plural(code: str) -> None:
    for template, invariant in zip(CATALOGUE[code], (INVARIANT_SV, INVARIANT_EN), strict=True):
        fields = _fields(template)
        counted = {name for name in fields if name in COUNTS | MORE_COUNTS.get(code, set())}
        chosen = {name.split("|")[0] for name in fields if "|" in name}
        assert chosen <= counted, f"{code}: a plural choice for a number the text does not show"
        assert counted - invariant.get(code, set()) <= chosen, f"{code}: {template!r}"
    plain_sv = {f.split("|")[0].replace("_sv", "") for f in _fields(CATALOGUE[code][0])}
    plain_en = {f.split("|")[0].replace("_en", "") for f in _fields(CATALOGUE[code][1])}
    assert plain_sv == plain_en, code


@pytest.mark.parametrize(("code", "count", "sv", "en"), [
    ("rows_without_key", 1, "1 rad saknar artikelnummer.", "1 row has no article number."),
    ("rows_without_key", 2, "2 rader saknar artikelnummer.", "2 rows have no article number."),
    ("rows_without_key", 2000, "2\u00a0000 rader saknar artikelnummer.", "2,000 rows have no article number."),
    ("conflicts", 1, "1 ändring i f.xlsx krockar med en kollegas ändringar.",
     "1 change in f.xlsx conflicts with a colleague's changes."),
    ("merged_theirs", 1, "1 ändring av en kollega fördes in från f.xlsx.",
     "1 change by a colleague was merged in from f.xlsx."),
    ("merged_theirs", 3, "3 ändringar av kollegor fördes in från f.xlsx.",
     "3 changes by colleagues were merged in from f.xlsx."),
    ("journal_restored", 1, "Osparade ändringar av 1 artikel i f.xlsx återställdes från journalen.",
     "Unsaved changes to 1 article in f.xlsx were restored from the journal."),
    ("survey_made", 1, "1 enkät skapad från f.xlsx (arbetsbokens ID {id}).",
     "1 questionnaire made from f.xlsx (workbook ID {id})."),
    ("survey_made", 8, "8 enkäter skapade från f.xlsx (arbetsbokens ID {id}).",
     "8 questionnaires made from f.xlsx (workbook ID {id})."),
    ("survey_not_answered", 1, "1 enhet har inte svarat: {units}.", "1 unit has not answered: {units}."),
    ("total_rows_skipped", 1, "1 summarad i slutet av listan räknades inte som artikel.",
     "1 total row at the end of the list was not counted as an article."),
])
def test_messages_read_right_for_one_and_for_many(code: str, count: int, sv: str, en: str) -> None:
    assert text(code, "sv", count=count, file="f.xlsx") == sv
    assert text(code, "en", count=count, file="f.xlsx") == en


def test_two_counts_in_one_message_agree_each_with_its_own_noun() -> None:
    assert text("apply_done", "sv", count=1, keys=1, file="f") == "1 cell för 1 artikel sparades i f."
    assert text("apply_done", "sv", count=4, keys=1, file="f") == "4 celler för 1 artikel sparades i f."
    assert text("apply_done", "en", count=1200, keys=3, file="f") == "1,200 cells for 3 articles were saved in f."
    assert text("conflicts_resolved", "sv", count=1, ours=1, theirs=0) == (
        "1 krock avgjordes: 1 med ditt värde, 0 med kollegans.")


def test_a_missing_placeholder_is_kept_not_an_error() -> None:
    assert text("conflict_line", "sv", key="0017") == "0017, {field}: i filen ”{theirs}” ({theirs_by}), din ”{ours}”"


def test_numbers_have_the_language_digit_groups() -> None:
    assert format_number(2000, "sv") == "2\u00a0000"
    assert format_number(2000, "en") == "2,000"
    assert format_number(1234567.5, "sv") == "1\u00a0234\u00a0567,50"
    assert format_number(1234567.5, "en", 1) == "1,234,567.5"
    assert format_number(999, "sv") == "999"


def test_the_restored_edits_are_counted_as_articles(tmp_path: Path) -> None:
    workbook = tmp_path / "sortiment.xlsx"
    workbook.write_bytes(SAMPLE.read_bytes())
    journal_path = tmp_path / "journal.sqlite3"
    crashed = ReviewSession(read_table(workbook), user="Anna", journal=Journal(journal_path))
    keys = list(crashed.table.keys.iloc[:3])
    crashed.set_values(keys, "decision", "keep")
    crashed.set_values(keys[:1], "comment", "dubblett")
    del crashed
    again = ReviewSession(read_table(workbook), user="Anna", journal=Journal(journal_path))
    assert again.restore_unsaved() == 10  # 3 decisions, 1 comment, their stamps: cells
    assert again.changed_keys() == set(keys)  # what the note counts
