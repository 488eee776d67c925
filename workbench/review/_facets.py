"""Which facets the review grid offers, the "has comment" pseudo-facet, and a stable value order.

Public names are re-exported by :mod:`workbench.review.session`.
"""

from __future__ import annotations

import numpy as np

from workbench.review._index import REVIEW_STATE, FacetCodes, TableIndex

HAS_COMMENT = "has_comment"
"""Pseudo-field for facets: ``"yes"`` for rows with a (non-blank) comment, else ``"no"``."""

HAS_COMMENT_VALUES: tuple[str, ...] = ("yes", "no")

FACET_FIELDS: tuple[str, ...] = (
    REVIEW_STATE,
    "usage",
    "future_need",
    "env_score",
    HAS_COMMENT,
    "reviewed_by",
    "category",
    "supplier",
    "municipality",
    "material",
    "ecolabel",
)
"""The facets of the filter panel, in the order it shows them: the review's first, then the source
columns' (those only when the table maps them)."""

_VOCABULARY_OF = {REVIEW_STATE: "decision", "usage": "usage", "future_need": "future_need",
                  "env_score": "env_score", "decision": "decision"}


def is_pseudo_facet(name: str) -> bool:
    """Whether ``name`` is a facet computed from other columns rather than a column itself."""
    return name == HAS_COMMENT


def facet_codes(index: TableIndex, name: str) -> FacetCodes:
    """The facet ``name`` factorised (``KeyError`` for an unknown column)."""
    if name == HAS_COMMENT:

        def build() -> FacetCodes:
            comments = index.table.review["comment"].to_numpy(dtype=object)
            has = np.fromiter((isinstance(c, str) and bool(c.strip()) for c in comments), dtype=bool,
                              count=len(comments))
            return FacetCodes(codes=np.where(has, 0, 1).astype(np.int64), values=HAS_COMMENT_VALUES)

        # kept with the comment column's caches: a comment edit makes it anew
        return index._cached_review("has_comment", "comment", build)
    return index.facet_codes(name)


def facet_value_ranks(index: TableIndex, name: str) -> np.ndarray:
    """The rank of each of :func:`facet_codes` ``values`` in Swedish order (for breaking ties)."""
    if name == HAS_COMMENT:
        return np.arange(len(HAS_COMMENT_VALUES), dtype=np.int64)
    return index.facet_value_ranks(name)


def facet_order(index: TableIndex, name: str) -> list[str]:
    """Every value of facet ``name`` in an order a list can keep while counts change.

    Vocabulary facets list their codes in vocabulary order (codes found outside it follow); other
    facets list their values by how many rows hold them now, most first (ties in Swedish order).
    Empty comes last. A GUI takes this order when it builds a facet list and keeps it, so that
    ticking values never makes the others jump.
    """
    if name == HAS_COMMENT:
        return list(HAS_COMMENT_VALUES)
    facet = facet_codes(index, name)
    counts = np.bincount(facet.codes, minlength=len(facet.values))
    present = np.flatnonzero(counts)
    ranks = facet_value_ranks(index, name)[present]
    by_count = [facet.values[i] for i in present[np.lexsort((ranks, -counts[present]))]]
    vocabulary_name = _VOCABULARY_OF.get(name)
    first: list[str] = []
    if vocabulary_name is not None:
        vocabulary = index.vocabularies.get(vocabulary_name)
        codes = list(vocabulary.codes) if vocabulary is not None else []
        first = ["not_reviewed", *codes] if name == REVIEW_STATE else codes
    rest = [value for value in by_count if value not in first and value != ""]
    return [*first, *rest, *([""] if "" in by_count else [])]
