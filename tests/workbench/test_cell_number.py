"""``numbers.cell_number``: a cell's value as a number, or None (the joint shares and consolidation use it)."""

from __future__ import annotations

import math

import pytest

from workbench.numbers import cell_number


@pytest.mark.parametrize(("value", "expected"), [
    (3, 3.0), (2.5, 2.5), ("12", 12.0), ("0.5", 0.5), (" 7 ", 7.0), (0, 0.0), (-1, -1.0),
    (None, None), (True, None), (False, None), (math.nan, None), ("", None), ("tolv", None), ([1], None),
])
def test_a_cell_value_as_a_number(value: object, expected: float | None) -> None:
    assert cell_number(value) == expected
