"""``workbench tender``: the tender article list out of the joint workbook, which is only read."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.messages import text
from workbench.progress import Progress, finished, report
from workbench.tender.articles import TenderSelection, tender_articles
from workbench.tender.layout import tender_names

__all__ = ["TenderReport", "make_tender"]


@dataclass
class TenderReport:
    """What ``workbench tender`` wrote, and the figures a user checks it by."""

    joint: Path
    file: Path
    articles: int
    municipalities: list[str]
    lang: str
    articles_without_requirement: int = 0
    articles_without_volume: int = 0
    removed: int = 0
    replaced: int = 0
    volume_moved: int = 0  # replaced articles whose volume moved to their replacement
    volume_not_moved: dict[str, str] = field(default_factory=dict)  # key -> reason (TenderSelection.not_moved)
    unlisted: int = 0  # articles no municipality lists any more, left out

    @classmethod
    def of(cls, joint: Path, file: Path, selection: TenderSelection) -> TenderReport:
        return cls(joint, file, len(selection.articles), list(selection.municipalities), selection.lang,
                   selection.without_requirement, selection.without_volume, selection.removed, selection.replaced,
                   sum(len(a.taken_over) for a in selection.articles), dict(selection.not_moved), selection.unlisted)

    def to_json(self) -> dict[str, Any]:
        """DESIGN's keys (``articles``, ``file``) first, then the figures behind them."""
        return {"articles": self.articles, "file": str(self.file), "municipalities": list(self.municipalities),
                "articles_without_requirement": self.articles_without_requirement,
                "articles_without_volume": self.articles_without_volume, "removed": self.removed,
                "replaced": self.replaced, "volume_moved": self.volume_moved,
                "volume_not_moved": dict(self.volume_not_moved), "unlisted": self.unlisted}

    def summary(self, lang: str = "sv") -> str:
        lines = [text("tender_made", lang, count=self.articles, file=str(self.file), joint=str(self.joint),
                      municipalities=len(self.municipalities))]
        if self.removed or self.replaced:
            lines.append(text("tender_left", lang, removed=self.removed, replaced=self.replaced,
                              moved=self.volume_moved))
        if self.unlisted:
            lines.append(text("tender_unlisted", lang, count=self.unlisted))
        if self.volume_not_moved:
            lines.append(text("tender_not_moved", lang, count=len(self.volume_not_moved),
                              keys=", ".join(sorted(self.volume_not_moved)[:10])
                              + (" …" if len(self.volume_not_moved) > 10 else "")))
        if self.articles_without_requirement:
            lines.append(text("tender_without_requirement", lang, count=self.articles_without_requirement))
        if self.articles_without_volume:
            lines.append(text("tender_without_volume", lang, count=self.articles_without_volume))
        return "\n".join(lines)


def _check_output(joint: Path, out: Path) -> None:
    """Refuse, before anything is read, an output that is not an xlsx, is the joint workbook itself or lies
    in a folder that does not exist."""
    from workbench.errors import OutputFolderMissingError, OutputIsInputError, OutputKindError

    if out.suffix.lower() != ".xlsx":
        raise OutputKindError(out, needed=".xlsx", source=str(joint), why_sv=text("kind_plain", "sv"),
                              why_en=text("kind_plain", "en"))
    same = out.resolve() == joint.resolve()
    if not same and out.exists() and joint.exists():
        try:
            same = out.samefile(joint)  # a hard link, or a name in another case on Windows
        except OSError:
            same = False
    if same:
        raise OutputIsInputError(out)
    if not out.parent.is_dir():
        raise OutputFolderMissingError(out, folder=str(out.parent))


def make_tender(joint: str | Path, out: str | Path, *, progress: Progress | None = None,
                now: dt.datetime | None = None) -> TenderReport:
    """Write the tender list of the joint workbook ``joint`` to ``out`` (an ``.xlsx``; replaced when it
    exists, never when it is the joint workbook itself)."""
    from workbench.assortment.layout import LIST_SHEETS, detect_language
    from workbench.environment.data import load_criteria
    from workbench.errors import NotJointWorkbookError, WriteError
    from workbench.reading.importer import read_table
    from workbench.tender.writer import TenderLists, write_tender

    joint, out = Path(joint), Path(out)
    _check_output(joint, out)
    report(progress, 0, 3, "read")
    table = read_table(joint)
    lang = detect_language(list(table.sheets))
    if lang is None:
        raise NotJointWorkbookError(joint, sheets=", ".join(LIST_SHEETS["sv"][:2]))
    if table.sheet != LIST_SHEETS[lang][0]:
        table = read_table(joint, LIST_SHEETS[lang][0])
    report(progress, 1, 3, "articles")
    data = load_criteria()
    selection = tender_articles(table, data)
    names = tender_names(selection.lang)
    report(progress, 2, 3, "write")
    made = (now or dt.datetime.now()).replace(microsecond=0)
    temp = out.with_name(f".{out.stem}.tmp{os.getpid()}.xlsx")
    try:
        write_tender(temp, selection, names, TenderLists.of(data, names), workbook=joint.name, made=made)
        temp.replace(out)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise WriteError(out, detail=error.strerror or str(error)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finished(progress, 3)
    return TenderReport.of(joint, out, selection)
