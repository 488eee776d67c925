"""A small real article list for the environment's tests: Swedish headers as a municipality writes them,
materials as people write them, pieces and packs, one score already set by a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

HEADERS = ("Artikel-ID", "Benämning", "Kategori", "Enhet", "Antal per förpackning", "Material", "Vikt (g)",
           "Miljömärkning", "Antal", "Miljöpoäng", "Kommentar")

# key, name, category, unit, pack size, material, weight per piece (g), ecolabel, quantity per year, score
ROWS: tuple[tuple[Any, ...], ...] = (
    ("E01", "Sugrör PLA 6 mm", "Engångsartiklar", "förp", 100, "Majsstärkelse/PLA", 0.5, None, 10, None),
    ("E02", "Sugrör papper 6 mm", "Engångsartiklar", "förp", 100, "Papper", 0.6, None, 10, None),
    ("E03", "Pappersmugg 25 cl", "Engångsartiklar", "st", None, "Papper/PE", 8, None, 1000, None),
    ("E04", "Undersökningshandske nitril M", "Handskar", "förp", 100, "Nitril", 3.5, None, 200, None),
    ("E05", "Undersökningshandske vinyl M", "Handskar", "fp", 100, "Vinyl", 4, None, 150, None),
    ("E06", "Avfallspåse 30 l", "Avfall", "rle", 25, "PE-LD återvunnen", 12, None, 400, 4),
    ("E07", "Gaffel trä 16 cm", "Engångsartiklar", "förp", 100, "Trä", 2, None, 30, None),
    ("E08", "Omrörare 11 cm", "Engångsartiklar", "förp", 1000, "Okänt material X", 0.4, None, 5, None),
    ("E09", "Plastmugg 20 cl", "Engångsartiklar", "förp", 100, "PS", 2000, None, 3, None),
    ("E10", "Servett vit 33 cm", "Papper", "förp", 500, None, 1.5, None, 40, None),
    ("E11", "Undersökningshandske nitril L", "Handskar", "krt", 1000, "nitrile", 3.8, None, 20, None),
    ("E12", "Undersökningshandske vinyl L", "Handskar", "paket", 100, "PVC", 4.2, "Svanen", 50, None),
    ("E13", "Bestick PS kniv", "Engångsartiklar", "styck", None, "Polystyren", 3, None, 2000, None),
    ("E14", "Tallrik EPS 22 cm", "Engångsartiklar", "ask", 50, None, 5, None, 10, None),
    ("E15", "Matlåda EPS 750 ml", "Livsmedelsemballage", "st", None, "Frigolit", 9, None, 500, None),
)


def write_list(path: Path, rows: tuple[tuple[Any, ...], ...] = ROWS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sortiment"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([*row, "orörd"])
    book.save(path)
    return path


def cells(path: Path) -> dict[tuple[int, int], Any]:
    """Every cell's value of the first sheet, by (row, column)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    return {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row}
