"""The environmental criteria data (``resources/criteria/``), read and checked.

The figures and rules are data, so that a municipality can correct or extend them without a programmer;
this module only reads them and refuses a bad value, naming the file and the entry
(:class:`~workbench.errors.CriteriaDataError`). What the data means is told in each file's ``_about``
and in ``docs/environment.md``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import CriteriaDataError
from workbench.resources import resource_path

RULES = ("banned", "marking", "reduce")
"""The single-use plastics rules, strongest first (an article's ``sup_rule`` is the strongest that applies)."""

LEVELS = ("bas", "avancerad", "spjutspets")

REASONS = ("sup_banned", "sup_marking", "sup_reduce", "pvc", "fossil_virgin_plastic", "single_use",
           "recycled_content", "bio_based", "ecolabel", "unknown_material")
"""The reason codes of a suggested score (each worded in the catalogue as ``env_reason_<code>``)."""


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    year: int | None
    url: str


@dataclass(frozen=True)
class FactorValue:
    value: float
    source: str
    note: str


@dataclass(frozen=True)
class Factor:
    """kg CO2e per kg for one stage: the figure used and every sourced figure (low and high are theirs)."""

    central: float
    values: tuple[FactorValue, ...]

    @property
    def low(self) -> float:
        return min(v.value for v in self.values)

    @property
    def high(self) -> float:
        return max(v.value for v in self.values)


@dataclass(frozen=True)
class Material:
    id: str
    name_sv: str
    name_en: str
    aliases: tuple[str, ...]
    plastic: bool
    plastic_share: float | None
    bio_based: bool
    pvc: bool
    eps: bool
    oxo: bool
    generic: bool  # "plastic" of an unstated kind: gives way to a specific material named beside it
    virgin: Factor | None
    recycled: Factor | None
    incineration: Factor | None
    missing: str

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv


@dataclass(frozen=True)
class SupRule:
    rule: str
    materials: frozenset[str] | None  # only for these materials; None: any plastic
    legal_ref: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ProductType:
    id: str
    name_sv: str
    name_en: str
    single_use: bool
    words: tuple[str, ...]
    rules: tuple[SupRule, ...]
    excludes: frozenset[str]  # product types this more precise one replaces (a cup's lid is no cup)


@dataclass(frozen=True)
class Criterion:
    id: str | None
    level: str | None
    materials: frozenset[str] | None
    summary_sv: str
    summary_en: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    id: str
    name_sv: str
    name_en: str
    demand_level: str | None
    words: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    missing: str


@dataclass(frozen=True)
class Reason:
    points: int
    cap: int | None


@dataclass(frozen=True)
class CriteriaData:
    folder: Path
    sources: Mapping[str, Source]
    materials: Mapping[str, Material]
    combinations: tuple[tuple[frozenset[str], str], ...]
    recycled_words: tuple[str, ...]
    product_types: Mapping[str, ProductType]
    oxo_rule: SupRule
    groups: Mapping[str, Group]
    piece_units: frozenset[str]
    pack_units: frozenset[str]
    pack_weight_suspect_g: float
    score_start: int
    score_min: int
    score_max: int
    reasons: Mapping[str, Reason]
    ecolabel_words: tuple[str, ...]
    no_ecolabel_words: frozenset[str]


class _File:
    """One data file being checked: every complaint names it and the entry."""

    def __init__(self, folder: Path, name: str) -> None:
        self.path = folder / name
        try:
            with open(self.path, encoding="utf-8") as handle:
                self.data = json.load(handle)
        except FileNotFoundError:
            raise CriteriaDataError(self.path, entry=name, detail="the file is missing") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CriteriaDataError(self.path, entry=name, detail=str(error)) from None
        if not isinstance(self.data, dict):
            self.bad(name, "not a JSON object")

    def bad(self, entry: str, detail: str) -> None:
        raise CriteriaDataError(self.path, entry=entry, detail=detail)

    def get(self, obj: Any, key: str, entry: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        if not isinstance(obj, dict):
            self.bad(entry, "not a JSON object")
        if key not in obj or obj[key] is None:
            if optional:
                return None
            self.bad(f"{entry}.{key}", "missing")
        value = obj[key]
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.bad(f"{entry}.{key}", f"not a {_kind_name(kind)}: {value!r}")
        if not isinstance(value, kind):
            self.bad(f"{entry}.{key}", f"not a {_kind_name(kind)}: {value!r}")
        return value

    def words(self, obj: Any, key: str, entry: str) -> tuple[str, ...]:
        values = self.get(obj, key, entry, list)
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            self.bad(f"{entry}.{key}", "must be a list of words")
        return tuple(v.strip().casefold() for v in values)

    def sources(self, obj: Any, entry: str, known: Mapping[str, Source]) -> tuple[str, ...]:
        keys = self.get(obj, "sources", entry, list)
        if not keys:
            self.bad(f"{entry}.sources", "no source given")
        for key in keys:
            if key not in known:
                self.bad(f"{entry}.sources", f"unknown source {key!r} (not in sources.json)")
        return tuple(keys)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "number", float: "number", bool: "true/false", list: "list", dict: "object"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _read_sources(folder: Path) -> dict[str, Source]:
    file = _File(folder, "sources.json")
    found: dict[str, Source] = {}
    for key, entry in file.get(file.data, "sources", "sources.json", dict).items():
        where = f"sources.{key}"
        year = file.get(entry, "year", where, int, optional=True)
        found[key] = Source(key, file.get(entry, "title", where, str), file.get(entry, "publisher", where, str),
                            year, file.get(entry, "url", where, str))
    return found


def _read_factor(file: _File, obj: Any, stage: str, entry: str, sources: Mapping[str, Source]) -> Factor | None:
    raw = obj.get(stage) if isinstance(obj, dict) else None
    if raw is None:
        return None
    where = f"{entry}.{stage}"
    central = float(file.get(raw, "central", where, (int, float)))
    values = []
    for i, item in enumerate(file.get(raw, "values", where, list)):
        at = f"{where}.values[{i}]"
        value = float(file.get(item, "value", at, (int, float)))
        source = file.get(item, "source", at, str)
        if source not in sources:
            file.bad(f"{at}.source", f"unknown source {source!r} (not in sources.json)")
        values.append(FactorValue(value, source, file.get(item, "note", at, str, optional=True) or ""))
    if not values:
        file.bad(f"{where}.values", "a figure needs at least one sourced value")
    if not any(v.value == central for v in values):
        file.bad(f"{where}.central", f"{central} is not one of the sourced values")
    return Factor(central, tuple(values))


def _read_materials(folder: Path, sources: Mapping[str, Source]) -> tuple[
        dict[str, Material], tuple[tuple[frozenset[str], str], ...], tuple[str, ...]]:
    file = _File(folder, "materials.json")
    materials: dict[str, Material] = {}
    for key, entry in file.get(file.data, "materials", "materials.json", dict).items():
        where = f"materials.{key}"
        share = file.get(entry, "plastic_share", where, (int, float), optional=True)
        if share is not None and not 0 <= share <= 1:
            file.bad(f"{where}.plastic_share", f"must be between 0 and 1: {share}")
        flags = {name: bool(file.get(entry, name, where, bool, optional=True))
                 for name in ("pvc", "eps", "oxo", "generic")}
        materials[key] = Material(
            key, file.get(entry, "name_sv", where, str), file.get(entry, "name_en", where, str),
            file.words(entry, "aliases", where), bool(file.get(entry, "plastic", where, bool)),
            None if share is None else float(share), bool(file.get(entry, "bio_based", where, bool)),
            flags["pvc"], flags["eps"], flags["oxo"], flags["generic"],
            _read_factor(file, entry, "virgin", where, sources), _read_factor(file, entry, "recycled", where, sources),
            _read_factor(file, entry, "incineration", where, sources),
            file.get(entry, "missing", where, str, optional=True) or "")
    combinations = []
    for i, item in enumerate(file.get(file.data, "combinations", "materials.json", list)):
        where = f"combinations[{i}]"
        parts = frozenset(file.get(item, "parts", where, list))
        target = file.get(item, "material", where, str)
        for name in (*parts, target):
            if name not in materials:
                file.bad(where, f"unknown material {name!r}")
        combinations.append((parts, target))
    return materials, tuple(combinations), file.words(file.data, "recycled_words", "materials.json")


def _read_rule(file: _File, item: Any, where: str, sources: Mapping[str, Source],
               materials: Mapping[str, Material]) -> SupRule:
    rule = file.get(item, "rule", where, str)
    if rule not in RULES:
        file.bad(f"{where}.rule", f"{rule!r} is not one of {', '.join(RULES)}")
    only = file.get(item, "materials", where, list, optional=True)
    for name in only or ():
        if name not in materials:
            file.bad(f"{where}.materials", f"unknown material {name!r}")
    return SupRule(rule, None if only is None else frozenset(only), file.get(item, "legal_ref", where, str),
                   file.sources(item, where, sources))


def _read_sup(folder: Path, sources: Mapping[str, Source], materials: Mapping[str, Material]) -> tuple[
        dict[str, ProductType], SupRule]:
    file = _File(folder, "sup_rules.json")
    types: dict[str, ProductType] = {}
    for key, entry in file.get(file.data, "product_types", "sup_rules.json", dict).items():
        where = f"product_types.{key}"
        rules = tuple(_read_rule(file, item, f"{where}.rules[{i}]", sources, materials)
                      for i, item in enumerate(file.get(entry, "rules", where, list)))
        excludes = frozenset(file.get(entry, "excludes", where, list, optional=True) or ())
        types[key] = ProductType(key, file.get(entry, "name_sv", where, str), file.get(entry, "name_en", where, str),
                                 bool(file.get(entry, "single_use", where, bool)), file.words(entry, "words", where),
                                 rules, excludes)
    for key, kind in types.items():
        for name in kind.excludes:
            if name not in types:
                file.bad(f"product_types.{key}.excludes", f"unknown product type {name!r}")
    oxo = _read_rule(file, file.get(file.data, "oxo_rule", "sup_rules.json", dict), "oxo_rule", sources, materials)
    return types, oxo


def _read_groups(folder: Path, sources: Mapping[str, Source], materials: Mapping[str, Material]) -> dict[str, Group]:
    file = _File(folder, "criteria.json")
    groups: dict[str, Group] = {}
    for key, entry in file.get(file.data, "groups", "criteria.json", dict).items():
        where = f"groups.{key}"
        demand = file.get(entry, "demand_level", where, str, optional=True)
        if demand is not None and demand not in LEVELS:
            file.bad(f"{where}.demand_level", f"{demand!r} is not one of {', '.join(LEVELS)}")
        criteria = []
        for i, item in enumerate(file.get(entry, "criteria", where, list)):
            at = f"{where}.criteria[{i}]"
            level = file.get(item, "level", at, str, optional=True)
            if level is not None and level not in LEVELS:
                file.bad(f"{at}.level", f"{level!r} is not one of {', '.join(LEVELS)}")
            only = file.get(item, "materials", at, list, optional=True)
            for name in only or ():
                if name not in materials:
                    file.bad(f"{at}.materials", f"unknown material {name!r}")
            criteria.append(Criterion(file.get(item, "id", at, str, optional=True), level,
                                      None if only is None else frozenset(only),
                                      file.get(item, "summary_sv", at, str), file.get(item, "summary_en", at, str),
                                      file.sources(item, at, sources)))
        if not criteria and demand is not None:
            file.bad(f"{where}.demand_level", "a group without criteria has no level to demand")
        groups[key] = Group(key, file.get(entry, "name_sv", where, str), file.get(entry, "name_en", where, str),
                            demand, file.words(entry, "words", where), tuple(criteria),
                            file.get(entry, "missing", where, str, optional=True) or "")
    return groups


def _unit_word(word: str) -> str:
    return word.strip().casefold().rstrip(".")


@functools.lru_cache(maxsize=4)
def load_criteria(folder: Path | None = None) -> CriteriaData:
    """The criteria data in ``folder`` (default: the bundled ``resources/criteria``), checked; raises
    :class:`~workbench.errors.CriteriaDataError` naming the file and the entry of the first bad value."""
    root = Path(folder) if folder is not None else resource_path("criteria")
    sources = _read_sources(root)
    materials, combinations, recycled = _read_materials(root, sources)
    types, oxo = _read_sup(root, sources, materials)
    groups = _read_groups(root, sources, materials)
    units = _File(root, "units.json")
    piece = frozenset(map(_unit_word, units.words(units.data, "piece", "units.json")))
    pack = frozenset(map(_unit_word, units.words(units.data, "pack", "units.json")))
    if piece & pack:
        units.bad("units.json", f"a word is both a piece and a pack: {', '.join(sorted(piece & pack))}")
    suspect = float(units.get(units.data, "pack_weight_suspect_g", "units.json", (int, float)))
    scoring = _File(root, "scoring.json")
    reasons = {}
    for key, entry in scoring.get(scoring.data, "reasons", "scoring.json", dict).items():
        cap = scoring.get(entry, "cap", f"reasons.{key}", int, optional=True)
        reasons[key] = Reason(int(scoring.get(entry, "points", f"reasons.{key}", int)), cap)
    for key in REASONS:
        if key not in reasons:
            scoring.bad(f"reasons.{key}", "missing")
    for key in reasons:
        if key not in REASONS:
            scoring.bad(f"reasons.{key}", f"unknown reason (known: {', '.join(REASONS)})")
    low = int(scoring.get(scoring.data, "min", "scoring.json", int))
    high = int(scoring.get(scoring.data, "max", "scoring.json", int))
    if not 1 <= low <= high <= 5:
        scoring.bad("min/max", f"the score runs from 1 to 5: {low}..{high}")
    return CriteriaData(
        root, sources, materials, combinations, recycled, types, oxo, groups, piece, pack, suspect,
        int(scoring.get(scoring.data, "start", "scoring.json", int)), low, high, reasons,
        scoring.words(scoring.data, "ecolabel_words", "scoring.json"),
        frozenset(scoring.words(scoring.data, "no_ecolabel_words", "scoring.json")))
