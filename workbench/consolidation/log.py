"""The joint workbook's sheet ``Kluster`` (``Clusters`` in English): every decision on a cluster, one row
per article of it (cluster, kind, article, decision, by, when), so that colleagues in Excel see them.

An append-only log: a decision is never overwritten, a later row of the same cluster supersedes the
earlier ones (a reopened cluster is open again). Labels follow the workbook's language; reading
accepts either language and the codes, in any case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.messages import text

SHEET = {"sv": "Kluster", "en": "Clusters"}
HEADERS = {
    "sv": ("Kluster", "Typ", "Artikel-ID", "Beslut", "Av", "När"),
    "en": ("Cluster", "Kind", "Article ID", "Decision", "By", "When"),
}
DECISIONS = ("keep", "replace", "reject", "split", "stay", "reopen")
KINDS = ("same_product", "variants")
WIDTHS = {0: 12, 1: 16, 2: 12, 3: 14, 4: 22, 5: 19}


@dataclass(frozen=True)
class LogRow:
    cluster: str
    kind: str  # same_product | variants
    key: str
    decision: str  # keep | replace | reject | split | stay | reopen
    by: str = ""
    when: dt.datetime | None = None


@dataclass
class KlusterLog:
    """The decisions read from a workbook (empty when it has no Kluster sheet yet)."""

    rows: list[LogRow] = field(default_factory=list)
    sheet: str | None = None  # the sheet's name when the workbook has one
    last_row: int = 1  # the sheet row of the last row read (1: the header only)
    lang: str = "sv"

    def latest(self) -> dict[str, list[LogRow]]:
        """Each cluster's rows of its latest decision (the rows written together last)."""
        latest: dict[str, list[LogRow]] = {}
        for row in self.rows:
            held = latest.get(row.cluster)
            if held is None or held[0].when != row.when or held[0].by != row.by or _action(held) != _action([row]):
                latest[row.cluster] = [row]
            else:
                held.append(row)
        return latest

    def rejected(self) -> list[tuple[str, frozenset[str]]]:
        """(kind, members) of every cluster whose latest decision is a rejection."""
        return [(rows[0].kind, frozenset(r.key for r in rows)) for rows in self.latest().values()
                if _action(rows) == "reject"]

    def splits(self) -> list[tuple[str, frozenset[str]]]:
        """(article split off, the cluster's other members) of every split standing."""
        found = []
        for rows in self.latest().values():
            if _action(rows) == "split":
                stay = frozenset(r.key for r in rows if r.decision == "stay")
                found += [(r.key, stay) for r in rows if r.decision == "split"]
        return found

    def accepted(self) -> dict[str, LogRow]:
        """The keeper row of every cluster whose latest decision is an acceptance."""
        return {cid: next(r for r in rows if r.decision == "keep") for cid, rows in self.latest().items()
                if _action(rows) == "accept" and any(r.decision == "keep" for r in rows)}


def _action(rows: Sequence[LogRow]) -> str:
    decision = rows[0].decision
    return {"keep": "accept", "replace": "accept", "stay": "split"}.get(decision, decision)


def _label_maps() -> tuple[dict[str, str], dict[str, str]]:
    decisions = {}
    for code in DECISIONS:
        decisions[code] = code
        for lang in ("sv", "en"):
            decisions[text(f"kluster_decision_{code}", lang).casefold()] = code
    kinds = {}
    for code in KINDS:
        kinds[code] = code
        for lang in ("sv", "en"):
            kinds[text(f"cluster_kind_{code}", lang).casefold()] = code
    return decisions, kinds


def read_log(path: Path, sheet_names: Sequence[str] | None = None) -> KlusterLog:
    """The Kluster sheet of ``path`` as it is now (``sheet_names``: its sheets when the caller has them
    read already); a row it cannot read (an unknown decision) is left out, never guessed."""
    from workbench.reading.importer import list_sheets, read_sheet_rows

    names = {name.casefold(): name for name in (sheet_names if sheet_names is not None else list_sheets(path))}
    lang, found = next(((lang, names[sheet.casefold()]) for lang, sheet in SHEET.items()
                        if sheet.casefold() in names), ("sv", None))
    if found is None:
        return KlusterLog()
    cells = read_sheet_rows(path, [found])[found]
    log = KlusterLog(sheet=found, lang=lang, last_row=max(1, len(cells)))
    if not cells:
        return log
    header = [str(v).strip().casefold() if v is not None else "" for v in cells[0]]
    columns: list[int | None] = []
    for position in range(6):
        spellings = {HEADERS["sv"][position].casefold(), HEADERS["en"][position].casefold()}
        columns.append(next((i for i, h in enumerate(header) if h in spellings), None))
    if None in columns[:4]:
        return log
    decisions, kinds = _label_maps()

    def cell(row: list[Any], index: int | None) -> Any:
        return row[index] if index is not None and index < len(row) else None

    for row in cells[1:]:
        cluster, kind, key, decision = (cell(row, columns[i]) for i in range(4))
        if cluster is None or key is None or decision is None:
            continue
        code = decisions.get(str(decision).strip().casefold())
        kind_code = kinds.get(str(kind or "").strip().casefold(), "same_product")
        if code is None:
            continue
        when = cell(row, columns[5])
        log.rows.append(LogRow(str(cluster).strip(), kind_code, str(key).strip(), code,
                               str(cell(row, columns[4]) or ""), _when(when)))
    return log


def _when(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str) and value.strip():
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(microsecond=0)
        except ValueError:
            return None
    return None


def row_values(row: LogRow, lang: str) -> list[Any]:
    """A log row as the sheet's cells, labels in ``lang``."""
    return [row.cluster, text(f"cluster_kind_{row.kind}", lang), row.key,
            text(f"kluster_decision_{row.decision}", lang), row.by, row.when]
