"""The review record: edits with undo/redo (session), views and facets, checks, decisions files,
exports and the clipboard. Depends on the kernel only.

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.review.session import (
        EDITABLE_FIELDS,
        FACET_FIELDS,
        HAS_COMMENT,
        NOT_REVIEWED,
        REVIEW_STATE,
        REVIEW_STATES,
        Change,
        EditDescription,
        ProgressFigures,
        ReviewSession,
        ViewSpec,
        compute_view,
        facet_counts,
        facet_counts_for,
        facet_order,
        invalidate,
        missing_columns,
        prepare,
        progress,
        replacement_candidates,
        selection_sums,
        set_derived_facet,
        sort_positions,
    )

_LAZY = {
    "Change": "session",
    "EDITABLE_FIELDS": "session",
    "EditDescription": "session",
    "FACET_FIELDS": "session",
    "HAS_COMMENT": "session",
    "NOT_REVIEWED": "session",
    "ProgressFigures": "session",
    "REVIEW_STATE": "session",
    "REVIEW_STATES": "session",
    "ReviewSession": "session",
    "ViewSpec": "session",
    "compute_view": "session",
    "facet_counts": "session",
    "facet_counts_for": "session",
    "facet_order": "session",
    "set_derived_facet": "session",
    "invalidate": "session",
    "missing_columns": "session",
    "prepare": "session",
    "progress": "session",
    "replacement_candidates": "session",
    "selection_sums": "session",
    "sort_positions": "session",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Change",
    "EDITABLE_FIELDS",
    "EditDescription",
    "FACET_FIELDS",
    "HAS_COMMENT",
    "NOT_REVIEWED",
    "ProgressFigures",
    "REVIEW_STATE",
    "REVIEW_STATES",
    "ReviewSession",
    "ViewSpec",
    "compute_view",
    "facet_counts",
    "facet_counts_for",
    "facet_order",
    "invalidate",
    "missing_columns",
    "prepare",
    "progress",
    "replacement_candidates",
    "selection_sums",
    "set_derived_facet",
    "sort_positions",
]
