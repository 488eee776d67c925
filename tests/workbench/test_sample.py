"""The bundled Södertörn sample: the joint workbook and the eight municipalities' own lists, reproducible
from their script, and realistic enough to test on.

The joint workbook is read with python-calamine directly so those tests do not depend on the importer;
the municipalities' lists are read with the importer too, since being read by it is what they are for.
"""

from __future__ import annotations

import csv
import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from workbench.reading import read_table

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample" / "sodertorn_sortiment.xlsx"
SCRIPT = REPO / "tools" / "make_sample.py"
LISTS = REPO / "resources" / "sample" / "kommuner"
LIST_FILES = ("Botkyrka.xlsx", "Haninge.csv", "Huddinge.xlsx", "Nykvarn.ods", "Nynäshamn.xls", "Salem.xlsx",
              "Södertälje.xlsx", "Tyresö.csv")
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


# ---- the municipalities' own lists ------------------------------------------------------------------


def _load_lists_script() -> ModuleType:
    _load_script()  # the lists script takes its catalogue from make_sample
    spec = importlib.util.spec_from_file_location("sample_lists", SCRIPT.parent / "sample_lists.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _truth(folder: Path) -> dict[str, dict[int, str]]:
    found: dict[str, dict[int, str]] = defaultdict(dict)
    with open(folder / "truth.csv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            found[record["file"]][int(record["row"])] = record["article"]
    return dict(found)


def _cells(path: Path) -> object:
    """What a spreadsheet program shows: every sheet's cells (csv: the bytes, encoding included)."""
    if path.suffix == ".csv":
        return path.read_bytes()
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: it writes the ods and xls lists")
    script = _load_lists_script()
    first, second = tmp_path_factory.mktemp("lists_a"), tmp_path_factory.mktemp("lists_b")
    script.write_lists(first)
    script.write_lists(second)
    return first, second


def test_list_generator_is_deterministic(generated: tuple[Path, Path]) -> None:
    first, second = generated
    assert (first / "truth.csv").read_bytes() == (second / "truth.csv").read_bytes()
    for name in LIST_FILES:
        assert _cells(first / name) == _cells(second / name), name
        if name.endswith((".xlsx", ".csv")):  # LibreOffice stamps dates into ods and xls
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert sorted(p.name for p in first.iterdir()) == sorted([*LIST_FILES, "truth.csv"])


def test_committed_lists_are_what_the_script_generates(generated: tuple[Path, Path]) -> None:
    first, _ = generated
    assert (first / "truth.csv").read_bytes() == (LISTS / "truth.csv").read_bytes()
    for name in LIST_FILES:
        assert _cells(first / name) == _cells(LISTS / name), f"{name}: run tools/make_sample.py"


def test_eight_lists_in_eight_formats_with_a_truth_row_per_article_row() -> None:
    truth = _truth(LISTS)
    assert sorted(truth) == sorted(LIST_FILES)
    formats = set()
    for name in LIST_FILES:
        table = read_table(LISTS / name)
        assert sorted(truth[name]) == table.data.index.tolist(), name
        assert 250 <= table.row_count <= 400, (name, table.row_count)
        assert {"name", "quantity", "key"} <= set(table.columns), (name, table.columns)
        formats.add((table.format, table.csv_dialect.encoding if table.csv_dialect else None))
    assert formats >= {("xlsx", None), ("ods", None), ("xls", None), ("csv", "cp1252")}, formats


def test_lists_are_drawn_from_one_catalogue() -> None:
    truth = _truth(LISTS)
    buyers: dict[str, set[str]] = defaultdict(set)
    for name, rows in truth.items():
        for article in rows.values():
            buyers[article].add(name)
    counts = [len(files) for files in buyers.values()]
    assert sum(1 for n in counts if n >= 5) > 200  # the shared catalogue
    assert sum(1 for n in counts if n == 1) > 100  # what one municipality alone buys
    for name, rows in truth.items():  # the same article twice in one list
        assert len(rows) - len(set(rows.values())) >= 2, name


def test_each_list_has_its_own_habits() -> None:
    botkyrka = CalamineWorkbook.from_path(str(LISTS / "Botkyrka.xlsx")).get_sheet_by_index(0).to_python()
    assert botkyrka[0][0].startswith("Botkyrka kommun") and botkyrka[-1][0] == "Summa"
    haninge = (LISTS / "Haninge.csv").read_bytes()
    assert haninge.decode("cp1252").splitlines()[1].count(";") >= 9 and b"," in haninge.splitlines()[1]
    with pytest.raises(UnicodeDecodeError):
        haninge.decode("utf-8")
    tables = {name: read_table(LISTS / name) for name in LIST_FILES}
    assert tables["Huddinge.xlsx"].columns["quantity"] == "Quantity"
    assert tables["Huddinge.xlsx"].columns["spend"] == "Spend"
    assert tables["Haninge.csv"].columns["spend"] == "Summa kr"
    assert [n for n, t in tables.items() if "gtin" not in t.columns] == ["Nynäshamn.xls", "Tyresö.csv"]
    assert [n for n, t in tables.items() if "pack_size" not in t.columns] == ["Nykvarn.ods"]
    for name in ("Salem.xlsx", "Huddinge.xlsx"):
        column = tables[name].data[tables[name].columns["municipality"]]
        assert set(column) == {name.removesuffix(".xlsx")}
    # GTINs that Excel stored as numbers: GTIN-13 as floats, GTIN-12 without their leading zero
    raw = CalamineWorkbook.from_path(str(LISTS / "Södertälje.xlsx")).get_sheet_by_index(0).to_python()
    gtins = [row[raw[0].index("GTIN")] for row in raw[1:]]
    assert sum(isinstance(g, float) and g > 1e12 for g in gtins) > 200
    assert any(isinstance(g, float) and 1e10 < g < 1e11 for g in gtins)
    # supplier names and article numbers spelled differently across lists
    suppliers = {n: set(t.data[t.columns["supplier"]].dropna()) for n, t in tables.items()}
    assert {"Nordisk Engångs AB", "NORDISK ENGÅNGS AKTIEBOLAG", "Nordisk Engångs"} <= set().union(*suppliers.values())
    numbers = {str(v) for t in tables.values() for v in t.data[t.columns["supplier_article_no"]].dropna()}
    spelled = {n.upper().replace(" ", "").replace("-", "").replace(".", "") for n in numbers}
    assert len(spelled) * 2 < len(numbers)
    with zipfile.ZipFile(LISTS / "Salem.xlsx") as salem:  # an Excel table, not just a range
        assert 'ref="A1:N' in salem.read("xl/tables/table1.xml").decode()
    # three lists say what the product is made of and weighs, as some real lists do
    assert [n for n, t in tables.items() if "material" in t.columns] == ["Botkyrka.xlsx", "Salem.xlsx",
                                                                         "Södertälje.xlsx"]
    assert [n for n, t in tables.items() if "weight_g" in t.columns] == ["Botkyrka.xlsx", "Salem.xlsx"]


def test_ods_and_xls_lists_read_without_libreoffice(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    truth = _truth(LISTS)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice to be found

    def no_programs(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a program was started: {args}")

    monkeypatch.setattr(subprocess, "Popen", no_programs)
    monkeypatch.setattr(os, "posix_spawn", no_programs, raising=False)
    for name in ("Nykvarn.ods", "Nynäshamn.xls"):
        table = read_table(LISTS / name)
        assert table.data.index.tolist() == sorted(truth[name])
        assert table.format == name.rsplit(".", 1)[1]
