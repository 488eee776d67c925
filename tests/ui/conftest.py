"""GUI test fixtures: a real main window offscreen, and a guard against leaked background work."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QApplication

from ui import tasks
from ui.app import create_window
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_background_work_left() -> Iterator[None]:
    """Fail a test that leaves background tasks running (napari's habit)."""
    yield
    deadline = time.monotonic() + 5
    while tasks.active_tasks() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert tasks.active_tasks() == 0, "the test left background work running"


@pytest.fixture
def main_window(qtbot) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_window(app, "sv")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
