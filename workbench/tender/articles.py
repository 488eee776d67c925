"""Which articles go into the tender and with what volume (DESIGN, "Summary and tender list").

The remaining articles are those kept, investigated or not yet decided; removed and replaced articles leave,
and so does an article no municipality lists any more (``Kommuner`` 0 after a re-merge), as in the summary.
A replaced article's yearly volume moves, municipality by municipality, to its final replacement (the chain
rule of :func:`workbench.environment.totals.final_replacement`), converted into the replacement's units
through both articles' pieces per unit where the environment data knows them and they differ (a pack of 100
replaced by single pieces moves 100 pieces a pack; :func:`~workbench.environment.totals.unit_conversion`,
the summary's rule), so the volume a supplier prices is the volume the municipalities will buy. An article
merged into another by hand (``Sammanslagen med``) is no article of its own any more. The requirement level
and criteria come from the environment data; where it says nothing the article has none (never a guess).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.assortment.layout import detect_language, headers, municipalities_in, survivor
from workbench.environment.assess import Assessor
from workbench.environment.data import CriteriaData, Criterion, load_criteria
from workbench.environment.report import assess_table
from workbench.environment.totals import final_replacement, pieces_per_unit, unit_conversion
from workbench.errors import NotJointWorkbookError
from workbench.numbers import cell_number
from workbench.review.values import is_empty
from workbench.table import SourceTable

__all__ = ["DESCRIPTIVE_FIELDS", "TenderArticle", "TenderSelection", "tender_articles"]

DESCRIPTIVE_FIELDS = ("name", "category", "unit", "pack_size")
"""The joint article's fields the tender list gives (the current supplier, article number and GTIN are
left out: the list asks for an offer, it does not name the product bought today)."""

_LEAVES = frozenset({"remove", "replace"})


@dataclass
class TenderArticle:
    """One row of the tender list."""

    key: str
    fields: dict[str, Any]
    volumes: dict[str, float | None]  # municipality -> pooled yearly volume (its own plus what it takes over)
    total: float | None
    taken_over: tuple[str, ...] = ()  # the replaced articles whose volume moved here
    group: str | None = None  # the environment data's product group, None when it names none
    level: str = ""  # the requirement level to demand ("" when the data gives none)
    criteria: tuple[Criterion, ...] = ()


@dataclass
class TenderSelection:
    """The tender's articles (by category, name and ID) and what did not go in."""

    lang: str
    municipalities: list[str]
    articles: list[TenderArticle] = field(default_factory=list)
    removed: int = 0
    replaced: int = 0
    merged: int = 0  # rows merged into another article by hand
    unlisted: int = 0  # articles no municipality lists any more (Kommuner 0)
    # replaced articles whose volume could not be moved, key -> reason: no_replacement (Ersätts av empty),
    # replacement_leaves (the chain ends in a removed article or goes round), replacement_unknown (no such
    # article in the list)
    not_moved: dict[str, str] = field(default_factory=dict)

    @property
    def without_requirement(self) -> int:
        return sum(1 for a in self.articles if not a.level)

    @property
    def without_volume(self) -> int:
        return sum(1 for a in self.articles if not a.total)


def _joint_language(table: SourceTable) -> str:
    lang = detect_language(list(table.sheets))
    names = headers(lang or "sv")
    if lang is None or table.sheet != names.sheets[0] or table.key_column != names.article_id:
        raise NotJointWorkbookError(table.path, sheets=", ".join(headers("sv").sheets[:2]))
    return lang


def _value(value: Any) -> Any:
    return None if is_empty(value) else value


def _text(value: Any) -> str | None:
    return None if is_empty(value) else str(value).strip()


def _chosen_criteria(data: CriteriaData, group: str | None, ids: Sequence[str]) -> tuple[Criterion, ...]:
    """The group's criteria the assessment chose (its ``criteria``: their ids in the group's order, ``""``
    for one without an id), as the data's entries, so their texts can be given."""
    entry = data.groups.get(group) if group is not None else None
    if entry is None or not ids:
        return ()
    chosen = []
    wanted = list(ids)
    for criterion in entry.criteria:
        if wanted and (criterion.id or "") == wanted[0]:
            chosen.append(criterion)
            wanted.pop(0)
    return tuple(chosen)


def tender_articles(table: SourceTable, criteria: CriteriaData | None = None) -> TenderSelection:
    """The articles of the joint workbook's ``Sortiment`` (``table``, as ``read_table`` gives it) that go
    into the tender, with their pooled yearly volumes per municipality and their requirements. Raises
    :class:`~workbench.errors.NotJointWorkbookError` for a table that is not a joint workbook's."""
    lang = _joint_language(table)
    names = headers(lang)
    data = table.data
    found = [str(h) for h in data.columns]
    municipalities = municipalities_in(names, found)
    rows = [int(r) for r in data.index]
    keys = [_text(k) for k in table.keys.to_numpy(dtype=object).tolist()]
    decisions = table.review["decision"].tolist() if "decision" in table.review.columns else [None] * len(rows)
    targets = table.review["replaced_by"].tolist() if "replaced_by" in table.review.columns else [None] * len(rows)
    merged = data[names.merged_into].tolist() if names.merged_into in data.columns else [None] * len(rows)
    listed = data[names.municipalities].tolist() if names.municipalities in data.columns else [None] * len(rows)
    quantities = {m: [cell_number(v) for v in data[names.quantity_of(m)].tolist()] for m in municipalities}
    total_header = table.columns.get("quantity")
    totals = [cell_number(v) for v in data[total_header].tolist()] if total_header in data.columns else \
        [None] * len(rows)
    fields = {name: (data[table.columns[name]].tolist() if table.columns.get(name) in data.columns
                     else [None] * len(rows)) for name in DESCRIPTIVE_FIELDS}

    selection = TenderSelection(lang, municipalities)
    alias: dict[str, str] = {}  # an article merged by hand -> the one it was merged into
    decision_of: dict[str, Any] = {}
    successor: dict[str, str] = {}
    position: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None or key in position or key in alias:
            continue  # a row without an ID, or a second row of one (the joint workbook has neither)
        into = _text(merged[index])
        if into is not None:
            alias[key] = into
            selection.merged += 1
            continue
        count = cell_number(listed[index])
        if count is not None and count <= 0:
            selection.unlisted += 1
            continue  # no municipality lists it any longer: nobody would buy it
        position[key] = index
        decision = decisions[index]
        decision_of[key] = None if is_empty(decision) else decision
        target = _text(targets[index])
        if target is not None:
            successor[key] = target
    for key, target in successor.items():
        successor[key] = survivor(target, alias.get)

    data_criteria = criteria if criteria is not None else load_criteria()
    report = assess_table(table, Assessor(data_criteria))
    assessment_of = dict(zip(report.rows, report.articles, strict=True))  # sheet row -> its assessment

    def pieces(index: int) -> float | None:
        return pieces_per_unit(assessment_of[rows[index]].pieces_year, totals[index])

    kept: dict[str, TenderArticle] = {}
    for key, index in position.items():
        decision = decision_of[key]
        if decision == "remove":
            selection.removed += 1
            continue
        if decision == "replace":
            selection.replaced += 1
            continue
        assessment = assessment_of[rows[index]]
        volumes = {m: quantities[m][index] for m in municipalities}
        total = _sum(volumes.values()) if municipalities else totals[index]
        article = TenderArticle(key, {name: _value(values[index]) for name, values in fields.items()}, volumes, total,
                                group=assessment.group, level=assessment.requirement_level,
                                criteria=_chosen_criteria(data_criteria, assessment.group, assessment.criteria))
        kept[key] = article

    for key, index in position.items():
        if decision_of[key] != "replace":
            continue
        if key not in successor:
            selection.not_moved[key] = "no_replacement"
            continue
        final = final_replacement(key, successor, decision_of)
        if final is None:
            selection.not_moved[key] = "replacement_leaves"
            continue
        target_article = kept.get(final)
        if target_article is None:
            selection.not_moved[key] = "replacement_unknown"
            continue
        factor = unit_conversion(pieces(index), pieces(position[final]))
        _take_over(target_article, key, {m: _times(quantities[m][index], factor) for m in municipalities},
                   None if municipalities else _times(totals[index], factor))

    selection.articles = sorted(kept.values(), key=_sort_key)
    return selection


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _sum(values: Any) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _take_over(article: TenderArticle, key: str, volumes: dict[str, float | None], total: float | None) -> None:
    for municipality, volume in volumes.items():
        if volume:
            article.volumes[municipality] = (article.volumes.get(municipality) or 0.0) + volume
    if volumes:
        article.total = _sum(article.volumes.values())
    elif total:
        article.total = (article.total or 0.0) + total
    article.taken_over = (*article.taken_over, key)


def _sort_key(article: TenderArticle) -> tuple[bool, str, bool, str, str]:
    """By category and name, those without either after those with."""
    category = str(article.fields.get("category") or "").strip().casefold()
    name = str(article.fields.get("name") or "").strip().casefold()
    return (not category, category, not name, name, article.key)
