"""Plastic and CO2e per year for the assortment before and after the decisions (DESIGN, "Summary"):
after = the articles kept, investigated or undecided; a removed article leaves with its volume; a replaced
article leaves too, and its pieces are counted with its replacement's material and weight (plastic and
CO2e per piece of the replacement × the replaced article's pieces). What cannot be counted so is listed."""

from __future__ import annotations

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


def before_after(table: SourceTable, report: EnvironmentReport) -> BeforeAfter:
    """The totals before and after the decisions in ``table.review`` for the articles of ``report``
    (assessed from ``table``; rows in the same order)."""
    review = table.review
    decisions = review["decision"] if "decision" in review.columns else None
    replaced_by = review["replaced_by"] if "replaced_by" in review.columns else None
    by_key: dict[str, Assessment] = {}
    decision_of: dict[str, Any] = {}
    successor: dict[str, str] = {}
    for row, article in zip(report.rows, report.articles, strict=True):
        by_key.setdefault(article.key, article)
        decision = decisions.at[row] if decisions is not None else None
        decision_of.setdefault(article.key, None if is_empty(decision) else decision)
        target = replaced_by.at[row] if replaced_by is not None else None
        if not is_empty(target):
            successor.setdefault(article.key, str(target).strip())

    result = BeforeAfter()
    for article in report.articles:
        result.plastic_kg_before += article.plastic_kg_year or 0.0
        result.co2e_kg_before += article.co2e_kg_year or 0.0
        decision = decision_of.get(article.key)
        if decision not in _LEAVES:
            result.plastic_kg_after += article.plastic_kg_year or 0.0
            result.co2e_kg_after += article.co2e_kg_year or 0.0
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
            result.plastic_kg_after += plastic * article.pieces_year
        if co2e is None:
            result.not_moved.setdefault(article.key, "replacement_co2e_unknown")
        else:
            result.co2e_kg_after += co2e * article.pieces_year
    return result


def final_replacement(key: str, successor: dict[str, str], decision_of: dict[str, Any]) -> str | None:
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
