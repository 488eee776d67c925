"""Plastic and CO2e per year for the assortment before and after the decisions (DESIGN, "Summary"):
after = the articles kept, investigated or undecided; a removed article leaves with its volume; a replaced
article leaves too, and its pieces are counted with its replacement's material and weight (plastic and
CO2e per piece of the replacement × the replaced article's pieces). What cannot be counted so is listed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.environment.assess import Assessment
from workbench.environment.report import EnvironmentReport
from workbench.review.values import is_empty
from workbench.table import SourceTable

_LEAVES = frozenset({"remove", "replace"})


@dataclass
class BeforeAfter:
    plastic_kg_before: float = 0.0
    plastic_kg_after: float = 0.0
    co2e_kg_before: float = 0.0
    co2e_kg_after: float = 0.0
    sup_banned_left: list[str] = field(default_factory=list)  # banned articles still in the assortment after
    # replaced articles whose volume could not be (wholly) moved, key -> reason: replacement_unknown,
    # pieces_unknown, replacement_per_piece_unknown (its plastic), replacement_co2e_unknown
    not_moved: dict[str, str] = field(default_factory=dict)
    # plastic kg per year by material id (an article of unknown or mixed material under ""), before and after
    plastic_by_material_before: dict[str, float] = field(default_factory=dict)
    plastic_by_material_after: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The keys of ``workbench summary``'s JSON this part gives (and ``not_moved``)."""
        return {"plastic_kg_before": round(self.plastic_kg_before, 3),
                "plastic_kg_after": round(self.plastic_kg_after, 3),
                "co2e_kg_before": round(self.co2e_kg_before, 3), "co2e_kg_after": round(self.co2e_kg_after, 3),
                "sup_banned_left": list(self.sup_banned_left), "not_moved": dict(self.not_moved)}


def _per_piece(article: Assessment, value: float | None) -> float | None:
    if value == 0.0 and article.contains_plastic is False:
        return 0.0  # no plastic whatever the count
    if value is None or not article.pieces_year:
        return None
    return value / article.pieces_year


def before_after(table: SourceTable, report: EnvironmentReport,
                 weights: Mapping[int, float] | None = None) -> BeforeAfter:
    """The totals before and after the decisions in ``table.review`` for the articles of ``report``
    (assessed from ``table``; rows in the same order).

    ``weights`` (sheet row -> 0–1) counts only that share of each article: one municipality's share of
    the pooled volume, or 0 for a row that is no article of the assortment (merged away). Without it
    every article counts whole."""
    return totals(Decisions.of(table, report), report, weights)


@dataclass
class Decisions:
    """Each article's decision and replacement as :func:`totals` needs them, read once from a table."""

    by_key: dict[str, Assessment]
    decision_of: dict[str, Any]
    successor: dict[str, str]

    @classmethod
    def of(cls, table: SourceTable, report: EnvironmentReport) -> Decisions:
        review = table.review
        index = {int(row): i for i, row in enumerate(review.index)}
        decisions = review["decision"].to_numpy(dtype=object) if "decision" in review.columns else None
        replaced_by = review["replaced_by"].to_numpy(dtype=object) if "replaced_by" in review.columns else None
        by_key: dict[str, Assessment] = {}
        decision_of: dict[str, Any] = {}
        successor: dict[str, str] = {}
        for row, article in zip(report.rows, report.articles, strict=True):
            by_key.setdefault(article.key, article)
            at = index.get(int(row))
            decision = decisions[at] if decisions is not None and at is not None else None
            decision_of.setdefault(article.key, None if is_empty(decision) else decision)
            target = replaced_by[at] if replaced_by is not None and at is not None else None
            if not is_empty(target):
                successor.setdefault(article.key, str(target).strip())
        return cls(by_key, decision_of, successor)


def totals(decided: Decisions, report: EnvironmentReport, weights: Mapping[int, float] | None = None) -> BeforeAfter:
    """:func:`before_after` with the decisions read already (one reading for many weightings)."""
    by_key, decision_of, successor = decided.by_key, decided.decision_of, decided.successor
    result = BeforeAfter()
    for row, article in zip(report.rows, report.articles, strict=True):
        weight = 1.0 if weights is None else weights.get(row, 0.0)
        if weight <= 0.0:
            continue
        result.plastic_kg_before += (article.plastic_kg_year or 0.0) * weight
        result.co2e_kg_before += (article.co2e_kg_year or 0.0) * weight
        _add(result.plastic_by_material_before, article, (article.plastic_kg_year or 0.0) * weight)
        decision = decision_of.get(article.key)
        if decision not in _LEAVES:
            result.plastic_kg_after += (article.plastic_kg_year or 0.0) * weight
            _add(result.plastic_by_material_after, article, (article.plastic_kg_year or 0.0) * weight)
            result.co2e_kg_after += (article.co2e_kg_year or 0.0) * weight
            if article.sup_rule == "banned":
                result.sup_banned_left.append(article.key)
            continue
        if decision != "replace":
            continue
        replacement = final_replacement(article.key, successor, decision_of)
        target = by_key.get(replacement) if replacement is not None else None
        if target is None:
            result.not_moved[article.key] = "replacement_unknown"
            continue
        if article.pieces_year is None:
            result.not_moved[article.key] = "pieces_unknown"
            continue
        plastic = _per_piece(target, target.plastic_kg_year)
        co2e = _per_piece(target, target.co2e_kg_year)
        if plastic is None:
            result.not_moved[article.key] = "replacement_per_piece_unknown"
        else:
            result.plastic_kg_after += plastic * article.pieces_year * weight
            _add(result.plastic_by_material_after, target, plastic * article.pieces_year * weight)
        if co2e is None:
            result.not_moved.setdefault(article.key, "replacement_co2e_unknown")
        else:
            result.co2e_kg_after += co2e * article.pieces_year * weight
    return result


def _add(by_material: dict[str, float], article: Assessment, kg: float) -> None:
    if kg:
        material = article.material or ""
        by_material[material] = by_material.get(material, 0.0) + kg


def pieces_per_unit(pieces_year: float | None, quantity: float | None) -> float | None:
    """An article's pieces per unit of its quantity (a pack of 100: 100), from the environment assessment's
    pieces a year and the year's quantity; None when either is unknown or not positive."""
    if pieces_year and quantity and quantity > 0:
        return pieces_year / quantity
    return None


def unit_conversion(replaced_pieces: float | None, target_pieces: float | None) -> float:
    """How many of the replacement's units one unit of the replaced article is, from each one's pieces per
    unit: 1 unless both are known and differ (a pack of 100 replaced by single pieces: 100)."""
    if replaced_pieces and target_pieces and replaced_pieces != target_pieces:
        return replaced_pieces / target_pieces
    return 1.0


def final_replacement(key: str, successor: Mapping[str, str], decision_of: Mapping[str, Any]) -> str | None:
    """The article that finally takes ``key``'s volume: its replacement, or that one's if it is itself
    replaced (a chain); None for a cycle or a replacement that is removed."""
    seen = {key}
    current = successor.get(key)
    while current is not None and decision_of.get(current) == "replace":
        if current in seen:
            return None
        seen.add(current)
        current = successor.get(current)
    if current is not None and decision_of.get(current) == "remove":
        return None
    return current
