"""Checks of the review record before a save: replacements that do not add up.

A save is never refused for these (the shared workbook is the group's work in progress); the GUI
shows them in a bar before saving. Each check returns a code and the article keys it concerns, as
data; :func:`message` words it (``workbench.messages``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.messages import plural_text
from workbench.table import SourceTable

REPLACE_WITHOUT_REPLACEMENT = "replace_without_replacement"
"""Decision Ersätt, but no Ersätts av."""
REPLACEMENT_NOT_KEPT = "replacement_not_kept"
"""Ersätts av names an article whose own decision is Ta bort or Ersätt."""
REPLACEMENT_UNKNOWN = "replacement_unknown"
"""Ersätts av names an article number the list does not have."""

CHECK_CODES: tuple[str, ...] = (REPLACE_WITHOUT_REPLACEMENT, REPLACEMENT_NOT_KEPT, REPLACEMENT_UNKNOWN)
_GONE = ("remove", "replace")


@dataclass(frozen=True, eq=False)
class ReviewProblem:
    """One kind of problem: ``code`` (one of :data:`CHECK_CODES`), the rows (0-based positions, sheet
    order) and their article keys (each once)."""

    code: str
    positions: np.ndarray
    keys: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many articles (keys) have the problem."""
        return len(self.keys)

    def message(self, lang: str = "sv") -> str:
        return message(self, lang)


def _empty(values: np.ndarray) -> np.ndarray:
    empty = np.asarray(pd.isna(values), dtype=bool)
    text = ~empty
    if text.any():
        empty[text] = [not str(v).strip() for v in values[text]]
    return empty


def replace_without_replacement(table: SourceTable) -> np.ndarray:
    """Positions whose decision is ``replace`` but whose ``replaced_by`` is empty."""
    review = table.review
    decisions = review["decision"].to_numpy(dtype=object)
    replacing = np.flatnonzero(decisions == "replace")
    if not len(replacing):
        return replacing
    return np.asarray(replacing[_empty(review["replaced_by"].to_numpy(dtype=object)[replacing])])


def check_review(table: SourceTable) -> list[ReviewProblem]:
    """Every problem found, in the order of :data:`CHECK_CODES`; only kinds that occur.

    Looks at the whole list: the file that is saved holds every row, colleagues' too.
    """
    review = table.review
    keys = table.keys.to_numpy(dtype=object)
    found: list[tuple[str, np.ndarray]] = [(REPLACE_WITHOUT_REPLACEMENT, replace_without_replacement(table))]
    targets = review["replaced_by"].to_numpy(dtype=object)
    named = np.flatnonzero(~_empty(targets))
    if len(named):
        wanted = pd.Series([str(t).strip() for t in targets[named]], dtype=object)
        known_keys = pd.Series(keys, dtype=object).dropna().astype(str)
        exists = wanted.isin(known_keys).to_numpy()
        decisions = review["decision"].to_numpy(dtype=object)
        gone_keys = known_keys[np.isin(decisions[known_keys.index.to_numpy()], _GONE)]
        gone = wanted.isin(gone_keys).to_numpy()
        found.append((REPLACEMENT_NOT_KEPT, named[exists & gone]))
        found.append((REPLACEMENT_UNKNOWN, named[~exists]))
    problems = []
    for code, positions in found:
        if len(positions):
            problem_keys = tuple(dict.fromkeys(str(k) for k in keys[positions] if isinstance(k, str)))
            problems.append(ReviewProblem(code, positions, problem_keys))
    return problems


def message(problem: ReviewProblem, lang: str = "sv") -> str:
    """The problem in words, e.g. "3 artiklar ska ersättas men saknar ersättare"."""
    return plural_text(f"check_{problem.code}", problem.count, lang)
