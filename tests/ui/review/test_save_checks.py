"""Warnings before a save (issue 12 item 9): a bar with "Visa", never a pop-up, and the save goes ahead."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.notice_bar import NoticeBar
from workbench.reading.importer import read_table


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    return main_window


def test_notice_bar_shows_text_runs_its_action_and_closes(qtbot) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    calls: list[int] = []
    bar.show_notice("Tre saker", "Visa", lambda: calls.append(1))
    assert bar.isVisible() and bar.text == "Tre saker" and bar.action_button.text() == "Visa"
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert calls == [1] and bar.isVisible()
    with qtbot.waitSignal(bar.closed):
        qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    bar.show_notice("Bara text")
    assert not bar.action_button.isVisibleTo(bar)
    bar.hide()
    assert not bar.isVisible()


def test_saving_with_odd_replacements_warns_in_a_bar_and_still_saves(loaded: MainWindow, qtbot) -> None:
    model = loaded.model
    keys = [model.index(r, 0).data() for r in range(6)]
    assert model.set_field([0, 1, 2], "decision", "replace")
    assert model.set_field([2], "replaced_by", keys[4])
    assert model.set_field([4], "decision", "remove")  # row 2's replacement is itself removed
    bar = loaded.save_checks.bar
    assert not bar.isVisible()
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        loaded.save_action.trigger()
        assert QApplication.activeModalWidget() is None  # never a blocking pop-up
        assert bar.isVisible()
    assert bar.text == ("Kontrollera: 2 artiklar ska ersättas men saknar ersättare · "
                        "1 artikel ersätts av en artikel som själv tas bort eller ersätts")
    assert bar.action_button.text() == "Visa"
    saved = read_table(loaded.table.path)
    assert saved.review["decision"].tolist()[:3] == ["replace"] * 3  # the save went ahead
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    assert sorted(model.index(r, 0).data() for r in range(model.rowCount())) == sorted(keys[:3])
    # fixing them in the filtered grid makes the bar go away by itself
    assert model.set_field([model.row_of_key(keys[0]), model.row_of_key(keys[1])], "replaced_by", keys[5])
    assert bar.isVisible() and bar.text.startswith("Kontrollera: 1 artikel ersätts av")
    assert model.set_field([model.row_of_key(keys[2])], "replaced_by", keys[5])
    assert not bar.isVisible()


def test_a_clean_review_saves_without_a_bar(loaded: MainWindow, qtbot) -> None:
    model = loaded.model
    assert model.set_field([0], "decision", "keep")
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        loaded.save_action.trigger()
    assert not loaded.save_checks.bar.isVisible()


def test_the_bar_speaks_english_when_the_app_does(loaded: MainWindow, qtbot) -> None:
    loaded.set_language("en")
    model = loaded.model
    assert model.set_field([7], "decision", "replace")
    with qtbot.waitSignal(loaded.saver.saved, timeout=30_000):
        loaded.save_action.trigger()
    assert loaded.save_checks.bar.text == "Please check: 1 article is to be replaced but has no replacement"
    assert loaded.save_checks.bar.action_button.text() == "Show"
