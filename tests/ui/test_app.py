"""The app's entry point as a user starts it: a real process, offscreen, with the sample workbook."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

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
    assert (tmp_path / "home" / "logs" / "behovsanalys.log").read_text(encoding="utf-8").count("Started") == 1


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
