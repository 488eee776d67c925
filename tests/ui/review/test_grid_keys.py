"""The grid's keyboard as a fast typist and an Excel user meet it, on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from _big_sample import write_big_sample

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.main_window import MainWindow
from workbench.review.clipboard import parse_tsv


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


def _go(window: MainWindow, row: int, field: str) -> None:
    """Make a cell current and the selection, whatever modifier state earlier key clicks left behind."""
    window.table_view.selectionModel().setCurrentIndex(_cell(window, row, field),
                                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _select(window: MainWindow, top: int, left: int, bottom: int, right: int) -> None:
    """Select a block with its top-left cell current, as dragging over it does."""
    selection = window.table_view.selectionModel()
    model = window.model
    selection.setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)
    selection.select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                     QItemSelectionModel.SelectionFlag.ClearAndSelect)


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


# --- frozen columns ------------------------------------------------------------------------------

def _frozen_shows_exactly_its_columns(window: MainWindow) -> None:
    view = window.table_view
    frozen = view.frozen
    count = window.model.frozen_count
    assert count == 2 and frozen.isVisible()
    widths = [view.columnWidth(c) for c in range(count)]
    assert frozen.viewport().width() == sum(widths)
    assert [frozen.columnViewportPosition(c) for c in range(count)] == [0, widths[0]]
    assert frozen.horizontalScrollBar().value() == 0
    assert all(frozen.isColumnHidden(c) for c in range(count, window.model.columnCount()))
    assert frozen.geometry().left() == view.viewport().geometry().left()


def _current_is_visible(window: MainWindow) -> None:
    """The current cell is on screen and not under the frozen pane (whole, when it fits)."""
    view = window.table_view
    current = view.currentIndex()
    if current.column() < window.model.frozen_count:
        rect = view.frozen.visualRect(current)
        assert view.frozen.viewport().rect().contains(rect), rect
        return
    rect = view.visualRect(current)
    frozen_right = view.frozen.geometry().right() - view.viewport().geometry().left() + 1
    assert rect.left() >= frozen_right, (current.column(), rect, frozen_right)
    assert rect.right() < view.viewport().width(), (current.column(), rect)
    assert rect.top() >= 0 and rect.bottom() < view.viewport().height()


def _whole_column_at_pane_edge(window: MainWindow) -> None:
    view = window.table_view
    edge = view.frozen_width()
    column = view.columnAt(edge)
    assert view.columnViewportPosition(column) == edge, "a half column shows beside the frozen pane"


def test_after_a_filter_the_frozen_pane_shows_exactly_key_and_name(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    _frozen_shows_exactly_its_columns(loaded)
    view.setCurrentIndex(_cell(loaded, 0, "comment"))  # far right: the pane must not follow it sideways
    loaded.review_page.search_edit.setText("handske")
    loaded.review_page.refresh()
    qtbot.wait(10)
    assert loaded.model.rowCount() < loaded.table.row_count
    _frozen_shows_exactly_its_columns(loaded)
    _current_is_visible(loaded)


def test_the_current_cell_never_hides_under_the_frozen_pane(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    view.setCurrentIndex(model.index(3, 0))
    for _ in range(model.columnCount() - 1):  # right across every column
        qtbot.keyClick(view, Qt.Key.Key_Right)
        _current_is_visible(loaded)
        _whole_column_at_pane_edge(loaded)
    assert view.currentIndex().column() == view.visible_columns()[-1]
    for _ in range(model.columnCount() - 1):  # and back left
        qtbot.keyClick(view, Qt.Key.Key_Left)
        _current_is_visible(loaded)
        _whole_column_at_pane_edge(loaded)
    # Right from Benämning while scrolled sideways: the next column comes out from under the pane.
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.setCurrentIndex(model.index(5, 1))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 2
    _current_is_visible(loaded)
    # Ctrl+Home from far right: the first cell beside the pane, as in Excel, scrolled back.
    view.setCurrentIndex(_cell(loaded, 40, "comment"))
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 2)
    assert view.horizontalScrollBar().value() == 0
    _current_is_visible(loaded)


def test_sideways_scrolling_moves_by_whole_columns(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    bar = view.horizontalScrollBar()
    seen = set()
    for _ in range(30):
        bar.triggerAction(bar.SliderAction.SliderSingleStepAdd)
        _whole_column_at_pane_edge(loaded)
        seen.add(bar.value())
    assert len(seen) > 5 and bar.value() == bar.maximum()
    last = view.visible_columns()[-1]
    assert view.columnViewportPosition(last) + view.columnWidth(last) <= view.viewport().width()
    for _ in range(30):
        bar.triggerAction(bar.SliderAction.SliderSingleStepSub)
        _whole_column_at_pane_edge(loaded)
    assert bar.value() == 0
    bar.setValue(bar.maximum() // 2 + 7)  # a drag of the slider lands on a whole column too
    _whole_column_at_pane_edge(loaded)


# --- Excel's keys ----------------------------------------------------------------------------------

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_arrows_jump_to_the_edges_of_the_data(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    view.setCurrentIndex(model.index(10, 5))
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (model.rowCount() - 1, 5)
    assert view.selectionModel().isSelected(view.currentIndex())
    _current_is_visible(loaded)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert view.currentIndex().column() == view.visible_columns()[-1]
    _current_is_visible(loaded)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL)
    assert view.currentIndex().column() == 0
    _current_is_visible(loaded)
    _go(loaded, 5, "decision")
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_rows() == list(range(5, model.rowCount()))
    assert view.selected_review_fields() == ["decision"]


def test_ctrl_c_copies_the_cells_as_shown_as_tab_separated_text(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    loaded.model.set_field([1], "decision", "replace")
    loaded.model.set_field([2], "comment", 'fråga "Anna"\nom avtal')
    decision = model.column_of_field("decision")
    _select(loaded, 1, decision, 2, decision + 2)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    text = QApplication.clipboard().text()
    assert text == 'Ersätt\t\t\n\t\t"fråga ""Anna""\nom avtal"\n'
    _select(loaded, 0, 0, 0, 1)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == f"{model.display_text(0, 0)}\t{model.display_text(0, 1)}\n"
    _select(loaded, 0, 0, 40, model.columnCount() - 1)  # every column: numbers, dates, labels as shown
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    expected = [[model.display_text(r, c) for c in view.visible_columns()] for r in range(41)]
    assert parse_tsv(QApplication.clipboard().text()) == expected


def test_ctrl_v_pastes_a_block_from_excel_as_one_step_and_names_what_it_refused(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    page = loaded.review_page
    key = model.data(model.index(0, 0))
    # As Excel puts it on the clipboard: CRLF line ends, a quoted cell with a line break.
    QApplication.clipboard().setText(f'Ta bort\t\t"rad ett\r\nrad två"\r\nKanske\t\tok\r\nersätt\t{key}\t\r\n')
    _go(loaded, 4, "decision")
    with qtbot.waitSignal(page.edit_refused, timeout=2000) as refused:
        qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert [_review(loaded, r, "decision") for r in (4, 5, 6)] == ["remove", None, "replace"]
    assert _review(loaded, 6, "replaced_by") == key
    assert [_review(loaded, r, "comment") for r in (4, 5)] == ["rad ett\nrad två", "ok"]
    assert model.undo_stack.count() == 1 and model.undo_stack.undoText() == "Klistra in på 3 rader"
    message = refused.args[0].message("sv")
    assert "Kanske" in message and "inte ett av fältets värden" in message
    box = loaded.findChild(QMessageBox, "errorBox")
    # Shown without blocking the caller (open(), not exec()), and only over this window.
    assert box is not None and box.isVisible() and box.windowModality() != Qt.WindowModality.ApplicationModal
    box.close()
    model.undo_stack.undo()
    assert [_review(loaded, r, "decision") for r in (4, 5, 6)] == [None, None, None]
    assert _review(loaded, 4, "comment") is None


def test_ctrl_v_of_one_value_fills_the_selection_and_source_columns_refuse(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    decision = model.column_of_field("decision")
    QApplication.clipboard().setText("Utred\r\n")
    _select(loaded, 10, decision, 19, decision)
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert [_review(loaded, r, "decision") for r in range(10, 20)] == ["investigate"] * 10
    assert model.undo_stack.count() == 1
    QApplication.clipboard().setText("Ny benämning")
    view.selectionModel().setCurrentIndex(model.index(3, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    with qtbot.waitSignal(loaded.review_page.edit_refused, timeout=2000) as refused:
        qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert "inte en granskningskolumn" in refused.args[0].message("sv")
    assert model.data(model.index(3, 1)) != "Ny benämning"


def test_ctrl_d_fills_down_as_one_step(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    model = loaded.model
    model.set_field([20], "decision", "keep")
    model.set_field([20], "env_score", "4")
    first, last = sorted((model.column_of_field("decision"), model.column_of_field("env_score")))
    _select(loaded, 20, first, 25, last)
    before = model.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert [_review(loaded, r, "decision") for r in range(20, 26)] == ["keep"] * 6
    assert [_review(loaded, r, "env_score") for r in range(20, 26)] == ["4"] * 6
    assert _review(loaded, 26, "decision") is None
    assert model.undo_stack.count() == before + 1
    _go(loaded, 26, "decision")  # one row: from the row above
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    assert _review(loaded, 26, "decision") == "keep"


def test_f2_edits_and_in_kommentar_enter_commits_alt_enter_breaks_the_line(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 2, "decision"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == view.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    view.setCurrentIndex(_cell(loaded, 2, "comment"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Rad ett")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(editor, "Rad två")
    assert view.state() == view.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _review(loaded, 2, "comment") == "Rad ett\nRad två"
    assert view.currentIndex().row() == 3 and view.state() != view.State.EditingState


def test_typing_on_a_view_that_recomputes_after_each_edit_decides_each_article_in_turn(
        loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With "only not reviewed" recomputed after every edit, each decided article leaves the view;
    the next one becomes current and takes the next entry: none lost, none skipped."""
    page = loaded.review_page
    model = loaded.model
    page.filter_panel.only_unreviewed.setChecked(True)
    model.review_changed.connect(page.refresh)
    wanted = [model.data(model.index(r, 0)) for r in range(10)]
    _go(loaded, 0, "decision")
    for _ in range(10):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_T)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    review = loaded.table.review
    keys = loaded.table.keys
    decided = sorted(keys[review["decision"] == "remove"].tolist())
    assert decided == sorted(wanted)
    assert model.rowCount() == loaded.table.row_count - 10
    assert loaded.table_view.currentIndex().row() == 0


def test_a_new_order_while_editing_keeps_what_was_typed(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = loaded.table_view
    _go(loaded, 1, "comment")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "halvskriven")
    key = loaded.model.data(loaded.model.index(1, 0))
    loaded.review_page.sort_by("spend", ascending=False)
    row = loaded.model.row_of_key(key)
    assert loaded.model.data(_cell(loaded, row, "comment")) == "halvskriven"


def test_a_column_dragged_before_the_frozen_ones_leaves_them_first(loaded: MainWindow) -> None:
    header = loaded.table_view.horizontalHeader()
    header.moveSection(header.visualIndex(6), 0)
    assert [header.logicalIndex(v) for v in range(2)] == [0, 1]
    assert header.visualIndex(6) >= 2
    _frozen_shows_exactly_its_columns(loaded)


def test_regression_a_paste_of_many_bad_values_counts_the_ones_it_does_not_list(loaded: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The paste's own "… (+5)" line made the message list 20 values and then say "… och 1 problem till"."""
    page = loaded.review_page
    QApplication.clipboard().setText("".join(f"Kanske{n}\r\n" for n in range(25)))
    _go(loaded, 0, "decision")
    with qtbot.waitSignal(page.edit_refused, timeout=2000) as refused:
        qtbot.keyClick(loaded.table_view, Qt.Key.Key_V, CTRL)
    lines = refused.args[0].message("sv").splitlines()
    assert len(lines) == 22 and "Kanske19" in lines[20] and lines[21] == "  … och 5 problem till"
    assert refused.args[0].message("en").splitlines()[-1] == "  … and 5 more problems"
    loaded.findChild(QMessageBox, "errorBox").close()
