"""The units a questionnaire goes to, from the joint workbook's source rows (``Källrader``): each
municipality, or each förvaltning within one when the source rows carry a förvaltning column, with the
articles it buys and its own yearly volume of each."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from workbench.assortment.joint_reader import JointState
from workbench.errors import NoOrgUnitError
from workbench.resources import resource_path
from workbench.vocabularies import fold

__all__ = ["By", "Unit", "org_unit_column", "units_of"]

By = Literal["municipality", "org_unit"]


@dataclass
class Unit:
    """One unit: its name, municipality and the quantity it bought of each joint article (sheet order)."""

    name: str
    municipality: str
    quantities: dict[str, float | None] = field(default_factory=dict)


@cache
def _org_unit_headers() -> frozenset[str]:
    data = json.loads(resource_path("synonyms.json").read_text(encoding="utf-8"))
    return frozenset(fold(word) for word in data.get("source", {}).get("org_unit", []))


def org_unit_column(state: JointState) -> int | None:
    """The ``Källrader`` column that names each row's förvaltning, ``None`` when there is none."""
    wanted = _org_unit_headers()
    for header, column in state.record_columns.items():
        if fold(header) in wanted:
            return column
    return None


def unit_name(municipality: str, org_unit: str | None) -> str:
    """``Botkyrka, Utbildningsförvaltningen``; the municipality alone when the row names no förvaltning."""
    return f"{municipality}, {org_unit}" if org_unit else municipality


def _add(unit: Unit, article_id: str, quantity: float | None) -> None:
    if article_id not in unit.quantities:
        unit.quantities[article_id] = quantity
    elif quantity is not None:
        unit.quantities[article_id] = (unit.quantities[article_id] or 0) + quantity


def units_of(state: JointState, by: By = "municipality") -> list[Unit]:
    """Every unit with its articles, sorted by name (Swedish letters after z). ``by="org_unit"`` needs a
    förvaltning column in ``Källrader``: a :class:`NoOrgUnitError` otherwise."""
    column = org_unit_column(state) if by == "org_unit" else None
    if by == "org_unit" and column is None:
        raise NoOrgUnitError(state.path, sheet=state.names.sheets[1])
    live = {article_id for article_id, article in state.articles.items() if not article.merged_into}
    found: dict[str, Unit] = {}
    for record, row in zip(state.records, state.record_rows, strict=True):
        if record.article_id not in live or not record.municipality:
            continue
        org_unit = None
        if column is not None:
            cells: Mapping[int, Any] = state.record_cells(row) or {}
            value = cells.get(column)
            org_unit = str(value).strip() if value is not None and str(value).strip() else None
        name = unit_name(record.municipality, org_unit)
        unit = found.get(name.casefold())
        if unit is None:
            unit = found[name.casefold()] = Unit(name, record.municipality)
        _add(unit, record.article_id, record.quantity)
    order = list(state.articles)
    position = {article_id: i for i, article_id in enumerate(order)}
    for unit in found.values():
        unit.quantities = dict(sorted(unit.quantities.items(), key=lambda item: position.get(item[0], 0)))
    return sorted(found.values(), key=lambda u: _sort_key(u.name))


def _sort_key(name: str) -> str:
    # å, ä, ö after z as in Swedish
    return name.casefold().replace("å", "{").replace("ä", "|").replace("ö", "}")
