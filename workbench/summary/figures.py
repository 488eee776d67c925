"""The figures of the summary (DESIGN, "Summary and tender list"), computed once from the joint workbook's
``Sortiment`` so that the PDF, the workbooks, the JSON and the app can never disagree.

The assortment *before* is every live article (not merged into another, still listed by some municipality).
*After* are the articles kept, under investigation or not yet decided; removed and replaced articles leave.
A replaced article's quantity moves to its final replacement (a chain of replacements is followed; a
cycle or a removed replacement moves nothing and is an open problem), converted through the pieces per
unit of both articles when these are known and differ (a pack of 100 replaced by single pieces moves 100
pieces per pack), and is then counted at the replacement's own price. ``spend_after`` is therefore every
remaining article's own quantity plus what moved to it, at its own price (``Pris``, or ``Belopp ÷ Antal``
when the price cell is empty; per municipality the price that municipality pays for it, where it buys
it). Plastic and CO2e come from :func:`workbench.environment.before_after`.

Per municipality the same figures are counted over the articles that municipality buys (its ``Antal`` or
``Belopp`` column not zero), with its own quantities and spend; its assortment after holds its remaining
articles and the replacements its replaced articles move to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.assortment.layout import survivor
from workbench.environment.report import EnvironmentReport
from workbench.environment.totals import (
    BeforeAfter,
    Decisions,
    final_replacement,
    pieces_per_unit,
    totals,
    unit_conversion,
)
from workbench.numbers import cell_number
from workbench.review.values import is_empty
from workbench.table import SourceTable
from workbench.vocabularies import vocabulary

LEAVES = frozenset({"remove", "replace"})
UNDECIDED = "undecided"


def decision_codes() -> tuple[str, ...]:
    """The decision codes in the vocabulary's order, then ``undecided``: the keys of ``decisions``."""
    return (*vocabulary("decision").codes, UNDECIDED)


@dataclass
class Figures:
    """The summary's figures for the whole assortment or for one municipality."""

    articles_before: int = 0
    articles_after: int = 0
    decisions: dict[str, int] = field(default_factory=dict)  # decision code -> articles; "undecided" too
    spend_total: float = 0.0
    spend_after: float = 0.0
    quantity_before: float = 0.0
    quantity_after: float = 0.0  # the remaining articles' quantities with what moved to them
    plastic_kg_before: float = 0.0
    plastic_kg_after: float = 0.0
    co2e_kg_before: float = 0.0
    co2e_kg_after: float = 0.0
    sup_banned_left: list[str] = field(default_factory=list)

    @property
    def volume_per_article_before(self) -> float | None:
        return self.quantity_before / self.articles_before if self.articles_before else None

    @property
    def volume_per_article_after(self) -> float | None:
        return self.quantity_after / self.articles_after if self.articles_after else None

    @property
    def decided(self) -> int:
        return self.articles_before - self.decisions.get(UNDECIDED, 0)

    def to_json(self) -> dict[str, Any]:
        """DESIGN's keys of ``workbench summary --json`` for these figures (money to the öre)."""
        return {
            "articles_before": self.articles_before,
            "articles_after": self.articles_after,
            "decisions": dict(self.decisions),
            "spend_total": round(self.spend_total, 2),
            "spend_after": round(self.spend_after, 2),
            "volume_per_article_before": _round(self.volume_per_article_before),
            "volume_per_article_after": _round(self.volume_per_article_after),
            "plastic_kg_before": round(self.plastic_kg_before, 3),
            "plastic_kg_after": round(self.plastic_kg_after, 3),
            "co2e_kg_before": round(self.co2e_kg_before, 3),
            "co2e_kg_after": round(self.co2e_kg_after, 3),
            "sup_banned_left": list(self.sup_banned_left),
        }


@dataclass
class Problems:
    """What stands in the way of a finished assortment, article keys in sheet order."""

    replace_without_replacement: list[str] = field(default_factory=list)  # Ersätt with an empty Ersätts av
    replacement_not_found: dict[str, str] = field(default_factory=dict)  # key -> its Ersätts av (no live article)
    replacement_leaves: dict[str, str] = field(default_factory=dict)  # key -> replacement that is removed/a cycle
    undecided: list[str] = field(default_factory=list)  # nobody has decided
    not_reviewed: list[str] = field(default_factory=list)  # no decision and no reviewer: nobody looked at it
    invalid_decision: dict[str, str] = field(default_factory=dict)  # key -> text that is no decision
    decided_without_reviewer: list[str] = field(default_factory=list)
    price_unknown: list[str] = field(default_factory=list)  # remaining articles with neither price nor spend
    environment_missing: list[str] = field(default_factory=list)  # no plastic or no CO2e figure
    not_moved: dict[str, str] = field(default_factory=dict)  # replaced articles whose plastic/CO2e did not move

    def to_json(self) -> dict[str, Any]:
        return {name: (dict(value) if isinstance(value, dict) else list(value))
                for name, value in self.__dict__.items()}


@dataclass
class Summary:
    """The whole summary: the figures, per municipality, per reviewer, by category and material."""

    whole: Figures
    by_municipality: dict[str, Figures]
    by_reviewer: dict[str, int]  # reviewer -> articles decided
    by_category: dict[str, dict[str, int]]  # category ("" when none) -> decision code -> articles
    plastic_by_material_before: dict[str, float]
    plastic_by_material_after: dict[str, float]
    problems: Problems
    file: Path | None = None
    made_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def municipalities(self) -> list[str]:
        return list(self.by_municipality)

    def to_json(self) -> dict[str, Any]:
        """``workbench summary --json``: DESIGN's keys first, then the rest."""
        data = self.whole.to_json()
        data["by_reviewer"] = dict(self.by_reviewer)
        data["by_municipality"] = {name: figures.to_json() for name, figures in self.by_municipality.items()}
        data["file"] = str(self.file) if self.file is not None else None
        data["made_at"] = self.made_at.isoformat(sep=" ")
        data["by_category"] = {name: dict(counts) for name, counts in self.by_category.items()}
        data["plastic_by_material_before"] = {k: round(v, 3) for k, v in self.plastic_by_material_before.items()}
        data["plastic_by_material_after"] = {k: round(v, 3) for k, v in self.plastic_by_material_after.items()}
        data["problems"] = self.problems.to_json()
        return data


@dataclass
class _Article:
    key: str
    row: int
    category: str
    decision: str | None  # a code, or None when undecided (or not a decision)
    target: str | None = None  # the article that finally takes this one's quantity (replaced ones)
    quantity: float = 0.0
    spend: float = 0.0
    price: float | None = None
    pieces_per_unit: float | None = None
    own: dict[str, tuple[float, float]] = field(default_factory=dict)  # municipality -> (quantity, spend)


def _round(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


def _text(value: Any) -> str:
    return "" if is_empty(value) else str(value).strip()


def summarise(table: SourceTable, report: EnvironmentReport | None = None, *, file: Path | None = None) -> Summary:
    """The summary of ``table`` (a joint workbook's ``Sortiment``, or any article list with decisions);
    ``report`` is its environment assessment when the caller already has one."""
    from workbench.assortment.layout import detect_language, headers, municipalities_in
    from workbench.environment.report import assess_table

    if report is None:
        report = assess_table(table)
    lang = detect_language(list(table.sheets))
    names = headers(lang) if lang is not None else None
    found = [str(h) for h in table.data.columns]
    municipalities = municipalities_in(names, found) if names is not None else []
    codes = set(decision_codes()) - {UNDECIDED}

    articles, problems, reviewers, linked = _articles(table, names, municipalities, codes)
    by_key = {a.key: a for a in articles}
    _resolve_targets(articles, by_key, problems)
    assessments = {a.key: a for a in report.articles}
    for article in articles:
        assessment = assessments.get(article.key)
        if assessment is not None:
            article.pieces_per_unit = pieces_per_unit(assessment.pieces_year, article.quantity)
        if assessment is None or assessment.plastic_kg_year is None or assessment.co2e_kg_year is None:
            problems.environment_missing.append(article.key)
        if article.decision not in LEAVES and article.price is None and article.quantity > 0:
            problems.price_unknown.append(article.key)

    live_rows = {a.row: 1.0 for a in articles}
    whole = _figures(articles, by_key, None)
    decided = Decisions.of(table, report)
    decided.successor = {key: survivor(target, linked.get) for key, target in decided.successor.items()}
    environment = totals(decided, report, live_rows)
    _add_environment(whole, environment)
    problems.not_moved = dict(environment.not_moved)
    by_municipality: dict[str, Figures] = {}
    for municipality in municipalities:
        figures = _figures(articles, by_key, municipality)
        weights = _shares(articles, municipality)
        _add_environment(figures, totals(decided, report, weights))
        by_municipality[municipality] = figures

    by_category: dict[str, dict[str, int]] = {}
    for article in articles:
        counts = by_category.setdefault(article.category, dict.fromkeys(decision_codes(), 0))
        counts[article.decision or UNDECIDED] += 1
    return Summary(
        whole=whole, by_municipality=by_municipality,
        by_reviewer=dict(sorted(reviewers.items(), key=lambda item: (-item[1], item[0].casefold()))),
        by_category=dict(sorted(by_category.items(), key=lambda item: (-sum(item[1].values()), item[0]))),
        plastic_by_material_before=_sorted(environment.plastic_by_material_before),
        plastic_by_material_after=_sorted(environment.plastic_by_material_after),
        problems=problems, file=file)


def _sorted(totals: Mapping[str, float]) -> dict[str, float]:
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def _numbers(table: SourceTable, header: str | None) -> list[float] | None:
    """A column's values as numbers (0 for an empty cell or text that is no number)."""
    import pandas as pd

    if header is None or header not in table.data.columns:
        return None
    column = table.data[header]
    if column.dtype == object:
        column = column.map(cell_number)
    return [float(v) for v in pd.to_numeric(column, errors="coerce").fillna(0.0).to_numpy(dtype=float)]


def _objects(table: SourceTable, header: str | None, review: bool = False) -> list[Any] | None:
    frame = table.review if review else table.data
    if header is None or header not in frame.columns:
        return None
    return list(frame[header].to_numpy(dtype=object))


def _articles(table: SourceTable, names: Any, municipalities: list[str],
              codes: set[str]) -> tuple[list[_Article], Problems, Counter[str], dict[str, str]]:
    problems = Problems()
    reviewers: Counter[str] = Counter()
    articles: list[_Article] = []
    seen: set[str] = set()
    linked: dict[str, str] = {}  # an article linked into another (Sammanslagen med) -> that one
    columns = table.columns
    n = len(table.data)
    keys = list(table.keys.to_numpy(dtype=object))
    rows = [int(r) for r in table.data.index]
    category = _objects(table, columns.get("category")) or [None] * n
    quantity = _numbers(table, columns.get("quantity")) or [0.0] * n
    spend = _numbers(table, columns.get("spend")) or [0.0] * n
    price = _objects(table, columns.get("price")) or [None] * n
    merged = _objects(table, names.merged_into) if names is not None else None
    listed = _numbers(table, names.municipalities) if names is not None else None
    listed_raw = _objects(table, names.municipalities) if names is not None else None
    decisions = _objects(table, "decision", review=True) or [None] * n
    replaced_by = _objects(table, "replaced_by", review=True) or [None] * n
    reviewed_by = _objects(table, "reviewed_by", review=True) or [None] * n
    own = {m: (_numbers(table, names.quantity_of(m)) or [0.0] * n, _numbers(table, names.spend_of(m)) or [0.0] * n)
           for m in municipalities}
    for i in range(n):
        key = _text(keys[i])
        if not key or key in seen:
            continue
        seen.add(key)
        if merged is not None and _text(merged[i]):
            linked[key] = _text(merged[i])
            continue  # merged into another article: its rows count there
        if listed is not None and listed_raw is not None and not is_empty(listed_raw[i]) and listed[i] <= 0:
            continue  # no municipality lists it any longer
        raw = decisions[i]
        decision = None if is_empty(raw) else str(raw).strip()
        if decision is not None and decision not in codes:
            problems.invalid_decision[key] = decision
            decision = None
        reviewer = _text(reviewed_by[i])
        if decision is None:
            problems.undecided.append(key)
            if not reviewer:
                problems.not_reviewed.append(key)
        elif reviewer:
            reviewers[reviewer] += 1
        else:
            problems.decided_without_reviewer.append(key)
        article = _Article(key=key, row=rows[i], category=_text(category[i]), decision=decision,
                           quantity=quantity[i], spend=spend[i])
        unit_price = cell_number(price[i])
        if unit_price is None and article.quantity and article.spend:
            unit_price = article.spend / article.quantity
        article.price = unit_price
        for municipality, (quantities, spends) in own.items():
            if quantities[i] or spends[i]:
                article.own[municipality] = (quantities[i], spends[i])
        if decision == "replace":
            article.target = _text(replaced_by[i]) or None
            if article.target is None:
                problems.replace_without_replacement.append(key)
        articles.append(article)
    for article in articles:  # a replacement named by an ID that was linked away is its survivor
        if article.target is not None:
            article.target = survivor(article.target, linked.get)
    return articles, problems, reviewers, linked


def _resolve_targets(articles: list[_Article], by_key: dict[str, _Article], problems: Problems) -> None:
    """Each replaced article's final replacement (a live article that remains), or None with a problem."""
    successor = {a.key: a.target for a in articles if a.target is not None}
    decision_of = {a.key: a.decision for a in articles}
    for article in articles:
        if article.target is None:
            continue
        named = article.target
        final = final_replacement(article.key, successor, decision_of)
        if final is None:
            problems.replacement_leaves[article.key] = named
        elif final not in by_key:
            problems.replacement_not_found[article.key] = named
            final = None
        article.target = final


def _shares(articles: list[_Article], municipality: str) -> dict[int, float]:
    shares: dict[int, float] = {}
    for article in articles:
        quantity = article.own.get(municipality, (0.0, 0.0))[0]
        if quantity and article.quantity:
            shares[article.row] = quantity / article.quantity
    return shares


def _figures(articles: list[_Article], by_key: Mapping[str, _Article], municipality: str | None) -> Figures:
    """The counts, spend and volumes over all articles (``municipality`` None) or one municipality's."""
    figures = Figures(decisions=dict.fromkeys(decision_codes(), 0))
    remaining: set[str] = set()
    for article in articles:
        if municipality is None:
            quantity, spend = article.quantity, article.spend
        else:
            quantity, spend = article.own.get(municipality, (0.0, 0.0))
            if not quantity and not spend:
                continue  # not one of this municipality's articles
        figures.articles_before += 1
        figures.decisions[article.decision or UNDECIDED] += 1
        figures.spend_total += spend
        figures.quantity_before += quantity
        if article.decision not in LEAVES:
            remaining.add(article.key)
            figures.quantity_after += quantity
            price = _price(article, municipality)
            figures.spend_after += quantity * price if price is not None else spend
        elif article.decision == "replace" and article.target is not None:
            target = by_key[article.target]
            remaining.add(target.key)
            moved = quantity * _conversion(article, target)
            figures.quantity_after += moved
            # the replacement's price; where it has none, what the replaced article cost
            price = _price(target, municipality)
            figures.spend_after += moved * price if price is not None else spend
    figures.articles_after = len(remaining)
    return figures


def _price(article: _Article, municipality: str | None) -> float | None:
    """The article's price: the municipality's own (its spend ÷ its quantity) where it buys the article,
    else the joint price, so that a municipality's figures before and after are at the prices it pays."""
    if municipality is not None:
        quantity, spend = article.own.get(municipality, (0.0, 0.0))
        if quantity > 0 and spend:
            return spend / quantity
    return article.price


def _conversion(replaced: _Article, target: _Article) -> float:
    """How many of ``target``'s units one unit of ``replaced`` is (the tender list's rule too)."""
    return unit_conversion(replaced.pieces_per_unit, target.pieces_per_unit)


def _add_environment(figures: Figures, environment: BeforeAfter) -> None:
    figures.plastic_kg_before = environment.plastic_kg_before
    figures.plastic_kg_after = environment.plastic_kg_after
    figures.co2e_kg_before = environment.co2e_kg_before
    figures.co2e_kg_after = environment.co2e_kg_after
    figures.sup_banned_left = list(environment.sup_banned_left)

