"""The review grid opens a joint workbook that carries the summary's ``Sammanfattning`` sheet (issue 19)
as any joint workbook: ``Sortiment`` with its joint parts, no import dialog, no banner; a save from the
grid writes its review values and leaves the summary sheet and its figures as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

from ui.main_window import MainWindow
from workbench.reading.importer import list_sheets, read_sheet_rows, read_table
from workbench.summary.figures import summarise
from workbench.summary.sheet import write_summary_sheet

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"


def test_the_grid_opens_and_saves_a_joint_workbook_with_the_summary_sheet(main_window: MainWindow, tmp_path: Path,
                                                                         qtbot) -> None:
    joint = tmp_path / "gemensam.xlsx"
    shutil.copy2(SAMPLE, joint)
    write_summary_sheet(joint, summarise(read_table(joint), file=joint), user="Anna")
    figures = read_sheet_rows(joint, ["Sammanfattning"])["Sammanfattning"]

    with qtbot.waitSignal(main_window.table_loaded, timeout=30_000):
        main_window.open_file(joint)
    qtbot.waitUntil(lambda: not main_window.joint_grid.reading, timeout=30_000)
    assert main_window.table is not None and main_window.table.sheet == "Sortiment"
    assert main_window.joint_grid.link_action.isVisible()
    assert not main_window.banner.isVisibleTo(main_window)

    main_window.model.set_field([0], "decision", "keep")
    with qtbot.waitSignal(main_window.saver.saved, timeout=30_000):
        main_window.save_action.trigger()
    assert read_table(joint).review["decision"].iloc[0] == "keep"
    assert list_sheets(joint) == ["Sortiment", "Källrader", "Källor", "Sammanfattning"]
    assert read_sheet_rows(joint, ["Sammanfattning"])["Sammanfattning"] == figures
