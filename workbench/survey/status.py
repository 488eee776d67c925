"""Where a round stands, for the app's Enkäter page and a reminder: per unit whether and when it answered and
how much, the text of a reminder to the units that have not, and per article the answer the units agree on
(what the group may adopt as the article's Användning or Framtida behov in one step; never set by itself)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.assortment.joint_reader import JointState
from workbench.messages import text
from workbench.survey.answers import AnswerRow, read_answer_sheet, survivor
from workbench.survey.units import By, units_of
from workbench.vocabularies import vocabularies

__all__ = ["UnitStatus", "agreed_answers", "reminder_text", "survey_status"]


@dataclass
class UnitStatus:
    """One unit of the round: answered or not, when its answers were collected, from which file, how many."""

    unit: str
    answered: bool
    collected: dt.datetime | None = None
    file: str | None = None
    answers: int = 0
    new_needs: int = 0


def survey_status(state: JointState, by: By = "municipality",
                  rows: Sequence[AnswerRow] | None = None) -> list[UnitStatus]:
    """Every unit of kind ``by`` (in the forms' order), then any unit that answered but is no longer in the
    workbook's source rows."""
    if rows is None:
        rows = [row for _, row in read_answer_sheet(state).rows]
    found = {u.name.casefold(): UnitStatus(u.name, False) for u in units_of(state, by)}
    for row in rows:
        status = found.get(row.unit.casefold())
        if status is None:
            status = found[row.unit.casefold()] = UnitStatus(row.unit, False)
        status.answered = True
        if row.key is None:
            status.new_needs += 1
        else:
            status.answers += 1
        status.file = row.file or status.file
        if isinstance(row.collected, dt.datetime) and (status.collected is None or row.collected > status.collected):
            status.collected = row.collected
    return list(found.values())


def reminder_text(units: Sequence[str], lang: str = "sv") -> str:
    """A reminder to paste into an e-mail to the units that have not answered."""
    return text("survey_reminder", lang, units=", ".join(units))


def agreed_answers(state: JointState, rows: Sequence[AnswerRow]) -> dict[str, dict[str, Any]]:
    """Per article ID, the code of ``usage`` and of ``future_need`` that every unit answering that field gave
    (at least one unit, no other value, no text outside the list); articles and fields without one left out."""
    values: dict[tuple[str, str], set[str | None]] = {}
    for row in rows:
        if row.key is None:
            continue
        key = survivor(state, row.key)
        for field_name, value in (("usage", row.usage), ("future_need", row.future_need)):
            if value is not None:
                values.setdefault((key, field_name), set()).add(vocabularies()[field_name].code_for(value))
    agreed: dict[str, dict[str, Any]] = {}
    for (key, field_name), codes in values.items():
        if len(codes) == 1 and None not in codes and key in state.articles:
            agreed.setdefault(key, {})[field_name] = next(iter(codes))
    return agreed
