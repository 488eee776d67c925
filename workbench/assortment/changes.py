"""What an update of one municipality's list changed in a joint workbook, article by article: its
quantity of each article before and after (the update dialog's summary; the merge report only counts).

Compares two reads of the workbook (:class:`JointState`), so it says what the file holds, whatever rule
put a row where it is."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from workbench.assortment.joint_reader import JointState
from workbench.assortment.layout import id_number

__all__ = ["QuantityChange", "quantity_changes"]


@dataclass(frozen=True)
class QuantityChange:
    """One article whose quantity in ``municipality``'s list changed; ``None``: not in the list."""

    article_id: str
    before: float | None
    after: float | None
    name: str = field(default="", compare=False)  # the article's name (Benämning), to show beside the ID

    @property
    def kind(self) -> str:
        """``added`` (newly in the list), ``removed`` (no longer in it) or ``changed``."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "changed"


def _quantities(state: JointState, municipality: str) -> dict[str, float]:
    found: dict[str, float] = defaultdict(float)
    for record in state.records:
        if record.municipality == municipality:
            found[record.article_id] += record.quantity or 0.0
    return dict(found)


def quantity_changes(before: JointState, after: JointState, municipality: str) -> list[QuantityChange]:
    """The articles whose quantity in ``municipality``'s list differs between ``before`` and ``after``
    (in ID order). A row linked into another article by hand moves its quantity; that is a change too."""
    old, new = _quantities(before, municipality), _quantities(after, municipality)
    changes = []
    for article_id in sorted(old.keys() | new.keys(), key=lambda i: (id_number(i) or 0, i)):
        was, now = old.get(article_id), new.get(article_id)
        if was is not None and now is not None and math.isclose(was, now, rel_tol=1e-9, abs_tol=1e-9):
            continue
        article = after.articles.get(article_id) or before.articles.get(article_id)
        name = str(article.fields.get("name") or "").strip() if article is not None else ""
        changes.append(QuantityChange(article_id, was, now, name))
    return changes
