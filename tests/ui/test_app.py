"""The app's entry point as a user starts it: a real process, offscreen, with the sample workbook."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtGui import QImage

from ui.app import configure_logging
from ui.errors import write_crash_log
from workbench import paths


def test_app_opens_the_sample_and_saves_a_screenshot(sample_workbook: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BEHOVSANALYS_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-m", "ui", str(sample_workbook), "--screenshot", str(shot)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    log_text = (tmp_path / "home" / "logs" / "behovsanalys.log").read_text(encoding="utf-8")
    assert log_text.count("Started") == 1
    # the timings for benchmarks/bench_bundle.py go to the log, not to the user's terminal
    assert "Rows shown at" in log_text and "Review grid shown at" in log_text
    assert "shown at" not in result.stdout
    assert result.stdout.splitlines() == [f"Screenshot saved to {shot}"]


def test_the_screenshot_shows_the_review_grid_not_the_loading_preview(main_window, sample_workbook: Path,
                                                                     tmp_path: Path, qtbot,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``scripts/run.sh`` without a display saved the read-only preview ("Läser …", no review columns):
    the shot was taken 600 ms after the first rows were painted, while the sample was still loading."""
    import workbench.reading.importer
    from ui.app import screenshot_when_shown

    release = threading.Event()
    real_read_table = workbench.reading.importer.read_table

    def slow_read_table(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)  # the load takes longer than the grab delay, as on a cold start
        return real_read_table(*args, **kwargs)

    monkeypatch.setattr(workbench.reading.importer, "read_table", slow_read_table)
    shot = tmp_path / "shot.png"
    taken: list[tuple[bool, bool]] = []
    screenshot_when_shown(main_window, shot, file_given=True,
                          then=lambda: taken.append((main_window.loading, main_window.table is not None)))
    main_window.open_file(sample_workbook)
    qtbot.wait(1500)  # well past the grab delay after the preview was painted
    release.set()
    qtbot.waitUntil(lambda: bool(taken), timeout=20_000)
    assert taken == [(False, True)]
    assert main_window.stack.currentWidget() is not main_window._preview
    assert QImage(str(shot)).width() >= 800


def test_logging_goes_to_a_rotating_file_in_the_users_data_folder() -> None:
    path = configure_logging()
    assert path.parent == paths.log_dir()
    assert path.name == "behovsanalys.log"
    assert configure_logging() == path  # once: a second call adds no second handler
    assert sum(Path(getattr(h, "baseFilename", "")) == path.absolute() for h in logging.getLogger().handlers) == 1


def test_a_full_log_is_rotated_when_the_app_starts() -> None:
    from ui.app import LOG_MAX_BYTES, _rotate_log

    folder = paths.log_dir()
    log_file = folder / "rotate-test.log"
    log_file.write_text("x" * (LOG_MAX_BYTES + 1), encoding="utf-8")
    for n in range(1, 6):
        (folder / f"rotate-test.log.{n}").write_text(f"old {n}", encoding="utf-8")
    _rotate_log(log_file)
    assert not log_file.exists() and (folder / "rotate-test.log.1").stat().st_size == LOG_MAX_BYTES + 1
    assert [(folder / f"rotate-test.log.{n}").read_text(encoding="utf-8") for n in range(2, 6)] == \
        ["old 1", "old 2", "old 3", "old 4"]  # the oldest (old 5) is gone
    log_file.write_text("small", encoding="utf-8")
    _rotate_log(log_file)
    assert log_file.read_text(encoding="utf-8") == "small"  # a small log stays


def test_crash_log_keeps_the_traceback() -> None:
    try:
        raise RuntimeError("boom in review")
    except RuntimeError as error:
        where = Path(write_crash_log(type(error), error, error.__traceback__))
    assert "boom in review" in where.read_text(encoding="utf-8")
    assert where.parent == paths.log_dir()
