"""What the review grid does differently for a joint workbook (issue 15): which of ``Sortiment``'s
columns are the per-municipality figures (one group the user shows or hides), which extra columns are
facets, an article's source rows from ``Källrader``, and a link or split as a step that can be undone
and redone (:class:`JointStep`: the rows' articles and rules before and after).

The grid opens ``Sortiment`` with the ordinary importer; this module only names its joint columns, so
the rule lives in the core and the GUI shows what it is told.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.assortment.joint import SourceRecord
from workbench.assortment.joint_reader import JointState
from workbench.assortment.layout import LIST_SHEETS, detect_language, headers, municipalities_in
from workbench.table import Finding, SourceTable

__all__ = ["JointColumns", "JointStep", "SourceRowOf", "count_order", "joint_columns", "joint_findings",
           "redo_step", "source_rows_of", "step_between", "undo_step"]


@dataclass(frozen=True)
class JointColumns:
    """The joint columns of an open ``Sortiment`` sheet (headers as found)."""

    lang: str
    municipalities: tuple[str, ...]
    municipality_columns: tuple[str, ...]  # per municipality its quantity, then its spend
    facets: tuple[str, ...]  # extra facet columns: the number of municipalities holding the article
    leading: tuple[str, ...]  # what the grid shows right after the name: how many buy it, how much in all
    own: frozenset[str]  # every column the joint layout adds (no source field, yet nothing unknown)


@dataclass(frozen=True)
class SourceRowOf:
    """One source row of an article, with its row on ``Källrader`` (what ``split_row`` takes)."""

    sheet_row: int
    record: SourceRecord


def joint_columns(table: SourceTable) -> JointColumns | None:
    """The joint columns of ``table`` when it is the ``Sortiment`` sheet of a joint workbook, else ``None``.

    A municipality's columns are the pair ``Antal <Kommun>`` and ``Belopp <Kommun>``: a header that only
    starts like one (``Antal per förpackning``) has no pair and is no municipality's.
    """
    lang = detect_language(list(table.sheets))
    if lang is None or table.sheet != LIST_SHEETS[lang][0]:
        return None
    names = headers(lang)
    found = [str(h) for h in table.data.columns]
    present = set(found)
    municipalities = municipalities_in(names, found)
    columns = [h for m in municipalities for h in (names.quantity_of(m), names.spend_of(m))]
    facets = (names.municipalities,) if names.municipalities in present else ()
    own = frozenset((*columns, names.municipalities, names.merged_into, names.survey_usage,
                     names.survey_future)) & present
    leading = tuple(h for h in (names.municipalities, names.total_quantity, names.total_spend) if h in present)
    return JointColumns(lang, tuple(municipalities), tuple(columns), facets, leading, own)


def count_order(values: list[str]) -> list[str]:
    """The values of the facet "Antal kommuner" as a count reads: most municipalities first, down to 0
    (no list holds it any more); anything not a count (empty) after them. A facet of counts listed by
    how often each occurs (1, 7, 8, 6 …) makes the user hunt for a number."""
    from workbench.reading.cells import parse_number as number

    counts = [v for v in values if number(v) is not None]
    return [*sorted(counts, key=lambda v: -(number(v) or 0)), *(v for v in values if number(v) is None)]


def joint_findings(table: SourceTable, columns: JointColumns) -> list[Finding]:
    """``table``'s findings without calling the joint layout's own columns unrecognised (a column the
    layout does not know is still named), and without an amount "off its price × quantity": ``Pris`` is
    the mean of the sources' prices and ``Belopp totalt`` the sum of their amounts, so one list whose
    amount is not its own price × quantity makes a joint row look off while no joint cell is wrong (that
    list's own import shows it, on its own row)."""
    findings = [f for f in table.findings if f.code != "spend_mismatch"]
    kept = [f for f in findings if f.code != "unmapped_columns"]
    if len(kept) == len(findings):
        return findings
    mapped = set(table.columns.values()) | set(table.review_columns.values()) | columns.own
    unknown = [str(h) for h in table.data.columns if h not in mapped]
    if unknown:
        kept.append(Finding("unmapped_columns", {"count": len(unknown), "headers": ", ".join(unknown)}))
    return kept


def source_rows_of(state: JointState, article_id: str) -> list[SourceRowOf]:
    """The source rows of ``article_id`` in ``Källrader`` order."""
    return [SourceRowOf(row, record) for row, record in zip(state.record_rows, state.records, strict=True)
            if record.article_id == article_id]


@dataclass(frozen=True)
class JointStep:
    """What one link or split changed: per ``Källrader`` row its article and rule before and after, per
    article its ``Sammanslagen med`` before and after (an article the step made has none before)."""

    rows: tuple[tuple[int, str, str, str, str], ...]  # (sheet row, id before, rule before, id after, rule after)
    merged: tuple[tuple[str, str | None, str | None], ...]  # (article, merged into before, after)
    created: tuple[str, ...] = ()  # the articles the step made (a split's)

    def __bool__(self) -> bool:
        return bool(self.rows or self.merged or self.created)


def step_between(before: JointState, after: JointState) -> JointStep:
    """The step that took the workbook from ``before`` to ``after`` (both read from the same file)."""
    old = dict(zip(before.record_rows, before.records, strict=True))
    rows = []
    for row, record in zip(after.record_rows, after.records, strict=True):
        was = old.get(row)
        if was is not None and (was.article_id, was.match) != (record.article_id, record.match):
            rows.append((row, was.article_id, was.match, record.article_id, record.match))
    merged = []
    for article_id, article in after.articles.items():
        was_article = before.articles.get(article_id)
        earlier = was_article.merged_into if was_article is not None else None
        if earlier != article.merged_into:
            merged.append((article_id, earlier, article.merged_into))
    created = tuple(article_id for article_id in after.articles if article_id not in before.articles)
    return JointStep(tuple(rows), tuple(merged), created)


def undo_step(joint: str | Path, step: JointStep, *, user: str | None = None, wait: float = 30.0,
              save_anyway: bool = False, on_wait: Callable[[str], None] | None = None) -> bool:
    """Put the rows and articles of ``step`` back as they were before it (under the workbook's lock).

    Raises :class:`JointStepOutdatedError` when a row no longer belongs where the step left it (a
    colleague linked, split or re-merged since); nothing is written then.
    """
    return _apply(Path(joint), step, True, user, wait, save_anyway, on_wait)


def redo_step(joint: str | Path, step: JointStep, *, user: str | None = None, wait: float = 30.0,
              save_anyway: bool = False, on_wait: Callable[[str], None] | None = None) -> bool:
    """Do ``step`` again after :func:`undo_step` (the same rows to the same IDs)."""
    return _apply(Path(joint), step, False, user, wait, save_anyway, on_wait)


def _apply(path: Path, step: JointStep, undo: bool, user: str | None, wait: float, save_anyway: bool,
           on_wait: Callable[[str], None] | None) -> bool:
    from workbench.assortment.joint_reader import read_joint
    from workbench.assortment.link import unchanged_change
    from workbench.assortment.update import check_open_elsewhere, locked, write_change
    from workbench.errors import JointStepOutdatedError
    from workbench.sharing.lock import current_user

    who = user or current_user()
    with locked(path, who, wait, on_wait):
        check_open_elsewhere(path, save_anyway)
        state = read_joint(path)
        change = unchanged_change(state)
        position = {row: i for i, row in enumerate(state.record_rows)}
        for row, id_before, rule_before, id_after, rule_after in step.rows:
            now, then = ((id_after, rule_after), (id_before, rule_before)) if undo else \
                ((id_before, rule_before), (id_after, rule_after))
            i = position.get(row)
            if i is None or change.records[i].article_id != now[0]:
                raise JointStepOutdatedError(path)
            change.records[i].article_id, change.records[i].match = then
        articles = {article.id: article for article in change.articles}
        for article_id, merged_before, merged_after in step.merged:
            article = articles.get(article_id)
            if article is None:
                raise JointStepOutdatedError(path)
            article.merged_into = merged_before if undo else merged_after
        # An article the step made cannot be deleted (IDs are never given twice): undone, it is merged into
        # the article its rows went back to, as a link leaves one, so it is no empty article of its own that
        # a later re-merge reports as no longer listed; done again, it is an article again.
        back = {id_after: id_before for _, id_before, _, id_after, _ in step.rows}
        for article_id in step.created:
            article = articles.get(article_id)
            if article is None:
                raise JointStepOutdatedError(path)
            article.merged_into = back.get(article_id) if undo else None
        return write_change(change, who=who, save_anyway=save_anyway)
