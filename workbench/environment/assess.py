"""One article's environmental assessment: its material, the single-use plastics rule it falls under, a
suggested Miljöpoäng with its reasons, the requirement level and criteria of its product group, and its
plastic and CO2e per year with the assumptions behind them (DESIGN, "Environment").

Everything here follows the data (:mod:`workbench.environment.data`); nothing is a figure of its own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from workbench.environment.data import LEVELS, RULES, CriteriaData, Factor, Material, load_criteria
from workbench.environment.texts import Canon
from workbench.environment.words import WordMatcher, fold


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


PIECE, PACK, UNCLEAR = 0, 1, 2
"""What a unit word says: a piece, a pack of ``pack_size`` pieces, or neither (then the pack size decides)."""

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


@dataclass(frozen=True)
class Verdict:
    """What an article's texts (name, category, material, ecolabel) decide: everything but its quantities,
    and what the quantities are multiplied by."""

    material: str | None
    parts: tuple[str, ...]
    plastic: bool | None
    types: tuple[str, ...]
    sup: tuple[str, ...]
    reasons: tuple[str, ...]
    score: int
    group: str | None
    level: str
    criteria: tuple[str, ...]
    head: tuple[str, ...]  # the assumptions before the quantities' ...
    tail: tuple[str, ...]  # ... and after them
    single_use: bool  # a weight above the pack suspicion is then taken as a pack's
    plastic_zero: bool  # no plastic, whatever it weighs
    plastic_share: float | None  # kg plastic per kg when it can be counted
    factor: tuple[float, float, float] | None  # kg CO2e per kg: central, low, high


@dataclass(frozen=True)
class Texts:
    """An article's texts as the words are matched in them (folded, :class:`~workbench.environment.texts.Canon`
    -ical): ``words`` is the name and the category, ``name`` the name alone (where a material is looked for when
    the material cell is empty; ``""`` for none), ``material`` and ``ecolabel`` None when empty (the ecolabel
    folded only: it is also compared whole)."""

    words: str
    name: str
    material: str | None
    ecolabel: str | None


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
        self.canon = Canon((self._materials, self._recycled, self._types, self._groups))
        self._combinations = dict(self.data.combinations)
        # an assortment repeats its materials, categories and names: each text is matched once
        self._material_memo: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self._types_memo: dict[str, list[str]] = {}
        self._group_memo: dict[str, str | None] = {}
        self._verdicts: dict[Texts, Verdict] = {}
        self._found_memo: dict[tuple[int, str], bool] = {}

    # -- material -------------------------------------------------------------------------------

    def material_of(self, text: Any) -> tuple[str | None, tuple[str, ...]]:
        """The material id ``text`` names (a combination of parts as its composite: paper + PE is
        ``paper_pe``), and every part named. ``(None, parts)`` when several are named without a
        combination, or none."""
        return self._material_in("" if text is None else self.canon.canonical(fold(text)))

    def _material_in(self, canonical: str) -> tuple[str | None, tuple[str, ...]]:
        known = self._material_memo.get(canonical)
        if known is None:
            known = self._material_memo[canonical] = self._material_of(canonical)
        return known

    def _material_of(self, canonical: str) -> tuple[str | None, tuple[str, ...]]:
        parts = tuple(self._materials.find_folded(canonical))
        materials = self.data.materials
        specific = tuple(p for p in parts if not materials[p].generic)
        if len(specific) < len(parts) and specific and any(materials[p].plastic for p in specific):
            parts = specific  # "Plastmugg PP" is PP
        if len(parts) == 1:
            return parts[0], parts
        if parts:
            return self._combinations.get(frozenset(parts)), parts
        return None, parts

    def _material(self, texts: Texts, assumptions: list[str]) -> tuple[str | None, tuple[str, ...]]:
        if texts.material is not None:
            material, parts = self._material_in(texts.material)
        else:
            material, parts = self._material_in(texts.name)
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
            found = self._types_memo[words] = self._types.find_folded(words)
        return found

    def _group_in(self, words: str) -> str | None:
        if words not in self._group_memo:
            found = self._groups.find_folded(words)
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

    # -- texts --------------------------------------------------------------------------------

    def texts(self, facts: ArticleFacts) -> Texts:
        """The texts of one article as :meth:`verdict` takes them."""
        canonical = self.canon.canonical
        name = "" if _empty(facts.name) else canonical(fold(facts.name))
        category = "" if _empty(facts.category) else canonical(fold(facts.category))
        return Texts(" ".join(t for t in (name, category) if t),
                     "" if facts.name is None else name or canonical(fold(facts.name)),
                     None if _empty(facts.material) else canonical(fold(facts.material)),
                     None if _empty(facts.ecolabel) else fold(facts.ecolabel))

    def verdict(self, texts: Texts) -> Verdict:
        """What ``texts`` decide (kept: an assortment repeats them)."""
        known = self._verdicts.get(texts)
        if known is None:
            known = self._verdicts[texts] = self._verdict(texts)
        return known

    def _verdict(self, texts: Texts) -> Verdict:
        head: list[str] = []
        material_id, parts = self._material(texts, head)
        material = self.data.materials.get(material_id) if material_id else None
        if material is not None:
            plastic: bool | None = material.plastic
        elif parts:
            named = [self.data.materials[p] for p in parts]
            plastic = True if any(m.plastic for m in named) else None
        else:
            plastic = None
        types = self._types_in(texts.words)
        excluded = {name for t in types for name in self.data.product_types[t].excludes}
        types = [t for t in types if t not in excluded]
        sup = self._sup(types, material, parts, plastic, head)
        recycled = texts.material is not None and self._found(self._recycled, texts.material)
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
        single_use = any(self.data.product_types[t].single_use for t in types)
        if single_use:
            reasons.append("single_use")
        if recycled:
            reasons.append("recycled_content")
        if plastic and bio:
            reasons.append("bio_based")
        label = texts.ecolabel
        if label is not None and label not in self.data.no_ecolabel_words and self._found(self._labels, label):
            reasons.append("ecolabel")
        if material is None:
            reasons.append("unknown_material")

        group, level, criteria = self._requirements(texts.words, material_id)
        tail: list[str] = []
        share = self._plastic_share(material, tail)
        factor = self._factor(material, recycled, tail)
        return Verdict(
            material=material_id, parts=parts, plastic=plastic, types=tuple(types), sup=sup,
            reasons=tuple(reasons), score=self._score(reasons), group=group, level=level, criteria=criteria,
            head=tuple(head), tail=tuple(tail), single_use=bool(types) and single_use,
            plastic_zero=material is not None and not material.plastic, plastic_share=share,
            factor=None if factor is None else (factor.central, factor.low, factor.high))

    def _found(self, matcher: WordMatcher, text: str) -> bool:
        """Whether ``matcher`` finds a word in ``text`` (kept: materials and labels repeat)."""
        known = self._found_memo.get((id(matcher), text))
        if known is None:
            known = self._found_memo[id(matcher), text] = bool(matcher.find_folded(text))
        return known

    @staticmethod
    def _plastic_share(material: Material | None, assumptions: list[str]) -> float | None:
        if material is None or not material.plastic:
            return None
        if material.plastic_share is None:
            assumptions.append("plastic_share_unknown")
        return material.plastic_share

    @staticmethod
    def _factor(material: Material | None, recycled: bool, assumptions: list[str]) -> Factor | None:
        if material is None:
            return None
        factor: Factor | None = material.virgin
        if recycled and material.recycled is not None:
            factor = material.recycled
            assumptions.append("recycled_share_assumed")
        if factor is None:
            assumptions.append("factor_missing")
        return factor

    # -- quantities -----------------------------------------------------------------------------

    def _pieces(self, facts: ArticleFacts, assumptions: list[str]) -> float | None:
        """Pieces per year: the quantity, times the pack size when the unit is a pack."""
        quantity = number(facts.quantity)
        if quantity is None:
            assumptions.append("quantity_missing")
        pack_size = number(facts.pack_size)
        unit = self.unit_kind(facts.unit)
        if unit == PIECE:
            is_pack = False
        elif unit == PACK:
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

    def unit_kind(self, unit: Any) -> int:
        """:data:`PIECE`, :data:`PACK` or :data:`UNCLEAR`: what the data's unit words say of ``unit``."""
        word = fold(unit).rstrip(".") if not _empty(unit) else ""
        return PIECE if word in self.data.piece_units else PACK if word in self.data.pack_units else UNCLEAR

    def assess(self, facts: ArticleFacts) -> Assessment:
        """One article (the table's articles are assessed column-wise: ``report.assess_table``)."""
        verdict = self.verdict(self.texts(facts))
        assumptions = list(verdict.head)
        pieces = self._pieces(facts, assumptions)
        weight = number(facts.weight_g)
        mass: float | None = None
        if weight is None or weight <= 0:
            assumptions.append("weight_missing")
        elif verdict.single_use and weight > self.data.pack_weight_suspect_g:
            assumptions.append("weight_may_be_pack")
        elif pieces is not None:
            mass = weight / 1000.0 * pieces
        assumptions += verdict.tail
        if verdict.plastic_zero:
            plastic_kg: float | None = 0.0
        else:
            share = verdict.plastic_share
            plastic_kg = None if share is None or mass is None else mass * share
        factor = verdict.factor if mass is not None else None
        return Assessment(
            key=facts.key, material=verdict.material, material_parts=verdict.parts,
            contains_plastic=verdict.plastic, product_types=verdict.types, sup_rule=verdict.sup[0] if verdict.sup
            else "", sup_rules=verdict.sup, suggested_score=verdict.score, reasons=verdict.reasons,
            group=verdict.group, requirement_level=verdict.level, criteria=verdict.criteria, pieces_year=pieces,
            mass_kg_year=mass, plastic_kg_year=plastic_kg,
            co2e_kg_year=None if factor is None else mass * factor[0],  # type: ignore[operator]
            co2e_kg_year_low=None if factor is None else mass * factor[1],  # type: ignore[operator]
            co2e_kg_year_high=None if factor is None else mass * factor[2],  # type: ignore[operator]
            assumptions=tuple(dict.fromkeys(assumptions)))
