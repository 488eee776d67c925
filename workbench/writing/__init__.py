"""A SourceTable's review values back into its own file: xlsx through the patcher, csv field by
field, xls/ods converted to a new xlsx; decisions files applied.

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.writing.changes import ChangeSummary
    from workbench.writing.save import (
        SaveResult,
        apply_decisions,
        apply_decisions_file,
        save_review,
    )

_LAZY = {
    "SaveResult": "save",
    "ChangeSummary": "changes",
    "apply_decisions": "save",
    "apply_decisions_file": "save",
    "save_review": "save",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "ChangeSummary",
    "SaveResult",
    "apply_decisions",
    "apply_decisions_file",
    "save_review",
]
