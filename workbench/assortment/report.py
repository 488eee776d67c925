"""What a merge found and did: the report of ``workbench merge`` (its JSON keys are the DESIGN's), the
findings per file worded from the message catalogue, and the source rows made from the merged lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.assortment.joint import Article, SourceFile, SourceRecord, gtin_text
from workbench.assortment.joint_reader import JointState
from workbench.assortment.matching import Finding as MatchFinding
from workbench.assortment.matching import FindingCode
from workbench.assortment.plan import Assignment, ExistingRow
from workbench.assortment.sources import ReadList
from workbench.messages import CATALOGUE, current_language, text
from workbench.table import Finding

__all__ = ["MATCH_RULES", "MergeReport"]

MATCH_RULES: tuple[str, ...] = ("gtin", "lev_artnr", "namn", "manuell", "ny")
#: Prices of one article further apart than this factor across municipalities are a finding.
PRICE_SPREAD = 2.0
_LISTED = 10


@dataclass
class MergeReport:
    """What a merge did (the JSON of ``workbench merge``: :meth:`to_json`)."""

    joint: Path
    articles: int = 0
    source_rows: int = 0
    municipalities: dict[str, int] = field(default_factory=dict)
    matched_by: dict[str, int] = field(default_factory=dict)
    new_articles: int = 0
    no_longer_listed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    created: bool = False
    written: bool = False
    merged_files: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    def warnings(self, lang: str | None = None) -> list[str]:
        return [finding.message(lang or current_language()) for finding in self.findings]

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        return {"joint": str(self.joint), "articles": self.articles, "source_rows": self.source_rows,
                "municipalities": dict(self.municipalities), "matched_by": dict(self.matched_by),
                "new_articles": self.new_articles, "no_longer_listed": list(self.no_longer_listed),
                "warnings": self.warnings(lang), "created": self.created, "written": self.written,
                "merged_files": list(self.merged_files), "skipped_files": list(self.skipped_files)}

    def summary(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        if not self.written:
            lines = [text("merge_nothing_new", lang, joint=str(self.joint))]
        else:
            lines = [text("merge_summary", lang, joint=str(self.joint), articles=self.articles,
                          source_rows=self.source_rows, municipality_count=len(self.municipalities),
                          new_articles=self.new_articles)]
            rules = ", ".join(f"{rule} {count}" for rule, count in self.matched_by.items() if count)
            lines.append(text("merge_matched_by", lang, rules=rules or "–"))
            if self.no_longer_listed:
                lines.append(text("merge_no_longer_listed", lang, count=len(self.no_longer_listed),
                                  ids=_listed(self.no_longer_listed, lang)))
        lines += [f"  {warning}" for warning in self.warnings(lang)]
        return "\n".join(lines)


def _listed(items: Sequence[str], lang: str) -> str:
    shown = ", ".join(items[:_LISTED])
    if len(items) > _LISTED:
        shown += " " + text("merge_more", lang, count=len(items) - _LISTED)
    return shown


def _rows_text(rows: Sequence[int]) -> str:
    ordered = sorted(set(rows))
    shown = ", ".join(str(r) for r in ordered[:_LISTED])
    return f"{shown} …" if len(ordered) > _LISTED else shown


def _row_word(rows: Sequence[int], lang: str) -> str:
    word = ("row" if len(set(rows)) == 1 else "rows") if lang == "en" else ("rad" if len(set(rows)) == 1 else "rader")
    return f"{word} {_rows_text(rows)}"


class _Findings:
    """Turns the matcher's findings (positions in the merged rows) into findings per file."""

    def __init__(self, rows: Sequence[tuple[str, int]]) -> None:
        self.rows = rows  # per new row: (file name, sheet row)
        self.found: list[Finding] = []
        self.duplicates: dict[str, list[list[int]]] = {}

    def finish(self) -> list[Finding]:
        """The findings, the same article twice in one list said once per file."""
        for file_name, groups in self.duplicates.items():
            groups.sort()
            shown = "; ".join(_DuplicateRows(g) for g in groups[:_LISTED])
            if len(groups) > _LISTED:
                shown += " …"
            self.found.append(Finding("merge_duplicate", {"source": file_name, "count": len(groups),
                                                          "groups": _Groups(shown)}))
        return self.found

    def add(self, finding: MatchFinding) -> None:
        places = [self.rows[p] for p in finding.rows]
        if not places:
            return
        by_file: dict[str, list[int]] = {}
        for file_name, row in places:
            by_file.setdefault(file_name, []).append(row)
        if finding.code is FindingCode.INVALID_GTIN:
            for file_name, rows in by_file.items():
                self.found.append(Finding("merge_invalid_gtin", {"source": file_name, "count": len(rows),
                                                                 "places": tuple(rows),
                                                                 "problem": finding.detail or ""}))
        elif finding.code is FindingCode.DUPLICATE_IN_LIST:
            for file_name, rows in by_file.items():
                self.duplicates.setdefault(file_name, []).append(sorted(rows))
        elif finding.code is FindingCode.NO_IDENTIFIER:
            for file_name, rows in by_file.items():
                self.found.append(Finding("merge_no_identifier", {"source": file_name, "count": len(rows),
                                                                  "places": tuple(rows)}))
        else:
            where = "; ".join(f"{name} {_rows_text(rows)}" for name, rows in by_file.items())
            code = "merge_gtin_conflict" if finding.code is FindingCode.GTIN_CONFLICT else "merge_article_no_conflict"
            self.found.append(Finding(code, {"count": len(places), "places": where, "rule": finding.detail or ""}))


class _DuplicateRows(str):
    def __new__(cls, rows: Sequence[int]) -> _DuplicateRows:
        return super().__new__(cls, ", ".join(str(r) for r in rows))


class _Groups(str):
    """Row groups ("53, 177; 150, 236"), worded the same in both languages."""


class _LocalFinding(Finding):
    """A finding whose row numbers (a tuple parameter) are worded in the message's language."""

    def message(self, lang: str = "sv") -> str:
        params = {k: (_row_word(v, lang) if isinstance(v, tuple) else v) for k, v in self.params.items()}
        if self.code == "merge_invalid_gtin" and f"gtin_{params.get('problem')}" in CATALOGUE:
            params["problem"] = text(f"gtin_{params['problem']}", lang)
        return text(self.code, lang, **params)


def localised(findings: list[Finding]) -> list[Finding]:
    return [_LocalFinding(f.code, f.params) for f in findings]


@dataclass
class _Plan:
    """The merged rows and their articles, before they are written."""

    lists: list[ReadList]
    rows: list[Any]  # ListRow, in list order
    assignment: Assignment
    records: list[SourceRecord]


def source_records(lists: Sequence[ReadList], assignment: Assignment) -> list[SourceRecord]:
    records: list[SourceRecord] = []
    append = records.append
    ids, gtins, rules = assignment.ids, assignment.gtins, assignment.rules
    position = 0
    for read in lists:
        municipality, file_name = read.municipality, read.file_name
        for row in read.rows:  # every source row passes here: positional, text and blanks inline
            match = row.match
            spend, price, gtin = match.spend, row.price, gtins[position]
            number, supplier, name, unit, pack = (match.supplier_article_no, match.supplier, match.name, match.unit,
                                                  match.pack_size)
            append(SourceRecord(
                ids[position], municipality, file_name, row.sheet, match.sheet_row, match.source_key,
                number if number is None or number.__class__ is str else _plain(number),
                (gtin[1:] if gtin.startswith("0") else gtin) if gtin is not None else _gtin_cell(None, match.gtin),
                match.quantity, None if spend is None else round(spend, 2),
                None if price is None else round(price, 4), rules[position],
                supplier if supplier is None or supplier.__class__ is str else _plain(supplier),
                name if name is None or name.__class__ is str else _plain(name),
                unit if unit is None or unit.__class__ is str else _plain(unit),
                pack if pack is None or pack.__class__ is str else _plain(pack)))
            position += 1
    return records


def _gtin_cell(valid: str | None, raw: object) -> str | None:
    """A valid GTIN-14 as :func:`gtin_text` writes it, without checking it again; else the value as found."""
    if valid is not None:
        return valid[1:] if valid.startswith("0") else valid
    return gtin_text(raw) if raw is not None else None


def _plain(value: object) -> object:
    """A value as a cell: text stays text, whole floats become ints (an article number read as 1234.0)."""
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dt.datetime | dt.date):
        return value
    try:
        as_float = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    return int(as_float) if as_float.is_integer() else as_float


def list_findings(lists: Sequence[ReadList], existing: JointState | None, add: bool) -> list[Finding]:
    found: list[Finding] = []
    named = [f"{read.file_name} → {read.municipality}" for read in lists if read.municipality_from == "file_name"]
    if named:
        found.append(Finding("merge_municipality_from_file_name", {"count": len(named), "files": ", ".join(named)}))
    for read in lists:
        if not read.rows:
            found.append(Finding("merge_no_rows", {"source": read.file_name, "sheet": read.table.sheet or "csv"}))
    if existing is not None:
        given = {read.municipality for read in lists}
        for municipality in sorted(given):
            old = sorted({s.file for s in existing.sources if s.municipality == municipality})
            new = [read.file_name for read in lists if read.municipality == municipality]
            if old:
                found.append(Finding("merge_added" if add else "merge_replaced",
                                     {"municipality": municipality, "old": ", ".join(old), "source": ", ".join(new)}))
    return found


def price_findings(records: Sequence[SourceRecord]) -> list[Finding]:
    prices: dict[str, dict[str, list[float]]] = {}
    for record in records:
        if record.price is not None and record.price > 0:
            prices.setdefault(record.article_id, {}).setdefault(record.municipality, []).append(record.price)
    spread = []
    for article_id, by_municipality in prices.items():
        if len(by_municipality) < 2:
            continue
        means = [sum(values) / len(values) for values in by_municipality.values()]
        if max(means) > PRICE_SPREAD * min(means):
            spread.append(article_id)
    if not spread:
        return []
    return [Finding("merge_price_spread", {"count": len(spread), "factor": _Factor(PRICE_SPREAD),
                                           "examples": ", ".join(spread[:_LISTED]) + (" …" if len(spread) > _LISTED
                                                                                      else "")})]


class _Factor(float):
    def __format__(self, spec: str) -> str:
        return f"{float(self):g}"

    def __str__(self) -> str:
        return f"{float(self):g}"


def fill_report(result: MergeReport, records: Sequence[SourceRecord], articles: Sequence[Article],
                listed: Collection[str]) -> None:
    """``listed``: the IDs of the articles some source row holds."""
    result.source_rows = len(records)
    result.municipalities = dict(sorted(Counter(r.municipality for r in records).items()))
    counts = Counter(r.match for r in records)
    result.matched_by = {rule: counts.get(rule, 0) for rule in MATCH_RULES}
    result.matched_by.update({rule: count for rule, count in counts.items() if rule not in result.matched_by})
    active = [a for a in articles if not a.merged_into]
    result.articles = len(active)
    result.no_longer_listed = [a.id for a in active if a.id not in listed]


def new_rows_findings(lists: Sequence[ReadList], assignment: Assignment) -> list[Finding]:
    places = [(read.file_name, row.match.sheet_row or 0) for read in lists for row in read.rows]
    findings = _Findings(places)
    seen: set[tuple[object, ...]] = set()
    for finding in assignment.findings:  # one conflict can reach the new rows through several kept rows
        if (finding.code, finding.rows, finding.detail) not in seen:
            seen.add((finding.code, finding.rows, finding.detail))
            findings.add(finding)
    found = findings.finish()
    for position, ids in assignment.ambiguous:
        file_name, row = places[position]
        found.append(Finding("merge_ambiguous", {"source": file_name, "row": row, "count": len(ids),
                                                 "ids": ", ".join(ids), "chosen": assignment.ids[position]}))
    return found


def source_files(lists: Sequence[ReadList], now: dt.datetime, who: str) -> list[SourceFile]:
    return [SourceFile(read.file_name, read.municipality, len(read.rows), read.fingerprint, now, who)
            for read in lists]


def existing_rows(records: Sequence[SourceRecord]) -> list[ExistingRow]:
    return [ExistingRow(record.as_match(), record.article_id, record.match) for record in records]
