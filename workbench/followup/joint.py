"""The joint assortment as the follow-up needs it: each article's status (inside the agreed assortment or
not), its replacement, its agreed price and its plastic and CO2e per unit bought, and the keys a purchase
line is matched by (GTIN-14, supplier + supplier article no, each municipality's own key, supplier + name),
normalised as the merge normalises them (:mod:`workbench.assortment.normalise`, ``gtin``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.environment.totals import final_replacement

__all__ = ["JointArticle", "JointKeys", "fold_municipality", "read_assortment"]

INSIDE_DECISIONS = frozenset({None, "keep", "investigate"})
"""Inside the agreed assortment: kept, under investigation, or not yet decided (DESIGN)."""


@dataclass(frozen=True, slots=True)
class JointArticle:
    id: str
    name: str | None
    supplier: str | None
    decision: str | None  # keep | remove | replace | investigate | None (undecided)
    replacement: str | None  # the article finally taking a replaced one's place
    agreed_price: float | None
    plastic_per_unit: float | None  # kg per unit of quantity (the joint's Antal)
    co2e_per_unit: float | None

    @property
    def inside(self) -> bool:
        return self.decision in INSIDE_DECISIONS


@dataclass
class JointKeys:
    path: Path
    lang: str
    articles: dict[str, JointArticle]
    gtin: dict[str, str] = field(default_factory=dict)  # GTIN-14 -> ID
    article_gtin: dict[str, str] = field(default_factory=dict)  # ID -> its GTIN-14
    article_no: dict[tuple[str, str], str] = field(default_factory=dict)  # (supplier, art no) normalised -> ID
    own_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (municipality folded, key) -> ID
    name: dict[tuple[str, str], str] = field(default_factory=dict)  # (supplier, name) normalised -> ID
    municipalities: list[str] = field(default_factory=list)


def fold_municipality(value: object) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""


def own_key_text(value: object) -> str | None:
    """A municipality's own key as compared: text, an integral number without ``.0``, case folded."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().casefold()
    return text or None


def _set_lowest(mapping: dict[Any, str], key: Any, article_id: str) -> None:
    # two articles sharing a key (a name in two pack sizes): the lowest ID, so a rerun gives the same answer
    held = mapping.get(key)
    if held is None or article_id < held:
        mapping[key] = article_id


def read_assortment(path: Path) -> JointKeys:
    """The joint workbook at ``path`` read for the follow-up (its articles, decisions, keys, environment)."""
    from workbench.assortment import (
        normalise_article_name,
        normalise_article_no,
        normalise_gtin,
        normalise_supplier,
        read_joint,
    )
    from workbench.assortment.layout import survivor
    from workbench.reading import read_table

    path = Path(path)
    state = read_joint(path)
    names = state.names
    table = read_table(path, sheet=names.sheets[0], key_column=names.article_id)
    review = table.review
    keys = [str(k) for k in table.keys.to_numpy(dtype=object)]
    decisions = review["decision"].to_numpy(dtype=object) if "decision" in review.columns else [None] * len(keys)
    successors = review["replaced_by"].to_numpy(dtype=object) if "replaced_by" in review.columns else [None] * len(keys)
    decision_of: dict[str, str | None] = {}
    successor: dict[str, str] = {}
    for key, decision, target in zip(keys, decisions, successors, strict=True):
        decision_of.setdefault(key, decision if isinstance(decision, str) and decision else None)
        if isinstance(target, str) and target.strip():
            successor.setdefault(key, target.strip())

    def merged_into(id_: str) -> str | None:
        article = state.articles.get(id_)
        return str(article.merged_into) if article is not None and article.merged_into else None

    # a replacement named by an ID that was linked away is its survivor
    successor = {key: survivor(target, merged_into) for key, target in successor.items()}
    plastic, co2e = _environment(table, keys)
    result = JointKeys(path, names.lang, {}, municipalities=list(state.municipalities))
    for article_id, article in state.articles.items():
        if article.merged_into:
            continue  # a retired ID: its rows moved to the survivor
        fields = article.fields
        decision = decision_of.get(article_id)
        price = state.article_cell(article_id, names.price)
        result.articles[article_id] = JointArticle(
            article_id, _str(fields.get("name")), _str(fields.get("supplier")), decision,
            final_replacement(article_id, successor, decision_of) if decision == "replace" else None,
            float(price) if isinstance(price, int | float) and price > 0 else None,
            plastic.get(article_id), co2e.get(article_id))
        _add_keys(result, article_id, fields.get("gtin"), fields.get("supplier"), fields.get("supplier_article_no"),
                  fields.get("name"), normalise_gtin, normalise_supplier, normalise_article_no,
                  normalise_article_name)
    for record in state.records:
        article_id = record.article_id
        if article_id not in result.articles:
            continue
        _add_keys(result, article_id, record.gtin, record.supplier, record.supplier_article_no, record.name,
                  normalise_gtin, normalise_supplier, normalise_article_no, normalise_article_name)
        own = own_key_text(record.source_key)
        if own is not None:
            _set_lowest(result.own_key, (fold_municipality(record.municipality), own), article_id)
    return result


def _add_keys(result: JointKeys, article_id: str, gtin: object, supplier: object, article_no: object, name: object,
              *normalisers: Any) -> None:
    normalise_gtin, normalise_supplier, normalise_article_no, normalise_article_name = normalisers
    gtin14 = normalise_gtin(gtin).gtin
    if gtin14 is not None:
        _set_lowest(result.gtin, gtin14, article_id)
        result.article_gtin.setdefault(article_id, gtin14)
    supplier_norm = normalise_supplier(supplier)
    if supplier_norm is None:
        return
    number = normalise_article_no(article_no)
    if number is not None:
        _set_lowest(result.article_no, (supplier_norm, number), article_id)
    name_norm = normalise_article_name(name)
    if name_norm is not None:
        _set_lowest(result.name, (supplier_norm, name_norm), article_id)


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _environment(table: Any, keys: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Plastic and CO2e kg per unit of quantity per article."""
    from workbench.environment import assess_table

    report = assess_table(table)
    quantity_column = table.columns.get("quantity")
    quantities = (table.data[quantity_column].to_numpy(dtype=object) if quantity_column is not None
                  else [None] * len(keys))
    plastic: dict[str, float] = {}
    co2e: dict[str, float] = {}
    position = {int(row): i for i, row in enumerate(table.data.index)}  # report.rows are sheet rows
    for row, article in zip(report.rows, report.articles, strict=True):
        at = position.get(int(row))
        quantity = quantities[at] if at is not None else None
        if not isinstance(quantity, int | float) or not quantity > 0:
            continue
        if article.plastic_kg_year is not None:
            plastic.setdefault(article.key, article.plastic_kg_year / float(quantity))
        if article.co2e_kg_year is not None:
            co2e.setdefault(article.key, article.co2e_kg_year / float(quantity))
    return plastic, co2e
