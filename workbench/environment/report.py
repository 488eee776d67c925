"""The environment of a whole article list (a SourceTable: the joint workbook's ``Sortiment`` or any list):
every article assessed, the totals, and what ``workbench environment`` writes (csv and JSON, DESIGN's
contract)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import pandas as pd

from workbench.environment.assess import ArticleFacts, Assessment, Assessor
from workbench.table import SourceTable

CSV_COLUMNS = ("key", "suggested_score", "reasons", "requirement_level", "sup_rule", "plastic_kg_year",
               "co2e_kg_year", "co2e_kg_year_low", "co2e_kg_year_high")
"""The columns of ``workbench environment -o OUT.csv``, in DESIGN's order."""

_FACT_FIELDS = ("name", "category", "material", "weight_g", "unit", "pack_size", "quantity", "ecolabel")


def table_facts(table: SourceTable) -> Iterator[tuple[int, ArticleFacts]]:
    """Each article row of ``table`` (sheet row, facts); a row without a key is skipped."""
    columns = {name: table.data[header].to_numpy(dtype=object)
               for name in _FACT_FIELDS if (header := table.columns.get(name)) is not None
               and header in table.data.columns}
    keys = table.keys.to_numpy(dtype=object)
    rows = table.data.index.tolist()
    for i, key in enumerate(keys):
        if key is None or (isinstance(key, float) and pd.isna(key)) or str(key).strip() == "":
            continue
        yield int(rows[i]), ArticleFacts(str(key), **{name: values[i] for name, values in columns.items()})


@dataclass
class EnvironmentReport:
    """Every article's assessment (sheet order) and the totals over those with figures."""

    articles: list[Assessment]
    rows: list[int] = field(default_factory=list)  # each article's sheet row

    @property
    def plastic_kg_year(self) -> float:
        return sum(a.plastic_kg_year for a in self.articles if a.plastic_kg_year is not None)

    def co2e(self, which: str = "") -> float:
        name = f"co2e_kg_year{'_' + which if which else ''}"
        values: list[float] = [value for a in self.articles if (value := getattr(a, name)) is not None]
        return float(sum(values))

    def by_material(self) -> dict[str, float]:
        """kg of each material per year (the articles whose material and mass are known)."""
        totals: dict[str, float] = {}
        for a in self.articles:
            if a.material is not None and a.mass_kg_year is not None:
                totals[a.material] = totals.get(a.material, 0.0) + a.mass_kg_year
        return {k: round(v, 3) for k, v in sorted(totals.items(), key=lambda item: -item[1])}

    def sup_banned(self) -> list[str]:
        return list(dict.fromkeys(a.key for a in self.articles if a.sup_rule == "banned"))

    def unknown_material(self) -> list[str]:
        """Keys whose plastic could not be counted for their material: unknown, several without shares, or
        a composite whose plastic share is unknown."""
        return list(dict.fromkeys(a.key for a in self.articles
                                  if a.material is None or "plastic_share_unknown" in a.assumptions))

    def to_json(self) -> dict[str, Any]:
        """DESIGN's keys exactly; each article carries the csv's columns and what they rest on."""
        return {
            "articles": [article_json(a) for a in self.articles],
            "plastic_kg_year": _round(self.plastic_kg_year),
            "co2e_kg_year": _round(self.co2e()),
            "by_material": self.by_material(),
            "sup_banned": self.sup_banned(),
            "unknown_material": self.unknown_material(),
        }

    def write_csv(self, handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for a in self.articles:
            row = article_row(a)
            writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def article_row(a: Assessment) -> dict[str, Any]:
    """The csv columns of one article (reasons joined by ``;``)."""
    return {
        "key": a.key,
        "suggested_score": a.suggested_score,
        "reasons": ";".join(a.reasons),
        "requirement_level": a.requirement_level,
        "sup_rule": a.sup_rule,
        "plastic_kg_year": _round(a.plastic_kg_year),
        "co2e_kg_year": _round(a.co2e_kg_year),
        "co2e_kg_year_low": _round(a.co2e_kg_year_low),
        "co2e_kg_year_high": _round(a.co2e_kg_year_high),
    }


def article_json(a: Assessment) -> dict[str, Any]:
    """An article in the JSON: the csv's columns (reasons as a list) and what they rest on."""
    return {
        **article_row(a),
        "reasons": list(a.reasons),
        "sup_rules": list(a.sup_rules),
        "material": a.material,
        "material_parts": list(a.material_parts),
        "product_group": a.group,
        "criteria": list(a.criteria),
        "pieces_year": a.pieces_year,
        "assumptions": list(a.assumptions),
    }


def assess_table(table: SourceTable, assessor: Assessor | None = None) -> EnvironmentReport:
    """Every article row of ``table`` assessed, in sheet order."""
    judge = assessor if assessor is not None else Assessor()
    report = EnvironmentReport([])
    for row, facts in table_facts(table):
        report.articles.append(judge.assess(facts))
        report.rows.append(row)
    return report
