"""Named views: presets in both languages, the user's views saved and loaded, broken files survived."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from _review_fixtures import make_table

from workbench.review.named_views import NamedView, load_user_views, load_views, preset_views, save_user_views
from workbench.review.session import ReviewSession, ViewSpec, compute_view

PRESET_NAMES = {
    "not_reviewed": ("Ej granskade", "Not reviewed"),
    "investigate": ("Att utreda", "To investigate"),
    "largest_spend": ("Störst belopp", "Largest spend"),
    "plastic": ("Plast", "Plastic"),
    "replace_without_replacement": ("Ersätts utan ersättare", "Replaced without replacement"),
}


def test_presets_load_with_swedish_and_english_names() -> None:
    views = {view.id: view for view in preset_views()}
    for view_id, (sv, en) in PRESET_NAMES.items():
        assert views[view_id].name("sv") == sv
        assert views[view_id].name("en") == en
        assert views[view_id].preset


def test_presets_select_what_their_names_say() -> None:
    table = make_table(400)
    session = ReviewSession(table, user="anna", clock=lambda: datetime(2026, 2, 1))
    session.set_values([0, 1, 2], "decision", "replace")
    session.set_values([1], "replaced_by", "000100")
    session.set_values([3], "decision", "investigate")
    views = {view.id: view.spec for view in preset_views()}

    assert list(compute_view(session, views["replace_without_replacement"])) == [0, 2]
    assert list(compute_view(session, views["investigate"])) == [3]
    assert len(compute_view(session, views["not_reviewed"])) == 396
    plastic = compute_view(session, views["plastic"])
    assert set(table.data["Material"].to_numpy()[plastic]) == {"PE", "PP", "PET", "PVC", "PS"}
    spend = table.data["Belopp"].to_numpy()[compute_view(session, views["largest_spend"])]
    shown = spend[~(spend != spend)]  # without NaN, which comes last
    assert list(shown) == sorted(shown, reverse=True)


def test_user_views_are_saved_and_loaded_after_the_presets(tmp_path: Path) -> None:
    path = tmp_path / "config" / "views.json"
    mine = NamedView("my_straws", "Mina sugrör", "My straws",
                     ViewSpec(text="sugrör", facets={"category": {"Sugrör"}}, sort=("spend", False)))
    save_user_views(path, [*preset_views(), mine])
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [entry["id"] for entry in saved["views"]] == ["my_straws"]  # presets are not copied

    views, findings = load_views(path)
    assert findings == []
    assert views[-1] == NamedView("my_straws", "Mina sugrör", "My straws", mine.spec, preset=False)
    assert [view.id for view in views[:-1]] == [view.id for view in preset_views()]


def test_missing_user_file_gives_presets_only_without_findings(tmp_path: Path) -> None:
    views, findings = load_views(tmp_path / "none.json")
    assert [v.id for v in views] == [v.id for v in preset_views()] and findings == []


def test_corrupt_user_file_gives_presets_and_a_finding_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "views.json"
    path.write_bytes(b"{\"views\": [ broken \xff")
    views, findings = load_views(path)
    assert [v.id for v in views] == [v.id for v in preset_views()]
    assert [f.code for f in findings] == ["views_file_unreadable"]
    assert str(path) in findings[0].message("en")


def test_bad_entries_are_skipped_one_by_one_with_findings(tmp_path: Path) -> None:
    path = tmp_path / "views.json"
    path.write_text(json.dumps({"version": 1, "views": [
        {"id": "ok", "name": {"sv": "Bra", "en": "Good"}, "spec": {"only_unreviewed": True}},
        {"id": "bad_range", "name": {"sv": "Fel"}, "spec": {"ranges": {"spend": [1]}}},
        "not an object",
        {"id": "plastic", "name": {"sv": "Dubblett", "en": "Duplicate"}, "spec": {}},
        {"id": "english_only", "name": {"en": "Only English"}, "spec": {"facets": {"material": ["PE"]}}},
    ]}), encoding="utf-8")
    user_views, _ = load_user_views(path)
    assert [v.id for v in user_views] == ["ok", "plastic", "english_only"]
    assert user_views[2].name("sv") == "Only English"

    views, findings = load_views(path)
    assert [v.id for v in views if not v.preset] == ["ok", "english_only"]
    assert [(f.code, f.params["name"]) for f in findings] == [
        ("view_skipped", "bad_range"), ("view_skipped", "#3"), ("view_skipped", "plastic")
    ]
    assert "Dubblett" not in {v.name("sv") for v in views}


def test_a_user_view_takes_its_id_from_its_name_and_lives_in_the_config_folder(tmp_path, monkeypatch) -> None:
    from workbench import paths
    from workbench.review.named_views import load_views, save_user_views, user_view
    from workbench.review.view import ViewSpec

    monkeypatch.setenv("BEHOVSANALYS_HOME", str(tmp_path))
    first = user_view("Möte med köken", ViewSpec(text="mugg"))
    again = user_view("möte med köken", ViewSpec(text="tallrik"))
    assert first.id == again.id == "user_möte_med_köken"
    assert paths.user_views_file() == tmp_path / "config" / "views.json"
    save_user_views(paths.user_views_file(), [again])
    views, findings = load_views(paths.user_views_file())
    assert not findings and [v.spec.text for v in views if v.id == first.id] == ["tallrik"]
