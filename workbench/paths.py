"""Where the app keeps its own files: settings, logs, the journal. Never beside the user's workbooks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import platformdirs

APP_NAME = "Behovsanalys"
# No author folder: on Windows the data lives in %LOCALAPPDATA%\Behovsanalys, not ...\Behovsanalys\Behovsanalys.
APP_AUTHOR: Literal[False] = False


def _override() -> Path | None:
    # Tests and portable installs point the app at another folder with this variable.
    value = os.environ.get("BEHOVSANALYS_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """The user's data folder for the app (journal, logs), created on demand."""
    path = _override() or Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The user's configuration folder (settings), created on demand."""
    base = _override()
    path = base / "config" if base else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_views_file() -> Path:
    """The user's own named views (the presets come with the app)."""
    return config_dir() / "views.json"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
