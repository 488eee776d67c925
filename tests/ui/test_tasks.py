"""A background task's result never reaches an object deleted meanwhile (a window closed while its
workbook was being assessed: "Signal source has been deleted" in the Qt event loop)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject

from ui import tasks


def test_a_result_for_a_deleted_owner_is_dropped(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    tasks.run_task(lambda _progress: release.wait(10) and "done", on_success=delivered.append,
                   on_failure=delivered.append, owner=owner)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: tasks.active_tasks() == 0, timeout=10_000)
    assert delivered == []


def test_a_result_for_a_living_owner_arrives(qtbot) -> None:
    owner = QObject()
    delivered: list[object] = []
    tasks.run_task(lambda _progress: "done", on_success=delivered.append, on_failure=delivered.append,
                   owner=owner)
    qtbot.waitUntil(lambda: delivered == ["done"], timeout=10_000)
