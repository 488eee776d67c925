"""``workbench survey collect``: the returned forms read back into the joint workbook.

Every answer lands in ``Enkätsvar`` (one row per unit and article, and per article the unit lacks), and
per article the units' answers counted ("Dagligen 5 · Sällan 1") in two columns right of the review
columns of ``Sortiment``. They inform the group's decision and never set it: no review value is
written. A unit collected again replaces its earlier answers (its rows are reused in place); a unit's
form read twice in one go counts once, the one saved last. Only cells that change are written, so
collecting the same forms again writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint_reader import JointState, read_joint
from workbench.errors import WorkbenchError
from workbench.messages import text
from workbench.progress import Progress, finished, report
from workbench.survey.answers import (
    AnswerRow,
    AnswerSheet,
    aggregate,
    answer_headers,
    collected_time,
    read_answer_sheet,
    survivor,
    unit_rows,
)
from workbench.survey.form_reader import FormFile, Refusal, known_units, outside_counts, read_form
from workbench.survey.joint_io import locked_joint, patch_joint, workbook_id
from workbench.survey.layout import all_names, form_names
from workbench.survey.units import By, units_of

__all__ = ["CollectReport", "Duplicate", "collect_forms"]


@dataclass
class Duplicate:
    unit: str
    kept: Path
    ignored: list[Path]


@dataclass
class CollectReport:
    """What ``survey collect`` read and wrote."""

    joint: Path
    forms: list[FormFile] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    unknown_keys: list[str] = field(default_factory=list)
    not_in_vocabulary: dict[str, int] = field(default_factory=dict)
    replaced_units: list[str] = field(default_factory=list)
    not_answered: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def answers(self) -> int:
        """Answered articles of the forms read (the articles the units lack not counted)."""
        return sum(1 for form in self.forms for a in form.answers if a.key is not None)

    @property
    def units(self) -> list[str]:
        return [form.unit for form in self.forms]

    def to_json(self, lang: str = "sv") -> dict[str, Any]:
        return {
            "forms": [{"unit": f.unit, "file": str(f.path), "form_id": str(f.form_id),
                       "answers": sum(1 for a in f.answers if a.key is not None), "new_needs": len(f.needs)}
                      for f in self.forms],
            "answers": self.answers,
            "units": self.units,
            "unknown_keys": list(self.unknown_keys),
            "not_in_vocabulary": dict(self.not_in_vocabulary),
            "duplicates": [{"unit": d.unit, "kept": str(d.kept), "ignored": [str(p) for p in d.ignored]}
                           for d in self.duplicates],
            "refused": {str(r.path): r.reason.render(lang) for r in self.refused},
            "not_answered": list(self.not_answered),
            "new_needs": [{"unit": f.unit, "name": a.name, "volume": a.volume, "usage": a.usage,
                           "future_need": a.future_need, "comment": a.comment} for f in self.forms for a in f.needs],
            "replaced": list(self.replaced_units),
            "written": self.written,
        }

    def summary(self, lang: str = "sv") -> str:
        lines = [text("survey_collected", lang, count=len(self.forms), file=str(self.joint), answers=self.answers,
                      units=len(self.forms))]
        for form in self.forms:
            lines.append(text("survey_collected_form", lang, unit=form.unit,
                              count=sum(1 for a in form.answers if a.key is not None), needs=len(form.needs),
                              form=form.path.name))
        if self.forms and not self.written:
            lines.append(text("survey_nothing_changed", lang, file=str(self.joint)))
        for duplicate in self.duplicates:
            lines.append(text("survey_duplicate", lang, unit=duplicate.unit, kept=duplicate.kept.name,
                              ignored=", ".join(p.name for p in duplicate.ignored)))
        if self.replaced_units:
            lines.append(text("survey_replaced", lang, units=", ".join(self.replaced_units)))
        if self.not_in_vocabulary:
            values = ", ".join(f"\u201d{v}\u201d ({n})" for v, n in self.not_in_vocabulary.items())
            lines.append(text("survey_not_in_vocabulary", lang, count=sum(self.not_in_vocabulary.values()),
                              values=values))
        if self.unknown_keys:
            lines.append(text("survey_unknown_keys", lang, count=len(self.unknown_keys),
                              keys=", ".join(self.unknown_keys)))
        for refusal in self.refused:
            lines.append(text("survey_refused", lang, file=str(refusal.path), reason=refusal.reason.render(lang)))
        if self.not_answered:
            lines.append(text("survey_not_answered", lang, count=len(self.not_answered),
                              units=", ".join(self.not_answered)))
        elif self.forms:
            lines.append(text("survey_all_answered", lang))
        return "\n".join(lines)


def _winners(forms: Sequence[FormFile]) -> tuple[list[FormFile], list[Duplicate]]:
    """One form per unit: the one saved last (then the one named last)."""
    groups: dict[str, list[FormFile]] = {}
    for form in forms:
        groups.setdefault(form.unit.casefold(), []).append(form)
    kept: list[FormFile] = []
    duplicates: list[Duplicate] = []
    for group in groups.values():
        ordered = sorted(group, key=lambda f: (f.saved, f.order))
        kept.append(ordered[-1])
        if len(ordered) > 1:
            duplicates.append(Duplicate(ordered[-1].unit, ordered[-1].path, [f.path for f in ordered[:-1]]))
    kept.sort(key=lambda f: f.order)
    return kept, duplicates


def _rows_of(form: FormFile, state: JointState, when: dt.datetime) -> list[AnswerRow]:
    rows = []
    for answer in form.answers:
        name = answer.name
        if answer.key is not None:
            article = state.articles.get(survivor(state, answer.key))
            name = str(article.fields.get("name")) if article and article.fields.get("name") is not None else None
        rows.append(AnswerRow(form.unit, answer.key, answer.usage, answer.future_need, answer.comment,
                              form.path.name, when, name, answer.volume))
    return rows


def _answer_patches(state: JointState, sheet: AnswerSheet, forms: Sequence[FormFile], when: dt.datetime,
                    replaced: list[str]) -> tuple[list[AnswerRow], list[Any], list[Any]]:
    """Every row of ``Enkätsvar`` after the collect, and the patch (or the new sheet) that writes it."""
    from workbench.xlsx.patch import NewColumn, SheetPatch

    headers = answer_headers(state.names.lang)
    existing = unit_rows(sheet)
    collected = {form.unit.casefold() for form in forms}
    kept = [(row, answer) for row, answer in sheet.rows if answer.unit.casefold() not in collected]
    freed: list[int] = []
    placed: list[tuple[int | None, AnswerRow]] = []
    for form in forms:
        new = _rows_of(form, state, when)
        old = existing.get(form.unit.casefold(), [])
        if len(old) == len(new) and all(o.same_answer(n) for (_, o), n in zip(old, new, strict=True)):
            kept += old  # the same answers as before: nothing to write for this unit
            continue
        if old:
            replaced.append(form.unit)
        freed += [row for row, _ in old]
        placed += [(None, row) for row in new]
    every = [answer for _, answer in kept] + [answer for _, answer in placed]
    if not sheet.exists:
        if not placed:
            return every, [], []
        from workbench.xlsx.patch import NewSheet

        widths = {0: 22.0, 1: 11.0, 2: 14.0, 3: 15.0, 4: 40.0, 5: 36.0, 6: 18.0, 7: 36.0, 8: 10.0}
        return every, [], [NewSheet(sheet.name, [headers, *(row.values() for _, row in placed)], widths=widths)]
    columns: list[int] = []
    new_columns = []
    last = max(sheet.columns.values(), default=-1)
    candidates = [answer_headers(lang) for lang in ("sv", "en")]
    for index, header in enumerate(headers):
        column = next((sheet.columns[c[index]] for c in candidates if c[index] in sheet.columns), None)
        if column is None:  # a column removed by hand: added again at the end
            last += 1
            column = last
            new_columns.append(NewColumn(column, header))
        columns.append(column)
    free = sorted(freed + sheet.free_rows())
    cells: dict[tuple[int, int], Any] = {}
    end = sheet.last_row
    for i, (_, row) in enumerate(placed):
        if i < len(free):
            place = free[i]
        else:
            end += 1
            place = end
        for column, value in zip(columns, row.values(), strict=True):
            cells[(place, column)] = value
    for place in free[len(placed):]:
        if place in freed:
            for column in columns:
                cells[(place, column)] = None
    if not cells and not new_columns:
        return every, [], []
    return every, [SheetPatch(sheet.name, cells, grow_to_row=end if end > sheet.last_row else None, header_row=1,
                              new_columns=new_columns)], []


def _aggregate_patch(state: JointState, rows: Sequence[AnswerRow]) -> Any | None:
    """The cells of the two aggregated columns of ``Sortiment`` that change (the columns added when new)."""
    from workbench.xlsx.patch import NewColumn, SheetPatch, last_used_column

    names = form_names(state.names.lang)
    sheet = state.names.sheets[0]
    wanted = [(names.survey_usage, [n.survey_usage for n in all_names()]),
              (names.survey_future, [n.survey_future for n in all_names()])]
    columns: list[int] = []
    new_columns: list[Any] = []
    last: int | None = None
    found_headers: list[str | None] = []
    for header, spellings in wanted:
        found = next((s for s in spellings if s in state.article_columns), None)
        found_headers.append(found)
        if found is not None:
            columns.append(state.article_columns[found])
            continue
        if last is None:
            last = max(last_used_column(state.path, sheet)[1], max(state.article_columns.values(), default=-1))
        last += 1
        columns.append(last)
        new_columns.append(NewColumn(last, header))
    counted = aggregate(state, rows)
    cells: dict[tuple[int, int], Any] = {}
    for article_id, row in state.article_rows.items():
        old = state.article_values(article_id)
        for column, found, value in zip(columns, found_headers, counted.get(article_id, (None, None)), strict=True):
            before = old.get(found) if found is not None else None
            if (before or None) != (value or None):
                cells[(row, column)] = value
    if not cells and not new_columns:
        return None
    return SheetPatch(sheet, cells, header_row=1, new_columns=new_columns,
                      data_rows=(2, max(2, state.article_last_row)))


def _not_answered(state: JointState, forms: Sequence[FormFile], rows: Sequence[AnswerRow]) -> list[str]:
    kinds = [f.by for f in forms if f.by in ("municipality", "org_unit")]
    municipalities = [u.name for u in units_of(state, "municipality")]
    by: By = "municipality"
    if kinds:
        by = "org_unit" if kinds[-1] == "org_unit" else "municipality"
    elif not all(f.unit in municipalities for f in forms):
        by = "org_unit"
    try:
        units = [u.name for u in units_of(state, by)]
    except WorkbenchError:  # the förvaltning column removed since: count by municipality
        units = municipalities
    answered = {row.unit.casefold() for row in rows}
    return [u for u in units if u.casefold() not in answered]


def expand(files: Sequence[str | Path]) -> list[Path]:
    """The files given, a folder standing for the files in it (by name; hidden files, Excel's owner files
    ``~$…`` and the lock files left out)."""
    found: list[Path] = []
    for name in files:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:  # a file named twice (a folder and a file in it) is read once
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def collect_forms(joint: str | Path, files: Sequence[str | Path], *, user: str | None = None, wait: float = 30.0,
                  save_anyway: bool = False, on_wait: Callable[[str], None] | None = None,
                  progress: Progress | None = None, now: dt.datetime | None = None,
                  lang: str = "sv") -> CollectReport:
    """Read ``files`` as forms of ``joint`` and write their answers into it through the save protocol."""
    from workbench.savefile import file_fingerprint
    from workbench.sharing.lock import current_user

    joint = Path(joint)
    read_from = file_fingerprint(joint)
    state = read_joint(joint)
    the_id = workbook_id(state)
    units = known_units(state)
    result = CollectReport(joint)
    read: list[FormFile] = []
    resolved_joint = joint.resolve()
    files = expand(files)
    for order, name in enumerate(files):
        report(progress, order, len(files) + 1, "read")
        path = Path(name)
        if path.exists() and path.resolve() == resolved_joint:
            from workbench.messages import problem

            result.refused.append(Refusal(path, problem("survey_refused_same_file")))
            continue
        try:
            form = read_form(path, workbook_id=the_id, workbook_file=joint.name, known_units=units,
                             lang=state.names.lang, order=order, message_lang=lang)
        except (ValueError, KeyError, IndexError, TypeError, OSError) as error:
            # a file that trips the reader in a way it does not word: named with what went wrong, never
            # a traceback, and the other files still read
            from workbench.messages import problem

            form = Refusal(path, problem("survey_refused_unreadable", reason=f"{type(error).__name__}: {error}"))
        if isinstance(form, Refusal):
            result.refused.append(form)
        elif not form.answers:  # a form sent back blank (or the one sent, collected by mistake)
            from workbench.messages import problem

            result.refused.append(Refusal(path, problem("survey_refused_empty", unit=form.unit)))
        else:
            read.append(form)
    forms, result.duplicates = _winners(read)
    result.forms = forms
    result.not_in_vocabulary = dict(outside_counts(forms))
    unknown = {a.key for f in forms for a in f.answers if a.key is not None
               and survivor(state, a.key) not in state.articles}
    result.unknown_keys = sorted(unknown)
    if not forms:
        result.not_answered = _not_answered(state, forms, [r for _, r in read_answer_sheet(state).rows])
        return result
    report(progress, len(files), len(files) + 1, "write")
    when = collected_time(now)
    with locked_joint(joint, user or current_user(), wait=wait, save_anyway=save_anyway, on_wait=on_wait):
        if read_from is None or file_fingerprint(joint) != read_from:
            state = read_joint(joint)  # a colleague saved meanwhile: as it is now, under the lock
        sheet = read_answer_sheet(state)
        rows, patches, new_sheets = _answer_patches(state, sheet, forms, when, result.replaced_units)
        aggregated = _aggregate_patch(state, rows)
        if aggregated is not None:
            patches.insert(0, aggregated)
        if patches or new_sheets:
            patch_joint(joint, patches, new_sheets)
            result.written = True
    result.not_answered = _not_answered(state, forms, rows)
    finished(progress, len(files) + 1)
    return result
