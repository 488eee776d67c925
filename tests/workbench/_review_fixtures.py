"""Builders of realistic source tables for the review-grid tests and benchmark (no file needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workbench.table import SourceTable, empty_review

CATEGORIES = ("Sugrör", "Engångsmuggar", "Bestick", "Handskar", "Städmaterial", "Papper", "Äggkartonger")
SUPPLIERS = ("Martin & Servera", "Menigo", "Lyreco", "Abena", "Örebro Papper AB")
MATERIALS = ("PP", "PE", "PET", "PVC", "PS", "Papper", "Trä", "Nitril", "")
MUNICIPALITIES = ("Huddinge", "Botkyrka", "Haninge", "Nynäshamn", "Södertälje")
NAMES = ("Sugrör böjbart", "Mugg 20 cl", "Gaffel", "Kniv", "Sked", "Handske nitril M", "Plastpåse",
         "Servett vit", "Tallrik djup", "Ägglåda", "Öronpinnar", "Ålkorv", "Zink-tvål")

HEADERS = {
    "key": "Artikelnummer",
    "name": "Benämning",
    "category": "Kategori",
    "supplier": "Leverantör",
    "unit": "Enhet",
    "price": "Pris",
    "quantity": "Antal",
    "spend": "Belopp",
    "material": "Material",
    "municipality": "Kommun",
}


def make_table(n: int = 200, *, seed: int = 7, path: Path | None = None) -> SourceTable:
    """A table of ``n`` article rows with Swedish headers, as the importer would build it.

    Keys are text with leading zeros (``"000001"``); about every 13th row has no price, quantity or
    spend (empty numeric cells); every 11th has no material. Sheet rows start at 2 (header on row 1).
    """
    rng = np.random.default_rng(seed)
    index = pd.RangeIndex(2, n + 2)
    price = np.round(rng.uniform(0.5, 500.0, n), 2)
    quantity = rng.integers(1, 5000, n).astype(float)
    spend = np.round(price * quantity, 2)
    blank = np.arange(n) % 13 == 5
    price[blank] = np.nan
    quantity[blank] = np.nan
    spend[blank] = np.nan
    material = np.array(MATERIALS, dtype=object)[rng.integers(0, len(MATERIALS), n)]
    material[np.arange(n) % 11 == 3] = None
    material[material == ""] = None
    names = np.array(NAMES, dtype=object)[rng.integers(0, len(NAMES), n)]
    data = pd.DataFrame(
        {
            "Artikelnummer": pd.Series([f"{i:06d}" for i in range(1, n + 1)], index=index, dtype=object),
            "Benämning": pd.Series([f"{nm} {i}" for i, nm in enumerate(names)], index=index, dtype=object),
            "Kategori": pd.Series(
                np.array(CATEGORIES, dtype=object)[rng.integers(0, len(CATEGORIES), n)], index=index
            ),
            "Leverantör": pd.Series(
                np.array(SUPPLIERS, dtype=object)[rng.integers(0, len(SUPPLIERS), n)], index=index
            ),
            "Enhet": pd.Series(["st"] * n, index=index, dtype=object),
            "Pris": pd.Series(price, index=index),
            "Antal": pd.Series(quantity, index=index),
            "Belopp": pd.Series(spend, index=index),
            "Material": pd.Series(material, index=index, dtype=object),
            "Kommun": pd.Series(
                np.array(MUNICIPALITIES, dtype=object)[rng.integers(0, len(MUNICIPALITIES), n)], index=index
            ),
            "Anteckning": pd.Series([None] * n, index=index, dtype=object),
        }
    )
    return SourceTable(
        path=path or Path("sortiment.xlsx"),
        format="xlsx",
        sheet="Sortiment",
        sheets=["Sortiment"],
        header_row=1,
        data=data,
        column_index={h: i for i, h in enumerate(data.columns)},
        columns=dict(HEADERS),
        review_columns={},
        review=empty_review(index),
    )


def make_small_table(rows: list[dict[str, object]]) -> SourceTable:
    """A table from explicit rows (canonical field names as keys), for precise assertions."""
    index = pd.RangeIndex(2, len(rows) + 2)
    fields = [f for f in HEADERS if any(f in r for r in rows)]
    data = pd.DataFrame(
        {HEADERS[f]: pd.Series([r.get(f) for r in rows], index=index, dtype=object) for f in fields}
    )
    for f in ("price", "quantity", "spend"):
        if f in fields:
            data[HEADERS[f]] = pd.to_numeric(data[HEADERS[f]]).astype(float)
    return SourceTable(
        path=Path("liten.xlsx"),
        format="xlsx",
        sheet="Blad1",
        sheets=["Blad1"],
        header_row=1,
        data=data,
        column_index={h: i for i, h in enumerate(data.columns)},
        columns={f: HEADERS[f] for f in fields},
        review_columns={},
        review=empty_review(index),
    )
