"""A shared save into a file nobody changed since its base: written at once, without re-reading or merging.

The fast path rests on the file's fingerprint (size and content digest): these tests prove it is taken
only when the file is byte for byte the base's, and that every other case still reads and merges.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import xlsxwriter
from _shared_fixtures import build_list, review_of, run_cli, write_decisions

from workbench.reading.importer import read_table
from workbench.review.session import ReviewSession
from workbench.savefile import file_fingerprint
from workbench.sharing import shared_save
from workbench.sharing.journal import Journal
from workbench.sharing.shared_save import save_shared
from workbench.table import SourceTable


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_list(tmp_path / "delad.xlsx")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every re-read of the file under the lock (the slow path), counted; the read itself is real."""
    seen: list[Path] = []
    real = shared_save._read_now

    def counted(table: SourceTable) -> SourceTable:
        seen.append(Path(table.path))
        return real(table)

    monkeypatch.setattr(shared_save, "_read_now", counted)
    return seen


def _set(table: SourceTable, key: str, name: str, value: object) -> None:
    table.review.at[table.review.index[list(table.keys).index(key)], name] = value


def test_a_table_knows_the_fingerprint_of_the_file_it_was_read_from(book: Path, tmp_path: Path) -> None:
    table = read_table(book)
    assert table.fingerprint == file_fingerprint(book) is not None
    csv = tmp_path / "lista.csv"
    csv.write_text("Artikelnummer;Benämning\nK1;Mugg\n", encoding="utf-8")
    assert read_table(csv).fingerprint is None  # csv is saved by reading and merging, always


def test_saves_into_an_unchanged_file_skip_the_re_read_and_chain(book: Path, reads: list[Path]) -> None:
    table = read_table(book)
    base, fingerprint = table.review.copy(), table.fingerprint
    with Journal() as journal:
        for n, key in enumerate(["K0001", "K0002", "K0003"]):
            _set(table, key, "decision", ("keep", "remove", "replace")[n])
            result = save_shared(table, base, [(key, "decision")], user="Bo", journal=journal,
                                 base_fingerprint=fingerprint)
            assert result.base is not None and result.fingerprint == file_fingerprint(book)
            base, fingerprint = result.base, result.fingerprint
        assert not journal.unsaved(book)
    assert reads == []
    final = review_of(book)
    assert [final[k]["decision"] for k in ("K0001", "K0002", "K0003")] == ['"keep"', '"remove"', '"replace"']


def test_a_colleagues_save_is_read_and_merged_as_before(book: Path, tmp_path: Path, reads: list[Path]) -> None:
    table = read_table(book)
    base, fingerprint = table.review.copy(), table.fingerprint
    result = run_cli("apply", book, "--decisions", write_decisions(tmp_path / "anna.csv",
                                                                     {"K0002": {"decision": "Ta bort"}}),
                     home=tmp_path / "anna", user="Anna")
    assert result.returncode == 0, result.stderr
    _set(table, "K0001", "decision", "keep")
    saved = save_shared(table, base, [("K0001", "decision")], user="Bo", base_fingerprint=fingerprint)
    assert reads == [book]  # the file changed: read under the lock and merged
    assert saved.theirs_changes == [("K0002", "decision")]
    assert saved.fingerprint == file_fingerprint(book)  # same rows and columns: the next save may skip
    final = review_of(book)
    assert final["K0001"]["decision"] == '"keep"' and final["K0002"]["decision"] == '"remove"'


def test_a_file_whose_rows_moved_is_never_written_by_the_old_places(book: Path, tmp_path: Path,
                                                                     reads: list[Path]) -> None:
    table = read_table(book)
    base, fingerprint = table.review.copy(), table.fingerprint
    # a colleague sorts the sheet the other way round (a new file: rows of every key moved)
    moved = tmp_path / "omvänd.xlsx"
    book_writer = xlsxwriter.Workbook(str(moved))
    sheet = book_writer.add_worksheet("Artiklar")
    sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Antal"])
    for row, i in enumerate(range(40, 0, -1), start=1):
        sheet.write_row(row, 0, [f"K{i:04d}", f"Artikel {i}", i * 3])
    book_writer.close()
    shutil.copyfile(moved, book)
    _set(table, "K0001", "decision", "keep")
    first = save_shared(table, base, [("K0001", "decision")], user="Bo", base_fingerprint=fingerprint)
    assert reads == [book] and first.layout_changed and first.fingerprint is None
    _set(table, "K0002", "decision", "remove")
    save_shared(table, first.base, [("K0002", "decision")], user="Bo", base_fingerprint=first.fingerprint)
    assert reads == [book, book]  # no fingerprint for a table whose places differ from the file's: read again
    final = read_table(book)
    by_key = dict(zip(final.keys, final.review["decision"], strict=True))
    assert by_key["K0001"] == "keep" and by_key["K0002"] == "remove"
    assert sum(v is not None for v in by_key.values()) == 2  # nothing landed on another article's row


def test_a_session_keeps_the_fingerprint_with_its_baseline(book: Path) -> None:
    with Journal() as journal:
        first = ReviewSession(read_table(book), user="Bo", journal=journal)
        first.set_values(["K0001"], "decision", "keep")  # journalled, never saved
        table = read_table(book)
        session = ReviewSession(table, user="Bo", journal=journal)
        assert session.restore_unsaved() == 3  # the decision and its reviewed_by/reviewed_at stamps
        # the replayed edit differs from the baseline, which still describes the file as read
        assert session.base_fingerprint == table.fingerprint == file_fingerprint(book) is not None
        assert ("K0001", "decision") in session.changed_cells()
        session.rebase(session.baseline, None)
        assert session.base_fingerprint is None
