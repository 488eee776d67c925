"""The follow-up's figures (DESIGN's JSON contract of ``workbench followup``) made from the engine's sums and
the joint articles: compliance overall, per municipality, förvaltning and month; removed or replaced articles
still bought with their replacement; the largest purchases outside the assortment; price deviations; plastic
and CO2e as bought against as planned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.followup.engine import PRICE_TOLERANCE, EngineResult
from workbench.followup.joint import JointKeys
from workbench.messages import text
from workbench.numbers import format_number

__all__ = ["Compliance", "FollowupResult", "PriceDeviation", "RemovedBought", "build_result"]


def _money(value: float) -> float:
    return round(value + 0.0, 2)


@dataclass(frozen=True)
class Compliance:
    spend: float
    spend_in_assortment: float
    lines: int

    @property
    def compliance(self) -> float | None:
        """Share of the (net) spend inside the agreed assortment; None when nothing was spent."""
        return None if self.spend <= 0 else max(0.0, min(1.0, self.spend_in_assortment / self.spend))

    def to_json(self) -> dict[str, Any]:
        share = self.compliance
        return {"spend": _money(self.spend), "spend_in_assortment": _money(self.spend_in_assortment),
                "compliance": None if share is None else round(share, 6), "lines": self.lines}


@dataclass(frozen=True)
class RemovedBought:
    key: str
    name: str | None
    decision: str  # remove | replace
    spend: float
    quantity: float
    lines: int
    replacement: str | None
    replacement_name: str | None
    municipalities: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "spend": _money(self.spend), "replacement": self.replacement, "name": self.name,
                "decision": self.decision, "quantity": self.quantity, "lines": self.lines,
                "replacement_name": self.replacement_name, "municipalities": list(self.municipalities)}


@dataclass(frozen=True)
class PriceDeviation:
    key: str
    name: str | None
    agreed: float
    paid: float  # the volume-weighted unit price of the deviating lines
    lines: int
    quantity: float
    excess: float  # (paid - agreed) × quantity: what the deviation cost (negative: saved)

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "agreed": round(self.agreed, 4), "paid": round(self.paid, 4), "lines": self.lines,
                "name": self.name, "quantity": self.quantity, "excess": _money(self.excess)}


@dataclass
class FollowupResult:
    """Everything ``workbench followup`` reports; :meth:`to_json` is the DESIGN's contract plus extra keys."""

    joint: Path
    files: list[Path]
    date_from: dt.date | None
    date_to: dt.date | None
    total: Compliance
    unmatched_lines: int
    outside_assortment_spend: float
    by_municipality: dict[str, Compliance]
    by_month: dict[str, Compliance]
    by_org_unit: dict[str, dict[str, Compliance]]  # municipality -> förvaltning -> figures
    removed_bought: list[RemovedBought]
    outside_largest: list[dict[str, Any]]
    price_deviations: list[PriceDeviation]
    matched_by: dict[str, int]
    undated_lines: int
    plastic_kg_bought: float
    plastic_kg_planned: float
    co2e_kg_bought: float
    co2e_kg_planned: float
    seconds: float = 0.0
    snapshot_sheet: str | None = None  # the sheet the snapshot was added to
    report_file: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> int:
        return self.total.lines

    @property
    def compliance(self) -> float | None:
        return self.total.compliance

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        return self.date_from, self.date_to

    def period_text(self) -> str:
        start, end = self.period()
        return f"{start.isoformat() if start else '…'}–{end.isoformat() if end else '…'}"

    def to_json(self) -> dict[str, Any]:
        total = self.total.to_json()
        return {
            "lines": self.total.lines, "spend": total["spend"], "spend_in_assortment": total["spend_in_assortment"],
            "compliance": total["compliance"],
            "by_municipality": {name: c.to_json() for name, c in self.by_municipality.items()},
            "by_month": {month: c.to_json() for month, c in self.by_month.items()},
            "removed_bought": [r.to_json() for r in self.removed_bought],
            "outside_assortment_spend": _money(self.outside_assortment_spend),
            "unmatched_lines": self.unmatched_lines,
            "price_deviations": [p.to_json() for p in self.price_deviations],
            "joint": str(self.joint), "files": [str(f) for f in self.files],
            "period": {"from": self.date_from.isoformat() if self.date_from else None,
                       "to": self.date_to.isoformat() if self.date_to else None},
            "by_org_unit": {m: {o: c.to_json() for o, c in units.items()} for m, units in self.by_org_unit.items()},
            "outside_largest": [{**row, "spend": _money(row["spend"] or 0.0)} for row in self.outside_largest],
            "matched_by": dict(self.matched_by), "undated_lines": self.undated_lines,
            "plastic_kg_bought": round(self.plastic_kg_bought, 3),
            "plastic_kg_planned": round(self.plastic_kg_planned, 3),
            "co2e_kg_bought": round(self.co2e_kg_bought, 3), "co2e_kg_planned": round(self.co2e_kg_planned, 3),
            "price_tolerance": PRICE_TOLERANCE, "seconds": round(self.seconds, 3),
        }

    def summary(self, lang: str = "sv") -> str:
        """The short report of the command line."""
        share = self.compliance
        lines = [text("followup_summary", lang, count=self.lines, period=self.period_text(), file=self.joint.name,
                      spend=format_number(round(self.total.spend), lang),
                      inside=format_number(round(self.total.spend_in_assortment), lang),
                      compliance=percent(share, lang))]
        for name, figures in self.by_municipality.items():
            lines.append(text("followup_municipality", lang, name=name or "?",
                              compliance=percent(figures.compliance, lang),
                              spend=format_number(round(figures.spend), lang)))
        if self.removed_bought:
            lines.append(text("followup_removed", lang, count=len(self.removed_bought),
                              spend=format_number(round(sum(r.spend for r in self.removed_bought)), lang)))
        if self.unmatched_lines:
            lines.append(text("followup_outside", lang, count=self.unmatched_lines,
                              spend=format_number(round(self.outside_assortment_spend), lang)))
        if self.price_deviations:
            lines.append(text("followup_prices", lang, count=len(self.price_deviations)))
        if self.undated_lines:
            code = "followup_undated_filtered" if (self.date_from or self.date_to) else "followup_undated"
            lines.append(text(code, lang, count=self.undated_lines))
        if self.snapshot_sheet:
            lines.append(text("followup_snapshot", lang, sheet=self.snapshot_sheet))
        if self.report_file is not None:
            lines.append(text("followup_report_written", lang, file=str(self.report_file)))
        return "\n".join(lines)


def percent(share: float | None, lang: str = "sv") -> str:
    if share is None:
        return "–"
    value = f"{share * 100:.1f}"
    return (value.replace(".", ",") + " %") if lang == "sv" else value + " %"


def build_result(joint: JointKeys, files: list[Path], sums: EngineResult, date_from: dt.date | None,
                 date_to: dt.date | None) -> FollowupResult:
    articles = joint.articles
    start = date_from or sums.first_day
    end = date_to or sums.last_day
    removed: list[RemovedBought] = []
    plastic = co2e = plastic_planned = co2e_planned = 0.0
    for article_id, (spend, quantity, count) in sums.by_article.items():
        article = articles.get(article_id)
        if article is None:
            continue
        # as planned: the same need bought as the decisions said (a replaced article's quantity as its
        # replacement, a removed article's not at all), so both figures are of the same purchases and period
        planned = article if article.inside else (articles.get(article.replacement) if article.replacement else None)
        if article.plastic_per_unit is not None:
            plastic += article.plastic_per_unit * quantity
        if article.co2e_per_unit is not None:
            co2e += article.co2e_per_unit * quantity
        if planned is not None and planned.plastic_per_unit is not None:
            plastic_planned += planned.plastic_per_unit * quantity
        if planned is not None and planned.co2e_per_unit is not None:
            co2e_planned += planned.co2e_per_unit * quantity
        if article.inside or article.decision is None:
            continue  # (inside covers undecided; the second test tells the type checker)
        replacement = articles.get(article.replacement) if article.replacement else None
        removed.append(RemovedBought(
            article_id, article.name, article.decision, spend, quantity, count, article.replacement,
            replacement.name if replacement else None, tuple(sums.article_municipalities.get(article_id, ()))))
    removed.sort(key=lambda r: (-r.spend, r.key))
    deviations: list[PriceDeviation] = []
    for article_id, (spend, quantity, count) in sums.price_deviations.items():
        article = articles.get(article_id)
        if article is None or article.agreed_price is None or not quantity:
            continue
        paid = spend / quantity
        deviations.append(PriceDeviation(article_id, article.name, article.agreed_price, paid, count, quantity,
                                         (paid - article.agreed_price) * quantity))
    deviations.sort(key=lambda d: (-d.excess, d.key))
    by_org: dict[str, dict[str, Compliance]] = {}
    for (municipality, unit), (spend, inside, count) in sorted(sums.by_org_unit.items()):
        by_org.setdefault(municipality, {})[unit] = Compliance(spend, inside, count)
    return FollowupResult(
        joint.path, files, start, end, Compliance(sums.spend, sums.spend_inside, sums.lines), sums.unmatched_lines,
        sums.outside_spend,
        {m: Compliance(*v) for m, v in sorted(sums.by_municipality.items())},
        {m: Compliance(*v) for m, v in sorted(sums.by_month.items())}, by_org, removed, sums.outside,
        deviations, sums.matched_by, sums.undated_lines, plastic, plastic_planned, co2e, co2e_planned)
