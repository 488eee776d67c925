"""Facets on the units' answers: per article the answer every answering unit gave ("Används inte" when no
unit uses it), "Olika svar" where they differ, "Inget svar" where none answered. Agreement is the core's
(``workbench.survey.agreed_answers``); this module only lays it on the grid's rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.review.page import ReviewPage
    from workbench.table import SourceTable

FACETS = {"survey_usage": "usage", "survey_future_need": "future_need"}  # facet -> review field
MIXED = "~mixed"  # no vocabulary code starts with "~"


class SurveyFacetWords(QObject):
    """The facets' titles and values in the window's language (lupdate finds a class's ``self.tr``)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def title(self, facet: str) -> str:
        return self.tr("Units' usage") if facet == "survey_usage" else self.tr("Units' future need")

    def value(self, facet: str, value: str) -> str:
        from workbench.vocabularies import vocabularies

        if value == MIXED:
            return self.tr("Different answers")
        if not value:
            return self.tr("No answer")
        vocabulary = vocabularies()[FACETS[facet]]
        return vocabulary.label(value, self.language) if value in vocabulary else value


def facet_values(table: SourceTable, agreed: Mapping[str, Mapping[str, Any]],
                 by_key: Mapping[str, Sequence[Any]], field: str) -> np.ndarray:
    """Per row position of ``table``: the agreed code of ``field``, :data:`MIXED`, or ``""``."""
    keys = table.keys.to_numpy(dtype=object)
    values = np.full(len(keys), "", dtype=object)
    for position, key in enumerate(keys.tolist()):
        code = agreed.get(str(key), {}).get(field)
        if code is not None:
            values[position] = code
        elif any(getattr(row, field) is not None for row in by_key.get(str(key), ())):
            values[position] = MIXED
    return values


def show_facets(page: ReviewPage, table: SourceTable, agreed: Mapping[str, Mapping[str, Any]],
                by_key: Mapping[str, Sequence[Any]], language: str) -> None:
    """Put the two facets on the grid's filter panel (again after every read of the answers)."""
    from workbench.review.session import set_derived_facet

    if page.session is None or page.session.table is not table:
        return
    for facet, field in FACETS.items():
        set_derived_facet(table, facet, facet_values(table, agreed, by_key, field))
        box = page.filter_panel.add_facet(page.session, facet)
        box.fixed_title = lambda facet=facet, box=box: SurveyFacetWords(box.language).title(facet)
        box.value_label = lambda value, facet=facet, box=box: SurveyFacetWords(box.language).value(facet, value)
        box.retranslate(language)
    page.filter_panel.update_counts(page.session, page.spec)
