"""Follow-up of purchases during the contract (avtalstrohet, issue 20): purchase lines matched to the joint
assortment, and the share of spend inside the agreed assortment.

The names below load their module on first use, like the other concept packages (DuckDB itself is imported
only when the follow-up runs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.followup.engine import PRICE_TOLERANCE, EngineResult, follow_up_lines
    from workbench.followup.files import PURCHASE_FIELDS, PurchaseFile, inspect_purchase_file
    from workbench.followup.joint import JointArticle, JointKeys, read_assortment
    from workbench.followup.report import Compliance, FollowupResult, PriceDeviation, RemovedBought
    from workbench.followup.run import PurchaseSource, follow_up, parse_date, purchase_source
    from workbench.followup.snapshot import SnapshotRow, append_snapshot, read_snapshots
    from workbench.followup.workbook import TARGET, write_report

_LAZY = {
    "Compliance": "report",
    "EngineResult": "engine",
    "FollowupResult": "report",
    "JointArticle": "joint",
    "JointKeys": "joint",
    "PRICE_TOLERANCE": "engine",
    "PURCHASE_FIELDS": "files",
    "PriceDeviation": "report",
    "PurchaseFile": "files",
    "PurchaseSource": "run",
    "RemovedBought": "report",
    "SnapshotRow": "snapshot",
    "TARGET": "workbook",
    "append_snapshot": "snapshot",
    "follow_up": "run",
    "follow_up_lines": "engine",
    "inspect_purchase_file": "files",
    "parse_date": "run",
    "purchase_source": "run",
    "read_assortment": "joint",
    "read_snapshots": "snapshot",
    "write_report": "workbook",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "Compliance",
    "EngineResult",
    "FollowupResult",
    "JointArticle",
    "JointKeys",
    "PRICE_TOLERANCE",
    "PURCHASE_FIELDS",
    "PriceDeviation",
    "PurchaseFile",
    "PurchaseSource",
    "RemovedBought",
    "SnapshotRow",
    "TARGET",
    "append_snapshot",
    "follow_up",
    "follow_up_lines",
    "inspect_purchase_file",
    "parse_date",
    "purchase_source",
    "read_assortment",
    "read_snapshots",
    "write_report",
]
