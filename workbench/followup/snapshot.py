"""The joint workbook's sheet ``Uppföljning`` (``Follow-up`` in English): one row per municipality (and one
for the whole) of every follow-up run: the period, the compliance, the spend, when and by whom. Appended,
never rewritten, so the group sees the trend; written like the ``Kluster`` log: under the workbook's lock,
the sheet added by the cell patcher on the first run and rows appended after, atomic replace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.followup.report import FollowupResult
from workbench.messages import text

__all__ = ["HEADERS", "SHEET", "SnapshotRow", "append_snapshot", "read_snapshots", "snapshot_rows"]

SHEET = {"sv": "Uppföljning", "en": "Follow-up"}
HEADERS = {
    "sv": ("Period från", "Period till", "Kommun", "Avtalstrohet", "Belopp", "Belopp inom sortimentet", "Rader",
           "När", "Av"),
    "en": ("Period from", "Period to", "Municipality", "Compliance", "Spend", "Spend in assortment", "Lines",
           "When", "By"),
}
WIDTHS = {0: 12, 1: 12, 2: 18, 3: 13, 4: 14, 5: 22, 6: 10, 7: 19, 8: 20}


@dataclass(frozen=True)
class SnapshotRow:
    date_from: dt.date | None
    date_to: dt.date | None
    municipality: str  # the whole: the word for "Totalt" in the sheet's language
    compliance: float | None
    spend: float
    spend_in_assortment: float
    lines: int
    when: dt.datetime | None
    by: str

    def values(self) -> list[Any]:
        return [self.date_from, self.date_to, self.municipality,
                None if self.compliance is None else round(self.compliance, 4), round(self.spend, 2),
                round(self.spend_in_assortment, 2), self.lines, self.when, self.by]


def snapshot_rows(result: FollowupResult, who: str, when: dt.datetime, lang: str) -> list[SnapshotRow]:
    """A run's rows: every municipality, then the whole."""
    rows = [SnapshotRow(result.date_from, result.date_to, name, c.compliance, c.spend, c.spend_in_assortment,
                        c.lines, when, who) for name, c in result.by_municipality.items()]
    total = result.total
    rows.append(SnapshotRow(result.date_from, result.date_to, text("followup_total", lang), total.compliance,
                            total.spend, total.spend_in_assortment, total.lines, when, who))
    return rows


def _sheet_of(names: Sequence[str]) -> tuple[str, str | None]:
    folded = {name.casefold(): name for name in names}
    for lang, sheet in SHEET.items():
        if sheet.casefold() in folded:
            return lang, folded[sheet.casefold()]
    return "sv", None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def read_snapshots(path: Path) -> list[SnapshotRow]:
    """The rows of the ``Uppföljning`` sheet of ``path`` in sheet order (empty without the sheet)."""
    from workbench.reading import list_sheets, read_sheet_rows

    _, sheet = _sheet_of(list_sheets(path))
    if sheet is None:
        return []
    cells = read_sheet_rows(path, [sheet])[sheet]
    rows = []
    for values in cells[1:]:
        padded = list(values) + [None] * (9 - len(values))
        if padded[2] is None:
            continue
        when = padded[7] if isinstance(padded[7], dt.datetime) else None
        rows.append(SnapshotRow(_date(padded[0]), _date(padded[1]), str(padded[2]), _float(padded[3]),
                                _float(padded[4]) or 0.0, _float(padded[5]) or 0.0, int(_float(padded[6]) or 0),
                                when, str(padded[8] or "")))
    return rows


def append_snapshot(path: Path, result: FollowupResult, *, who: str, wait: float = 30.0, save_anyway: bool = False,
                    on_wait: Callable[[str], None] | None = None) -> str:
    """Append ``result``'s rows to the sheet (adding it on the first run) under the workbook's lock; returns
    the sheet's name."""
    from workbench.assortment.layout import detect_language
    from workbench.assortment.update import check_open_elsewhere, locked
    from workbench.reading import list_sheets, read_sheet_rows
    from workbench.savefile import atomic_save
    from workbench.xlsx.patch import NewSheet, SheetPatch, patch_sheets, verify_patch

    when = dt.datetime.now().replace(microsecond=0)
    with locked(path, who, wait, on_wait):
        check_open_elsewhere(path, save_anyway)
        sheets = list_sheets(path)
        lang, sheet = _sheet_of(sheets)
        if sheet is None:
            lang = detect_language(sheets) or "sv"
        values = [row.values() for row in snapshot_rows(result, who, when, lang)]
        results: list[Any] = []
        if sheet is None:
            name = SHEET[lang]
            new = NewSheet(name, [list(HEADERS[lang]), *values], widths=WIDTHS)

            def write(temp: Path) -> None:
                results.append(patch_sheets(path, temp, [], new_sheets=[new]))
        else:
            name = sheet
            last_row = max(1, len(read_sheet_rows(path, [sheet])[sheet]))
            first = last_row + 1
            cells = {(first + r, c): value for r, row in enumerate(values) for c, value in enumerate(row)
                     if value is not None}
            patch = SheetPatch(sheet, cells, grow_to_row=first + len(values) - 1, header_row=1)

            def write(temp: Path) -> None:
                results.append(patch_sheets(path, temp, [patch]))

        atomic_save(path, write, lambda temp: verify_patch(temp, results[-1]))
    return name
