"""Reading a date: the one rule for review times (``reviewed_at``) wherever they come from.

A review time arrives as a date or date/time object (a workbook cell, pandas, the journal), as an
unformatted Excel date serial (a number in a workbook cell), or as text (a csv, a decisions file, a cell
typed by hand). The reader of a workbook's own review columns, the decisions file, the three-way merge
and the writer all read it here, so a time one of them accepts is accepted by all of them.

In the kernel because the reader (below the review package) needs it too; ``workbench.review.values``
names it beside the other rules of review values. Loads neither pandas nor numpy.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from typing import Any

__all__ = ["parse_date"]

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_LAST_SERIAL = 2958466  # 10000-01-01: Excel's dates end the day before
# What people type besides ISO 8601 (which datetime.fromisoformat reads): day first, as in Sweden.
_DATE_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M",
                 "%Y/%m/%d %H:%M")


def parse_date(value: Any) -> dt.datetime | None:
    """``value`` as a naive date/time, or ``None`` when it is empty or no date.

    A date is midnight of its day; a time zone is dropped (the wall time is kept, as a spreadsheet
    shows it); an int or float from 1 up to 2958465 is an Excel date serial (1900 system), truncated
    to the second; text is ISO 8601 (``2026-12-01``, ``2026-12-01 10:15``, ``2026-12-01T10:15:00Z``)
    or day first (``01.12.2026``, ``1/12/2026 10:15``), surrounding blanks ignored. A bool is no date.
    """
    if value is None or isinstance(value, bool):
        return None
    pd = sys.modules.get("pandas")  # no pandas object can exist before pandas is loaded
    if pd is not None:
        if value is pd.NaT or value is pd.NA:
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        value = value.item()
        if isinstance(value, dt.datetime | dt.date | bool):
            return parse_date(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return None
        if 1 <= value < _LAST_SERIAL:
            return (_EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)
        return None
    text = str(value).strip()
    if not text:
        return None
    iso = text.replace("T", " ", 1)
    if iso.endswith(("Z", "z")):
        iso = iso[:-1]
    try:
        return dt.datetime.fromisoformat(iso).replace(tzinfo=None)
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None
