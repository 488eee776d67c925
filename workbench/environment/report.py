"""The environment of a whole article list (a SourceTable: the joint workbook's ``Sortiment`` or any list):
every article assessed, the totals, and what ``workbench environment`` writes (csv and JSON, DESIGN's
contract)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any, TextIO

from workbench.environment.assess import Assessment, Assessor, Verdict
from workbench.environment.columns import Columns, assess_columns
from workbench.table import SourceTable

CSV_COLUMNS = ("key", "suggested_score", "reasons", "requirement_level", "sup_rule", "plastic_kg_year",
               "co2e_kg_year", "co2e_kg_year_low", "co2e_kg_year_high")
"""The columns of ``workbench environment -o OUT.csv``, in DESIGN's order."""


class EnvironmentReport:
    """Every article's assessment (sheet order) and the totals over those with figures.

    Made by :func:`assess_table` from columns (:class:`~workbench.environment.columns.Columns`): the
    totals, the csv and the JSON are read from them, and the :class:`Assessment` of each article is built
    only when ``articles`` is first asked for."""

    def __init__(self, articles: list[Assessment] | None = None, rows: list[int] | None = None, *,
                 columns: Columns | None = None) -> None:
        self._articles = articles if articles is not None or columns is not None else []
        self.rows: list[int] = rows if rows is not None else (list(columns.rows) if columns is not None else [])
        self.columns = columns

    @property
    def articles(self) -> list[Assessment]:
        if self._articles is None:
            assert self.columns is not None
            self._articles = _articles(self.columns)
        return self._articles

    def _figure(self, name: str) -> list[float]:
        """The known values of an article figure, in article order."""
        if self._articles is None and self.columns is not None:
            return getattr(self.columns, _FIGURES[name]).known_values()  # type: ignore[no-any-return]
        return [value for a in self.articles if (value := getattr(a, name)) is not None]

    @property
    def plastic_kg_year(self) -> float:
        return sum(self._figure("plastic_kg_year"))

    def co2e(self, which: str = "") -> float:
        return float(sum(self._figure(f"co2e_kg_year{'_' + which if which else ''}")))

    def by_material(self) -> dict[str, float]:
        """kg of each material per year (the articles whose material and mass are known)."""
        totals: dict[str, float] = {}
        for material, mass in zip(self._per_article(lambda v: v.material, "material"),
                                  self._per_figure("mass_kg_year"), strict=True):
            if material is not None and mass is not None:
                totals[material] = totals.get(material, 0.0) + mass
        return {k: round(v, 3) for k, v in sorted(totals.items(), key=lambda item: -item[1])}

    def sup_banned(self) -> list[str]:
        rules = self._per_article(lambda v: v.sup[0] if v.sup else "", "sup_rule")
        return list(dict.fromkeys(key for key, rule in zip(self._keys(), rules, strict=True) if rule == "banned"))

    def unknown_material(self) -> list[str]:
        """Keys whose plastic could not be counted for their material: unknown, several without shares, or
        a composite whose plastic share is unknown."""
        if self._articles is None and self.columns is not None:
            columns = self.columns
            unknown = columns.per_verdict(lambda v: v.material is None or "plastic_share_unknown" in v.tail)
            return list(dict.fromkeys(k for k, u in zip(columns.keys, unknown, strict=True) if u))
        return list(dict.fromkeys(a.key for a in self.articles
                                  if a.material is None or "plastic_share_unknown" in a.assumptions))

    def _keys(self) -> list[str]:
        return self.columns.keys if self._articles is None and self.columns is not None else \
            [a.key for a in self.articles]

    def _per_article(self, of_verdict: Callable[[Verdict], Any], name: str) -> list[Any]:
        if self._articles is None and self.columns is not None:
            return self.columns.per_verdict(of_verdict)
        return [getattr(a, name) for a in self.articles]

    def _per_figure(self, name: str) -> list[float | None]:
        if self._articles is None and self.columns is not None:
            return getattr(self.columns, _FIGURES[name]).tolist()  # type: ignore[no-any-return]
        return [getattr(a, name) for a in self.articles]

    def split(self, shares: dict[str, dict[int, float]]) -> dict[str, dict[str, float]]:
        """The totals per unit (a municipality): each article's plastic and CO2e times the unit's share
        of its quantity (``shares``: unit -> sheet row -> share), over the articles with the figure."""
        figures = {name: self._per_figure(name) for name in
                   ("plastic_kg_year", "co2e_kg_year", "co2e_kg_year_low", "co2e_kg_year_high")}
        result: dict[str, dict[str, float]] = {}
        for unit, share_of in shares.items():
            totals = {}
            for name, values in figures.items():
                total = 0.0
                for row, value in zip(self.rows, values, strict=True):
                    if value is not None:
                        total += value * share_of.get(row, 0.0)
                totals[name] = round(total, 3)
            result[unit] = totals
        return result

    def to_json(self) -> dict[str, Any]:
        """DESIGN's keys exactly; each article carries the csv's columns and what they rest on."""
        return {
            "articles": _articles_json(self.columns) if self._articles is None and self.columns is not None
            else [article_json(a) for a in self.articles],
            "plastic_kg_year": _round(self.plastic_kg_year),
            "co2e_kg_year": _round(self.co2e()),
            "by_material": self.by_material(),
            "sup_banned": self.sup_banned(),
            "unknown_material": self.unknown_material(),
        }

    def write_csv(self, handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        if self._articles is None and self.columns is not None:
            columns = self.columns
            texts = columns.per_verdict(lambda v: (v.score, ";".join(v.reasons), v.level, v.sup[0] if v.sup else ""))
            figures = [["" if x is None else x for x in figure.rounded()]
                       for figure in (columns.plastic, columns.co2e, columns.co2e_low, columns.co2e_high)]
            writer.writerows((key, *text, *numbers) for key, text, *numbers in zip(columns.keys, texts, *figures,
                                                                                    strict=True))
            return
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


def _articles_json(columns: Columns) -> list[dict[str, Any]]:
    """:func:`article_json` of every article, from the columns."""
    texts = columns.per_verdict(lambda v: (v.score, v.reasons, v.level, v.sup, v.material, v.parts, v.group,
                                           v.criteria))
    figures = [figure.rounded()
               for figure in (columns.plastic, columns.co2e, columns.co2e_low, columns.co2e_high)]
    sets = columns.assumption_sets
    return [{"key": key, "suggested_score": score, "reasons": list(reasons), "requirement_level": level,
             "sup_rule": sup[0] if sup else "", "plastic_kg_year": plastic, "co2e_kg_year": co2e,
             "co2e_kg_year_low": low, "co2e_kg_year_high": high, "sup_rules": list(sup), "material": material,
             "material_parts": list(parts), "product_group": group, "criteria": list(criteria),
             "pieces_year": pieces, "assumptions": list(sets[assumed])}
            for key, (score, reasons, level, sup, material, parts, group, criteria), plastic, co2e, low, high,
            pieces, assumed in zip(columns.keys, texts, *figures, columns.pieces.tolist(),
                                   columns.assumptions.tolist(), strict=True)]


def assess_table(table: SourceTable, assessor: Assessor | None = None) -> EnvironmentReport:
    """Every article row of ``table`` assessed, in sheet order (column-wise: :mod:`.columns`)."""
    judge = assessor if assessor is not None else Assessor()
    return EnvironmentReport(None, columns=assess_columns(table, judge))


_FIGURES = {"pieces_year": "pieces", "mass_kg_year": "mass", "plastic_kg_year": "plastic", "co2e_kg_year": "co2e",
            "co2e_kg_year_low": "co2e_low", "co2e_kg_year_high": "co2e_high"}


def _articles(columns: Columns) -> list[Assessment]:
    """An :class:`Assessment` per article of ``columns``."""
    verdicts = columns.verdicts
    of_verdict = columns.verdict.tolist()
    sets = columns.assumption_sets
    figures = zip(columns.keys, of_verdict, columns.assumptions.tolist(), columns.pieces.tolist(),
                  columns.mass.tolist(), columns.plastic.tolist(), columns.co2e.tolist(), columns.co2e_low.tolist(),
                  columns.co2e_high.tolist(), strict=True)
    made = []
    for key, v, assumed, pieces, mass, plastic, co2e, low, high in figures:
        verdict = verdicts[v]
        made.append(Assessment(  # by position: a fifth faster than by name, and 20,000 of them are built
            key, verdict.material, verdict.parts, verdict.plastic, verdict.types, verdict.sup[0] if verdict.sup else "",
            verdict.sup, verdict.score, verdict.reasons, verdict.group, verdict.level, verdict.criteria, pieces, mass,
            plastic, co2e, low, high, sets[assumed]))
    return made
