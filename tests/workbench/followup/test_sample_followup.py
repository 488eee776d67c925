"""The follow-up on the sample's year of purchase lines against its planted truth
(``resources/sample/uppfoljning/facit.json``, written by ``tools/sample_purchases.py`` from what each line was
made for), the snapshot sheet read by LibreOffice, the report workbook, and the command's contract."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from workbench.followup import follow_up, read_snapshots
from workbench.resources import resource_path

SAMPLE = resource_path("sample")
PURCHASES = SAMPLE / "uppfoljning"
FILES = PURCHASES / "inkop"
ROOT = Path(__file__).resolve().parents[3]
CONTRACT_KEYS = {"lines", "spend", "spend_in_assortment", "compliance", "by_municipality", "by_month",
                 "removed_bought", "outside_assortment_spend", "unmatched_lines", "price_deviations"}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEHOVSANALYS_LANG": "sv", "PYTHONIOENCODING": "utf-8", "BEHOVSANALYS_USER": "Uppföljare"}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


def decided_joint(folder: Path) -> Path:
    """A copy of the sample's joint workbook with the sample's decisions (beslut.csv) applied."""
    joint = folder / "gemensam.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    done = run("apply", joint, "--sheet", "Sortiment", "--decisions", PURCHASES / "beslut.csv")
    assert done.returncode == 0, done.stderr
    return joint


@pytest.fixture(scope="module")
def joint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return decided_joint(tmp_path_factory.mktemp("joint"))


@pytest.fixture(scope="module")
def truth() -> dict[str, Any]:
    return json.loads((PURCHASES / "facit.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(joint: Path) -> dict[str, Any]:
    return follow_up(joint, sorted(FILES.iterdir()), snapshot=False).to_json()


def test_compliance_per_municipality_and_month_equals_the_truth(figures: dict[str, Any], truth: dict[str, Any]) -> None:
    assert figures["lines"] == truth["lines"]
    assert figures["spend"] == pytest.approx(truth["spend"], abs=0.01)
    assert figures["spend_in_assortment"] == pytest.approx(truth["spend_in_assortment"], abs=0.01)
    assert figures["compliance"] == pytest.approx(truth["compliance"], abs=0.001)
    assert set(figures["by_municipality"]) == set(truth["by_municipality"])
    for name, expected in truth["by_municipality"].items():
        found = figures["by_municipality"][name]
        assert found["compliance"] == pytest.approx(expected["compliance"], abs=0.001), name
        assert found["spend"] == pytest.approx(expected["spend"], abs=0.01), name
        assert found["lines"] == expected["lines"], name
    assert set(figures["by_month"]) == set(truth["by_month"]) and len(truth["by_month"]) == 12
    for month, expected in truth["by_month"].items():
        assert figures["by_month"][month]["compliance"] == pytest.approx(expected["compliance"], abs=0.001), month
    assert 0.5 < truth["compliance"] < 0.95  # the sample is neither all inside nor all outside


def test_every_removed_article_bought_is_listed_with_its_replacement(figures: dict[str, Any],
                                                                      truth: dict[str, Any]) -> None:
    found = {r["key"]: r for r in figures["removed_bought"]}
    assert set(found) == {r["key"] for r in truth["removed_bought"]}
    assert any(r["replacement"] for r in truth["removed_bought"]) and any(
        r["replacement"] is None for r in truth["removed_bought"])
    for expected in truth["removed_bought"]:
        listed = found[expected["key"]]
        assert listed["replacement"] == expected["replacement"], expected["key"]
        assert listed["spend"] == pytest.approx(expected["spend"], abs=0.01), expected["key"]
        assert listed["decision"] == expected["decision"]


def test_outside_spend_price_deviations_and_credits(figures: dict[str, Any], truth: dict[str, Any]) -> None:
    assert figures["unmatched_lines"] == truth["unmatched_lines"]
    assert figures["outside_assortment_spend"] == pytest.approx(truth["outside_assortment_spend"], abs=0.01)
    assert sorted(p["key"] for p in figures["price_deviations"]) == truth["price_deviations"]
    for deviation in figures["price_deviations"]:
        assert deviation["paid"] == pytest.approx(deviation["agreed"] * 1.15, rel=0.01)
    assert truth["credits"] > 20 and truth["credit_spend"] < 0  # credits are in the lines, and they net
    largest = figures["outside_largest"]
    assert largest and largest == sorted(largest, key=lambda o: -o["spend"])
    assert set(figures["matched_by"]) == {"gtin", "lev_artnr", "egen_nyckel", "namn"}


def test_json_of_the_command_has_the_contract_keys_and_the_swedish_report(joint: Path, tmp_path: Path) -> None:
    copy = tmp_path / "j.xlsx"
    shutil.copy(joint, copy)
    done = run("followup", copy, FILES, "--json", "--no-snapshot")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= CONTRACT_KEYS
    assert set(data["by_municipality"]["Haninge"]) >= {"spend", "spend_in_assortment", "compliance"}
    assert set(data["removed_bought"][0]) >= {"key", "spend", "replacement"}
    assert set(data["price_deviations"][0]) >= {"key", "agreed", "paid", "lines"}
    said = run("followup", copy, FILES, "--from", "2025-07-01", "--to", "2025-12-31", "--no-snapshot")
    assert said.returncode == 0, said.stderr
    assert "avtalstrohet" in said.stdout and "Haninge:" in said.stdout and "(2025-07-01–2025-12-31)" in said.stdout


def test_the_period_keeps_only_its_lines(joint: Path, truth: dict[str, Any]) -> None:
    second_half = follow_up(joint, sorted(FILES.iterdir()), date_from="2025-07-01", date_to="31.12.2025",
                            snapshot=False)
    months = {m: v for m, v in truth["by_month"].items() if m >= "2025-07"}
    assert second_half.lines == sum(v["lines"] for v in months.values())
    assert second_half.total.spend == pytest.approx(sum(v["spend"] for v in months.values()), abs=0.01)
    assert sorted(second_half.by_month) == sorted(months)


def test_snapshot_is_appended_to_uppfoljning_and_libreoffice_reads_it(joint: Path, tmp_path: Path) -> None:
    copy = tmp_path / "gemensam.xlsx"
    shutil.copy(joint, copy)
    files = sorted(FILES.iterdir())
    first = follow_up(copy, files, user="Bo", output=tmp_path / "rapport.xlsx")
    assert first.snapshot_sheet == "Uppföljning"
    follow_up(copy, files, date_from="2025-07-01", user="Siv")
    rows = read_snapshots(copy)
    assert len(rows) == 2 * 9  # eight municipalities and the whole, twice
    assert [r.by for r in rows] == ["Bo"] * 9 + ["Siv"] * 9
    assert rows[8].municipality == "Totalt" and rows[8].compliance == pytest.approx(first.compliance, abs=1e-4)
    assert str(rows[9].date_from) == "2025-07-01"
    with zipfile.ZipFile(tmp_path / "rapport.xlsx") as report:
        assert sum(name.startswith("xl/charts/chart") for name in report.namelist()) == 2

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    done = subprocess.run([soffice, "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                           "--outdir", str(tmp_path / "lo"), str(copy)], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "lo" / "gemensam-Uppföljning.csv", encoding="utf-8", newline="") as handle:
        sheet = list(csv.reader(handle))
    assert sheet[0][:4] == ["Period från", "Period till", "Kommun", "Avtalstrohet"]
    assert len(sheet) == 1 + 18 and sheet[9][2] == "Totalt" and sheet[18][8] == "Siv"


def test_plastic_as_planned_is_the_same_purchases_bought_as_decided(joint: Path, figures: dict[str, Any]) -> None:
    """Planned differs from bought by exactly what the removed and replaced articles still bought carry:
    a removed article's plastic not at all, a replaced one's with its replacement's kg per unit."""
    from workbench.environment.report import assess_table
    from workbench.reading.importer import read_table

    table = read_table(joint)
    quantity = dict(zip(map(str, table.keys), table.data[table.columns["quantity"]], strict=True))
    per_unit = {a.key: a.plastic_kg_year / quantity[a.key] for a in assess_table(table).articles
                if a.plastic_kg_year is not None and quantity[a.key]}
    difference = 0.0
    for removed in figures["removed_bought"]:
        own = per_unit.get(removed["key"], 0.0)
        instead = per_unit.get(removed["replacement"], 0.0) if removed["replacement"] else 0.0
        difference += (instead - own) * removed["quantity"]
    assert figures["plastic_kg_bought"] > 0
    assert figures["plastic_kg_planned"] == pytest.approx(figures["plastic_kg_bought"] + difference, rel=1e-6)
    assert figures["plastic_kg_planned"] < figures["plastic_kg_bought"]  # removed articles are still bought
