"""The follow-up's lists as tables (the app's Uppföljning page shows them, and exports them as csv): the units
with their traffic light against the target, removed articles still bought with their replacement, purchases
outside the assortment by spend, and price deviations. One place for the columns, their headers (sv, en) and
the light's rule, so the page and the file say the same."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from workbench.followup.report import FollowupResult

__all__ = ["LIGHTS", "LISTS", "Light", "ListName", "Table", "header", "light", "light_text", "list_table",
           "units_table", "write_csv"]

Light = Literal["green", "amber", "red"]
ListName = Literal["units", "removed", "outside", "prices"]
LISTS: tuple[ListName, ...] = ("units", "removed", "outside", "prices")
AMBER_BAND = 0.10  # within ten percentage points below the target: amber
LIGHTS: tuple[Light, ...] = ("green", "amber", "red")

_HEADERS: dict[str, tuple[str, str]] = {
    # column -> (sv, en)
    "municipality": ("Kommun", "Municipality"),
    "org_unit": ("Förvaltning", "Department"),
    "spend": ("Belopp", "Spend"),
    "spend_in_assortment": ("Inom sortimentet", "Inside the assortment"),
    "compliance": ("Avtalstrohet", "Compliance"),
    "light": ("Mot målet", "Against the target"),
    "key": ("Artikel-ID", "Article ID"),
    "name": ("Benämning", "Name"),
    "decision": ("Beslut", "Decision"),
    "quantity": ("Antal", "Quantity"),
    "lines": ("Rader", "Lines"),
    "replacement": ("Ersätts av", "Replaced by"),
    "replacement_name": ("Ersättarens benämning", "Replacement's name"),
    "municipalities": ("Köps av", "Bought by"),
    "supplier": ("Leverantör", "Supplier"),
    "supplier_article_no": ("Leverantörens artikelnr", "Supplier article no"),
    "gtin": ("GTIN", "GTIN"),
    "agreed": ("Avtalat pris", "Agreed price"),
    "paid": ("Betalt pris", "Paid price"),
    "excess": ("Merkostnad", "Extra cost"),
}

_COLUMNS: dict[ListName, tuple[str, ...]] = {
    "units": ("municipality", "org_unit", "spend", "spend_in_assortment", "compliance", "light"),
    "removed": ("key", "name", "decision", "spend", "quantity", "lines", "replacement", "replacement_name",
                "municipalities"),
    "outside": ("supplier", "supplier_article_no", "gtin", "name", "spend", "quantity", "lines"),
    "prices": ("key", "name", "agreed", "paid", "quantity", "lines", "excess"),
}

_LIGHT_WORDS: dict[Light, tuple[str, str]] = {
    "green": ("Når målet", "Meets the target"),
    "amber": ("Nära målet", "Close to the target"),
    "red": ("Under målet", "Below the target"),
}

_DECISIONS = {"remove": ("Ta bort", "Remove"), "replace": ("Ersätt", "Replace")}


def light(share: float | None, target: float) -> Light | None:
    """Green at or above ``target``, amber within ten percentage points below it, red below that; None when
    nothing was spent (no share to judge)."""
    if share is None:
        return None
    if share >= target - 1e-9:
        return "green"
    if share >= target - AMBER_BAND - 1e-9:
        return "amber"
    return "red"


def light_text(value: Light | None, lang: str) -> str:
    if value is None:
        return "–"
    return _LIGHT_WORDS[value][0 if lang == "sv" else 1]


def header(column: str, lang: str) -> str:
    sv, en = _HEADERS[column]
    return sv if lang == "sv" else en


@dataclass(frozen=True)
class Table:
    """A list: its column names (``columns``), their headers in a language, and rows of raw values (text,
    numbers, None); ``keys`` holds each row's joint article ID where it has one (for the jump to the grid)."""

    name: ListName
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: list[list[Any]]
    keys: list[str | None]


def units_table(result: FollowupResult, target: float, lang: str = "sv") -> Table:
    """Every municipality, then its förvaltningar under it, with spend, compliance and the light."""
    rows: list[list[Any]] = []
    for municipality, figures in result.by_municipality.items():
        share = figures.compliance
        rows.append([municipality, "", figures.spend, figures.spend_in_assortment, share, light(share, target)])
        for unit, unit_figures in result.by_org_unit.get(municipality, {}).items():
            unit_share = unit_figures.compliance
            rows.append([municipality, unit, unit_figures.spend, unit_figures.spend_in_assortment, unit_share,
                         light(unit_share, target)])
    return _table("units", rows, [None] * len(rows), lang)


def list_table(result: FollowupResult, name: ListName, lang: str = "sv", target: float = 0.9) -> Table:
    """The list ``name`` of ``result`` (``units`` needs the ``target``)."""
    if name == "units":
        return units_table(result, target, lang)
    if name == "removed":
        index = 0 if lang == "sv" else 1
        rows = [[r.key, r.name, _DECISIONS.get(r.decision, (r.decision, r.decision))[index], r.spend, r.quantity,
                 r.lines, r.replacement, r.replacement_name, ", ".join(r.municipalities)]
                for r in result.removed_bought]
        return _table(name, rows, [r.key for r in result.removed_bought], lang)
    if name == "outside":
        rows = [[o.get(c) for c in _COLUMNS["outside"]] for o in result.outside_largest]
        return _table(name, rows, [None] * len(rows), lang)
    rows = [[p.key, p.name, p.agreed, p.paid, p.quantity, p.lines, p.excess] for p in result.price_deviations]
    return _table(name, rows, [p.key for p in result.price_deviations], lang)


def _table(name: ListName, rows: list[list[Any]], keys: list[str | None], lang: str) -> Table:
    columns = _COLUMNS[name]
    return Table(name, columns, tuple(header(c, lang) for c in columns), rows, keys)


def _cell(value: Any, column: str, decimal: str, lang: str) -> str:
    if value is None:
        return ""
    if column == "light":
        return light_text(value, lang)
    if isinstance(value, str):
        # a text that a spreadsheet would take for a formula is written as text
        return "'" + value if len(value) > 1 and value[0] in "=+-@" else value
    if isinstance(value, float):
        if column == "compliance":
            value = round(value, 6)
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(round(value, 6))
        return text.replace(".", decimal)
    return str(value)


def write_csv(table: Table, target: Path, lang: str = "sv") -> Path:
    """``table`` as csv at ``target`` in the dialect Excel reads in ``lang`` (Swedish: ``;`` and a decimal
    comma; English: ``,`` and a point), UTF-8 with a BOM; the file is replaced atomically."""
    from workbench.savefile import atomic_save

    separator, decimal = (";", ",") if lang == "sv" else (",", ".")
    target = Path(target)

    def write(temp: Path) -> None:
        with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
            out.writerow(table.headers)
            for row in table.rows:
                out.writerow([_cell(v, c, decimal, lang) for v, c in zip(row, table.columns, strict=True)])

    atomic_save(target, write, keep_backups=0)  # an export is made again: no backups
    return target

