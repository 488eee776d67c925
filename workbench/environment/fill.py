"""``workbench environment --fill``: the suggested scores into the empty Miljöpoäng cells only, through the
save protocol as ``workbench apply`` (journal, lock, re-read and merge when a colleague saved meanwhile,
cell-level patch, atomic replace). A score a person set is never overwritten."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench._gc import gc_paused
from workbench.environment.report import EnvironmentReport, assess_table
from workbench.messages import text
from workbench.review.record import set_by_key
from workbench.review.values import is_empty, normalise
from workbench.sharing.journal import Journal
from workbench.sharing.shared_save import Edit, SharedSaveResult, edit_shared
from workbench.table import SourceTable


@dataclass
class FillResult:
    report: EnvironmentReport
    filled: list[str]  # keys whose empty score got the suggestion
    saved: SharedSaveResult | None  # None when there was nothing to fill

    def summary(self, lang: str = "sv") -> str:
        file = self.saved.file if self.saved is not None else ""
        return text("env_fill_done", lang, count=len(self.filled), file=str(file))


def suggestions_for_empty(table: SourceTable, report: EnvironmentReport) -> list[tuple[tuple[str, int], str, Any]]:
    """``((key, occurrence), "env_score", code)`` for every article row whose Miljöpoäng is empty."""
    scores = table.review["env_score"] if "env_score" in table.review.columns else None
    seen: dict[str, int] = {}
    cells: list[tuple[tuple[str, int], str, Any]] = []
    for row, article in zip(report.rows, report.articles, strict=True):
        occurrence = seen.get(article.key, 0)
        seen[article.key] = occurrence + 1
        current = scores.at[row] if scores is not None else None
        if is_empty(current):
            cells.append(((article.key, occurrence), "env_score", normalise("env_score", article.suggested_score)))
    return cells


@gc_paused
def fill_scores(path: Path, *, read: Mapping[str, Any] | None = None, wait: float = 30.0, user: str | None = None,
                save_anyway: bool = False, on_wait: Callable[[str], None] | None = None, lang: str = "sv",
                journal: Journal | None = None) -> FillResult:
    """Assess ``path`` and write each suggested score into its empty Miljöpoäng cell, by the route of
    ``workbench apply`` (:func:`~workbench.sharing.shared_save.edit_shared`: a colleague's score set
    meanwhile in a cell we fill is a conflict, exit 3)."""
    from workbench.errors import NoKeyColumnError

    assessed: list[EnvironmentReport] = []

    def edits(table: SourceTable) -> list[Edit] | None:
        if table.key_column is None:
            raise NoKeyColumnError(table.path, header_row=table.header_row)
        report = assess_table(table)
        assessed.append(report)
        cells = suggestions_for_empty(table, report)
        if not cells:
            return None
        written = set_by_key(table, cells)
        return [edit for edit, moved in zip(written.edits(), written.changed, strict=True) if moved]

    saved = edit_shared(Path(path), edits, read=read, wait=wait, user=user, save_anyway=save_anyway,
                        on_wait=on_wait, lang=lang, journal=journal)
    if saved is None:
        return FillResult(assessed[0], [], None)
    return FillResult(assessed[0], [k for k, _ in saved.written], saved)
