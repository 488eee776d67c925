"""The column-wise assessment equals the per-article one it replaced (issue 16's speed item): every field of
every article (suggested score, reasons, SUP rules, requirement level and criteria, material, pieces, kg,
CO2e low/central/high, assumptions), the report's totals, its JSON and its csv, compared with a frozen copy of
the old code (``_old_assess.py``) on the sample, the benchmark's 20,000 articles, and lists built to hit the
corners: every word of the data in compounds, upper case and odd spacing, numbers written as text, units
with dots, empty and odd cells of every kind."""

from __future__ import annotations

import dataclasses
import importlib
import io
import math
import random
import sys
from pathlib import Path
from typing import Any

import _old_assess as old
import numpy as np
import pandas as pd
import pytest
from _env_files import write_list

from workbench.environment import assess_table, load_criteria
from workbench.environment.assess import ArticleFacts, Assessor
from workbench.reading.importer import read_table
from workbench.resources import resource_path
from workbench.table import SourceTable

REPO = Path(__file__).resolve().parents[3]


def _plain(value: Any) -> Any:
    """A value as compared: NaN equal to NaN (a float that overflowed is a figure like any other)."""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _fields(article: Any) -> dict[str, Any]:
    values = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
    for name, value in values.items():  # same types too: a numpy float where a float was is a change
        assert value is None or type(value) in (str, int, float, bool, tuple), (name, type(value))
    return _plain(values)  # type: ignore[no-any-return]


def _outputs(report: Any) -> tuple[Any, ...]:
    """What a report gives besides its articles: the JSON, the csv and the totals."""
    text = io.StringIO()
    report.write_csv(text)
    return _plain((report.to_json(), text.getvalue(), report.plastic_kg_year, report.co2e(), report.co2e("low"),
                   report.co2e("high"), report.by_material(), report.sup_banned(), report.unknown_material()))


def assert_same(table: SourceTable) -> None:
    before = old.assess_table(table)
    after = assess_table(table)
    expected = _outputs(before)
    assert _outputs(after) == expected  # from the columns ...
    assert after.rows == before.rows
    assert len(after.articles) == len(before.articles)
    for was, now in zip(before.articles, after.articles, strict=True):
        assert _fields(now) == _fields(was), was.key
    assert _outputs(after) == expected  # ... and from the articles once they are built


SAMPLE = sorted(p for p in resource_path("sample").rglob("*") if p.suffix in (".xlsx", ".xls", ".ods", ".csv")
                and p.name != "truth.csv")


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
def test_the_sample_is_assessed_as_before(path: Path) -> None:
    assert_same(read_table(path))


def test_the_shared_corpus_is_assessed_as_before() -> None:
    """Every real-world file of the shared corpus that reads (their dtypes, blanks and odd cells)."""
    from _writer_fixtures import corpus_dir

    folder = corpus_dir()
    if not folder.is_dir():
        pytest.skip("corpus absent")
    compared = 0
    for path in sorted(folder.iterdir()):
        try:
            table = read_table(path)
        except Exception:  # the corpus's broken files: the importer's tests judge those
            continue
        assert_same(table)
        compared += 1
    assert compared > 20


def test_the_environment_test_list_is_assessed_as_before(tmp_path: Path) -> None:
    assert_same(read_table(write_list(tmp_path / "list.xlsx")))


def test_the_benchmarks_20000_articles_are_assessed_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setenv("BEHOVSANALYS_BENCH_DATA", str(tmp_path))
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    bench = importlib.import_module("bench_environment")
    table = read_table(bench.make_list(bench.ARTICLES))
    assert len(table.data) == 20_000
    assert_same(table)


# -- lists built to hit the corners --------------------------------------------------------------------

def _vocabulary() -> list[str]:
    data = load_criteria()
    words = [w for m in data.materials.values() for w in m.aliases]
    words += [w for t in data.product_types.values() for w in t.words]
    words += [w for g in data.groups.values() for w in g.words]
    words += [*data.recycled_words, *data.ecolabel_words, *data.no_ecolabel_words]
    return [w.lstrip("=").rstrip("*") for w in words]


_NOISE = ("blå", "vit", "M", "XL", "puderfri", "nr", "cm", "25 cl", "2-lager", "ÅTERVUNNEN", "x", "Ø 22",
          "pe", "pet", "glass", "lock", "papp", "(100)", "–", "/", "ß", "İ", "ǰ", "e\u0301", "\u00a0", "\t", "_")


def _text(rng: random.Random, words: list[str]) -> Any:
    roll = rng.random()
    if roll < 0.04:
        return rng.choice([None, float("nan"), "", "   ", "\t", 0, 12, 3.5, True, pd.NA, pd.NaT])
    parts = []
    for _ in range(rng.randrange(1, 5)):
        word = rng.choice(words) if rng.random() < 0.6 else rng.choice(_NOISE)
        shape = rng.random()
        if shape < 0.15:
            word = rng.choice(("plast", "engångs", "små", "")) + word  # a compound's end
        elif shape < 0.3:
            word = word + rng.choice(("mugg", "ar", "er", "", "lock"))  # a compound's start
        elif shape < 0.4:
            word = word.upper()
        elif shape < 0.45:
            word = word.title()
        parts.append(word)
        parts.append(rng.choice((" ", " ", "  ", "-", "/", ", ", str(rng.randrange(1, 999)), " 12 ")))
    return "".join(parts[:-1]) if rng.random() < 0.9 else " " + "".join(parts) + " "


def _number(rng: random.Random) -> Any:
    return rng.choice([None, float("nan"), pd.NA, 0, -3, 1, 2, 10, 50, 100, 1000, 0.4, 2.5, 250.0, 5000.0,
                       "100", "0,5", "10x100", "10 × 12", "2 st", "abc", "", " 7 ", True, float("inf"), 1e308,
                       rng.uniform(0, 30), rng.randrange(0, 60_000), np.int64(7), np.float64(3.25)])


def _adversarial_table(rows: int, seed: int) -> SourceTable:
    rng = random.Random(seed)
    words = _vocabulary()
    data = load_criteria()
    units = [*data.piece_units, *data.pack_units, "ST.", "Förp.", "bunke", "?", "", None, 3, "kg"]
    materials = [*(m for mat in data.materials.values() for m in mat.aliases), "Papper/PE", "PE-LD återvunnen",
                 "Okänt material", "nitril, puderfri", "PP och PE", "Plast PP", "återvunnen plast"]
    labels = [*data.ecolabel_words, *data.no_ecolabel_words, "Svanen", "Nej", "ja", "-", "EU Ecolabel, FSC"]
    columns: dict[str, list[Any]] = {h: [] for h in ("id", "name", "cat", "mat", "w", "unit", "pack", "qty", "eco")}
    for row in range(rows):
        key = rng.choice([f"A{row}", f"A{row}", f"A{row}", f"A{row // 2}", None, "", "  ", float("nan"), row])
        columns["id"].append(key)
        columns["name"].append(_text(rng, words))
        columns["cat"].append(_text(rng, words) if rng.random() < 0.7 else None)
        columns["mat"].append(rng.choice(materials) if rng.random() < 0.6 else _text(rng, words))
        columns["w"].append(_number(rng))
        columns["unit"].append(rng.choice(units))
        columns["pack"].append(_number(rng))
        columns["qty"].append(_number(rng))
        columns["eco"].append(rng.choice(labels) if rng.random() < 0.3 else rng.choice([None, "", float("nan")]))
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()},
                         index=pd.RangeIndex(2, rows + 2))
    fields = {"key": "id", "name": "name", "category": "cat", "material": "mat", "weight_g": "w", "unit": "unit",
              "pack_size": "pack", "quantity": "qty", "ecolabel": "eco"}
    return SourceTable(path=Path("corners.xlsx"), format="xlsx", sheet=None, sheets=[], header_row=1, data=frame,
                       column_index={}, columns=fields, review_columns={}, review=pd.DataFrame(index=frame.index))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cells_of_every_kind_are_assessed_as_before(seed: int) -> None:
    assert_same(_adversarial_table(3000, seed))


def test_typed_columns_are_assessed_as_before() -> None:
    """The dtypes a reader gives (float64, Int64 with gaps, pandas' text, bool) rather than objects."""
    table = _adversarial_table(2000, 7)
    rng = np.random.default_rng(7)
    size = len(table.data)
    table.data["w"] = rng.uniform(0, 40, size).round(2)
    table.data.loc[table.data.index[::7], "w"] = np.nan
    table.data["qty"] = pd.array([None if i % 5 == 0 else int(v) for i, v in
                                  enumerate(rng.integers(0, 50_000, size))], dtype="Int64")
    table.data["pack"] = pd.array([(1, 10, 50, 100)[i % 4] for i in range(size)], dtype="Int64")
    table.data["unit"] = pd.array([str(v) if isinstance(v, str) else None for v in table.data["unit"]],
                                  dtype="str")
    table.data["eco"] = np.array([i % 3 == 0 for i in range(size)])
    assert_same(table)
    for name in ("name", "cat", "mat"):  # pandas' other text dtype: its missing cells are pd.NA, read as "<NA>"
        table.data[name] = pd.array([v if isinstance(v, str) else None for v in table.data[name]], dtype="string")
    assert_same(table)
    table.data["qty"] = rng.integers(0, 1000, size)
    table.data["pack"] = rng.uniform(0, 5, size)
    table.data["w"] = pd.array([None if i % 4 == 0 else float(i) for i in range(size)], dtype="Float64")
    assert_same(table)


@pytest.mark.parametrize("missing", [(), ("name",), ("material", "ecolabel"), ("unit", "pack_size"),
                                     ("weight_g", "quantity", "category"), ("key",)])
def test_lists_without_some_columns_are_assessed_as_before(missing: tuple[str, ...]) -> None:
    table = _adversarial_table(600, 5)
    for name in missing:
        del table.columns[name]
    assert_same(table)


def test_lists_without_articles_are_assessed_as_before() -> None:
    empty = _adversarial_table(0, 1)
    assert_same(empty)
    keyless = _adversarial_table(50, 1)
    keyless.data["id"] = None
    assert_same(keyless)
    assert assess_table(empty).to_json()["articles"] == []


def test_one_article_is_assessed_as_before() -> None:
    """``Assessor.assess`` (the detail pane's and the tests' way in) stays the old one's equal."""
    table = _adversarial_table(1500, 11)
    new, was = Assessor(), old.Assessor(load_criteria())
    for _, facts in old.table_facts(table):
        assert _fields(new.assess(ArticleFacts(**dataclasses.asdict(facts)))) == _fields(was.assess(facts))


def test_the_frozen_copy_is_the_old_code() -> None:
    """A guard for this test itself: the copy still gives the figures the sample's tests state."""
    report = old.assess_table(read_table(resource_path("sample", "sodertorn_gemensam.xlsx")))
    assert "G00036" in report.sup_banned()
    assert sys.modules["_old_assess"] is old


def test_figures_are_rounded_as_python_rounds() -> None:
    """The csv's and the JSON's figures: ``round(x, 3)`` of every kind of float, halves and near-halves too."""
    from workbench.environment.columns import Figure

    rng = np.random.default_rng(3)
    halves = (np.arange(-5000, 5000) + 0.5) / 1000.0
    values = np.concatenate([rng.uniform(-1e4, 1e4, 20_000), rng.lognormal(0, 8, 20_000), halves,
                             np.nextafter(halves, np.inf), np.nextafter(halves, -np.inf), [0.0, -0.0, 1e300, -1e300,
                             5e-324, 2.0**50 / 1000, 2.0**53, 4.5e12 + 0.0005, np.inf, -np.inf, np.nan, 0.0005]])
    known = np.ones(len(values), dtype=bool)
    known[::97] = False
    got = Figure(values, known).rounded()
    expected = [round(float(v), 3) if k else None for v, k in zip(values, known, strict=True)]
    assert [repr(v) for v in got] == [repr(v) for v in expected]
