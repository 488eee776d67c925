"""The app's journal: edits only append to its log; the copy into the database follows a pause."""

from __future__ import annotations

from pathlib import Path

from ui.main_window import MainWindow
from ui.sharing import journal_upkeep


def test_a_pause_after_a_bulk_edit_checkpoints_the_journal_in_the_background(
        main_window: MainWindow, sample_workbook: Path, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(journal_upkeep, "IDLE_MS", 200)
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    main_window.journal_upkeep.timer.setInterval(journal_upkeep.IDLE_MS)
    journal = main_window.journal
    before = journal.path.stat().st_size
    assert main_window.model.set_field(list(range(2000)), "decision", "keep")
    assert journal.path.stat().st_size == before  # the edit only went to the log
    assert main_window.journal_upkeep.timer.isActive()
    qtbot.waitUntil(lambda: journal.path.stat().st_size > before, timeout=5000)
    assert len(journal.unsaved(sample_workbook)) == 6000
