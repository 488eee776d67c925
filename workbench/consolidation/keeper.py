"""The suggested keeper of a cluster and why (DESIGN: the largest pooled volume, then the best
environmental score, then the lowest price per piece; the issue also weighs how many municipalities buy
it). Volumes are compared in pieces (quantity × pack size), prices per piece (price ÷ pack size), so
articles in different pack sizes compare fairly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.consolidation.clusters import Item

REASONS = ("volume", "env_score", "price_per_piece", "municipalities")
"""The reason codes, in the order they decide."""


def _rank(item: Item) -> tuple[float, float, float, float, str]:
    price = item.price_per_piece
    return (-item.pieces, -(item.env_score or 0), price if price is not None else float("inf"),
            -(item.municipalities or 0), item.key)


def choose_keeper(members: Sequence[Item]) -> tuple[str, tuple[str, ...]]:
    """The keeper's key and the reasons it is best by, the deciding one first."""
    ranked = sorted(members, key=_rank)
    best, others = ranked[0], ranked[1:]
    reasons: list[str] = []
    pieces = best.pieces
    if all(pieces > m.pieces for m in others):
        reasons.append("volume")
    score = best.env_score
    if score is not None and all(score > (m.env_score or 0) for m in others):
        reasons.append("env_score")
    price = best.price_per_piece
    if price is not None and all((p := m.price_per_piece) is None or price < p for m in others):
        reasons.append("price_per_piece")
    count = best.municipalities
    if count and all(count > (m.municipalities or 0) for m in others):
        reasons.append("municipalities")
    if not reasons:
        reasons.append("first")  # equal on every count: the first by key
    return best.key, tuple(reasons)
