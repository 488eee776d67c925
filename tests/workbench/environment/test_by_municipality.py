"""Plastic and CO2e per municipality of a joint workbook (issue 16: "per article, per material, per
municipality"): each article's figure times the municipality's share of its pooled quantity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEADER = ("Artikelnummer;Benämning;Leverantör;Leverantörens artikelnummer;Enhet;Antal per förpackning;Antal;"
          "Pris;Material;Vikt (g)\n")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_plastic_and_co2e_per_municipality_add_up_to_the_totals(tmp_path: Path) -> None:
    (tmp_path / "A.csv").write_text(HEADER + "1;Mugg PP 20 cl;Nordisk AB;N-1;förp;100;10;40;PP;4\n"
                                    "2;Handske nitril M;Skydd AB;S-1;förp;100;20;50;nitril;3,5\n"
                                    "3;Sopsäck PE 125 l;Säck AB;K-1;rulle;10;5;35;PE;70\n", encoding="utf-8")
    (tmp_path / "B.csv").write_text(HEADER + "11;Mugg PP 20 cl;Nordisk AB;N-1;förp;100;30;41;PP;4\n"
                                    "13;Sopsäck PE 125 l;Säck AB;K-1;rulle;10;15;36;PE;70\n", encoding="utf-8")
    joint = tmp_path / "joint.xlsx"
    merged = _cli("merge", "-o", str(joint), f"{tmp_path / 'A.csv'}=Alby", f"{tmp_path / 'B.csv'}=Bro")
    assert merged.returncode == 0, merged.stderr
    done = _cli("environment", str(joint), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    by = data["by_municipality"]
    assert set(by) == {"Alby", "Bro"}
    # computed by hand: pieces (packs × pack size) × grams per piece
    assert by["Alby"]["plastic_kg_year"] == pytest.approx(1000 * 4 / 1000 + 2000 * 3.5 / 1000 + 50 * 70 / 1000)
    assert by["Bro"]["plastic_kg_year"] == pytest.approx(3000 * 4 / 1000 + 150 * 70 / 1000)
    assert by["Alby"]["plastic_kg_year"] + by["Bro"]["plastic_kg_year"] == pytest.approx(data["plastic_kg_year"])
    assert by["Alby"]["co2e_kg_year"] + by["Bro"]["co2e_kg_year"] == pytest.approx(data["co2e_kg_year"], abs=0.01)


def test_a_plain_list_has_no_municipality_totals(tmp_path: Path) -> None:
    (tmp_path / "A.csv").write_text(HEADER + "1;Mugg PP 20 cl;Nordisk AB;N-1;förp;100;10;40;PP;4\n",
                                    encoding="utf-8")
    done = _cli("environment", str(tmp_path / "A.csv"), "--json")
    assert done.returncode == 0, done.stderr
    assert "by_municipality" not in json.loads(done.stdout)
