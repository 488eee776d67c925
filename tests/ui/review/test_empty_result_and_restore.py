"""Issue 12 item 16 on the real window: an empty result says so and offers to clear the filter; the
bar that reports edits restored after a crash counts articles, offers no import, and goes once saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.review.facet_list import ValueRole
from workbench.reading.importer import read_table
from workbench.review.session import ReviewSession
from workbench.sharing.journal import Journal


def test_an_empty_result_says_so_and_its_link_clears_search_and_facets(main_window: MainWindow,
                                                                       sample_workbook: Path, qtbot) -> None:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    page = main_window.review_page
    note = page.empty_result
    assert not note.isVisible()
    box = page.filter_panel.facets["municipality"]
    next(box.list.item(i) for i in range(box.list.count())
         if box.list.item(i).data(ValueRole) == "Botkyrka").setCheckState(Qt.CheckState.Checked)
    page.filter_panel.only_unreviewed.setChecked(True)
    page.search_edit.setText("finns-inte-någonstans")
    page.refresh()
    assert main_window.model.rowCount() == 0
    assert note.isVisible()
    assert note.label.text() == "Inga artiklar matchar filtret"
    assert note.clear_link.text() == "Rensa filter"
    assert note.geometry().contains(page.view.viewport().rect().center())
    qtbot.mouseClick(note.clear_link, Qt.MouseButton.LeftButton)
    assert main_window.model.rowCount() == 2000
    assert page.search_edit.text() == ""
    assert not box.selected and not page.filter_panel.only_unreviewed.isChecked()
    assert not note.isVisible()


def test_the_restore_bar_counts_articles_offers_no_import_and_goes_after_the_save(
        main_window: MainWindow, sample_workbook: Path, qtbot) -> None:
    # a run that edited three articles (decision on three, comment on two: 13 cells) and then died
    journal = Journal()
    crashed = ReviewSession(read_table(sample_workbook), user="Anna", journal=journal)
    keys = list(crashed.table.keys.iloc[[3, 4, 5]])
    crashed.set_values(keys, "decision", "remove")
    crashed.set_values(keys[:2], "comment", "dubblett")
    journal.close()
    del crashed

    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    banner = main_window.banner
    assert banner.isVisible()
    assert main_window.banner_label.text() == (
        f"Osparade ändringar av 3 artiklar i {sample_workbook.name} återställdes från journalen.")
    assert not main_window.banner_button.isVisible()  # "Import settings…" has nothing to do with it
    assert main_window.saver.is_dirty
    with qtbot.waitSignal(main_window.saver.saved, timeout=30_000):
        main_window.saver.save()
    assert not banner.isVisible()
    assert list(read_table(sample_workbook).review["decision"].iloc[[3, 4, 5]]) == ["remove"] * 3
