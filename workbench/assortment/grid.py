"""What the review grid does differently for a joint workbook (issue 15): which of ``Sortiment``'s
columns are the per-municipality figures (one group the user shows or hides), which extra columns are
facets, and an article's source rows from ``Källrader``.

The grid opens ``Sortiment`` with the ordinary importer; this module only names its joint columns, so
the rule lives in the core and the GUI shows what it is told.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.assortment.joint import SourceRecord
from workbench.assortment.joint_reader import JointState
from workbench.assortment.layout import LIST_SHEETS, detect_language, headers
from workbench.table import Finding, SourceTable

__all__ = ["JointColumns", "SourceRowOf", "joint_columns", "joint_findings", "source_rows_of"]


@dataclass(frozen=True)
class JointColumns:
    """The joint columns of an open ``Sortiment`` sheet (headers as found)."""

    lang: str
    municipalities: tuple[str, ...]
    municipality_columns: tuple[str, ...]  # per municipality its quantity, then its spend
    facets: tuple[str, ...]  # extra facet columns: the number of municipalities holding the article
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
    prefix = names.quantity + " "
    municipalities: list[str] = []
    columns: list[str] = []
    for header in found:
        if not header.startswith(prefix) or header == names.total_quantity:
            continue
        municipality = header[len(prefix):]
        spend = names.spend_of(municipality)
        if municipality and spend in present:
            municipalities.append(municipality)
            columns.extend((header, spend))
    facets = (names.municipalities,) if names.municipalities in present else ()
    own = frozenset((*columns, names.municipalities, names.merged_into)) & present
    return JointColumns(lang, tuple(municipalities), tuple(columns), facets, own)


def joint_findings(table: SourceTable, columns: JointColumns) -> list[Finding]:
    """``table``'s findings without calling the joint layout's own columns unrecognised (a column the
    layout does not know is still named)."""
    kept = [f for f in table.findings if f.code != "unmapped_columns"]
    if len(kept) == len(table.findings):
        return list(table.findings)
    mapped = set(table.columns.values()) | set(table.review_columns.values()) | columns.own
    unknown = [str(h) for h in table.data.columns if h not in mapped]
    if unknown:
        kept.append(Finding("unmapped_columns", {"count": len(unknown), "headers": ", ".join(unknown)}))
    return kept


def source_rows_of(state: JointState, article_id: str) -> list[SourceRowOf]:
    """The source rows of ``article_id`` in ``Källrader`` order."""
    return [SourceRowOf(row, record) for row, record in zip(state.record_rows, state.records, strict=True)
            if record.article_id == article_id]
