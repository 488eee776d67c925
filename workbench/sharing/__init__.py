"""The shared-workbook protocol: lock, re-read, three-way merge, write, and the journal of edits.

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.sharing.journal import (
        Journal,
    )
    from workbench.sharing.lock import (
        LockInfo,
        WorkbookLock,
    )
    from workbench.sharing.shared_save import (
        PullResult,
        SharedSaveResult,
        pull_changes,
        save_shared,
    )
    from workbench.sharing.three_way import (
        Conflict,
        MergeResult,
    )

_LAZY = {
    "Conflict": "three_way",
    "Journal": "journal",
    "LockInfo": "lock",
    "MergeResult": "three_way",
    "PullResult": "shared_save",
    "SharedSaveResult": "shared_save",
    "WorkbookLock": "lock",
    "pull_changes": "shared_save",
    "save_shared": "shared_save",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Conflict",
    "Journal",
    "LockInfo",
    "MergeResult",
    "PullResult",
    "SharedSaveResult",
    "WorkbookLock",
    "pull_changes",
    "save_shared",
]
