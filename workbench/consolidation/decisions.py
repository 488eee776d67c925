"""Decisions on clusters written into the joint workbook (``workbench clusters --accept``, and the app).

- **Accept** a same-product cluster: on the others ``Beslut`` = Ersätt and ``Ersätts av`` = the keeper,
  on the keeper ``Beslut`` = Behåll when it has none. Through the save protocol of ``workbench apply``
  (:func:`~workbench.sharing.shared_save.edit_shared`: journal, lock, re-read and merge, cell patch,
  atomic replace). The app sets these values in its own session (one undo step) and writes only the log.
- **Reject**: the cluster does not come back while its members stay the same.
- **Split**: one article leaves the cluster (it is not suggested with the others again).
- **Reopen**: a rejected or split cluster is a candidate again.
Every decision is also a row per article in the ``Kluster`` sheet (added on the first decision), written
under the workbook's lock by the cell patcher, so colleagues see who decided what and when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.consolidation.clusters import SAME_PRODUCT
from workbench.consolidation.log import HEADERS, SHEET, WIDTHS, LogRow, read_log, row_values
from workbench.consolidation.report import ClusterView
from workbench.errors import UsageError
from workbench.formats import XLSX_SUFFIXES
from workbench.messages import text

ACTIONS = ("accept", "reject", "split", "reopen")


@dataclass(frozen=True)
class ClusterDecision:
    cluster: ClusterView
    action: str  # accept | reject | split | reopen
    keep: str | None = None  # accept: another keeper than the suggested one
    key: str | None = None  # split: the article that leaves


@dataclass
class DecideResult:
    file: Path
    accepted: list[str] = field(default_factory=list)  # cluster IDs
    rejected: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # keys whose Beslut became Ersätt
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, its decision) left as a person set it
    logged: int = 0  # rows added to the Kluster sheet
    saved: Any = None  # the SharedSaveResult of the review values, when any were written

    def summary(self, lang: str = "sv") -> str:
        lines = [text("clusters_accepted", lang, file=str(self.file), count=len(self.accepted),
                      replaced=len(self.replaced))] if self.accepted else []
        from workbench.vocabularies import vocabulary

        decision = vocabulary("decision")
        lines += [text("clusters_skipped", lang, key=key, decision=decision.label(code, lang))
                  for key, code in self.skipped]
        return "\n".join(lines)


def _check(decision: ClusterDecision, path: Path) -> None:
    cluster = decision.cluster
    if decision.action not in ACTIONS:
        raise UsageError(path, detail=f"unknown action {decision.action!r}")
    if decision.action == "accept" and cluster.kind != SAME_PRODUCT:
        raise UsageError(path, detail=text("cluster_variants_accept", None, ids=cluster.id))
    if decision.keep is not None and decision.keep not in cluster.keys:
        raise UsageError(path, detail=f"{decision.keep} is not in cluster {cluster.id}")
    if decision.action == "split" and (decision.key is None or decision.key not in cluster.keys):
        raise UsageError(path, detail=f"split needs an article of cluster {cluster.id}")


def review_cells(decisions: Sequence[ClusterDecision], current: Callable[[str], str | None], *,
                 overwrite: bool) -> tuple[list[tuple[str, str, Any]], list[str], list[tuple[str, str]]]:
    """The review cells that accepting ``decisions`` sets: (key, field, code) cells, the keys replaced,
    and the (key, decision) of every article left as a person decided it (unless ``overwrite``)."""
    cells: list[tuple[str, str, Any]] = []
    replaced: list[str] = []
    skipped: list[tuple[str, str]] = []
    for decision in decisions:
        if decision.action != "accept":
            continue
        keep = decision.keep or decision.cluster.keep
        for key in decision.cluster.keys:
            now = current(key)
            if key == keep:
                if now is None or (overwrite and now in ("replace", "remove")):
                    cells.append((key, "decision", "keep"))
                    if now == "replace":
                        cells.append((key, "replaced_by", None))
                continue
            if now not in (None, "replace") and not overwrite:
                skipped.append((key, now))
                continue
            cells += [(key, "decision", "replace"), (key, "replaced_by", keep)]
            replaced.append(key)
    return cells, replaced, skipped


def log_rows(decisions: Sequence[ClusterDecision], who: str, when: dt.datetime) -> list[LogRow]:
    rows: list[LogRow] = []
    for decision in decisions:
        cluster = decision.cluster
        keep = decision.keep or cluster.keep
        for key in cluster.keys:
            if decision.action == "accept":
                code = "keep" if key == keep else "replace"
            elif decision.action == "split":
                code = "split" if key == decision.key else "stay"
            else:
                code = decision.action
            rows.append(LogRow(cluster.id, cluster.kind, key, code, who, when))
    return rows


def decide(path: Path, decisions: Sequence[ClusterDecision], *, user: str | None = None, overwrite: bool = True,
           set_values: bool = True, wait: float = 30.0, save_anyway: bool = False,
           on_wait: Callable[[str], None] | None = None, lang: str = "sv", journal: Any = None) -> DecideResult:
    """Write ``decisions`` into the joint workbook ``path`` (see the module's note)."""
    from workbench.sharing.lock import current_user

    path = Path(path)
    if path.suffix.casefold() not in XLSX_SUFFIXES:
        raise UsageError(path, detail=text("clusters_need_workbook", lang, file=str(path)))
    for decision in decisions:
        _check(decision, path)
    who = user or current_user()
    result = DecideResult(path)
    for decision in decisions:
        {"accept": result.accepted, "reject": result.rejected, "split": result.split,
         "reopen": result.reopened}[decision.action].append(decision.cluster.id)
    if set_values and any(d.action == "accept" for d in decisions):
        result.saved = _write_values(path, decisions, who, overwrite, result, wait=wait, save_anyway=save_anyway,
                                     on_wait=on_wait, lang=lang, journal=journal)
    rows = log_rows(decisions, who, dt.datetime.now().replace(microsecond=0))
    result.logged = append_log(path, rows, who=who, wait=wait, save_anyway=save_anyway, on_wait=on_wait)
    return result


def _write_values(path: Path, decisions: Sequence[ClusterDecision], who: str, overwrite: bool,
                  result: DecideResult, **options: Any) -> Any:
    from workbench.review.record import set_by_key
    from workbench.review.values import normalise
    from workbench.sharing.shared_save import edit_shared
    from workbench.table import SourceTable

    def edits(table: SourceTable) -> Any:
        decisions_now = table.review["decision"].to_numpy(dtype=object) if "decision" in table.review.columns else None
        by_key: dict[str, str | None] = {}
        if decisions_now is not None:
            for key, value in zip(table.keys.to_numpy(dtype=object), decisions_now, strict=True):
                by_key.setdefault(str(key), value if isinstance(value, str) and value else None)
        cells, replaced, skipped = review_cells(decisions, lambda k: by_key.get(k), overwrite=overwrite)
        result.replaced, result.skipped = replaced, skipped
        if not cells:
            return None
        # who decided and when, as the grid stamps an edited row (the summary counts progress per reviewer)
        stamped = [*dict.fromkeys(k for k, _, _ in cells)]
        when = dt.datetime.now().replace(microsecond=0)
        cells = [*cells, *((k, "reviewed_by", who) for k in stamped), *((k, "reviewed_at", when) for k in stamped)]
        written = set_by_key(table, [(k, f, normalise(f, v)) for k, f, v in cells])
        return [edit for edit, moved in zip(written.edits(), written.changed, strict=True) if moved] or None

    return edit_shared(path, edits, user=who, wait=options["wait"], save_anyway=options["save_anyway"],
                       on_wait=options["on_wait"], lang=options["lang"], journal=options["journal"])


def append_log(path: Path, rows: Sequence[LogRow], *, who: str, wait: float = 30.0, save_anyway: bool = False,
               on_wait: Callable[[str], None] | None = None) -> int:
    """Append ``rows`` to the ``Kluster`` sheet of ``path`` (adding the sheet on the first decision), under
    the workbook's lock; returns the rows written."""
    from workbench.assortment.layout import detect_language
    from workbench.assortment.update import check_open_elsewhere, locked
    from workbench.reading.importer import list_sheets
    from workbench.savefile import atomic_save
    from workbench.xlsx.patch import NewSheet, SheetPatch, patch_sheets, verify_patch

    if not rows:
        return 0
    with locked(path, who, wait, on_wait):
        check_open_elsewhere(path, save_anyway)
        sheets = list_sheets(path)
        log = read_log(path, sheets)
        lang = log.lang if log.sheet is not None else (detect_language(sheets) or "sv")
        values = [row_values(row, lang) for row in rows]
        results: list[Any] = []
        if log.sheet is None:
            new = NewSheet(SHEET[lang], [list(HEADERS[lang]), *values], widths=WIDTHS)

            def write(temp: Path) -> None:
                results.append(patch_sheets(path, temp, [], new_sheets=[new]))
        else:
            first = log.last_row + 1
            cells = {(first + r, c): value for r, row in enumerate(values) for c, value in enumerate(row)
                     if value is not None}
            patch = SheetPatch(log.sheet, cells, grow_to_row=first + len(values) - 1, header_row=1)

            def write(temp: Path) -> None:
                results.append(patch_sheets(path, temp, [patch]))

        atomic_save(path, write, lambda temp: verify_patch(temp, results[-1]))
    return len(rows)
