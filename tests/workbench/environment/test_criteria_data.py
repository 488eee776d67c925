"""The criteria data: every figure and rule has a source; a bad value is refused naming file and entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from workbench.environment.data import load_criteria
from workbench.errors import CriteriaDataError
from workbench.resources import resource_path

FOLDER = resource_path("criteria")


def _json(name: str) -> Any:
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def test_every_source_has_title_publisher_and_address() -> None:
    for key, source in _json("sources.json")["sources"].items():
        assert source["title"].strip() and source["publisher"].strip(), key
        assert source["url"].startswith(("http://", "https://")), key
        assert "year" in source, key  # null where the research notes give none


def test_every_factor_in_the_data_has_a_source() -> None:
    """Read from the raw files, not through the loader, so that a figure the loader skipped still counts."""
    sources = _json("sources.json")["sources"]
    seen = 0
    for key, material in _json("materials.json")["materials"].items():
        for stage in ("virgin", "recycled", "incineration"):
            factor = material.get(stage)
            if factor is None:
                continue
            assert factor["values"], (key, stage)
            for value in factor["values"]:
                assert value["source"] in sources, (key, stage, value)
                assert isinstance(value["value"], int | float)
                seen += 1
            assert factor["central"] in [v["value"] for v in factor["values"]], (key, stage)
        if material.get("virgin") is None:
            assert material.get("missing"), f"{key}: a missing figure says why"
    assert seen > 40


def test_every_rule_and_criterion_has_a_source() -> None:
    sources = _json("sources.json")["sources"]
    sup = _json("sup_rules.json")
    rules = [sup["oxo_rule"], *(r for t in sup["product_types"].values() for r in t["rules"])]
    assert rules
    for rule in rules:
        assert rule["sources"] and all(s in sources for s in rule["sources"]), rule
        assert rule["legal_ref"].strip()
    for group in _json("criteria.json")["groups"].values():
        for criterion in group["criteria"]:
            assert criterion["sources"] and all(s in sources for s in criterion["sources"]), criterion
        if not group["criteria"]:
            assert group.get("missing"), group["name_en"]


def test_the_bundled_data_loads() -> None:
    data = load_criteria()
    assert data.materials["pla"].plastic and data.materials["paper_pe"].plastic
    assert not data.materials["latex"].plastic and not data.materials["paper"].plastic
    assert data.materials["nitrile"].virgin is None  # MISSING in the research notes: left missing
    assert "förp" in data.pack_units and "st" in data.piece_units


def _broken(tmp_path: Path, name: str, change: Any) -> Path:
    folder = tmp_path / "criteria"
    shutil.copytree(FOLDER, folder)
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    change(data)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def test_a_factor_without_a_known_source_is_refused_by_file_and_entry(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        data["materials"]["pvc"]["virgin"]["values"][0]["source"] = "Någon2025"

    folder = _broken(tmp_path, "materials.json", change)
    with pytest.raises(CriteriaDataError) as caught:
        load_criteria(folder)
    message = caught.value.message("sv")
    assert "materials.json" in message and "materials.pvc.virgin.values[0].source" in message
    assert "Någon2025" in message


def test_a_text_where_a_number_belongs_is_refused(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        data["materials"]["pp"]["virgin"]["central"] = "2,5"

    folder = _broken(tmp_path, "materials.json", change)
    with pytest.raises(CriteriaDataError, match=r"materials\.pp\.virgin\.central"):
        load_criteria(folder)


def test_an_unknown_rule_is_refused(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        data["product_types"]["straw"]["rules"][0]["rule"] = "förbjuden"

    folder = _broken(tmp_path, "sup_rules.json", change)
    with pytest.raises(CriteriaDataError) as caught:
        load_criteria(folder)
    assert "sup_rules.json" in caught.value.message("en") and "product_types.straw.rules[0].rule" in \
        caught.value.message("en")


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "criteria"
    shutil.copytree(FOLDER, folder)
    (folder / "units.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(CriteriaDataError, match=r"units\.json"):
        load_criteria(folder)


def test_the_docs_name_every_material_source_and_reason() -> None:
    """docs/environment.md is where a miljöutredare checks the data: nothing in it may go unexplained."""
    from workbench.environment.data import REASONS

    doc = (resource_path("..", "docs", "environment.md")).read_text(encoding="utf-8")
    data = load_criteria()
    for ident in (*data.materials, *data.product_types, *data.groups, *REASONS):
        assert f"`{ident}`" in doc, ident
    for key in data.sources:
        assert f"| {key} |" in doc, key
