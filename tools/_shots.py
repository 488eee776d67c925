"""What the screenshot tools share: a home of their own, the application, waiting for the window, and a
copy of a sample to open. Run the tools under a display or Xvfb (``xvfb-run -a -s "-screen 0 1400x900x24"``)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402


def fresh_home(prefix: str = "behovsanalys-shots-") -> Path:
    """A temporary folder for settings, journal and logs (``BEHOVSANALYS_HOME``): the user's stay untouched."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["BEHOVSANALYS_HOME"] = str(home)
    return home


def sample_copy(folder: Path, name: str = "sodertorn_sortiment.xlsx") -> Path:
    """A copy of ``resources/sample/<name>`` in ``folder``: a tool never works on the committed file."""
    target = folder / name
    shutil.copy(ROOT / "resources" / "sample" / name, target)
    return target


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def wait_until(condition: Callable[[], object], seconds: float = 60, what: str = "timed out") -> None:
    """Let the event loop run until ``condition()`` holds (an AssertionError after ``seconds``)."""
    app = application()
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    assert condition(), what


def settle(rounds: int = 25) -> None:
    """Let paints and queued work run for about ``rounds`` × 20 ms."""
    app = application()
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def wait(ms: int) -> None:
    settle(max(1, ms // 20))


def open_window(workbook: Path, language: str, size: tuple[int, int] = (1400, 880), user: str | None = None) -> Any:
    """The main window in ``language`` with ``workbook`` opened and loaded."""
    from ui.app import create_window

    window = create_window(application(), language)
    if user is not None:
        window.settings.set("user_name", user)
    window.resize(*size)
    window.show()
    window.open_file(workbook)
    wait_until(lambda: window.table is not None and not window.loading)
    return window
