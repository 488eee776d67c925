"""``workbench survey export``: every collected answer of ``Enkätsvar`` as csv (DESIGN's columns
``unit,key,usage,future_need,comment,file``, labels as in the workbook), in sheet order. The articles a
unit lacks (rows without an article ID) are not answers about an article; they stay in the sheet and in
``survey collect --json``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from workbench.assortment.joint_reader import read_joint
from workbench.errors import NoSurveyAnswersError
from workbench.survey.answers import AnswerRow, read_answer_sheet

__all__ = ["EXPORT_HEADER", "collected_answers", "write_answers_csv"]

EXPORT_HEADER = ("unit", "key", "usage", "future_need", "comment", "file")


def collected_answers(joint: str | Path) -> list[AnswerRow]:
    """The answers about articles in ``Enkätsvar``, in sheet order; a :class:`NoSurveyAnswersError` when the
    workbook has no such sheet yet."""
    state = read_joint(joint)
    sheet = read_answer_sheet(state)
    if not sheet.exists:
        raise NoSurveyAnswersError(state.path, sheet=sheet.name)
    return [answer for _, answer in sorted(sheet.rows, key=lambda item: item[0]) if answer.key is not None]


def write_answers_csv(answers: list[AnswerRow], handle: TextIO) -> None:
    """One csv line per answer (UTF-8 when ``handle`` is a file opened with ``newline=""``)."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    for answer in answers:
        writer.writerow([answer.unit, answer.key or "", answer.usage or "", answer.future_need or "",
                         answer.comment or "", answer.file or ""])
