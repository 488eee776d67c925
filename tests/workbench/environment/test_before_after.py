"""Plastic and CO2e before and after the decisions: a replaced article's pieces counted with its
replacement's material and weight; a removed one leaves; banned articles still there are listed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workbench.environment import assess_table
from workbench.environment.totals import before_after
from workbench.reading.importer import read_table

HEADERS = ("Artikel-ID", "Benämning", "Enhet", "Antal per förpackning", "Material", "Vikt (g)", "Antal",
           "Beslut", "Ersätts av")
ROWS = (
    ("N1", "Undersökningshandske vinyl M", "fp", 100, "Vinyl", 4, 150, "Ersätt", "N2"),
    ("N2", "Undersökningshandske nitril M", "förp", 100, "Nitril", 3.5, 200, "Behåll", None),
    ("S1", "Sugrör PLA", "förp", 100, "PLA", 0.5, 10, "Ersätt", "S2"),
    ("S2", "Sugrör papper", "förp", 100, "Papper", 0.6, 10, "Behåll", None),
    ("B1", "Bestick PS kniv", "st", None, "PS", 3, 2000, None, None),
    ("R1", "Avfallspåse 30 l", "rle", 25, "PE-LD", 12, 400, "Ta bort", None),
    ("X1", "Handske vinyl L", "fp", 100, "Vinyl", 4, 10, "Ersätt", "SAKNAS"),
)


def test_before_and_after_by_hand(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "beslut.xlsx"
    book.save(path)
    table = read_table(path)
    totals = before_after(table, assess_table(table))
    # plastic before, kg: N1 4 g x 15 000 = 60; N2 3.5 g x 20 000 = 70; S1 0.5 g x 1 000 = 0.5; S2 paper 0;
    # B1 3 g x 2 000 = 6; R1 12 g x 10 000 = 120; X1 4 g x 1 000 = 4
    assert totals.plastic_kg_before == pytest.approx(260.5)
    # after: N2 70 + N1's 15 000 pieces as nitrile (3.5 g) 52.5 + S1's pieces as paper 0 + B1 6; R1 removed;
    # X1's replacement is not in the list: not moved, and said
    assert totals.plastic_kg_after == pytest.approx(128.5)
    assert totals.sup_banned_left == ["B1"]
    assert totals.not_moved["X1"] == "replacement_unknown"
    assert totals.not_moved["N1"] == "replacement_co2e_unknown"  # nitrile has no sourced CO2e factor
    # CO2e before, kg: N1 60 x 2.936; S1 0.5 x 0.75; S2 0.6 x 1.339; B1 6 x 4.367; R1 120 x 2.959; X1 4 x 2.936
    before = 60 * 2.936 + 0.5 * 0.75 + 0.6 * 1.339 + 6 * 4.367 + 120 * 2.959 + 4 * 2.936
    assert totals.co2e_kg_before == pytest.approx(before)
    # after: S2 and S1's pieces as paper (0.6 kg each), B1
    assert totals.co2e_kg_after == pytest.approx(2 * 0.6 * 1.339 + 6 * 4.367)
