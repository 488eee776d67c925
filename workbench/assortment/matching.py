"""The same article across many municipalities' lists: joint groups by the DESIGN's rules.

In order, each source row joins a group by (1) ``gtin``: the same valid GTIN; (2) ``lev_artnr``: the
same normalised supplier and supplier article number; (3) ``namn``: the same supplier, normalised name,
unit and pack size; otherwise it is (4) ``ny``, a joint article of its own. Links are transitive
(union-find over the rows), but a group never holds two different valid GTINs: a join by rule 2 or 3
that would bring them together is refused and reported as a conflict. Likewise rule 3 never joins rows
that one supplier gives different article numbers: the supplier's own numbering says they differ.

Every rule is a dictionary lookup on normalised values, never a comparison of pairs of rows, so the
time grows with the number of rows (500,000 rows in seconds). Nothing here reads or writes files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from workbench.assortment.gtin import GtinProblem, normalise_gtin
from workbench.assortment.normalise import (
    normalise_article_name,
    normalise_article_no,
    normalise_pack_size,
    normalise_supplier,
    normalise_unit,
)

_T = TypeVar("_T")

__all__ = ["Finding", "FindingCode", "MatchResult", "MatchRule", "Memo", "SourceRow", "match_rows"]


class MatchRule(StrEnum):
    """How a source row came into its joint article (the `Matchning` column). The order is the
    DESIGN's: a row linked by several rules records the first."""

    GTIN = "gtin"
    LEV_ARTNR = "lev_artnr"
    NAMN = "namn"
    NY = "ny"


_RULE_ORDER = {MatchRule.GTIN: 0, MatchRule.LEV_ARTNR: 1, MatchRule.NAMN: 2, MatchRule.NY: 3}


class FindingCode(StrEnum):
    INVALID_GTIN = "invalid_gtin"  # detail: the GtinProblem
    DUPLICATE_IN_LIST = "duplicate_in_list"  # one list holds the same article on several rows
    NO_IDENTIFIER = "no_identifier"  # no valid GTIN, no supplier article number, no name
    GTIN_CONFLICT = "gtin_conflict"  # rule 2 or 3 would join rows whose valid GTINs differ; detail: the rule
    # rule 3 would join rows that one supplier numbers differently (a name in two pack sizes, say)
    ARTICLE_NO_CONFLICT = "article_no_conflict"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of one municipality's list, as the importer read it. Any field may be missing."""

    municipality: str | None = None
    file: str | None = None
    sheet_row: int | None = None
    source_key: str | None = None
    gtin: object = None
    supplier: object = None
    supplier_article_no: object = None
    name: object = None
    unit: object = None
    pack_size: object = None
    quantity: float | None = None
    spend: float | None = None

    @property
    def list_id(self) -> tuple[str | None, str | None]:
        """Which list the row belongs to: one municipality's one file."""
        return (self.municipality, self.file)


@dataclass(frozen=True, slots=True)
class Finding:
    """``rows`` are positions in the input sequence (the row itself names municipality, file and row)."""

    code: FindingCode
    rows: tuple[int, ...]
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Per input row: its group (0, 1, … in order of first appearance), the rule that joined it and
    its GTIN-14 (None when missing or invalid); and the findings."""

    groups: list[int]
    rules: list[MatchRule]
    gtins: list[str | None]
    findings: list[Finding] = field(default_factory=list)

    @property
    def group_count(self) -> int:
        return max(self.groups) + 1 if self.groups else 0

    def rule_counts(self) -> dict[MatchRule, int]:
        counts = dict.fromkeys(MatchRule, 0)
        for rule in self.rules:
            counts[rule] += 1
        return counts

    def findings_of(self, code: FindingCode) -> list[Finding]:
        return [finding for finding in self.findings if finding.code == code]


class _Groups:
    """Union-find over row positions. Each root knows its group's one valid GTIN, if any, and, from
    rule 3 on, the supplier article numbers its rows carry (per normalised supplier)."""

    def __init__(self, gtins: list[str | None]) -> None:
        self.parent = list(range(len(gtins)))
        self.gtin = list(gtins)
        self.numbers: dict[int, dict[str, set[str]]] | None = None

    def find(self, row: int) -> int:
        parent = self.parent
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    def link(self, root_a: int, root_b: int) -> None:
        """Put the group of ``root_b`` into that of ``root_a`` (both roots, different)."""
        self.parent[root_b] = root_a
        if self.gtin[root_a] is None:
            self.gtin[root_a] = self.gtin[root_b]
        if self.numbers is not None:
            theirs = self.numbers.pop(root_b, None)
            if theirs:
                ours = self.numbers.setdefault(root_a, {})
                for supplier, numbers in theirs.items():
                    ours.setdefault(supplier, set()).update(numbers)

    def track_numbers(self, suppliers: list[str | None], article_nos: list[str | None]) -> None:
        """Start keeping each group's article numbers (rules 1 and 2 do not need them)."""
        numbers: dict[int, dict[str, set[str]]] = {}
        self.numbers = numbers
        parent, find = self.parent, self.find
        for position, (supplier, number) in enumerate(zip(suppliers, article_nos, strict=True)):
            if supplier is None or number is None:
                continue
            root = position if parent[position] == position else find(position)
            by_supplier = numbers.get(root)
            if by_supplier is None:
                numbers[root] = {supplier: {number}}
                continue
            known = by_supplier.get(supplier)
            if known is None:
                by_supplier[supplier] = {number}
            else:
                known.add(number)

    def numbered_apart(self, roots: set[int]) -> bool:
        """True when two of the groups carry only different article numbers of one supplier: the
        supplier itself says they are two articles."""
        if self.numbers is None:
            return False
        seen: dict[str, set[str]] = {}
        for root in roots:
            for supplier, numbers in self.numbers.get(root, {}).items():
                known = seen.get(supplier)
                if known is None:
                    seen[supplier] = set(numbers)
                elif known.isdisjoint(numbers):
                    return True
                else:
                    known.update(numbers)
        return False


_TEXT_OR_NONE = frozenset({str, type(None)})


#: Normalised values already known, per normalising function (see :func:`match_rows`'s ``memo``).
Memo = dict[tuple[Callable[[object], Any], bool], dict[Any, Any]]


def _normalised(values: list[object], function: Callable[[object], _T], memo: Memo | None = None) -> list[_T]:
    """The lists repeat one catalogue's spellings: normalise each distinct value once."""
    plain = set(map(type, values)) <= _TEXT_OR_NONE  # the common case: text (and blanks) only
    known: dict[Any, Any] = {} if memo is None else memo.setdefault((function, plain), {})
    if plain:
        for value in set(values).difference(known):
            known[value] = function(value)
        return list(map(known.__getitem__, values))
    # keyed by type too: 1, 1.0 and True are equal as keys but not as cells (True is no pack size)
    keys = [(type(value), value) for value in values]
    try:
        for key in set(keys).difference(known):
            known[key] = function(key[1])
    except TypeError:  # an unhashable value somewhere: one by one
        return [function(value) for value in values]
    return list(map(known.__getitem__, keys))


# The optional parts of rule 3's key; a list that lacks one of them matches without it.
_SUPPLIER, _UNIT, _PACK = 0, 1, 2
_Key = tuple[str, str | None, str | None, str | None]
_MISSING = "\u2205"  # a row without the value in a list that has the field: compares as its own value


def match_rows(rows: Sequence[SourceRow], memo: Memo | None = None) -> MatchResult:
    """Assign every row to a joint group by the DESIGN's rules, and report what stands out. ``memo``
    keeps the normalised values for a further call over some of the same rows."""
    count = len(rows)
    findings: list[Finding] = []
    gtin_results = _normalised([row.gtin for row in rows], normalise_gtin, memo)
    gtins = [result.gtin for result in gtin_results]
    invalid: dict[GtinProblem, list[int]] = defaultdict(list)
    for position, result in enumerate(gtin_results):
        if result.problem is not None:
            invalid[result.problem].append(position)
    for problem, positions in invalid.items():
        findings.append(Finding(FindingCode.INVALID_GTIN, tuple(positions), problem.value))
    suppliers = _normalised([row.supplier for row in rows], normalise_supplier, memo)
    article_nos = _normalised([row.supplier_article_no for row in rows], normalise_article_no, memo)
    names = _normalised([row.name for row in rows], normalise_article_name, memo)
    units = _normalised([row.unit for row in rows], normalise_unit, memo)
    packs = _normalised([row.pack_size for row in rows], normalise_pack_size, memo)
    list_numbers: dict[tuple[str | None, str | None], int] = {}
    lists = [list_numbers.setdefault((row.municipality, row.file), len(list_numbers)) for row in rows]

    groups = _Groups(gtins)
    best = [3] * count  # the best rule (by _RULE_ORDER) that linked each row to another

    # Rule 1: the same valid GTIN.
    by_gtin: dict[str, list[int]] = defaultdict(list)
    for position, gtin in enumerate(gtins):
        if gtin is not None:
            by_gtin[gtin].append(position)
    for members in by_gtin.values():
        if len(members) > 1:
            _join(groups, members, 0, best, findings, MatchRule.GTIN)

    # Rule 2: the same supplier and supplier article number.
    by_article_no: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position in range(count):
        supplier, article_no = suppliers[position], article_nos[position]
        if supplier is not None and article_no is not None:
            by_article_no[(supplier, article_no)].append(position)
    for members in by_article_no.values():
        if len(members) > 1:
            _join(groups, members, 1, best, findings, MatchRule.LEV_ARTNR)

    # Rule 3: the same supplier, name, unit and pack size, leaving out the fields a list lacks.
    groups.track_numbers(suppliers, article_nos)
    _match_by_name(lists, groups, best, findings, suppliers, names, units, packs)
    findings = _conflicts_once(findings)

    roots = [groups.find(position) for position in range(count)]
    findings.extend(_duplicates_and_unidentified(roots, lists, gtins, article_nos, names))
    numbering: dict[int, int] = {}
    group_ids = [numbering.setdefault(root, len(numbering)) for root in roots]
    order = list(MatchRule)
    return MatchResult(group_ids, [order[rank] for rank in best], gtins, findings)


def _conflicts_once(findings: list[Finding]) -> list[Finding]:
    """One finding per conflict: a key that leaves fields out brings rows an exact key already reported
    (the same name in a list without pack sizes, say), so refused joins of one code whose rows overlap are
    told as one, with all their rows, where the first was."""
    kept: list[Finding] = []
    where: dict[tuple[FindingCode, int], int] = {}  # (code, row) -> index in kept
    for finding in findings:
        if finding.code not in (FindingCode.GTIN_CONFLICT, FindingCode.ARTICLE_NO_CONFLICT):
            kept.append(finding)
            continue
        hits = sorted({where[(finding.code, row)] for row in finding.rows if (finding.code, row) in where})
        if not hits:
            index = len(kept)
            kept.append(finding)
        else:
            index = hits[0]
            rows = list(kept[index].rows)
            for other in hits[1:]:  # this one bridges two told before: they become one too
                rows += kept[other].rows
                kept[other] = Finding(kept[other].code, (), kept[other].detail)
            seen = set(rows)
            rows += [row for row in finding.rows if row not in seen]
            kept[index] = Finding(finding.code, tuple(dict.fromkeys(rows)), kept[index].detail)
        for row in kept[index].rows:
            where[(finding.code, row)] = index
    return [finding for finding in kept if finding.rows]


def _join(groups: _Groups, members: list[int], rank: int, best: list[int], findings: list[Finding],
          rule: MatchRule) -> None:
    """Join the rows of one key into one group, unless their groups hold different valid GTINs."""
    if len(members) < 2:
        return
    roots = {groups.find(member) for member in members}
    if len(roots) > 1:
        known = {groups.gtin[root] for root in roots} - {None}
        if len(known) > 1:
            findings.append(Finding(FindingCode.GTIN_CONFLICT, tuple(members), rule.value))
            return
        if rule is MatchRule.NAMN and groups.numbered_apart(roots):
            findings.append(Finding(FindingCode.ARTICLE_NO_CONFLICT, tuple(members), rule.value))
            return
        first = min(roots)
        for root in roots:
            if root != first:
                groups.link(first, root)
    for member in members:
        if rank < best[member]:
            best[member] = rank


def _match_by_name(lists: list[int], groups: _Groups, best: list[int], findings: list[Finding],
                   suppliers: list[str | None], names: list[str | None], units: list[str | None],
                   packs: list[float | None]) -> None:
    # Which of supplier, unit and pack size each list has at all (a column with at least one value).
    has: dict[int, list[bool]] = defaultdict(lambda: [False, False, False])
    for index, values in ((_SUPPLIER, suppliers), (_UNIT, units), (_PACK, packs)):
        for list_number in {number for number, value in zip(lists, values, strict=True) if value is not None}:
            has[list_number][index] = True
    pack_keys = {pack: repr(round(pack, 6)) for pack in set(packs) if pack is not None}

    # Exact keys: (name, supplier, unit, pack) with None where the row's list lacks the field.
    by_key: dict[_Key, list[int]] = defaultdict(list)
    for position, name in enumerate(names):
        if name is None:
            continue
        flags = has[lists[position]]
        supplier = suppliers[position]
        if flags[_SUPPLIER] and supplier is None:
            continue  # "same supplier" cannot hold for a row whose list names suppliers but not this one's
        unit = (units[position] or _MISSING) if flags[_UNIT] else None
        pack = packs[position]
        pack_key = (_MISSING if pack is None else pack_keys[pack]) if flags[_PACK] else None
        by_key[(name, supplier, unit, pack_key)].append(position)
    partial = [key for key in by_key if None in key[1:]]
    for key, members in by_key.items():
        if len(members) > 1 and None not in key[1:]:
            _join(groups, members, 2, best, findings, MatchRule.NAMN)
    if not partial:
        return

    # A key that leaves fields out joins the fuller keys it agrees with, but only when those agree
    # with each other: a list without pack sizes must not join the 100 and the 200 pack into one, nor
    # two rows of such lists with each other when the fuller keys show the name has two pack sizes.
    projections: dict[tuple[tuple[bool, ...], tuple[str | None, ...]], list[_Key]] = defaultdict(list)
    masks = {tuple(part is not None for part in key[1:]) for key in partial}
    for key in by_key:
        own = (key[1] is not None, key[2] is not None, key[3] is not None)
        for mask in masks:
            if mask != own and all(present or not wanted for present, wanted in zip(own, mask, strict=True)):
                projections[(mask, _project(key, mask))].append(key)
    for key in partial:
        mask = tuple(part is not None for part in key[1:])
        candidates = projections.get((mask, _project(key, mask)), [])
        if not _compatible(candidates):
            continue
        members = list(by_key[key])
        for candidate in candidates:
            members.extend(by_key[candidate])
        _join(groups, members, 2, best, findings, MatchRule.NAMN)


def _project(key: _Key, mask: tuple[bool, ...]) -> tuple[str | None, ...]:
    return (key[0], *(part if wanted else None for part, wanted in zip(key[1:], mask, strict=True)))


def _compatible(keys: Iterable[_Key]) -> bool:
    """True when no field has two different values among the keys."""
    seen: list[str | None] = [None, None, None, None]
    for key in keys:
        for index, part in enumerate(key):
            if part is None:
                continue
            if seen[index] is None:
                seen[index] = part
            elif seen[index] != part:
                return False
    return True


def _duplicates_and_unidentified(roots: list[int], lists: list[int], gtins: list[str | None],
                                 article_nos: list[str | None], names: list[str | None]) -> list[Finding]:
    import numpy as np

    findings: list[Finding] = []
    # only a group of several rows can hold one list twice
    root_array = np.asarray(roots, dtype=np.int64)
    list_array = np.asarray(lists, dtype=np.int64)
    sizes = np.bincount(root_array) if len(roots) else np.zeros(0, dtype=np.int64)
    shared = np.flatnonzero(sizes[root_array] > 1) if len(roots) else np.zeros(0, dtype=np.int64)
    keys = root_array[shared] * (int(list_array.max(initial=0)) + 1) + list_array[shared]
    order = np.argsort(keys, kind="stable")
    ordered_keys, ordered = keys[order], shared[order]
    starts = np.flatnonzero(np.r_[True, ordered_keys[1:] != ordered_keys[:-1]]) if len(ordered) else ordered
    ends = np.r_[starts[1:], len(ordered)] if len(ordered) else ordered
    # in the order of each (group, list)'s first row, its rows in order, as the rows were walked
    spans = [(int(start), int(end)) for start, end in zip(starts, ends, strict=True) if end - start > 1]
    spans.sort(key=lambda span: int(ordered[span[0]]))
    for start, end in spans:
        findings.append(Finding(FindingCode.DUPLICATE_IN_LIST, tuple(ordered[start:end].tolist())))
    unidentified = tuple(position for position, (gtin, number, name) in enumerate(zip(gtins, article_nos, names,
                                                                                      strict=True))
                         if gtin is None and number is None and name is None)
    if unidentified:
        findings.append(Finding(FindingCode.NO_IDENTIFIER, unidentified))
    return findings
