"""Regression: Ctrl+Y redoes. The Redo action listed Ctrl+Y itself and the platform's Redo keys, which on
this platform (and on Windows) are Ctrl+Y again: Qt found the same key twice on one action, called it an
"Ambiguous shortcut overload" and redid nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def test_each_redo_key_is_bound_once(main_window: MainWindow) -> None:
    keys = [k.toString() for k in main_window.redo_action.shortcuts()]
    assert "Ctrl+Y" in keys and len(keys) == len(set(keys))


def test_ctrl_y_redoes_an_undone_edit(main_window: MainWindow, sample_workbook, qtbot) -> None:
    main_window.open_file(sample_workbook)
    qtbot.waitUntil(lambda: main_window.table is not None and not main_window.loading, timeout=30_000)
    model = main_window.model
    assert model.set_field([0], "decision", "keep")
    model.undo_stack.undo()
    assert model.undo_stack.canRedo()
    main_window.activateWindow()
    main_window.table_view.setFocus()
    qtbot.keyClick(main_window.table_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not model.undo_stack.canRedo()
    assert model.table.review["decision"].iat[model.position(0)] == "keep"
