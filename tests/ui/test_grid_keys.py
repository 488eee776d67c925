"""The grid's keyboard as a fast typist and an Excel user meet it, on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from _big_sample import write_big_sample

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


def _open(window: MainWindow, path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.table_loaded, timeout=60_000):
        window.open_file(path)
    window.table_view.setFocus()
    return window


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    return _open(main_window, sample_workbook, qtbot)


def _cell(window: MainWindow, row: int, field: str) -> QModelIndex:
    return window.model.index(row, window.model.column_of_field(field))


def _review(window: MainWindow, row: int, field: str) -> object:
    return window.table.review[field].iat[window.model.position(row)]


def test_fifty_letter_enter_pairs_without_delay_all_land_on_a_filtered_20000_row_view(
        main_window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _open(main_window, write_big_sample(tmp_path / "stor.csv"), qtbot)
    assert window.table.row_count == 20_000
    page = window.review_page
    page.search_edit.setText("handske")
    page.refresh()
    shown = window.model.rowCount()
    assert 50 < shown < 20_000
    view = window.table_view
    view.setCurrentIndex(_cell(window, 0, "decision"))
    letters = [Qt.Key.Key_B, Qt.Key.Key_T, Qt.Key.Key_E, Qt.Key.Key_U]  # Behåll, Ta bort, Ersätt, Utred
    codes = ["keep", "remove", "replace", "investigate"]
    for i in range(50):
        # No wait between keys: each goes to whatever has the focus, as a burst from the keyboard does.
        QTest.keyClick(QApplication.focusWidget(), letters[i % 4])
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert view.currentIndex().row() == 50
    session = page.session
    assert session is not None
    assert [_review(window, r, "decision") for r in range(50)] == [codes[i % 4] for i in range(50)]
    assert _review(window, 50, "decision") is None
    assert window.model.undo_stack.count() == 50
