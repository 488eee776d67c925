"""One returned file read back as a questionnaire, through the importer, whatever became of it: an xlsx
as sent, a copy re-saved as xls, ods or csv, sorted, with rows deleted or empty rows inserted, labels
typed by hand in either language and any case, free text instead of a list value.

The form is recognised by its form ID (see :mod:`workbench.survey.layout`): from the hidden
identification sheet when the file still has it, else from the title rows, else from the file name.
The answers are read by article ID, never by position.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError
from workbench.messages import Problem, problem
from workbench.survey.layout import FormId, all_names, parse_form_id, unit_code
from workbench.vocabularies import fold, vocabularies

__all__ = ["Answer", "FormFile", "Refusal", "read_form"]

_TITLE = re.compile(r"^\s*(?:Enkät till|Questionnaire for)\s+(.+?)\s*$", re.IGNORECASE)
_WORKBOOK = re.compile(r"(?:Arbetsbok|Workbook):\s*(.+?)\s*(?:·|$)")
_HEAD_ROWS = 6


@dataclass
class Answer:
    """One answered row: the article (``key`` ``None`` for an article the unit lacks) and its values,
    each a label in the workbook's language or, outside the list, the text as written."""

    key: str | None
    usage: str | None
    future_need: str | None
    comment: str | None
    name: str | None = None  # an article the unit lacks: its name and the volume the unit gave
    volume: float | int | None = None
    row: int = 0


@dataclass
class FormFile:
    """A returned form as read."""

    path: Path
    form_id: FormId
    unit: str
    by: str | None
    answers: list[Answer] = field(default_factory=list)
    saved: float = 0.0  # the file's modification time: the later of two forms of one unit wins
    order: int = 0  # its place on the command line (ties of ``saved``)
    outside: dict[str, int] = field(default_factory=dict)  # values outside the lists -> count

    @property
    def needs(self) -> list[Answer]:
        return [a for a in self.answers if a.key is None]


@dataclass
class Refusal:
    """A file that is not read, and why."""

    path: Path
    reason: Problem


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(value is pd.NA or value is pd.NaT)
    except ImportError:  # pragma: no cover
        return False


def _text(value: Any) -> str | None:
    from workbench.reading.cells import cell_text

    return None if _blank(value) else cell_text(value)


def _identity(path: Path, sheets: Sequence[str]) -> dict[str, Any]:
    """What the file says about itself: the identification sheet's keys, or the title rows' and the
    file name's form ID and unit."""
    from workbench.reading.importer import raw_rows, read_sheet_rows

    found: dict[str, Any] = {}
    for names in all_names():
        if names.info_sheet in sheets:
            rows = read_sheet_rows(path, [names.info_sheet])[names.info_sheet]
            for values in rows:
                if len(values) >= 2 and isinstance(values[0], str) and values[1] is not None:
                    found.setdefault(values[0].strip(), values[1])
            break
    if "form_id" not in found:
        form_sheet = next((n.form_sheet for n in all_names() if n.form_sheet in sheets), None)
        try:
            head = raw_rows(path, form_sheet, rows=_HEAD_ROWS)
        except WorkbenchError:
            head = []
        for values in head:
            for value in values:
                if not isinstance(value, str):
                    continue
                form_id = parse_form_id(value)
                if form_id is not None and "form_id" not in found:
                    found["form_id"] = str(form_id)
                    other = _WORKBOOK.search(value)
                    if other:
                        found.setdefault("workbook", other.group(1))
                title = _TITLE.match(value)
                if title and "unit" not in found:
                    found["unit"] = title.group(1)
    if "form_id" not in found:
        form_id = parse_form_id(path.stem)
        if form_id is not None:
            found["form_id"] = str(form_id)
    return found


def _resolve_unit(form_id: FormId, text: str | None, known: Collection[str]) -> str | None:
    if text and unit_code(text) == form_id.code:
        spelled = {u.casefold(): u for u in known}
        return spelled.get(text.casefold(), text)
    matches = [u for u in known if unit_code(u) == form_id.code]
    if len(matches) == 1:
        return matches[0]
    return None


def _column(table: Any, field_name: str, headers: Sequence[str]) -> str | None:
    """The table's header for ``field_name``: the importer's mapping, else a header equal to one of
    ``headers`` (a column the importer kept as data)."""
    mapped = table.columns.get(field_name) or table.review_columns.get(field_name)
    if mapped is not None:
        return str(mapped)
    wanted = {fold(h) for h in headers}
    for header in table.data.columns:
        if fold(str(header)) in wanted:
            return str(header)
    return None


def _value(value: Any, vocabulary: str, lang: str, outside: dict[str, int]) -> str | None:
    text = _text(value)
    if text is None:
        return None
    code = vocabularies()[vocabulary].code_for(text)
    if code is not None:
        return vocabularies()[vocabulary].label(code, lang)
    outside[text] = outside.get(text, 0) + 1
    return text


def _volume(value: Any) -> float | int | None:
    from workbench.reading.cells import parse_number

    if _blank(value) or isinstance(value, bool):
        return None
    number = value if isinstance(value, int | float) else parse_number(str(value))
    if number is None:
        return None
    return int(number) if float(number).is_integer() else float(number)


def read_form(path: Path, *, workbook_id: str | None, workbook_file: str, known_units: Collection[str],
              lang: str, order: int = 0, message_lang: str | None = None) -> FormFile | Refusal:
    """Read ``path`` as a form of the joint workbook whose ID is ``workbook_id`` (labels stored in the
    workbook's language ``lang``); a :class:`Refusal` naming why (in ``message_lang``) when it is
    unreadable, not a form, or another workbook's."""
    said = message_lang or lang
    from workbench.reading.importer import list_sheets, read_table

    try:
        sheets = list_sheets(path)
        identity = _identity(path, sheets)
    except WorkbenchError as error:
        return Refusal(path, problem("survey_refused_unreadable", reason=error.message(said)))
    form_id = parse_form_id(identity.get("form_id"))
    if form_id is None:
        return Refusal(path, problem("survey_refused_no_id"))
    if workbook_id is None:
        return Refusal(path, problem("survey_refused_no_workbook_id"))
    if form_id.workbook_id != workbook_id:
        return Refusal(path, problem("survey_refused_foreign", other=str(identity.get("workbook") or "?"),
                                     id=form_id.workbook_id, joint=workbook_file, own=workbook_id))
    unit_text = identity.get("unit")
    unit = _resolve_unit(form_id, str(unit_text).strip() if unit_text else None, known_units)
    if unit is None:
        return Refusal(path, problem("survey_refused_unknown_unit", id=str(form_id)))
    form_sheet = next((n.form_sheet for n in all_names() if n.form_sheet in sheets), None)
    try:
        table = read_table(path, form_sheet)
    except WorkbenchError as error:
        return Refusal(path, problem("survey_refused_unreadable", reason=error.message(said)))
    sv, en = all_names()
    review = {name: (sv_label, en_label) for name, sv_label, en_label in (
        ("usage", "Användning", "Usage"), ("future_need", "Framtida behov", "Future need"),
        ("comment", "Kommentar", "Comment"))}
    key_header = _column(table, "key", ("Artikel-ID", "Article ID"))
    if key_header is None:
        return Refusal(path, problem("survey_refused_no_key", column="Artikel-ID" if said == "sv" else "Article ID"))
    columns = {name: _column(table, name, labels) for name, labels in review.items()}
    name_header = _column(table, "name", ("Benämning", "Name"))
    volume_header = _column(table, "quantity", (sv.volume, en.volume))
    skip = {fold(n.missing_hint) for n in (sv, en)} | {fold(n.missing_heading) for n in (sv, en)}
    saved = path.stat().st_mtime
    by = identity.get("by")
    result = FormFile(path, form_id, unit, str(by) if by else None, saved=saved, order=order)
    data = table.data

    def column_values(header: str | None) -> list[Any]:
        return data[header].tolist() if header is not None and header in data.columns else [None] * len(data)

    keys = column_values(key_header)
    usage, future, comment = (column_values(columns[n]) for n in ("usage", "future_need", "comment"))
    names_, volumes = column_values(name_header), column_values(volume_header)
    by_key: dict[str, int] = {}
    for i, row in enumerate(data.index.tolist()):
        key = _text(keys[i])
        name = _text(names_[i])
        if key is None and name is not None and fold(name) in skip:
            continue
        answer = Answer(key.upper() if key is not None else None,
                        _value(usage[i], "usage", lang, result.outside),
                        _value(future[i], "future_need", lang, result.outside),
                        _text(comment[i]), name if key is None else None,
                        _volume(volumes[i]) if key is None else None, int(row))
        unanswered = answer.usage is None and answer.future_need is None and answer.comment is None
        if unanswered and (key is not None or answer.name is None):
            continue  # an article not answered, or an empty free row
        if answer.key is not None and answer.key in by_key:  # one article twice: the lower row wins
            result.answers[by_key[answer.key]] = answer
            continue
        if answer.key is not None:
            by_key[answer.key] = len(result.answers)
        result.answers.append(answer)
    return result


def known_units(state: Any) -> list[str]:
    """Every unit the joint workbook has, of either kind (municipalities, and förvaltningar when
    ``Källrader`` names them)."""
    from workbench.survey.units import units_of

    found = [u.name for u in units_of(state, "municipality")]
    with contextlib.suppress(WorkbenchError):  # no förvaltning column
        found += [u.name for u in units_of(state, "org_unit")]
    return found


def saved_time(form: FormFile) -> dt.datetime:
    return dt.datetime.fromtimestamp(form.saved)


def outside_counts(forms: Sequence[FormFile]) -> Mapping[str, int]:
    counts: dict[str, int] = {}
    for form in forms:
        for value, count in form.outside.items():
            counts[value] = counts.get(value, 0) + count
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
