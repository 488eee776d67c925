"""Questionnaires to the operations (issue 18): one form per unit out of the joint workbook
(``survey make``), every answer back in however it comes home (``survey collect``), the answers as csv
(``survey export``).

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.survey.answers import AnswerRow, AnswerSheet, aggregate, read_answer_sheet
    from workbench.survey.collect import CollectReport, Duplicate, collect_forms
    from workbench.survey.export import collected_answers, write_answers_csv
    from workbench.survey.form_reader import Answer, FormFile, Refusal, read_form
    from workbench.survey.joint_io import workbook_id
    from workbench.survey.make import MadeForm, MakeReport, make_forms
    from workbench.survey.status import UnitStatus, agreed_answers, reminder_text, survey_status
    from workbench.survey.units import Unit, units_of

_LAZY = {
    "Answer": "form_reader",
    "AnswerRow": "answers",
    "AnswerSheet": "answers",
    "CollectReport": "collect",
    "Duplicate": "collect",
    "FormFile": "form_reader",
    "MadeForm": "make",
    "MakeReport": "make",
    "Refusal": "form_reader",
    "Unit": "units",
    "UnitStatus": "status",
    "aggregate": "answers",
    "agreed_answers": "status",
    "collect_forms": "collect",
    "collected_answers": "export",
    "make_forms": "make",
    "read_answer_sheet": "answers",
    "read_form": "form_reader",
    "reminder_text": "status",
    "survey_status": "status",
    "units_of": "units",
    "workbook_id": "joint_io",
    "write_answers_csv": "export",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Answer",
    "AnswerRow",
    "AnswerSheet",
    "CollectReport",
    "Duplicate",
    "FormFile",
    "MadeForm",
    "MakeReport",
    "Refusal",
    "Unit",
    "UnitStatus",
    "aggregate",
    "agreed_answers",
    "collect_forms",
    "collected_answers",
    "make_forms",
    "read_answer_sheet",
    "read_form",
    "reminder_text",
    "survey_status",
    "units_of",
    "workbook_id",
    "write_answers_csv",
]
