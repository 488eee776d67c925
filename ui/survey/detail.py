"""The detail pane's Enkätsvar section: what each unit answered about the article shown."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.review.detail_pane import DetailSection


def _shown(value: Any, vocabulary: str, lang: str) -> str:
    """A list value as its label in ``lang``; text outside the list as the unit wrote it."""
    from workbench.vocabularies import vocabularies

    if value is None:
        return "–"
    code = vocabularies()[vocabulary].code_for(value)
    return vocabularies()[vocabulary].label(code, lang) if code is not None else f"”{value}”"


class SurveySection(DetailSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveySection")

    def show_answers(self, rows: Sequence[Any]) -> None:
        """``rows``: the article's answer rows (workbench.survey.AnswerRow), one per unit."""
        if not rows:
            self.setText("")
            self.hide()
            return
        e = html.escape
        lang = self.language
        title = self.tr("Answers from the units")
        lines = [f"<p><b>{e(title)}</b></p>"]
        # one line per unit: the pane is narrow, a table of four columns would not fit it
        for row in sorted(rows, key=lambda r: str(r.unit).casefold()):
            answer = " · ".join([_shown(row.usage, "usage", lang), _shown(row.future_need, "future_need", lang)])
            comment = f"<br/><i>{e(str(row.comment))}</i>" if row.comment else ""
            lines.append(f"<p style='margin:0 0 4px 0'><b>{e(str(row.unit))}</b>: {e(answer)}{comment}</p>")
        self.setText("".join(lines))
        self.show()
