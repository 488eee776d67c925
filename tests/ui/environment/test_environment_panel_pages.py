"""The Miljö panel belongs to the review grid: hidden while another page is shown, back with the grid if it
was open, and never widening a narrow window (walk-through defect: it stayed docked over Uppföljning and
widened a 1024 px window to 1110 px)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample" / "sodertorn_gemensam.xlsx"


@pytest.fixture
def joint(main_window: MainWindow, tmp_path: Path, qtbot) -> MainWindow:
    path = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, path)
    main_window.resize(1024, 700)
    with qtbot.waitSignal(main_window.environment.assessed, timeout=60_000):
        main_window.open_file(path)
    qtbot.waitUntil(lambda: not main_window.joint_grid.reading and main_window.environment.figures is not None,
                    timeout=30_000)
    return main_window


def test_the_panel_hides_on_other_pages_and_comes_back_with_the_grid(joint: MainWindow, qtbot) -> None:
    panel = joint.environment.show_panel()
    qtbot.waitUntil(panel.isVisible)
    assert joint.width() == 1024
    for show in (joint.followup.show_page, joint.summary.show_page, joint.consolidation.show_page):
        show()
        qtbot.waitUntil(lambda: not panel.isVisible())
        assert joint.width() == 1024
    joint.consolidation.hide_page()
    qtbot.waitUntil(panel.isVisible)
    assert joint.width() == 1024
    qtbot.waitUntil(lambda: not joint.summary.busy and not joint.consolidation.busy, timeout=60_000)


def test_a_closed_panel_stays_closed_when_the_grid_comes_back(joint: MainWindow, qtbot) -> None:
    panel = joint.environment.show_panel()
    qtbot.waitUntil(panel.isVisible)
    panel.close()
    joint.followup.show_page()
    joint.followup.hide_page()
    qtbot.wait(50)
    assert not panel.isVisible()


def test_asked_for_from_another_page_the_panel_shows_the_grid(joint: MainWindow, qtbot) -> None:
    joint.followup.show_page()
    panel = joint.environment.show_panel()
    assert joint.stack.currentWidget() is joint.table_page
    qtbot.waitUntil(panel.isVisible)
    assert joint.width() == 1024
