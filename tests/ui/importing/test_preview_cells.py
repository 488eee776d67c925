"""The import dialog's preview shows raw cells as a spreadsheet would: an ods/xls number is not '7349891759417.0'."""

from __future__ import annotations

import datetime as dt

import pytest

from ui.importing.import_dialog import cell_text


@pytest.mark.parametrize(("value", "language", "shown"), [
    (7349891759417.0, "sv", "7349891759417"), (3.0, "sv", "3"), (466.5, "sv", "466,5"), (466.5, "en", "466.5"),
    (12, "sv", "12"), (None, "sv", ""), (float("nan"), "sv", ""), ("00123", "sv", "00123"),
    (dt.datetime(2026, 3, 4), "sv", "2026-03-04"), (dt.datetime(2026, 3, 4, 10, 30), "sv", "2026-03-04 10:30"),
])
def test_a_raw_cell_reads_as_in_a_spreadsheet(value: object, language: str, shown: str) -> None:
    assert cell_text(value, language) == shown
