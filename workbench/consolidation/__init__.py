"""Consolidation of an assortment (issue 17): article names parsed (kind, size, volume, lengths,
thickness, ply, colour, material, descriptors), clusters of the same product and of variants found
by blocking and compiled string similarity, a suggested keeper with its reason, and the decisions on
clusters written into the joint workbook (review values and the ``Kluster`` log). Above ``assortment``
and ``environment`` in the layers: it reads the joint workbook's layout and the criteria's materials.

The names below load their module on first use, like the other concept packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.consolidation.clusters import Cluster, Item, find_clusters
    from workbench.consolidation.decisions import ClusterDecision, DecideResult, decide
    from workbench.consolidation.log import KlusterLog, read_log
    from workbench.consolidation.names import NameParser, ParsedName, fingerprint, parse_name
    from workbench.consolidation.report import (
        ClusterReport,
        ClusterView,
        consolidate,
        consolidate_table,
        parsed_summary,
        product_name,
    )

_LAZY = {
    "Cluster": "clusters",
    "ClusterDecision": "decisions",
    "ClusterReport": "report",
    "ClusterView": "report",
    "DecideResult": "decisions",
    "Item": "clusters",
    "KlusterLog": "log",
    "NameParser": "names",
    "ParsedName": "names",
    "consolidate": "report",
    "consolidate_table": "report",
    "decide": "decisions",
    "find_clusters": "clusters",
    "fingerprint": "names",
    "parse_name": "names",
    "parsed_summary": "report",
    "product_name": "report",
    "read_log": "log",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "Cluster",
    "ClusterDecision",
    "ClusterReport",
    "ClusterView",
    "DecideResult",
    "Item",
    "KlusterLog",
    "NameParser",
    "ParsedName",
    "consolidate",
    "consolidate_table",
    "decide",
    "find_clusters",
    "fingerprint",
    "parse_name",
    "parsed_summary",
    "product_name",
    "read_log",
]
