"""Import choices are remembered per file and survive hand-edited settings."""

from __future__ import annotations

from pathlib import Path

from workbench.reading.profiles import ImportProfile, forget_profile, remember_profile, remembered_profile
from workbench.settings import Settings


def test_profile_is_remembered_per_file_across_sessions(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    workbook = tmp_path / "inköp.xlsx"
    profile = ImportProfile(sheet="Blad2", header_row=4, mapping={"key": "Art nr"}, key_column="Art nr",
                            text_columns=("Art nr", "EAN"))
    remember_profile(settings, workbook, profile)
    settings.save()
    again = Settings(tmp_path / "settings.json")
    assert remembered_profile(again, workbook) == profile
    assert remembered_profile(again, tmp_path / "other.xlsx") is None
    forget_profile(again, workbook)
    assert remembered_profile(again, workbook) is None
    assert profile.read_options() == {"sheet": "Blad2", "header_row": 4, "mapping": {"key": "Art nr"},
                                      "key_column": "Art nr", "text_columns": ("Art nr", "EAN")}


def test_ill_typed_stored_profile_falls_back_to_detection() -> None:
    profile = ImportProfile.from_dict({"sheet": 3, "header_row": -1, "mapping": "x", "text_columns": "y"})
    assert profile == ImportProfile()
    assert ImportProfile.from_dict(None) == ImportProfile()


def test_a_file_needs_the_import_dialog_only_the_first_time_and_only_when_detection_needs_a_person(
        tmp_path: Path) -> None:
    from _shared_fixtures import build_list

    from workbench.reading.importer import read_table
    from workbench.reading.profiles import needs_confirming

    clean = read_table(build_list(tmp_path / "ren.xlsx"))
    assert not clean.findings and clean.key_column is not None
    assert not needs_confirming(clean, None)
    keyless = tmp_path / "utan.csv"
    keyless.write_text("Färg;Vikt\nröd;3\nblå;4\n", encoding="utf-8")
    table = read_table(keyless)
    assert table.key_column is None or table.findings
    assert needs_confirming(table, None)
    assert not needs_confirming(table, ImportProfile())  # remembered: opens at once, findings in the banner
