"""A reviewing session on the sample workbook, driven through the real window by keyboard and menus."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from ui.main_window import MainWindow
from ui.review.model import ReviewTableModel


@pytest.fixture
def loaded(main_window: MainWindow, sample_workbook: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(sample_workbook)
    main_window.table_view.setFocus()
    return main_window


def _cell(window: MainWindow, row: int, field: str) -> QModelIndex:
    return window.model.index(row, window.model.column_of_field(field))


def _review(window: MainWindow, row: int, field: str) -> object:
    return window.table.review[field].iat[window.model.position(row)]


def test_typing_b_then_enter_sets_behall_and_moves_down(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 0, "decision"))
    qtbot.keyClick(view, Qt.Key.Key_B)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "Behåll"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _review(loaded, 0, "decision") == "keep")  # the delegate commits queued
    assert view.currentIndex().row() == 1
    assert loaded.model.data(_cell(loaded, 0, "decision")) == "Behåll"
    assert _review(loaded, 0, "reviewed_by")  # stamped with the reviewer
    assert "Granskade 1 av 2" in loaded.progress_label.text()


def test_keys_one_to_five_score_directly_on_the_cell(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 3, "env_score"))
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert _review(loaded, 3, "env_score") == "4"
    assert view.currentIndex().row() == 4
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert _review(loaded, 4, "env_score") == "2"
    view.setCurrentIndex(_cell(loaded, 4, "env_score"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _review(loaded, 4, "env_score") is None


def test_compact_score_editor_sets_a_score(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 7, "env_score"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QSpinBox)
    editor.setValue(5)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _review(loaded, 7, "env_score") == "5")


def test_bulk_decision_on_37_rows_is_one_undo_step(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    model = loaded.model
    selection = QItemSelection(model.index(10, 0), model.index(46, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    action = next(a for a in loaded.decision_actions if a.data() == "remove")
    action.trigger()
    assert [_review(loaded, r, "decision") for r in range(10, 47)] == ["remove"] * 37
    assert _review(loaded, 9, "decision") is None and _review(loaded, 47, "decision") is None
    assert model.undo_stack.count() == 1
    assert "37 rader markerade" in loaded.selection_label.text()
    assert "Ta bort 37" in loaded.decisions_label.text()
    # the Edit menu names the step, in Swedish
    assert loaded.undo_action.text() == "&Ångra Sätt beslut på 37 rader" and loaded.undo_action.isEnabled()
    assert loaded.redo_action.text() == "&Gör om" and not loaded.redo_action.isEnabled()
    loaded.undo_action.trigger()
    assert all(_review(loaded, r, "decision") is None for r in range(10, 47))
    assert "Granskade 0 av" in loaded.progress_label.text()
    assert loaded.redo_action.text() == "&Gör om Sätt beslut på 37 rader" and not loaded.undo_action.isEnabled()
    loaded.redo_action.trigger()
    assert [_review(loaded, r, "decision") for r in range(10, 47)] == ["remove"] * 37


def test_search_and_facets_filter_in_the_core(loaded: MainWindow, qtbot) -> None:
    page = loaded.review_page
    page.search_edit.setText("NITRIL")
    page.refresh()
    shown = loaded.model.rowCount()
    assert 0 < shown < 2000
    assert all("nitril" in " ".join(loaded.model.display_text(r, c) for c in range(6)).lower()
               for r in range(shown))
    facet = page.filter_panel.facets["municipality"]
    items = [facet.list.item(i) for i in range(facet.list.count())]
    item = next(i for i in items if i.text().startswith("Botkyrka"))
    item.setCheckState(Qt.CheckState.Checked)
    municipality_column = next(c for c in range(loaded.model.columnCount())
                               if loaded.model.headerData(c, Qt.Orientation.Horizontal) == "Kommun")
    assert 0 < loaded.model.rowCount() < shown
    assert {loaded.model.display_text(r, municipality_column) for r in range(loaded.model.rowCount())} == {"Botkyrka"}
    page.filter_panel.clear()
    page.search_edit.clear()
    page.refresh()
    assert loaded.model.rowCount() == 2000


def test_set_decision_from_a_facet_value_is_one_step(loaded: MainWindow) -> None:
    model = loaded.model
    assert model.set_from_facet("material", "PVC", "decision", "remove")
    pvc = loaded.table.data[loaded.table.columns["material"]] == "PVC"
    assert (loaded.table.review.loc[pvc, "decision"] == "remove").all()
    assert model.undo_stack.count() == 1


def test_only_unreviewed_and_sorting(loaded: MainWindow) -> None:
    page = loaded.review_page
    loaded.model.set_field([0, 1, 2], "decision", "keep")
    page.filter_panel.only_unreviewed.setChecked(True)
    assert loaded.model.rowCount() == 1997
    page.filter_panel.only_unreviewed.setChecked(False)
    page.sort_by("spend", ascending=False)
    spend = loaded.table.data[loaded.table.columns["spend"]]
    first = spend.iat[loaded.model.position(0)]
    assert first == spend.max()


def test_review_model_passes_qt_model_tester(loaded: MainWindow, qtmodeltester) -> None:
    qtmodeltester.check(loaded.model, force_py=True)


class _BrokenModel(QAbstractTableModel):
    """Claims children for a valid parent in a flat table: what the model tester must catch."""

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_model_tester_fails_a_broken_model(qtmodeltester) -> None:
    with pytest.raises(AssertionError):
        qtmodeltester.check(_BrokenModel(), force_py=True)


def test_empty_model_passes_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(ReviewTableModel(), force_py=True)


def test_article_picker_accepts_only_existing_articles(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    target = str(loaded.model.data(loaded.model.index(5, 0)))
    view.setCurrentIndex(_cell(loaded, 0, "replaced_by"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.isEditable()
    editor.setEditText(target)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _review(loaded, 0, "replaced_by") == target)
    view.setCurrentIndex(_cell(loaded, 1, "replaced_by"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setEditText("9999999 finns inte")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert _review(loaded, 1, "replaced_by") is None


def test_comment_editor_keeps_several_lines(loaded: MainWindow, qtbot) -> None:
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 0, "comment"))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setPlainText("Rad ett\nRad två")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _review(loaded, 0, "comment") == "Rad ett\nRad två")


def test_the_current_article_stays_current_when_the_order_changes(loaded: MainWindow) -> None:
    view = loaded.table_view
    view.setCurrentIndex(_cell(loaded, 3, "decision"))
    key = loaded.model.data(view.currentIndex(), Qt.ItemDataRole.UserRole + 2)
    loaded.review_page.sort_by("spend", ascending=False)
    assert view.currentIndex().row() != 3
    assert loaded.model.data(view.currentIndex(), Qt.ItemDataRole.UserRole + 2) == key


def test_each_editable_review_column_gets_the_editor_of_its_kind(loaded: MainWindow) -> None:
    """Delegates follow ``Field.kind`` (a field added to workbench.fields gets an editor without ui code)."""
    from workbench.fields import REVIEW_FIELDS

    view, model = loaded.table_view, loaded.model
    expected = {"code": view.vocabulary_delegate, "score": view.score_delegate, "text": view.comment_delegate,
                "key_ref": view.article_delegate}
    for field in REVIEW_FIELDS:
        delegate = view.itemDelegateForColumn(model.column_of_field(field.name))
        if field.editable:
            assert delegate is expected[field.kind], field.name
        else:
            assert delegate not in expected.values(), field.name


def test_regression_the_replacement_picker_says_why_it_refuses_a_key(loaded: MainWindow, qtbot) -> None:
    """An unknown article (or the row's own) typed into Ersätts av was dropped silently; the core now
    refuses it with a message, and a real article is set."""
    from PySide6.QtWidgets import QComboBox

    view, model, page = loaded.table_view, loaded.model, loaded.review_page
    column = model.column_of_field("replaced_by")
    index = model.index(0, column)
    delegate = view.itemDelegateForColumn(column)
    editor = delegate.createEditor(view.viewport(), None, index)  # type: ignore[arg-type]
    assert isinstance(editor, QComboBox)
    other = str(model.data(model.index(1, 0)))
    assert any(text.startswith(other) for text in (editor.itemText(i) for i in range(editor.count())))
    editor.setEditText("X-finns-inte")
    with qtbot.waitSignal(page.edit_refused, timeout=2000) as refused:
        delegate.setModelData(editor, model, index)
    assert "X-finns-inte" in refused.args[0].message("sv")
    assert _review(loaded, 0, "replaced_by") is None
    editor.setEditText(other)
    delegate.setModelData(editor, model, index)
    assert _review(loaded, 0, "replaced_by") == other
    editor.deleteLater()
