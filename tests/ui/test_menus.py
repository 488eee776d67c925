"""Columns, bulk set of every field, export of the view, shortcuts and the guide: through the real menus."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ui.main_window import MainWindow
from ui.review import export_view
from ui.review.bulk_set_dialog import BulkValueDialog
from ui.review.columns_dialog import ColumnsDialog
from ui.shortcuts_dialog import ShortcutsDialog
from ui.user_guide import UserGuideDialog

REVIEW_HEADERS = ["Användning", "Framtida behov", "Miljöpoäng", "Beslut", "Ersätts av", "Kommentar",
                  "Granskad av", "Granskad"]


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    return main_window


def _visual_headers(window: MainWindow) -> list[str]:
    view, model = window.table_view, window.model
    header = view.horizontalHeader()
    return [str(model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)) for v in range(header.count())
            if not view.isColumnHidden(header.logicalIndex(v))]


def _select_rows(window: MainWindow, first: int, last: int) -> None:
    model = window.model
    window.table_view.selectionModel().select(QItemSelection(model.index(first, 0), model.index(last, 0)),
                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _review(window: MainWindow, row: int, field: str) -> object:
    return window.table.review[field].iat[window.model.position(row)]


# --- 12: columns ------------------------------------------------------------------------------------
def test_review_columns_follow_the_name_by_default(loaded: MainWindow) -> None:
    headers = _visual_headers(loaded)
    assert headers[:10] == ["Artikelnummer", "Benämning", *REVIEW_HEADERS]
    assert headers[10] == "Kategori"  # then the source columns as found
    assert loaded.model.frozen_count == 2


def test_columns_dialog_hides_and_moves_and_a_new_window_restores_it(loaded: MainWindow, sample_workbook: Path,
                                                                     qtbot) -> None:
    assert not loaded.columns_action.isEnabled() or loaded.table is not None
    loaded.columns_action.trigger()
    dialog = loaded.findChild(ColumnsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert listed[:2] == ["Användning", "Framtida behov"] and "Artikelnummer" not in listed  # frozen: not listed
    dialog.list.setCurrentItem(dialog.item_of("GTIN"))
    for _ in range(listed.index("GTIN")):
        dialog.up_button.click()  # to the top: right after the name
    dialog.item_of("Leverantör").setCheckState(Qt.CheckState.Unchecked)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    headers = _visual_headers(loaded)
    assert headers[:4] == ["Artikelnummer", "Benämning", "GTIN", "Användning"] and "Leverantör" not in headers
    loaded.close()  # saves the window state

    app = QApplication.instance()
    from ui.app import create_window

    again = create_window(app, "sv")
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.table_loaded, timeout=30_000):
        again.open_file(sample_workbook)
    assert _visual_headers(again) == headers


def test_a_layout_saved_before_the_review_columns_moved_keeps_the_new_order(main_window: MainWindow,
                                                                            sample_workbook: Path, qtbot) -> None:
    old_order = ["Artikelnummer", "Benämning", "Kategori"]  # what an older version saved: no "version"
    main_window.ui_state.set(f"layout:{sample_workbook.resolve()}", {"order": old_order, "hidden": [],
                                                                    "widths": {}, "sort": None})
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    assert _visual_headers(main_window)[2] == "Användning"


# --- 14: bulk set of every field from the Edit menu ---------------------------------------------------
@pytest.mark.parametrize(("field", "code"), [("usage", "weekly"), ("future_need", "decrease"), ("env_score", "4")])
def test_edit_menu_sets_a_vocabulary_field_on_the_selection_in_one_step(loaded: MainWindow, field: str,
                                                                        code: str) -> None:
    _select_rows(loaded, 5, 24)
    action = loaded.findChild(QAction, f"bulkSet_{field}_{code}")
    assert action is not None and action in loaded.findChild(type(loaded.edit_menu), f"bulkSet_{field}").actions()
    action.trigger()
    assert [_review(loaded, r, field) for r in range(5, 25)] == [code] * 20
    assert _review(loaded, 4, field) is None and _review(loaded, 25, field) is None
    assert loaded.model.undo_stack.count() == 1
    loaded.findChild(QAction, f"bulkSet_{field}_clear").trigger()
    assert all(_review(loaded, r, field) is None for r in range(5, 25))
    assert loaded.model.undo_stack.count() == 2
    loaded.undo_action.trigger()
    assert [_review(loaded, r, field) for r in range(5, 25)] == [code] * 20


def test_edit_menu_menus_are_in_field_order_and_translated(loaded: MainWindow) -> None:
    titles = [a.text() for a in loaded.edit_menu.actions() if a.menu() is not None]
    assert titles == ["Sätt &användning för markerade rader", "Sätt &framtida behov för markerade rader",
                      "Sätt miljö&poäng för markerade rader", "Sätt &beslut för markerade rader",
                      "Sätt &ersättare för markerade rader", "Sätt &kommentar för markerade rader"]
    assert loaded.findChild(QAction, "bulkSet_usage_weekly").text() == "Varje vecka"
    loaded.set_language("en")
    assert loaded.findChild(QAction, "bulkSet_usage_weekly").text() == "Weekly"
    assert loaded.bulk_menus.menus["comment"].title() == "Set &comment for selected rows"


def test_edit_menu_sets_a_replacement_checked_by_the_core(loaded: MainWindow, qtbot) -> None:
    _select_rows(loaded, 0, 9)
    target = loaded.model.data(loaded.model.index(40, 0))
    loaded.findChild(QAction, "bulkSet_replaced_by_ask").trigger()
    dialog = loaded.findChild(BulkValueDialog)
    assert dialog is not None and dialog.isVisible() and "10 markerade rader" in dialog.prompt.text()
    dialog.set_text("no-such-article")
    dialog.accept()
    box = loaded.findChild(QMessageBox, "errorBox")
    assert box is not None and "no-such-article" in box.text()  # the core's refusal, worded
    assert dialog.isVisible() and all(_review(loaded, r, "replaced_by") is None for r in range(10))
    box.close()
    dialog.set_text(f"{target} – whatever the completion shows")
    dialog.accept()
    assert not dialog.isVisible()
    assert [_review(loaded, r, "replaced_by") for r in range(10)] == [target] * 10
    assert loaded.model.undo_stack.count() == 1
    _select_rows(loaded, 40, 40)  # an article never replaces itself: refused, nothing changes
    loaded.findChild(QAction, "bulkSet_replaced_by_ask").trigger()
    dialog = loaded.findChildren(BulkValueDialog)[-1]
    dialog.set_text(str(target))
    dialog.accept()
    assert dialog.isVisible() and _review(loaded, 40, "replaced_by") is None
    dialog.reject()


def test_edit_menu_sets_a_comment_of_several_lines(loaded: MainWindow) -> None:
    _select_rows(loaded, 2, 4)
    loaded.findChild(QAction, "bulkSet_comment_ask").trigger()
    dialog = loaded.findChild(BulkValueDialog)
    assert dialog is not None and "3 markerade rader" in dialog.prompt.text()
    dialog.set_text("=1+1\nandra raden")
    dialog.accept()
    assert [_review(loaded, r, "comment") for r in range(2, 5)] == ["=1+1\nandra raden"] * 3
    assert loaded.model.undo_stack.count() == 1
    loaded.findChild(QAction, "bulkSet_comment_clear").trigger()
    assert all(_review(loaded, r, "comment") is None for r in range(2, 5))


# --- 15: shortcuts and guide --------------------------------------------------------------------------
def test_every_shortcut_of_the_window_is_listed(loaded: MainWindow) -> None:
    loaded.shortcuts_action.trigger()
    dialog = loaded.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    listed_keys = {key for keys, _ in rows for key in keys.split(", ")}
    actions = [a for a in loaded.findChildren(QAction) if a.shortcuts()]
    assert len(actions) >= 13  # Open, Save, Save as, Export view, Undo, Redo, 5 decisions, F1, Search
    for action in actions:
        for shortcut in action.shortcuts():
            key = shortcut.toString(shortcut.SequenceFormat.NativeText)
            assert key in listed_keys, f"{action.objectName() or action.text()} ({key}) is not listed"
    commands = dict(rows)
    assert commands["Ctrl+S"] == "Arkiv › Spara"
    assert commands["Ctrl+Alt+2"] == "Redigera › Sätt beslut för markerade rader › Ta bort"
    assert commands["Ctrl+F"] == "Sök"
    assert all(command for _, command in rows)  # every key says what it does
    assert "Redigera cellen" in commands["F2"]


def test_the_consolidation_pages_keys_are_listed(loaded: MainWindow) -> None:
    loaded.shortcuts_action.trigger()
    rows = loaded.findChild(ShortcutsDialog).rows()
    page = {keys: command for keys, command in rows if command.startswith("Konsolidering: ")}
    assert page["A, Enter"] == "Konsolidering: godkänn klustret (ett ångrasteg)"
    assert page["S"] == "Konsolidering: bryt ut den markerade artikeln ur klustret"
    assert len(page) == 8


def test_shortcuts_and_guide_in_english(loaded: MainWindow) -> None:
    loaded.set_language("en")
    loaded.shortcuts_action.trigger()
    commands = dict(loaded.findChild(ShortcutsDialog).rows())
    assert commands["Ctrl+S"] == "File › Save" and commands["F2"] == "Edit the current cell"
    loaded.guide_action.trigger()
    guide = loaded.findChild(UserGuideDialog)
    assert "Conflicts" in guide.browser.toPlainText()


def test_user_guide_explains_the_review_in_swedish(loaded: MainWindow) -> None:
    assert loaded.guide_action.shortcut().toString() == "F1"
    loaded.guide_action.trigger()
    guide = loaded.findChild(UserGuideDialog)
    assert guide is not None and guide.isVisible() and guide.windowTitle() == "Användarguide"
    text = guide.browser.toPlainText()
    assert "Behovsanalys steg för steg" in text and "Alla kortkommandon: Hjälp › Kortkommandon." in text
    for heading in ("Öppna en lista", "Granska", "Sök och filtrera", "Spara tillsammans med kollegor", "Krockar",
                    "Ett gemensamt sortiment, färre artiklar", "Sammanfattning och anbudsunderlag",
                    "Följ upp inköpen"):
        assert heading in text
    # the whole cycle's menus, by the names the menus have
    for entry in ("Arkiv › Ny gemensam analys…", "Visa › Konsolidering…", "Visa › Sammanfattning",
                  "Arkiv › Anbudsunderlag…", "Visa › Uppföljning"):
        assert entry in text


# --- 17: export the view ------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_view_writes_the_filtered_sorted_rows_and_visible_columns(loaded: MainWindow, tmp_path: Path,
                                                                        monkeypatch, qtbot, suffix: str) -> None:
    page = loaded.review_page
    page.search_edit.setText("NITRIL")
    page.sort_by("Pris", ascending=False)
    model = loaded.model
    loaded.table_view.setColumnHidden(model.column_of_field("future_need"), True)
    _select_rows(loaded, 0, 2)
    loaded.findChild(QAction, "bulkSet_usage_daily").trigger()
    shown_keys = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert 0 < len(shown_keys) < 2000
    target = tmp_path / f"möte{suffix}"
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filters):
        asked.append(suggested)
        return str(target.with_suffix("")), ("CSV för Excel (*.csv)" if suffix == ".csv"
                                             else "Excel-arbetsbok (*.xlsx)")

    monkeypatch.setattr(export_view, "get_save_file_name", save_name)
    loaded.export_view_action.trigger()
    assert "Exporterar vyn till" in loaded.statusBar().currentMessage()  # written in the background
    qtbot.waitUntil(lambda: "Exporterade" in loaded.statusBar().currentMessage(), timeout=30_000)
    assert asked and asked[0].endswith("sodertorn_sortiment – vy.xlsx")
    if suffix == ".xlsx":
        rows = [list(r) for r in openpyxl.load_workbook(target).active.iter_rows(values_only=True)]
    else:
        import csv

        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == _visual_headers(loaded) and "Framtida behov" not in rows[0]
    assert [r[0] for r in rows[1:]] == shown_keys
    assert [r[2] for r in rows[1:4]] == ["Dagligen"] * 3  # labels as displayed
    assert loaded.statusBar().currentMessage() == f"Exporterade {len(shown_keys)} artikelrader till möte{suffix}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_two_items_of_a_menu_share_an_access_key(qtbot, language: str) -> None:
    """Alt+S in Arkiv chose between three items ("Öppna &senaste", "&Spara", "Spara &som")."""
    import re

    from PySide6.QtWidgets import QApplication

    from ui.app import create_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_window(app, language)
    qtbot.addWidget(window)
    clashes = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        seen: dict[str, str] = {}
        for action in menu.actions():
            match = re.search(r"&(\w)", action.text().replace("&&", ""))
            if match is None:
                continue
            key = match.group(1).casefold()
            if key in seen:
                clashes.append((menu_action.text(), seen[key], action.text()))
            seen[key] = action.text()
    assert clashes == []
