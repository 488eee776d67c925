"""The joint workbook's contents as data: source rows (``Källrader``), sources (``Källor``), articles
(``Sortiment``) and the figures that are always computed from the source rows (volumes per municipality,
totals, how many municipalities buy an article, the volume-weighted price)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from workbench.assortment.gtin import normalise_gtin
from workbench.assortment.layout import ARTICLE_FIELDS, Headers
from workbench.assortment.matching import SourceRow

__all__ = ["Article", "Figures", "SourceFile", "SourceRecord", "figures", "gtin_text", "municipality_order"]


def gtin_text(value: object) -> str | None:
    """The GTIN as the joint workbook writes it: a valid one as text of 13 digits (14 for a GTIN-14 that
    needs them), so Excel never turns it into a number; anything else as found, for the user to see."""
    if value is None:
        return None
    result = normalise_gtin(value)
    if result.gtin is not None:
        digits = result.gtin
        return digits[1:] if digits.startswith("0") else digits
    text = str(value).strip()
    return text or None


@dataclass(slots=True)
class SourceRecord:
    """One row of ``Källrader``. ``supplier``, ``name``, ``unit`` and ``pack_size`` are the source row's own
    values (columns after ``Matchning``), so that a later re-merge matches it exactly as the first did."""

    article_id: str
    municipality: str
    file: str
    sheet: str | None
    row: int | None
    source_key: str | None
    supplier_article_no: object
    gtin: str | None
    quantity: float | None
    spend: float | None
    price: float | None
    match: str
    supplier: object = None
    name: object = None
    unit: object = None
    pack_size: object = None

    def as_match(self) -> SourceRow:
        # positional, in SourceRow's order (every kept row of a re-merge passes here)
        return SourceRow(self.municipality, self.file, self.row, self.source_key, self.gtin, self.supplier,
                         self.supplier_article_no, self.name, self.unit, self.pack_size, self.quantity, self.spend)

    def values(self) -> list[object]:
        """The row's cells in the order of :meth:`Headers.source_row_headers` plus the extra columns."""
        return [self.article_id, self.municipality, self.file, self.sheet, self.row, self.source_key,
                self.supplier_article_no, self.gtin, self.quantity, self.spend, self.price, self.match,
                self.supplier, self.name, self.unit, self.pack_size]


def extra_source_headers(names: Headers) -> list[str]:
    """The source row's own supplier, name, unit and pack size, after the DESIGN's columns."""
    return [names.fields["supplier"], names.fields["name"], names.fields["unit"], names.fields["pack_size"]]


@dataclass
class SourceFile:
    """One row of ``Källor``: a merged file."""

    file: str
    municipality: str
    rows: int
    fingerprint: str | None
    merged_at: dt.datetime
    merged_by: str

    def values(self) -> list[object]:
        return [self.file, self.municipality, self.rows, self.fingerprint, self.merged_at, self.merged_by]


@dataclass
class Article:
    """One row of ``Sortiment``: its ID, descriptive fields and, when linked into another, that one."""

    id: str
    fields: dict[str, object] = field(default_factory=dict)
    merged_into: str | None = None


@dataclass
class Figures:
    """An article's volumes, computed from its source rows."""

    quantity: dict[str, float] = field(default_factory=dict)  # municipality -> quantity
    spend: dict[str, float] = field(default_factory=dict)
    price: float | None = None
    total_quantity: float = 0.0
    total_spend: float = 0.0
    municipalities: int = 0


def _tidy(value: float) -> float | int:
    """A sum that is a whole number is written as one (12, not 12.000000000001)."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 2**53 else rounded


def figures(records: Iterable[SourceRecord]) -> dict[str, Figures]:
    """Every article's figures from the source rows: quantities and spend summed per municipality and in
    total, the number of municipalities with a row, and the price weighted by quantity (the plain mean
    of the prices where no row has a quantity)."""
    found: dict[str, Figures] = {}
    weighted: dict[str, list[float]] = {}
    buyers: dict[str, set[str]] = {}
    for record in records:  # every source row passes here: the lookups are kept few
        article_id, municipality = record.article_id, record.municipality
        figure = found.get(article_id)
        if figure is None:
            figure = found[article_id] = Figures()
            sums = weighted[article_id] = [0.0, 0.0, 0.0, 0.0]  # price x qty, qty, price sum, prices
            buyers[article_id] = {municipality}
        else:
            sums = weighted[article_id]
            buyers[article_id].add(municipality)
        quantity = record.quantity or 0.0
        spend = record.spend or 0.0
        quantities, spends = figure.quantity, figure.spend
        quantities[municipality] = quantities.get(municipality, 0.0) + quantity
        spends[municipality] = spends.get(municipality, 0.0) + spend
        figure.total_quantity += quantity
        figure.total_spend += spend
        price = record.price
        if price is not None:
            if record.quantity:
                sums[0] += price * record.quantity
                sums[1] += record.quantity
            sums[2] += price
            sums[3] += 1
    for article_id, figure in found.items():
        figure.municipalities = len(buyers[article_id])
        sums = weighted[article_id]
        if sums[1] > 0:
            figure.price = round(sums[0] / sums[1], 4)
        elif sums[3]:
            figure.price = round(sums[2] / sums[3], 4)
        figure.quantity = {m: _tidy(v) for m, v in figure.quantity.items()}
        figure.spend = {m: round(v, 2) for m, v in figure.spend.items()}
        figure.total_quantity = _tidy(figure.total_quantity)
        figure.total_spend = round(figure.total_spend, 2)
    return found


def municipality_order(names: Iterable[str], existing: Sequence[str] = ()) -> list[str]:
    """The municipality columns' order: those already in the workbook as they are, then the new ones
    alphabetically (Swedish letters after z)."""
    order = list(existing)
    seen = set(order)
    new = sorted({n for n in names if n not in seen}, key=_swedish_sort_key)
    return order + new


_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


def _swedish_sort_key(name: str) -> str:
    return name.lower().translate(_SWEDISH)


def article_fields(rows: Sequence[Mapping[str, object]]) -> dict[str, object]:
    """A new article's descriptive fields: per field the first value its source rows give."""
    result: dict[str, object] = {}
    for name in ARTICLE_FIELDS:
        for values in rows:
            value = values.get(name)
            if value is not None:
                result[name] = gtin_text(value) if name == "gtin" else value
                break
    return result
