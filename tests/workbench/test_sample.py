"""The bundled Södertörn sample workbook: reproducible from its script, and realistic enough to test on.

Read with python-calamine directly so these tests do not depend on the importer.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample" / "sodertorn_sortiment.xlsx"
SCRIPT = REPO / "tools" / "make_sample.py"
HEADER_ROW = 4  # 1-based sheet row
MUNICIPALITIES = {"Botkyrka", "Huddinge", "Haninge", "Nynäshamn", "Salem", "Södertälje", "Tyresö", "Nykvarn"}
CATEGORIES = {
    "engångsartiklar", "handskar", "påsar och säckar", "livsmedelsemballage", "städ", "hygien", "kontor",
}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[list[Any]]:
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sortiment")
    return sheet.to_python(skip_empty_area=False)


@pytest.fixture(scope="module")
def sheet_rows() -> list[list[Any]]:
    return _read(SAMPLE)


@pytest.fixture(scope="module")
def articles(sheet_rows: list[list[Any]]) -> list[dict[str, Any]]:
    header = sheet_rows[HEADER_ROW - 1]
    return [dict(zip(header, row, strict=True)) for row in sheet_rows[HEADER_ROW:]]


def test_committed_sample_is_what_the_script_generates(tmp_path: Path) -> None:
    fresh = tmp_path / "sample.xlsx"
    _load_script().write_sample(fresh)
    assert _read(fresh) == _read(SAMPLE)
    assert fresh.read_bytes() == SAMPLE.read_bytes()


def test_sample_has_title_rows_above_the_header_and_an_explanation_sheet(sheet_rows: list[list[Any]]) -> None:
    workbook = CalamineWorkbook.from_path(str(SAMPLE))
    assert workbook.sheet_names == ["Sortiment", "Om underlaget"]
    assert sheet_rows[0][0].startswith("Gemensamt sortiment förbrukningsmaterial")
    assert sheet_rows[1][0].startswith("Underlag för behovsanalys")
    assert all(value == "" for value in sheet_rows[2])
    assert sheet_rows[HEADER_ROW - 1][:3] == ["Artikelnummer", "Benämning", "Kategori"]
    assert SAMPLE.stat().st_size < 400 * 1024


def test_sample_covers_eight_municipalities_and_seven_categories(articles: list[dict[str, Any]]) -> None:
    assert 1800 <= len(articles) <= 2200
    assert {row["Kommun"] for row in articles} == MUNICIPALITIES
    assert {row["Kategori"] for row in articles} == CATEGORIES


def test_article_numbers_are_unique_text_with_leading_zeros(articles: list[dict[str, Any]]) -> None:
    keys = [row["Artikelnummer"] for row in articles]
    assert all(isinstance(key, str) and key.isdigit() for key in keys)
    assert len(set(keys)) == len(keys)
    assert any(key.startswith("0") for key in keys)
    assert all(isinstance(row["GTIN"], str) and len(row["GTIN"]) == 13 for row in articles)


def test_spend_is_price_times_quantity(articles: list[dict[str, Any]]) -> None:
    for row in articles:
        assert row["Belopp"] == pytest.approx(round(row["Pris"] * row["Antal"], 2), abs=0.005)
        assert float(row["Antal"]).is_integer() and row["Antal"] > 0


def test_most_articles_have_no_ecolabel_but_some_do(articles: list[dict[str, Any]]) -> None:
    labelled = [row["Miljömärkning"] for row in articles if row["Miljömärkning"]]
    assert 0 < len(labelled) < len(articles)
    assert set(labelled) <= {"Svanen", "EU Ecolabel", "Bra Miljöval", "FSC"}


def test_each_municipality_spends_millions(articles: list[dict[str, Any]]) -> None:
    spend: dict[str, float] = {}
    for row in articles:
        spend[row["Kommun"]] = spend.get(row["Kommun"], 0.0) + row["Belopp"]
    assert max(spend.values()) > 5_000_000
    assert min(spend.values()) > 500_000


def _words(name: str) -> set[str]:
    return set(name.lower().replace(",", " ").split())


def test_near_duplicates_from_different_suppliers_exist(articles: list[dict[str, Any]]) -> None:
    offers = {(row["Benämning"], row["Leverantör"], row["Kategori"], row["Material"]) for row in articles}
    pairs = [
        (a[0], b[0])
        for a, b in itertools.combinations(sorted(offers), 2)
        if a[2:] == b[2:] and a[1] != b[1] and a[0] != b[0]
        and len(_words(a[0]) & _words(b[0])) >= 0.6 * min(len(_words(a[0])), len(_words(b[0])))
    ]
    assert len(pairs) >= 20
    names = {name for pair in pairs for name in pair}
    assert any("nitril" in name.lower() for name in names)


def test_the_same_article_is_bought_by_several_municipalities(articles: list[dict[str, Any]]) -> None:
    buyers: dict[str, set[str]] = {}
    for row in articles:
        buyers.setdefault(row["GTIN"], set()).add(row["Kommun"])
    assert sum(1 for municipalities in buyers.values() if len(municipalities) >= 3) > 100
