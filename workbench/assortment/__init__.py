"""One joint assortment from many municipalities' lists (issue 15): GTINs, the spellings that count as
equal, the matching of source rows into joint articles, and the joint workbook that holds them
(``Sortiment``, ``Källrader``, ``Källor``): made, re-merged, linked and split.

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
    from workbench.assortment.joint_reader import JointState, read_joint
    from workbench.assortment.link import LinkReport, SplitReport, link_articles, split_row
    from workbench.assortment.matching import (
        Finding,
        FindingCode,
        MatchResult,
        MatchRule,
        SourceRow,
        match_rows,
    )
    from workbench.assortment.merge import merge_lists
    from workbench.assortment.normalise import (
        normalise_article_name,
        normalise_article_no,
        normalise_pack_size,
        normalise_supplier,
        normalise_unit,
    )
    from workbench.assortment.report import MergeReport
    from workbench.assortment.sources import ReadList, Source, municipality_in_name, read_list, source_from_arg

_LAZY = {
    "JointState": "joint_reader",
    "LinkReport": "link",
    "MergeReport": "report",
    "ReadList": "sources",
    "Source": "sources",
    "SplitReport": "link",
    "link_articles": "link",
    "merge_lists": "merge",
    "municipality_in_name": "sources",
    "read_joint": "joint_reader",
    "read_list": "sources",
    "source_from_arg": "sources",
    "split_row": "link",
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
    "JointState",
    "LinkReport",
    "MatchResult",
    "MatchRule",
    "MergeReport",
    "ReadList",
    "Source",
    "SourceRow",
    "SplitReport",
    "link_articles",
    "match_rows",
    "merge_lists",
    "municipality_in_name",
    "normalise_article_name",
    "normalise_article_no",
    "normalise_gtin",
    "normalise_pack_size",
    "normalise_supplier",
    "normalise_unit",
    "read_joint",
    "read_list",
    "source_from_arg",
    "split_row",
]
