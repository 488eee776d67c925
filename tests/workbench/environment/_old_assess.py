"""A frozen copy of the environment assessment as it was before it was made column-wise (issue 16's
speed item, 2026-12-02): ``words.py``, ``assess.py`` and ``report.py`` of commit f6a67c3, unchanged but for
their imports. ``test_assess_frozen.py`` compares every output of the current code with this one's.
Do not "fix" this file: it is the reference the new code must equal."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_SHORT = 3
"""A word of at most this many letters is found only as a whole word ("pe", "pla", "ps"); a longer one
also as the start or the end of a Swedish compound ("plast" in "Plastmugg", "sugrör" in "Plastsugrör").
The data may say otherwise per word: ``trä*`` also starts a compound ("Träbestick"), ``=glas`` is only
found whole (not in "Glassbägare")."""


def _spelling(word: str) -> tuple[str, bool]:
    """A data word without its marks, and whether it may be part of a compound."""
    text = fold(word)
    if text.startswith("="):
        return text[1:], False
    if text.endswith("*"):
        return text[:-1], True
    return text, len(text) > _SHORT


def fold(text: object) -> str:
    """Text as compared: NFC, case folded, blanks collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


class WordMatcher:
    """Finds which ids of ``words`` (id -> its words) a text names, the longest word first: in
    ``PE-LD`` the id of ``pe-ld``, not also the one of ``pe``.

    Two patterns, each anchored at the start of a word so that the scan skips the middle of words: the
    words as they start a word (whole, or a compound's start), and the compound words reversed, run over
    the reversed text (a compound's end)."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self._ids: dict[str, str] = {}
        compound: dict[str, bool] = {}
        for ident, spellings in words.items():
            for word in spellings:
                text, joins = _spelling(word)
                if text and text not in self._ids:
                    self._ids[text] = ident
                    compound[text] = joins
        longest = sorted(self._ids, key=len, reverse=True)
        starts = [re.escape(w) if compound[w] else rf"{re.escape(w)}(?!\w)" for w in longest]
        ends = [re.escape(w[::-1]) for w in longest if compound[w]]
        self._starts = re.compile(rf"(?<!\w)(?:{'|'.join(starts)})") if starts else None
        self._ends = re.compile(rf"(?<!\w)(?:{'|'.join(ends)})") if ends else None

    def find(self, text: object) -> list[str]:
        """The ids named in ``text``, in order of appearance, each once."""
        if self._starts is None or text is None:
            return []
        folded = fold(text)
        spans = [(m.start(), m.end()) for m in self._starts.finditer(folded)]
        if self._ends is not None:
            size = len(folded)
            spans += [(size - m.end(), size - m.start()) for m in self._ends.finditer(folded[::-1])]
        taken: list[tuple[int, int]] = []
        for begin, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
            if all(end <= b or begin >= e for b, e in taken):
                taken.append((begin, end))
        return list(dict.fromkeys(self._ids[folded[b:e]] for b, e in sorted(taken)))

import math
import re
from dataclasses import dataclass
from typing import Any

from workbench.environment.data import LEVELS, RULES, CriteriaData, Factor, Material, load_criteria


@dataclass(frozen=True)
class ArticleFacts:
    """What the assessment reads of one article row (the fields of ``workbench.fields`` it needs)."""

    key: str
    name: Any = None
    category: Any = None
    material: Any = None
    weight_g: Any = None
    unit: Any = None
    pack_size: Any = None
    quantity: Any = None
    ecolabel: Any = None


@dataclass(frozen=True)
class Assessment:
    key: str
    material: str | None  # a material id of the data; None when unknown or several without shares
    material_parts: tuple[str, ...]  # every material named
    contains_plastic: bool | None  # None: not known
    product_types: tuple[str, ...]
    sup_rule: str  # "banned" | "marking" | "reduce" | ""
    sup_rules: tuple[str, ...]  # every rule that applies, strongest first
    suggested_score: int
    reasons: tuple[str, ...]
    group: str | None
    requirement_level: str
    criteria: tuple[str, ...]  # criterion ids ("" for a criterion whose id the notes lack)
    pieces_year: float | None
    mass_kg_year: float | None
    plastic_kg_year: float | None
    co2e_kg_year: float | None
    co2e_kg_year_low: float | None
    co2e_kg_year_high: float | None
    assumptions: tuple[str, ...]


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        return bool(value != value)  # NaN, NaT, pd.NA of other kinds
    except (TypeError, ValueError):
        return False


_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_PRODUCT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)")


def number(value: Any) -> float | None:
    """A number from a cell: 100, 100.0, "100", "100 st", "0,5", "10x100" (= 1000). None when none."""
    if _empty(value) or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = float(value)
        return result if math.isfinite(result) else None
    text = str(value).replace("\u00a0", "").replace(" ", "")
    product = _PRODUCT.match(text)
    if product:
        return float(product.group(1).replace(",", ".")) * float(product.group(2).replace(",", "."))
    match = _NUMBER.search(text)
    return float(match.group(0).replace(",", ".")) if match else None


class Assessor:
    """Assesses articles by the criteria data; its matchers and per-text results are kept between
    articles (an assortment repeats its materials and names)."""

    def __init__(self, data: CriteriaData | None = None) -> None:
        self.data = data if data is not None else load_criteria()
        self._materials = WordMatcher({k: m.aliases for k, m in self.data.materials.items()})
        self._recycled = WordMatcher({"recycled": self.data.recycled_words})
        self._types = WordMatcher({k: t.words for k, t in self.data.product_types.items()})
        self._groups = WordMatcher({k: g.words for k, g in self.data.groups.items()})
        self._labels = WordMatcher({"label": self.data.ecolabel_words})
        self._combinations = dict(self.data.combinations)
        # an assortment repeats its materials, categories and names: each text is matched once
        self._material_memo: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self._types_memo: dict[str, list[str]] = {}
        self._group_memo: dict[str, str | None] = {}

    # -- material -------------------------------------------------------------------------------

    def material_of(self, text: Any) -> tuple[str | None, tuple[str, ...]]:
        """The material id ``text`` names (a combination of parts as its composite: paper + PE is
        ``paper_pe``), and every part named. ``(None, parts)`` when several are named without a
        combination, or none."""
        memo_key = str(text)
        known = self._material_memo.get(memo_key)
        if known is None:
            known = self._material_memo[memo_key] = self._material_of(text)
        return known

    def _material_of(self, text: Any) -> tuple[str | None, tuple[str, ...]]:
        parts = tuple(self._materials.find(text))
        materials = self.data.materials
        specific = tuple(p for p in parts if not materials[p].generic)
        if len(specific) < len(parts) and specific and any(materials[p].plastic for p in specific):
            parts = specific  # "Plastmugg PP" is PP
        if len(parts) == 1:
            return parts[0], parts
        if parts:
            return self._combinations.get(frozenset(parts)), parts
        return None, parts

    def _material(self, facts: ArticleFacts, assumptions: list[str]) -> tuple[str | None, tuple[str, ...]]:
        if not _empty(facts.material):
            material, parts = self.material_of(facts.material)
        else:
            material, parts = self.material_of(facts.name)
            if parts:
                assumptions.append("material_from_name")
        if material is None:
            assumptions.append("material_mixed" if len(parts) > 1 else "material_unknown")
        return material, parts

    # -- rules ----------------------------------------------------------------------------------

    def _sup(self, types: list[str], material: Material | None, parts: tuple[str, ...],
             plastic: bool | None, assumptions: list[str]) -> tuple[str, ...]:
        materials = self.data.materials
        named = {p for p in parts if p in materials}
        if material is not None:
            named.add(material.id)
        rules: set[str] = set()
        if any(materials[p].oxo for p in named):
            rules.add(self.data.oxo_rule.rule)
        covered = False
        for ident in types:
            for rule in self.data.product_types[ident].rules:
                covered = True
                if plastic and (rule.materials is None or rule.materials & named):
                    rules.add(rule.rule)
        if covered and plastic is None:
            assumptions.append("sup_material_unknown")
        return tuple(r for r in RULES if r in rules)

    def _types_in(self, words: str) -> list[str]:
        found = self._types_memo.get(words)
        if found is None:
            found = self._types_memo[words] = self._types.find(words)
        return found

    def _group_in(self, words: str) -> str | None:
        if words not in self._group_memo:
            found = self._groups.find(words)
            order = list(self.data.groups)
            # the first group in the data's order: "Handskar" is gloves, also when a packaging word is there
            self._group_memo[words] = min(found, key=order.index) if found else None
        return self._group_memo[words]

    def _requirements(self, text: str, material: str | None) -> tuple[str | None, str, tuple[str, ...]]:
        """The product group ``text`` names, the level to demand and the criteria at or below it (a
        criterion for some materials only when the article is of one)."""
        ident = self._group_in(text)
        if ident is None:
            return None, "", ()
        group = self.data.groups[ident]
        if group.demand_level is None:
            return ident, "", ()
        demand = LEVELS.index(group.demand_level)
        return ident, group.demand_level, tuple(
            c.id or "" for c in group.criteria
            if (c.level is None or LEVELS.index(c.level) <= demand)
            and (c.materials is None or (material is not None and material in c.materials)))

    def _score(self, reasons: list[str]) -> int:
        table = self.data.reasons
        score = self.data.score_start + sum(table[r].points for r in reasons)
        caps = [table[r].cap for r in reasons if table[r].cap is not None]
        if caps:
            score = min(score, *(c for c in caps if c is not None))
        return max(self.data.score_min, min(self.data.score_max, score))

    # -- quantities -----------------------------------------------------------------------------

    def _pieces(self, facts: ArticleFacts, assumptions: list[str]) -> float | None:
        """Pieces per year: the quantity, times the pack size when the unit is a pack."""
        quantity = number(facts.quantity)
        if quantity is None:
            assumptions.append("quantity_missing")
        pack_size = number(facts.pack_size)
        unit = fold(facts.unit).rstrip(".") if not _empty(facts.unit) else ""
        if unit in self.data.piece_units:
            is_pack = False
        elif unit in self.data.pack_units:
            is_pack = True
        elif pack_size is not None and pack_size > 1:
            is_pack = True
            assumptions.append("unit_unclear_pack")
        else:
            is_pack = False
            assumptions.append("unit_unclear_piece")
        if is_pack and (pack_size is None or pack_size <= 0):
            assumptions.append("pack_size_missing")
            return None
        if quantity is None:
            return None
        return quantity * (pack_size if is_pack and pack_size else 1.0)

    def assess(self, facts: ArticleFacts) -> Assessment:
        assumptions: list[str] = []
        material_id, parts = self._material(facts, assumptions)
        material = self.data.materials.get(material_id) if material_id else None
        if material is not None:
            plastic: bool | None = material.plastic
        elif parts:
            named = [self.data.materials[p] for p in parts]
            plastic = True if any(m.plastic for m in named) else None
        else:
            plastic = None
        words = f"{'' if _empty(facts.name) else facts.name} {'' if _empty(facts.category) else facts.category}"
        types = self._types_in(words)
        excluded = {name for t in types for name in self.data.product_types[t].excludes}
        types = [t for t in types if t not in excluded]
        sup = self._sup(types, material, parts, plastic, assumptions)
        recycled = bool(self._recycled.find(facts.material)) if not _empty(facts.material) else False
        parts_data = [self.data.materials[p] for p in parts]

        reasons: list[str] = []
        if "banned" in sup:
            reasons.append("sup_banned")
        if "marking" in sup:
            reasons.append("sup_marking")
        if "reduce" in sup:
            reasons.append("sup_reduce")
        if any(m.pvc for m in parts_data) or (material is not None and material.pvc):
            reasons.append("pvc")
        bio = material.bio_based if material is not None else any(m.bio_based and m.plastic for m in parts_data)
        if plastic and not bio and not recycled:
            reasons.append("fossil_virgin_plastic")
        if any(self.data.product_types[t].single_use for t in types):
            reasons.append("single_use")
        if recycled:
            reasons.append("recycled_content")
        if plastic and bio:
            reasons.append("bio_based")
        if not _empty(facts.ecolabel) and fold(facts.ecolabel) not in self.data.no_ecolabel_words \
                and self._labels.find(facts.ecolabel):
            reasons.append("ecolabel")
        if material is None:
            reasons.append("unknown_material")

        group, level, criteria = self._requirements(words, material_id)

        pieces = self._pieces(facts, assumptions)
        weight = number(facts.weight_g)
        mass: float | None = None
        if weight is None or weight <= 0:
            assumptions.append("weight_missing")
        elif types and any(self.data.product_types[t].single_use for t in types) \
                and weight > self.data.pack_weight_suspect_g:
            assumptions.append("weight_may_be_pack")
        elif pieces is not None:
            mass = weight / 1000.0 * pieces
        plastic_kg = self._plastic_kg(material, plastic, mass, assumptions)
        co2e = self._co2e(material, mass, recycled, assumptions)
        return Assessment(
            key=facts.key, material=material_id, material_parts=parts, contains_plastic=plastic,
            product_types=tuple(types), sup_rule=sup[0] if sup else "", sup_rules=sup,
            suggested_score=self._score(reasons), reasons=tuple(reasons), group=group, requirement_level=level,
            criteria=criteria, pieces_year=pieces, mass_kg_year=mass, plastic_kg_year=plastic_kg,
            co2e_kg_year=co2e[0], co2e_kg_year_low=co2e[1], co2e_kg_year_high=co2e[2],
            assumptions=tuple(dict.fromkeys(assumptions)))

    @staticmethod
    def _plastic_kg(material: Material | None, plastic: bool | None, mass: float | None,
                    assumptions: list[str]) -> float | None:
        if material is not None and not material.plastic:
            return 0.0  # no plastic, whatever it weighs
        if material is None:
            return None
        if material.plastic_share is None:
            assumptions.append("plastic_share_unknown")
            return None
        return None if mass is None else mass * material.plastic_share

    @staticmethod
    def _co2e(material: Material | None, mass: float | None, recycled: bool,
              assumptions: list[str]) -> tuple[float | None, float | None, float | None]:
        if material is None:
            return None, None, None
        factor: Factor | None = material.virgin
        if recycled and material.recycled is not None:
            factor = material.recycled
            assumptions.append("recycled_share_assumed")
        if factor is None:
            assumptions.append("factor_missing")
            return None, None, None
        if mass is None:
            return None, None, None
        return mass * factor.central, mass * factor.low, mass * factor.high

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import pandas as pd

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
