"""A SourceTable's review values back into its own file: xlsx through the patcher, csv field by
field, xls/ods converted to a new xlsx; decisions files applied.

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.writing.save import (
        ApplyResult,
        apply_decisions,
        apply_decisions_file,
        save_review,
    )

_LAZY = {
    "ApplyResult": "save",
    "apply_decisions": "save",
    "apply_decisions_file": "save",
    "save_review": "save",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "ApplyResult",
    "apply_decisions",
    "apply_decisions_file",
    "save_review",
]
