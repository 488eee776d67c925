"""One joint assortment from many municipalities' lists (issue 15): GTINs, the spellings that count as
equal, and the matching of source rows into joint articles. Pure Python: no file is read or written here.

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.assortment.gtin import (
        GtinProblem,
        GtinResult,
        normalise_gtin,
    )
    from workbench.assortment.matching import (
        Finding,
        FindingCode,
        MatchResult,
        MatchRule,
        SourceRow,
        match_rows,
    )
    from workbench.assortment.normalise import (
        normalise_article_name,
        normalise_article_no,
        normalise_pack_size,
        normalise_supplier,
        normalise_unit,
    )

_LAZY = {
    "Finding": "matching",
    "FindingCode": "matching",
    "GtinProblem": "gtin",
    "GtinResult": "gtin",
    "MatchResult": "matching",
    "MatchRule": "matching",
    "SourceRow": "matching",
    "match_rows": "matching",
    "normalise_article_name": "normalise",
    "normalise_article_no": "normalise",
    "normalise_gtin": "gtin",
    "normalise_pack_size": "normalise",
    "normalise_supplier": "normalise",
    "normalise_unit": "normalise",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Finding",
    "FindingCode",
    "GtinProblem",
    "GtinResult",
    "MatchResult",
    "MatchRule",
    "SourceRow",
    "match_rows",
    "normalise_article_name",
    "normalise_article_no",
    "normalise_gtin",
    "normalise_pack_size",
    "normalise_supplier",
    "normalise_unit",
]
