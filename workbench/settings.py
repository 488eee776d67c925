"""Preferences, declared once with types and defaults, stored as versioned JSON.

UI state (window geometry, column widths) is kept apart from preferences, in its own file, so that a
reset of one does not lose the other. An old settings file is migrated; a corrupt one is set aside
(renamed ``*.corrupt``) and the defaults are used, so a damaged file never stops the app from starting.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench import paths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
MAX_RECENT_FILES = 10


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "sv", "UI language: 'sv' or 'en'."),
    Option("user_name", str, "", "Name written as reviewer; empty means the login name."),
    Option("recent_files", list, [], "Most recently opened files, newest first."),
    Option("file_profiles", dict, {}, "Import choices remembered per file (absolute path -> profile)."),
    Option("autosave_journal", bool, True, "Write every edit to the local journal at once."),
    Option("followup_target", float, 0.9, "Uppföljning: the compliance target (0-1) of the chart and the lights."),
)
_OPTIONS = {o.name: o for o in OPTIONS}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.get("version", 1))
    if version < 2:
        # Version 1 stored the language as "locale" ("sv_SE") and recent files as "recent".
        locale = data.pop("locale", None)
        if isinstance(locale, str) and locale:
            data["language"] = locale[:2].lower()
        if "recent" in data:
            data["recent_files"] = data.pop("recent")
    data["version"] = SETTINGS_VERSION
    return data


class Settings:
    """Typed access to preferences; unknown or ill-typed values fall back to their defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        self._values = {}
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("settings root is not an object")
        except (OSError, ValueError) as exc:
            log.warning("Settings file %s is unreadable (%s); using defaults", self.path, exc)
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".corrupt"))
            return
        data = _migrate(data)
        for name, value in data.items():
            option = _OPTIONS.get(name)
            if option is not None and isinstance(value, option.type):
                self._values[name] = value

    def get(self, name: str) -> Any:
        option = _OPTIONS[name]
        value = self._values.get(name, option.default)
        # Hand out copies of mutable defaults so callers cannot change them by accident.
        return json.loads(json.dumps(value)) if isinstance(value, list | dict) else value

    def set(self, name: str, value: Any) -> None:
        option = _OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} must be {option.type.__name__}")
        self._values[name] = value

    def add_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.get("recent_files") if p != text]
        self.set("recent_files", [text, *recent][:MAX_RECENT_FILES])

    def save(self) -> None:
        data = {"version": SETTINGS_VERSION, **self._values}
        write_json_atomically(self.path, data)


def write_json_atomically(path: Path, data: Any) -> None:
    """Write JSON through the one atomic writer (:func:`workbench.savefile.atomic_save`: a temporary file in
    the same folder, synced, renamed into place, the folder synced), without a backup copy."""
    from workbench.savefile import atomic_save

    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    atomic_save(path, write, keep_backups=0)


class UiState:
    """Free-form GUI state (geometry, column layouts), separate from preferences."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "ui_state.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._data: dict[str, Any] = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self._data = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._data[key] = value

    def save(self) -> None:
        write_json_atomically(self.path, self._data)
