"""Questionnaires to the operations (issue 18): one form per unit out of the joint workbook
(``survey make``), every answer back in however it comes home (``survey collect``), the answers as csv
(``survey export``).

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.survey.make import MakeReport, make_forms

_LAZY = {
    "MakeReport": "make",
    "make_forms": "make",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "MakeReport",
    "make_forms",
]
