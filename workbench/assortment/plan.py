"""Which joint article each source row belongs to, when a joint assortment is made or updated.

A new joint workbook numbers its articles ``G00001``… in order of first appearance. An update (a
re-merge) never renumbers: the rows it keeps keep their article, and each new row of a replaced list
takes, in this order,
1. the article its predecessor was linked or split into by hand (same municipality and source key),
2. the article of the kept rows the DESIGN's rules join it to,
3. the article of its predecessor (same source key), or of the replaced rows the rules join it to, or of
   the replaced row the municipality describes the same way (a name without supplier, which no rule joins;
   a line with nothing on it: the same place among its list's such lines),
4. else a new ID after the highest ever given (articles are never deleted, so the highest ID on
   ``Sortiment`` is the high-water mark and no ID is given twice).
The rule recorded for a new row is the one the rules find among the kept and the new rows, so merging
the same lists again records what the first merge did.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.assortment.gtin import normalise_gtin
from workbench.assortment.layout import format_id, id_number
from workbench.assortment.matching import Finding, Memo, SourceRow, match_rows
from workbench.assortment.normalise import (
    normalise_article_name,
    normalise_article_no,
    normalise_pack_size,
    normalise_supplier,
    normalise_unit,
)

__all__ = ["Assignment", "ExistingRow", "assign"]


@dataclass(frozen=True, slots=True)
class ExistingRow:
    """A source row already in the joint workbook (``Källrader``), with its article and rule."""

    match: SourceRow
    article_id: str
    rule: str


@dataclass
class Assignment:
    """Per new row: its article ID and rule; the IDs given afresh; findings of the new rows' matching
    (positions are indices into ``new_rows``), and new rows that fit several existing articles."""

    ids: list[str]
    rules: list[str]
    gtins: list[str | None] = field(default_factory=list)  # each new row's valid GTIN-14, else None
    new_ids: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ambiguous: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)


def _pick(candidates: Counter[str]) -> str:
    """The most common ID, the oldest on a tie."""
    return min(candidates, key=lambda i: (-candidates[i], id_number(i) or 0))


def _direct(row: SourceRow, kept: Sequence[ExistingRow], ids: set[str]) -> str | None:
    """Among several kept articles one group reaches, the one sharing the row's GTIN, else its supplier
    article number."""
    gtin = normalise_gtin(row.gtin).gtin
    if gtin is not None:
        hits = {e.article_id for e in kept if e.article_id in ids and normalise_gtin(e.match.gtin).gtin == gtin}
        if len(hits) == 1:
            return hits.pop()
    return None


class _Normalisers:
    """The normalisers of one assignment, each distinct value normalised once (a replaced list's rows and
    the new ones repeat the same suppliers, units and pack sizes on every row)."""

    def __init__(self) -> None:
        self._known: dict[tuple[Any, type, object], Any] = {}

    def __call__(self, function: Callable[[Any], Any], value: object) -> Any:
        key = (function, type(value), value)  # by type too: 1 and True are one key but not one cell
        try:
            return self._known[key]
        except KeyError:
            found = self._known[key] = function(value)
            return found
        except TypeError:  # an unhashable value
            return function(value)


def _describes_nothing(row: SourceRow, norm: _Normalisers) -> bool:
    return (norm(normalise_article_name, row.name) is None
            and norm(normalise_article_no, row.supplier_article_no) is None)


def _description(row: SourceRow, norm: _Normalisers) -> tuple[object, ...]:
    """A row as its own municipality describes it: what lets a new version of a list find its rows that
    carry no identifier the rules can use (no GTIN, no supplier article number, a name without supplier)."""
    return (row.municipality, norm(normalise_supplier, row.supplier),
            norm(normalise_article_no, row.supplier_article_no), norm(normalise_article_name, row.name),
            norm(normalise_unit, row.unit),
            norm(normalise_pack_size, row.pack_size), norm(_gtin_of, row.gtin))


def _gtin_of(value: object) -> str | None:
    return normalise_gtin(value).gtin


def _blank_lines(rows: Sequence[SourceRow], norm: _Normalisers) -> dict[int, tuple[object, ...]]:
    """Position -> (municipality, n) for the rows that describe nothing at all (an amount on a line of its
    own): the n-th such line of a municipality's list. Neither its file name nor its row survives a new
    version of the list (a new name, rows gone above it); its place among these lines does."""
    seen: Counter[str | None] = Counter()
    lines: dict[int, tuple[object, ...]] = {}
    order = sorted(range(len(rows)), key=lambda i: (rows[i].municipality or "", rows[i].file or "",
                                                    rows[i].sheet_row or 0, i))
    for i in order:
        if _describes_nothing(rows[i], norm):
            lines[i] = (rows[i].municipality, seen[rows[i].municipality])
            seen[rows[i].municipality] += 1
    return lines


def assign(new_rows: Sequence[SourceRow], kept: Sequence[ExistingRow] = (),
           replaced: Sequence[ExistingRow] = (), highest: int = 0) -> Assignment:
    """Give each of ``new_rows`` its joint article. ``kept`` are the workbook's rows that stay,
    ``replaced`` the rows of the lists being replaced (they lend their IDs), ``highest`` the highest
    article number the workbook has ever given."""
    n_kept, n_new = len(kept), len(new_rows)
    # the rules among what will be in the workbook: kept rows first, as they were merged earlier
    memo: Memo = {}  # the new rows are matched twice: normalised once
    together = match_rows([*(e.match for e in kept), *new_rows], memo)
    rules = [together.rules[n_kept + i].value for i in range(n_new)]
    groups = together.groups
    kept_ids: dict[int, Counter[str]] = defaultdict(Counter)
    for position, existing in enumerate(kept):
        kept_ids[groups[position]][existing.article_id] += 1
    findings = [Finding(f.code, tuple(p - n_kept for p in f.rows if p >= n_kept), f.detail)
                for f in together.findings if any(p >= n_kept for p in f.rows)]

    # the replaced rows, matched with the new ones, say which article a new row continues
    by_key: dict[tuple[str | None, str], ExistingRow] = {}
    for existing in replaced:
        if existing.match.source_key:
            by_key.setdefault((existing.match.municipality, existing.match.source_key), existing)
    by_description: dict[tuple[object, ...], ExistingRow] = {}
    norm = _Normalisers()
    replaced_lines = _blank_lines([e.match for e in replaced], norm) if replaced else {}
    for position, existing in enumerate(replaced):
        description = replaced_lines.get(position) or _description(existing.match, norm)
        by_description.setdefault(description, existing)
    new_lines = _blank_lines(new_rows, norm) if replaced else {}  # only a replaced list's rows are looked up
    replaced_ids: dict[int, Counter[str]] = defaultdict(Counter)
    if replaced:
        lineage = match_rows([*(e.match for e in replaced), *new_rows], memo)
        for position, existing in enumerate(replaced):
            replaced_ids[lineage.groups[position]][existing.article_id] += 1
        lineage_groups = lineage.groups[len(replaced):]
    else:
        lineage_groups = [0] * n_new

    # the valid GTINs each kept article holds: a predecessor may not lend an article another GTIN
    kept_gtins: dict[str, set[str]] = defaultdict(set)
    for position, existing in enumerate(kept):
        gtin = together.gtins[position]
        if gtin is not None:
            kept_gtins[existing.article_id].add(gtin)

    def fits(article_id: str, gtin: str | None) -> bool:
        held = kept_gtins.get(article_id)
        return gtin is None or not held or held == {gtin}

    ids: list[str] = [""] * n_new
    result = Assignment(ids, rules, together.gtins[n_kept:], findings=findings)
    lent_to_group: dict[int, Counter[str]] = defaultdict(Counter)
    open_rows: list[int] = []  # rows the rules join to no kept row: their group's lent ID, else a new one
    for i, row in enumerate(new_rows):
        gtin = together.gtins[n_kept + i]
        predecessor = by_key.get((row.municipality, row.source_key)) if row.source_key else None
        if predecessor is not None and predecessor.rule == "manuell":
            ids[i] = predecessor.article_id  # a hand link or split holds
            rules[i] = "manuell"
            continue
        group = groups[n_kept + i]
        candidates = kept_ids.get(group)
        if candidates:
            if len(candidates) == 1:
                ids[i] = next(iter(candidates))
            else:
                ids[i] = _direct(row, kept, set(candidates)) or _pick(candidates)
                result.ambiguous.append((i, tuple(sorted(candidates, key=lambda c: id_number(c) or 0))))
            continue
        open_rows.append(i)
        if predecessor is None and not replaced:
            continue  # nothing to lend it an ID (a new workbook's rows, say)
        lent: Counter[str] = Counter()
        if predecessor is not None:
            lent[predecessor.article_id] += 2  # its own number says most
        for article_id, count in (replaced_ids.get(lineage_groups[i]) or {}).items():
            lent[article_id] += count
        same = by_description.get(new_lines.get(i) or _description(row, norm)) if replaced else None
        if same is not None:  # the list's own row again, which no rule can join (a name without supplier)
            lent[same.article_id] += 1
        for article_id, count in lent.items():
            if fits(article_id, gtin):
                lent_to_group[group][article_id] += count
    fresh: dict[int, str] = {}
    for i in open_rows:
        group = groups[n_kept + i]
        offered = lent_to_group.get(group)
        if offered:
            ids[i] = _pick(offered)  # one ID for the whole group: the same article is one article
            continue
        if group not in fresh:
            highest += 1
            fresh[group] = format_id(highest)
            result.new_ids.append(fresh[group])
        ids[i] = fresh[group]
    return result
