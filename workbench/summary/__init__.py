"""The summary of the analysis for the politicians (issue 19): one set of figures (articles, spend, pooled
volume, plastic and CO2e before and after the decisions, per municipality and per reviewer) that the PDF,
the workbooks, the JSON and the app all read, and the page they show (key figures, charts, notes).

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.summary.charts import Bar, Chart, KeyFigure, Page, page
    from workbench.summary.figures import Figures, Problems, Summary, decision_codes, summarise

_LAZY = {
    "Bar": "charts",
    "Chart": "charts",
    "Figures": "figures",
    "KeyFigure": "charts",
    "Page": "charts",
    "Problems": "figures",
    "Summary": "figures",
    "decision_codes": "figures",
    "page": "charts",
    "summarise": "figures",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "Bar",
    "Chart",
    "Figures",
    "KeyFigure",
    "Page",
    "Problems",
    "Summary",
    "decision_codes",
    "page",
    "summarise",
]
