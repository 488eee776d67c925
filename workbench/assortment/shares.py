"""Each municipality's share of an article's pooled volume in the joint workbook's ``Sortiment``
(``Antal <Kommun>`` ÷ ``Antal totalt``), so that a figure counted per article (plastic kg, CO2e) can be
told per municipality: such figures grow with the quantity, so the share of the quantity is the share of
the figure."""

from __future__ import annotations

from workbench.assortment.layout import detect_language, headers, municipalities_in
from workbench.numbers import cell_number as _number
from workbench.table import SourceTable


def municipality_shares(table: SourceTable) -> dict[str, dict[int, float]]:
    """Municipality -> sheet row -> its share (0–1) of the article's total quantity; empty when ``table``
    is not a joint workbook's ``Sortiment``. A row whose total is 0 or missing has no share."""
    lang = detect_language(list(table.sheets))
    total_header = table.columns.get("quantity")
    if lang is None or total_header is None or total_header not in table.data.columns:
        return {}
    names = headers(lang)
    found = [str(h) for h in table.data.columns]
    data = table.data
    totals = data[total_header].to_numpy(dtype=object)
    rows = [int(r) for r in data.index]
    shares: dict[str, dict[int, float]] = {}
    for municipality in municipalities_in(names, found):
        quantities = data[names.quantity_of(municipality)].to_numpy(dtype=object)
        own: dict[int, float] = {}
        for row, quantity, total in zip(rows, quantities, totals, strict=True):
            q, t = _number(quantity), _number(total)
            if t and t > 0:
                own[row] = (q or 0.0) / t
        shares[municipality] = own
    return shares

