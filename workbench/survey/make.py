"""``workbench survey make``: one form per unit, from the joint workbook."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint_reader import JointState, read_joint
from workbench.messages import text
from workbench.progress import Progress, finished, report
from workbench.survey.form_writer import FormArticle, FormSpec, write_form
from workbench.survey.joint_io import locked_joint, patch_joint, with_workbook_id, workbook_id
from workbench.survey.layout import FormId, form_file_name, form_names
from workbench.survey.units import By, Unit, units_of

__all__ = ["MadeForm", "MakeReport", "make_forms"]


@dataclass
class MadeForm:
    unit: str
    file: Path
    articles: int


@dataclass
class MakeReport:
    """What ``survey make`` did: the forms written, the workbook's ID and whether it was given one now."""

    joint: Path
    workbook_id: str
    by: str
    forms: list[MadeForm] = field(default_factory=list)
    id_added: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"forms": [{"unit": f.unit, "file": str(f.file), "articles": f.articles} for f in self.forms],
                "workbook_id": self.workbook_id, "by": self.by, "id_added": self.id_added}

    def summary(self, lang: str = "sv") -> str:
        lines = [text("survey_made", lang, count=len(self.forms), file=str(self.joint), id=self.workbook_id)]
        if self.id_added:
            lines.append(text("survey_id_added", lang, id=self.workbook_id, file=str(self.joint)))
        lines += [text("survey_made_form", lang, unit=f.unit, count=f.articles, form=f.file.name)
                  for f in self.forms]
        return "\n".join(lines)


def _sort_key(article: FormArticle) -> tuple[str, str, str]:
    return (str(article.fields.get("category") or "").casefold(), str(article.fields.get("name") or "").casefold(),
            article.article_id)


def form_articles(state: JointState, unit: Unit) -> list[FormArticle]:
    """The unit's articles with their fields and its own yearly volume, by category and name."""
    found = []
    for article_id, quantity in unit.quantities.items():
        article = state.articles.get(article_id)
        if article is None:
            continue
        volume = None if quantity is None else (int(quantity) if float(quantity).is_integer() else quantity)
        found.append(FormArticle(article_id, dict(article.fields), volume))
    return sorted(found, key=_sort_key)


def _ensure_id(joint: Path, state: JointState, read_from: str | None, who: str, wait: float, save_anyway: bool,
               on_wait: Callable[[str], None] | None) -> tuple[JointState, str, bool]:
    """The workbook's ID, given to it first when it has none (``read_from``: the fingerprint of the file
    ``state`` was read from). The state returned describes the articles and units as written (the patch
    adds the ID's cell only)."""
    from workbench.savefile import file_fingerprint

    found = workbook_id(state)
    if found is not None:
        return state, found, False
    with locked_joint(joint, who, wait=wait, save_anyway=save_anyway, on_wait=on_wait):
        if read_from is None or file_fingerprint(joint) != read_from:
            state = read_joint(joint)  # a colleague saved meanwhile: as it is now, under the lock
        new_id, patch = with_workbook_id(state)
        if patch is None:
            return state, new_id, False
        patch_joint(joint, [patch])
    return state, new_id, True


def _refuse_answered(out: Path, targets: list[Path], the_id: str, joint_file: str, units: list[str],
                     lang: str) -> None:
    """A form of the same name that already holds answers (saved back over the one sent) is never
    overwritten: :class:`AnsweredFormsInTheWayError` before anything is written."""
    from workbench.errors import AnsweredFormsInTheWayError
    from workbench.survey.form_reader import FormFile, read_form

    answered = []
    for target in targets:
        if target.exists():
            found = read_form(target, workbook_id=the_id, workbook_file=joint_file, known_units=units, lang=lang)
            if isinstance(found, FormFile) and found.answers:
                answered.append(target.name)
    if answered:
        raise AnsweredFormsInTheWayError(out, forms=", ".join(answered))


def make_forms(joint: str | Path, out_dir: str | Path, *, by: By = "municipality", user: str | None = None,
               wait: float = 30.0, save_anyway: bool = False, on_wait: Callable[[str], None] | None = None,
               progress: Progress | None = None, now: dt.datetime | None = None) -> MakeReport:
    """Write one form per unit of ``joint`` into ``out_dir`` (made when missing). A joint workbook without
    an ID gets one first, through the save protocol; otherwise the joint workbook is only read."""
    from workbench.errors import WriteError
    from workbench.savefile import file_fingerprint
    from workbench.sharing.lock import current_user

    joint = Path(joint)
    out = Path(out_dir)
    read_from = file_fingerprint(joint)
    state = read_joint(joint)
    units = units_of(state, by)  # a bad --by is said before anything is written
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(out, detail=error.strerror or str(error)) from None
    state, the_id, added = _ensure_id(joint, state, read_from, user or current_user(), wait, save_anyway, on_wait)
    units = units_of(state, by)
    made = (now or dt.datetime.now()).replace(microsecond=0)
    lang = state.names.lang
    names = form_names(lang)
    targets = [out / form_file_name(unit.name, FormId.of(the_id, unit.name), lang) for unit in units]
    _refuse_answered(out, targets, the_id, joint.name, [u.name for u in units], lang)
    result = MakeReport(joint, the_id, by, id_added=added)
    for index, unit in enumerate(units):
        report(progress, index, len(units), "forms")
        form_id = FormId.of(the_id, unit.name)
        articles = form_articles(state, unit)
        spec = FormSpec(unit.name, unit.municipality, by, form_id, joint.name, made, articles)
        target = targets[index]
        temp = target.with_name(f".{target.stem}.tmp{os.getpid()}.xlsx")
        try:
            write_form(temp, spec, state.names, names)
            temp.replace(target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise WriteError(target, detail=error.strerror or str(error)) from None
        result.forms.append(MadeForm(unit.name, target, len(articles)))
    finished(progress, len(units))
    return result
