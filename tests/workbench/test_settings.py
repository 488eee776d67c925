"""Preferences survive old and damaged settings files; UI state is kept apart."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.settings import MAX_RECENT_FILES, SETTINGS_VERSION, Settings, UiState


def test_defaults_when_no_file_exists(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("language") == "sv"
    assert settings.get("recent_files") == []


def test_saved_values_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set("language", "en")
    settings.add_recent_file(tmp_path / "a.xlsx")
    settings.save()
    again = Settings(path)
    assert again.get("language") == "en"
    assert again.get("recent_files") == [str((tmp_path / "a.xlsx").resolve())]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == SETTINGS_VERSION


def test_version_1_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "locale": "en_GB", "recent": ["/x/inköp.xlsx"]}), encoding="utf-8")
    settings = Settings(path)
    assert settings.get("language") == "en"
    assert settings.get("recent_files") == ["/x/inköp.xlsx"]


def test_corrupt_file_is_set_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"language": "en", ', encoding="utf-8")
    settings = Settings(path)
    assert settings.get("language") == "sv"
    assert not path.exists()
    assert (tmp_path / "settings.corrupt").read_text(encoding="utf-8") == '{"language": "en", '


def test_ill_typed_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": 7, "recent_files": "nope"}), encoding="utf-8")
    settings = Settings(path)
    assert settings.get("language") == "sv"
    assert settings.get("recent_files") == []


def test_recent_files_are_unique_newest_first_and_capped(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    for number in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(tmp_path / f"{number}.xlsx")
    settings.add_recent_file(tmp_path / "5.xlsx")
    recent = settings.get("recent_files")
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0].endswith("5.xlsx")
    assert len(set(recent)) == len(recent)


def test_ui_state_is_a_separate_file_and_tolerates_damage(tmp_path: Path) -> None:
    (tmp_path / "ui_state.json").write_text("[broken", encoding="utf-8")
    state = UiState(tmp_path / "ui_state.json")
    assert state.get("main_window_geometry") is None
    state.set("main_window_geometry", [1, 2, 3, 4])
    state.save()
    assert UiState(tmp_path / "ui_state.json").get("main_window_geometry") == [1, 2, 3, 4]
