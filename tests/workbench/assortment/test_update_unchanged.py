"""The re-merge decides whether a cell changes from the cell as read (before the reader's cleaning),
with a shortcut for equal values of one type (issue 15): it must decide as the cleaned comparison does,
so that no cell is written that did not change and none is left that did."""

from __future__ import annotations

import datetime as dt
import itertools

from workbench.assortment.joint_reader import clean
from workbench.assortment.update import _same, _unchanged

_VALUES: list[object] = [None, "", "  ", "Abena AB", " Abena AB ", "abena ab", "12", 12, 12.0, 12.5, 12.0000000001,
                         0, 0.0, -0.0, 1, 1.0, True, False, float("nan"), 2**60, float(2**60),
                         dt.datetime(2026, 12, 1, 8, 0), dt.datetime(2026, 12, 1, 8, 0, 0, 500_000),
                         dt.datetime(2026, 12, 1, 8, 0, 2)]


def test_the_shortcut_decides_as_the_cleaned_comparison() -> None:
    for raw, value in itertools.product(_VALUES, repeat=2):
        assert _unchanged(raw, value) == _same(clean(raw), value), (raw, value)
