"""Joining joint articles by hand (``workbench link``) and splitting a source row off into an article of
its own. Both are recorded in ``Källrader`` with the rule ``manuell``, so a later re-merge keeps them.

Link: the first ID survives; the others' source rows move to it; the others stay on ``Sortiment`` with
zero volume and ``Sammanslagen med`` naming the survivor; their IDs are never given again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint import Article
from workbench.assortment.joint_reader import JointState, read_joint
from workbench.assortment.layout import format_id
from workbench.assortment.update import JointChange, check_open_elsewhere, locked, write_change
from workbench.errors import SourceRowNotFoundError, UnknownArticleError, UsageError
from workbench.messages import current_language, text

__all__ = ["LinkReport", "SplitReport", "link_articles", "split_row"]


@dataclass
class LinkReport:
    joint: Path
    survivor: str
    merged: list[str] = field(default_factory=list)
    moved_rows: int = 0
    written: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"joint": str(self.joint), "survivor": self.survivor, "merged": list(self.merged),
                "moved_rows": self.moved_rows, "written": self.written}

    def summary(self, lang: str | None = None, *, name_only: bool = False) -> str:
        """What the link did; ``name_only`` names the workbook by its file name (a status bar's room)."""
        file = self.joint.name if name_only else str(self.joint)
        return text("link_summary", lang or current_language(), file=file, count=len(self.merged),
                    ids=", ".join(self.merged), survivor=self.survivor, rows=self.moved_rows)


@dataclass
class SplitReport:
    joint: Path
    row: int
    old_id: str
    new_id: str
    written: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"joint": str(self.joint), "row": self.row, "old": self.old_id, "new": self.new_id,
                "written": self.written}

    def summary(self, lang: str | None = None, *, name_only: bool = False) -> str:
        """What the split did; ``name_only`` names the workbook by its file name (a status bar's room)."""
        file = self.joint.name if name_only else str(self.joint)
        return text("split_summary", lang or current_language(), file=file, row=self.row,
                    old=self.old_id, new=self.new_id)


def unchanged_change(state: JointState) -> JointChange:
    return JointChange(state, [dataclasses.replace(r) for r in state.records], list(state.record_rows),
                       list(state.sources), list(state.source_rows),
                       [dataclasses.replace(a, fields=dict(a.fields)) for a in state.articles.values()])


def plan_link(state: JointState, ids: Sequence[str]) -> tuple[JointChange, LinkReport]:
    wanted = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
    if len(wanted) < 2:
        raise UsageError(state.path, detail=text("link_needs_two", None, file=str(state.path)))
    unknown = [i for i in wanted if i not in state.articles]
    if unknown:
        raise UnknownArticleError(state.path, ids=", ".join(unknown), count=len(unknown))
    survivor, others = wanted[0], set(wanted[1:])
    change = unchanged_change(state)
    moved = 0
    change.touched_records = set()
    for position, record in enumerate(change.records):
        if record.article_id in others:
            record.article_id = survivor
            record.match = "manuell"
            change.touched_records.add(position)
            moved += 1
    for article in change.articles:
        if article.id in others or (article.merged_into in others):
            article.merged_into = survivor
    change.touched_articles = {survivor, *others} | {a.id for a in change.articles if a.merged_into == survivor}
    if state.articles[survivor].merged_into:  # linking into an article that was itself merged away
        for article in change.articles:
            if article.id == survivor:
                article.merged_into = None
    return change, LinkReport(state.path, survivor, list(wanted[1:]), moved)


def plan_split(state: JointState, row: int) -> tuple[JointChange, SplitReport]:
    try:
        position = state.record_rows.index(int(row))
    except ValueError:
        raise SourceRowNotFoundError(state.path, row=row, sheet=state.names.sheets[1]) from None
    change = unchanged_change(state)
    record = change.records[position]
    old = state.articles[record.article_id]
    new_id = format_id(state.highest + 1)
    fields = dict(old.fields)
    for name in ("supplier", "name", "unit", "pack_size", "gtin", "supplier_article_no"):
        value = getattr(record, name)
        if value is not None:
            fields[name] = value
    change.articles.append(Article(new_id, fields))
    old_id = record.article_id
    record.article_id = new_id
    record.match = "manuell"
    change.touched_records = {position}
    change.touched_articles = {old_id, new_id}
    return change, SplitReport(state.path, int(row), old_id, new_id)


def _run(joint: str | Path, plan: Callable[[JointState], tuple[JointChange, Any]], who: str | None, wait: float,
         save_anyway: bool, on_wait: Callable[[str], None] | None) -> Any:
    from workbench.sharing.lock import current_user

    path = Path(joint)
    user = who or current_user()
    with locked(path, user, wait, on_wait):
        check_open_elsewhere(path, save_anyway)
        state = read_joint(path)
        change, result = plan(state)
        result.written = write_change(change, who=user, save_anyway=save_anyway)
        return result


def link_articles(joint: str | Path, ids: Sequence[str], *, user: str | None = None, wait: float = 30.0,
                  save_anyway: bool = False, on_wait: Callable[[str], None] | None = None) -> LinkReport:
    """Join the articles ``ids`` into the first of them (rule ``manuell``)."""
    result: LinkReport = _run(joint, lambda state: plan_link(state, ids), user, wait, save_anyway, on_wait)
    return result


def split_row(joint: str | Path, row: int, *, user: str | None = None, wait: float = 30.0,
              save_anyway: bool = False, on_wait: Callable[[str], None] | None = None) -> SplitReport:
    """Move the source row on ``Källrader`` row ``row`` into a new article of its own."""
    result: SplitReport = _run(joint, lambda state: plan_split(state, row), user, wait, save_anyway, on_wait)
    return result
