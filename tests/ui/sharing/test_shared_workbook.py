"""Many hands on one workbook, in the GUI: two windows on the same file, the journal, conflicts, Excel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui.app import create_window
from ui.main_window import MainWindow
from ui.sharing.conflict_dialog import ConflictDialog
from workbench.reading.importer import read_table


def _open(qtbot, path: Path, user: str) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_window(app, "sv")
    window.settings.set("user_name", user)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.table_loaded, timeout=30_000):
        window.open_file(path)
    return window


def _save(window: MainWindow, qtbot) -> object:
    with qtbot.waitSignal(window.saver.saved, timeout=30_000) as blocker:
        window.save_action.trigger()
    return blocker.args[0]


def _decision_in_file(path: Path, key: str) -> object:
    table = read_table(path)
    return table.review["decision"].iat[table.keys.tolist().index(key)]


@pytest.fixture
def two(sample_workbook: Path, qtbot) -> tuple[MainWindow, MainWindow]:
    return _open(qtbot, sample_workbook, "Anna Svensson"), _open(qtbot, sample_workbook, "Bo Ek")


def _key(window: MainWindow, position: int) -> str:
    return str(window.table.keys.iat[position])


def test_each_window_sees_the_others_saved_decisions(two: tuple[MainWindow, MainWindow], qtbot) -> None:
    anna, bo = two
    anna.model.set_field([0], "decision", "keep")
    _save(anna, qtbot)
    bo.model.set_field([1], "decision", "remove")
    result = _save(bo, qtbot)
    assert (_key(bo, 0), "decision") in result.theirs_changes
    assert bo.table.review["decision"].iat[0] == "keep"  # Anna's decision is in Bo's grid now
    assert bo.model.highlighted(0, bo.model.column_of_field("decision"))  # ...marked until seen
    bo.table_view.setCurrentIndex(bo.model.index(0, 0))
    assert not bo.model.highlighted(0, bo.model.column_of_field("decision"))
    path = bo.table.path
    assert _decision_in_file(path, _key(bo, 0)) == "keep"
    assert _decision_in_file(path, _key(bo, 1)) == "remove"
    anna.saver.watcher.check()  # the periodic check notices Bo's save without waiting for the timer
    qtbot.waitUntil(lambda: anna.table.review["decision"].iat[1] == "remove", timeout=20_000)
    assert not anna.isWindowModified()


def test_a_conflict_opens_the_dialog_and_the_chosen_value_wins(two: tuple[MainWindow, MainWindow],
                                                               qtbot) -> None:
    anna, bo = two
    anna.model.set_field([2], "decision", "keep")
    _save(anna, qtbot)
    bo.model.set_field([2], "decision", "remove")
    bo.save_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in bo.findChildren(ConflictDialog)), timeout=30_000)
    dialog = next(d for d in bo.findChildren(ConflictDialog) if d.isVisible())
    assert dialog.table.rowCount() == 1
    assert "Anna Svensson" in dialog.table.item(0, 2).text() and "Behåll" in dialog.table.item(0, 2).text()
    assert "Ta bort" in dialog.table.item(0, 3).text()
    dialog.findChild(QPushButton, "allTheirsButton").click()
    with qtbot.waitSignal(bo.saver.saved, timeout=30_000):
        dialog.accept()
    assert _decision_in_file(bo.table.path, _key(bo, 2)) == "keep"
    assert bo.table.review["decision"].iat[2] == "keep"


def test_unsaved_edits_come_back_from_the_journal(sample_workbook: Path, qtbot) -> None:
    first = _open(qtbot, sample_workbook, "Anna Svensson")
    first.model.set_field([4, 5], "decision", "investigate")
    first.model.set_field([4], "comment", "Fråga köket")
    first.saver._dirty = False  # the app dies here: no save, no question
    first.hide()
    again = _open(qtbot, sample_workbook, "Anna Svensson")
    assert again.banner.isVisible() and "återställdes från journalen" in again.banner_label.text()
    assert list(again.table.review["decision"].iloc[4:6]) == ["investigate", "investigate"]
    assert again.table.review["comment"].iat[4] == "Fråga köket"
    assert again.isWindowModified()
    _save(again, qtbot)
    assert _decision_in_file(sample_workbook, _key(again, 5)) == "investigate"
    history = again.journal.history(sample_workbook, _key(again, 4))
    assert [e.new for e in history if e.field == "decision"] == ["investigate"]
    assert all(e.saved for e in history)


def test_file_open_in_excel_asks_and_save_anyway_saves(sample_workbook: Path, qtbot) -> None:
    window = _open(qtbot, sample_workbook, "Bo Ek")
    owner = sample_workbook.with_name("~$" + sample_workbook.name)
    name = b"Cecilia Lund"
    # Excel's owner file: a length byte, the name in cp1252, padding, the name again in UTF-16 at offset 55.
    owner.write_bytes(bytes([len(name)]) + name + b" " * (54 - len(name)) + name.decode().encode("utf-16-le"))
    window.model.set_field([0], "decision", "keep")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "openElsewhereBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "openElsewhereBox")
    assert "Cecilia Lund" in box.text()
    anyway = next(b for b in box.buttons() if b.text() == "Spara ändå")
    with qtbot.waitSignal(window.saver.saved, timeout=30_000):
        anyway.click()
    assert _decision_in_file(sample_workbook, _key(window, 0)) == "keep"


def test_history_of_the_current_article_is_shown(sample_workbook: Path, qtbot) -> None:
    window = _open(qtbot, sample_workbook, "Anna Svensson")
    window.model.set_field([0], "decision", "keep")
    window.model.set_field([0], "decision", "remove")
    window.table_view.setCurrentIndex(window.model.index(0, 0))
    text = window.review_page.detail_pane.label.text()
    assert "Historik" in text and "Anna Svensson" in text
    assert "Behåll → Ta bort" in text and "(ej sparad)" in text
    window.table_view.setCurrentIndex(window.model.index(1, 0))
    assert window.model.data(window.model.index(1, 0), Qt.ItemDataRole.DisplayRole)


def _record_in_file(path: Path, key: str) -> tuple[object, object]:
    table = read_table(path)
    row = table.keys.tolist().index(key)
    return table.review["decision"].iat[row], table.review["reviewed_by"].iat[row]


def _pull(window: MainWindow, qtbot) -> None:
    window.saver.watcher.accept_current()
    window.saver.watcher._stamp = None  # the periodic check notices the colleague's save at once
    with qtbot.waitSignal(window.saver.pulled, timeout=30_000):
        window.saver.watcher.check()


def _visible_dialog(window: MainWindow, qtbot) -> ConflictDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ConflictDialog)), timeout=30_000)
    return next(d for d in window.findChildren(ConflictDialog) if d.isVisible())


def test_regression_a_pulled_colleague_decision_is_not_overwritten_without_asking(
        two: tuple[MainWindow, MainWindow], qtbot) -> None:
    """Issue 12 item 1, exactly as reported: B edits, A saves the same cell, B's watcher pulls, B saves."""
    anna, bo = two
    key = _key(bo, 3)
    name = str(bo.table.data[bo.table.columns["name"]].iat[3])
    bo.model.set_field([3], "decision", "investigate")
    anna.model.set_field([3], "decision", "replace")
    _save(anna, qtbot)
    _pull(bo, qtbot)
    # the app says so at once, by the colleague's name, counting articles
    assert bo.conflict_bar.isVisible()
    assert "Anna Svensson sparade andra värden för 1 artikel" in bo.conflict_bar.label.text()
    assert bo.table.review["decision"].iat[3] == "investigate"  # ours, still unsaved
    bo.save_action.trigger()
    dialog = _visible_dialog(bo, qtbot)
    assert _record_in_file(bo.table.path, key) == ("replace", "Anna Svensson")  # nothing written yet
    # the dialog names the article, the colleague and when; nothing preselected; no decision label as heading
    assert name in dialog.table.item(0, 0).text()
    theirs = dialog.table.item(0, 2).text()
    assert "Ersätt" in theirs and "Anna Svensson" in theirs
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", theirs), theirs
    assert dialog.table.horizontalHeaderItem(4).text() == "Använd"
    assert all(g.checkedId() == -1 for g in dialog.groups)
    assert not dialog.save_button.isEnabled()
    dialog.groups[0].button(1).setChecked(True)  # "Mine"
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(bo.saver.saved, timeout=30_000):
        dialog.save_button.click()
    # the record is whole: Bo's decision with Bo's name
    assert _record_in_file(bo.table.path, key) == ("investigate", "Bo Ek")
    assert not bo.conflict_bar.isVisible()
    message = bo.statusBar().currentMessage()
    assert "1 krock avgjord" in message
    metrics = bo.statusBar().fontMetrics()
    free = bo.statusBar().width() - sum(w.width() for w in (bo.progress_label, bo.decisions_label,
                                                             bo.selection_label) if w.isVisible())
    assert metrics.horizontalAdvance(message) < free, "the status line after resolving is cut off"


def test_the_conflict_bar_settles_with_the_colleagues_value_at_once(two: tuple[MainWindow, MainWindow],
                                                                    qtbot) -> None:
    anna, bo = two
    key = _key(bo, 5)
    bo.model.set_field([5], "decision", "remove")
    anna.model.set_field([5], "decision", "keep")
    _save(anna, qtbot)
    _pull(bo, qtbot)
    bo.conflict_bar.action_button.click()
    dialog = _visible_dialog(bo, qtbot)
    assert dialog.save_button.text() == "Verkställ"
    dialog.findChild(QPushButton, "allTheirsButton").click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not bo.conflict_bar.isVisible(), timeout=5_000)
    assert bo.table.review["decision"].iat[5] == "keep"
    assert bo.table.review["reviewed_by"].iat[5] == "Anna Svensson"
    assert not bo.isWindowModified()
    assert not [e for e in bo.journal.unsaved(bo.table.path) if e.key == key]
    assert _record_in_file(bo.table.path, key) == ("keep", "Anna Svensson")


def _excel_owner_file(book: Path, name: bytes = b"Cecilia Lund") -> Path:
    owner = book.with_name("~$" + book.name)
    owner.write_bytes(bytes([len(name)]) + name + b" " * (54 - len(name)) + name.decode().encode("utf-16-le"))
    return owner


def test_wait_for_excel_watches_the_owner_file_and_saves_once_it_is_gone(sample_workbook: Path, qtbot) -> None:
    window = _open(qtbot, sample_workbook, "Bo Ek")
    owner = _excel_owner_file(sample_workbook)
    window.model.set_field([0], "decision", "remove")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "openElsewhereBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "openElsewhereBox")
    assert box.defaultButton().text() == "Vänta tills den stängs"  # the safe choice is the default
    box.defaultButton().click()
    qtbot.waitUntil(lambda: window.owner_wait_label.isVisible(), timeout=5_000)
    assert "Cecilia Lund" in window.owner_wait_label.text() and window.owner_wait_cancel.isVisible()
    assert _decision_in_file(sample_workbook, _key(window, 0)) != "remove"
    owner.unlink()  # Cecilia closes Excel
    with qtbot.waitSignal(window.saver.saved, timeout=30_000):
        pass
    assert _decision_in_file(sample_workbook, _key(window, 0)) == "remove"
    assert not window.owner_wait_label.isVisible()


def test_waiting_for_excel_can_be_cancelled_and_nothing_is_written(sample_workbook: Path, qtbot) -> None:
    window = _open(qtbot, sample_workbook, "Bo Ek")
    owner = _excel_owner_file(sample_workbook)
    before = sample_workbook.read_bytes()
    window.model.set_field([0], "decision", "remove")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "openElsewhereBox") is not None, timeout=30_000)
    window.findChild(QMessageBox, "openElsewhereBox").defaultButton().click()
    qtbot.waitUntil(lambda: window.owner_wait_cancel.isVisible(), timeout=5_000)
    window.owner_wait_cancel.click()
    assert not window.saver.waiting_for_owner and not window.owner_wait_label.isVisible()
    owner.unlink()
    qtbot.wait(1500)
    assert sample_workbook.read_bytes() == before and window.isWindowModified()
