"""The environment of an assortment (issue 16): the criteria data (materials with kg CO2e per kg, the
single-use plastics rules, Upphandlingsmyndigheten's criteria, unit words), and per article a suggested
Miljöpoäng with its reasons, the requirement level and criteria to demand, and plastic and CO2e per year
with the assumptions behind them. Beside ``assortment`` in the layers: it reads any article list.

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.environment.assess import ArticleFacts, Assessment, Assessor
    from workbench.environment.data import CriteriaData, load_criteria
    from workbench.environment.fill import FillResult, fill_scores
    from workbench.environment.report import CSV_COLUMNS, EnvironmentReport, assess_table
    from workbench.environment.totals import BeforeAfter, before_after

_LAZY = {
    "ArticleFacts": "assess",
    "Assessment": "assess",
    "Assessor": "assess",
    "BeforeAfter": "totals",
    "CSV_COLUMNS": "report",
    "CriteriaData": "data",
    "EnvironmentReport": "report",
    "FillResult": "fill",
    "assess_table": "report",
    "before_after": "totals",
    "fill_scores": "fill",
    "load_criteria": "data",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "ArticleFacts",
    "Assessment",
    "Assessor",
    "BeforeAfter",
    "CSV_COLUMNS",
    "CriteriaData",
    "EnvironmentReport",
    "FillResult",
    "assess_table",
    "before_after",
    "fill_scores",
    "load_criteria",
]
