"""The follow-up's lists as the app shows and exports them: the light's rule at its edges, each list's rows
from the result, the csv in the dialect Excel reads in each language, a formula-like text kept as text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from workbench.followup.report import Compliance, FollowupResult, PriceDeviation, RemovedBought
from workbench.followup.tables import light, list_table, write_csv


def result() -> FollowupResult:
    total = Compliance(1000.0, 800.0, 10)
    return FollowupResult(
        Path("joint.xlsx"), [], dt.date(2025, 1, 1), dt.date(2025, 12, 31), total, 2, 200.0,
        {"Haninge": Compliance(600.0, 570.0, 6), "Salem": Compliance(400.0, 230.0, 4)},
        {"2025-01": total}, {"Haninge": {"Kostenheten": Compliance(600.0, 570.0, 6)}},
        [RemovedBought("G00010", "Mugg kartong", "replace", 120.5, 3.0, 2, "G00101", "Mugg papper", ("Salem",)),
         RemovedBought("G00203", "=Matlåda", "remove", 80.0, 2.0, 1, None, None, ("Haninge", "Salem"))],
        [{"supplier": "Lokala Järn", "supplier_article_no": "KG-1", "gtin": "735", "name": "Skruv",
          "spend": 150.0, "quantity": 5.0, "lines": 1}],
        [PriceDeviation("G00002", "Pappersmugg", 10.0, 12.5, 4, 8.0, 20.0)], {}, 0, 0.0, 0.0, 0.0, 0.0)


@pytest.mark.parametrize(("share", "expected"), [(0.9, "green"), (0.95, "green"), (0.8999, "amber"),
                                                 (0.8, "amber"), (0.7999, "red"), (0.0, "red"), (None, None)])
def test_light_green_at_the_target_amber_within_ten_points_red_below(share: float | None,
                                                                        expected: str | None) -> None:
    assert light(share, 0.9) == expected


def test_units_list_has_each_municipality_then_its_departments_with_a_light() -> None:
    table = list_table(result(), "units", "sv", target=0.9)
    assert [row[:2] for row in table.rows] == [["Haninge", ""], ["Haninge", "Kostenheten"], ["Salem", ""]]
    assert [row[-1] for row in table.rows] == ["green", "green", "red"]
    assert table.headers[0] == "Kommun" and list_table(result(), "units", "en").headers[0] == "Municipality"


def test_removed_list_keys_and_replacements() -> None:
    table = list_table(result(), "removed", "en")
    assert table.keys == ["G00010", "G00203"]
    assert [row[6] for row in table.rows] == ["G00101", None]
    assert table.rows[0][2] == "Replace"


def test_csv_in_the_swedish_dialect_reads_back(tmp_path: Path) -> None:
    target = write_csv(list_table(result(), "removed", "sv"), tmp_path / "borttagna.csv", "sv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Artikel-ID", "Benämning", "Beslut"]
    assert rows[1][3] == "120,5" and rows[1][8] == "Salem"
    assert rows[2][1] == "'=Matlåda"  # text, not a formula
    assert len(rows) == 3


def test_csv_in_english_and_the_units_light_in_words(tmp_path: Path) -> None:
    target = write_csv(list_table(result(), "units", "en", target=0.9), tmp_path / "units.csv", "en")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["Haninge", "", "600", "570", "0.95", "Meets the target"]
    assert rows[3][-1] == "Below the target"
