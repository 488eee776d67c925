"""The detail pane's source rows in the default layout (walk-through defect: the table was cut on the right,
"Källnyc…" half shown): in a narrow pane the columns that tell the rows apart fit whole and the row and file
step aside into each row's tooltip; a wide pane shows all six."""

from __future__ import annotations

from pathlib import Path

from test_joint_grid import _open, _select, joint  # noqa: F401  (the fixture)

from ui.main_window import MainWindow


def _shown(table) -> list[int]:
    return [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]


def test_in_the_default_layout_the_source_rows_are_not_cut(main_window: MainWindow, joint: Path,  # noqa: F811
                                                           qtbot) -> None:
    main_window.resize(1400, 880)
    window = _open(main_window, joint, qtbot)
    _select(window, "G00001")
    table = window.joint_grid.section.table
    qtbot.waitUntil(table.isVisible)
    qtbot.wait(50)
    assert _shown(table) == [0, 1, 2, 3]
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in _shown(table)) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    for column in (0, 1, 2):
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)
    assert "botkyrka.xlsx" in table.item(0, 0).toolTip() and "Rad: 2" in table.item(0, 0).toolTip()


def test_a_wide_detail_pane_shows_every_column(main_window: MainWindow, joint: Path, qtbot) -> None:  # noqa: F811
    main_window.resize(1400, 880)
    window = _open(main_window, joint, qtbot)
    window.review_page.splitter.setSizes([250, 450, 700])
    _select(window, "G00001")
    table = window.joint_grid.section.table
    qtbot.waitUntil(table.isVisible)
    qtbot.wait(50)
    assert _shown(table) == [0, 1, 2, 3, 4, 5]
    assert table.item(0, 5).text() == "botkyrka.xlsx"
