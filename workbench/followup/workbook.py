"""The follow-up's report workbook of its own (``workbench followup -o OUT.xlsx``): the figures and the three
lists as tables, and native Excel charts (compliance per month against the target, per municipality).
Written by xlsxwriter in the joint workbook's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.followup.report import Compliance, FollowupResult

__all__ = ["TARGET", "write_report"]

TARGET = 0.9
"""The compliance the charts draw as the target line (90 %, the issue's default)."""

_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "overview": "Översikt", "months": "Per månad", "units": "Per förvaltning", "removed": "Borttagna köpta",
        "outside": "Utanför sortimentet", "prices": "Prisavvikelser",
        "title": "Uppföljning av inköp mot det avtalade sortimentet", "joint": "Gemensam analys",
        "period": "Period", "lines": "Rader", "spend": "Belopp", "inside": "Belopp inom sortimentet",
        "compliance": "Avtalstrohet", "outside_spend": "Belopp utanför sortimentet", "unmatched": "Rader utan artikel",
        "plastic_bought": "Plast köpt (kg)", "plastic_planned": "Plast enligt plan (kg)",
        "co2e_bought": "CO2e köpt (kg)", "co2e_planned": "CO2e enligt plan (kg)", "municipality": "Kommun",
        "month": "Månad", "org_unit": "Förvaltning", "target": "Mål", "key": "Artikel-ID", "name": "Benämning",
        "decision": "Beslut", "quantity": "Antal", "replacement": "Ersätts av", "replacement_name": "Ersättarens namn",
        "bought_by": "Köpt av", "supplier": "Leverantör", "supplier_article_no": "Lev. art.nr", "gtin": "GTIN",
        "agreed": "Avtalat pris", "paid": "Betalt pris", "excess": "Merkostnad", "remove": "Ta bort",
        "replace": "Ersätt", "chart_months": "Avtalstrohet per månad",
        "chart_municipalities": "Avtalstrohet per kommun",
    },
    "en": {
        "overview": "Overview", "months": "By month", "units": "By org unit", "removed": "Removed bought",
        "outside": "Outside assortment", "prices": "Price deviations",
        "title": "Follow-up of purchases against the agreed assortment", "joint": "Joint workbook",
        "period": "Period", "lines": "Lines", "spend": "Spend", "inside": "Spend in assortment",
        "compliance": "Compliance", "outside_spend": "Spend outside assortment", "unmatched": "Lines without article",
        "plastic_bought": "Plastic bought (kg)", "plastic_planned": "Plastic as planned (kg)",
        "co2e_bought": "CO2e bought (kg)", "co2e_planned": "CO2e as planned (kg)", "municipality": "Municipality",
        "month": "Month", "org_unit": "Org unit", "target": "Target", "key": "Article ID", "name": "Name",
        "decision": "Decision", "quantity": "Quantity", "replacement": "Replaced by",
        "replacement_name": "Replacement's name", "bought_by": "Bought by", "supplier": "Supplier",
        "supplier_article_no": "Supplier article no", "gtin": "GTIN", "agreed": "Agreed price", "paid": "Paid price",
        "excess": "Excess cost", "remove": "Remove", "replace": "Replace",
        "chart_months": "Compliance per month", "chart_municipalities": "Compliance per municipality",
    },
}


def write_report(result: FollowupResult, target: Path, lang: str = "sv", goal: float = TARGET) -> Path:
    """Write the report workbook to ``target`` (through a temporary file beside it, then renamed)."""
    import xlsxwriter

    from workbench.savefile import atomic_save

    words = _WORDS["en" if lang == "en" else "sv"]

    def write(temp: Path) -> None:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_urls": False})
        styles = {
            "head": book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1}),
            "title": book.add_format({"bold": True, "font_size": 14}),
            "money": book.add_format({"num_format": "# ##0.00"}),
            "share": book.add_format({"num_format": "0.0%"}),
            "int": book.add_format({"num_format": "0"}),
        }
        _overview(book, result, words, styles, goal)
        _months(book, result, words, styles, goal)
        _units(book, result, words, styles)
        _removed(book, result, words, styles)
        _outside(book, result, words, styles)
        _prices(book, result, words, styles)
        book.close()

    atomic_save(Path(target), write, lambda temp: None)
    return Path(target)


def _table(sheet: Any, row: int, headers: list[str], rows: list[list[Any]], formats: list[Any],
           styles: dict[str, Any], widths: list[float]) -> int:
    for column, header in enumerate(headers):
        sheet.write(row, column, header, styles["head"])
        sheet.set_column(column, column, widths[column])
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            if value is None:
                continue
            style = formats[column]
            if isinstance(value, str):
                sheet.write_string(row + offset, column, value)
            elif style is not None:
                sheet.write_number(row + offset, column, value, style)
            else:
                sheet.write_number(row + offset, column, value)
    sheet.autofilter(row, 0, row + len(rows), len(headers) - 1)
    return row + len(rows)


def _compliance_rows(items: dict[str, Compliance]) -> list[list[Any]]:
    return [[name, c.spend, c.spend_in_assortment, c.compliance, c.lines] for name, c in items.items()]


def _overview(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any], goal: float) -> None:
    sheet = book.add_worksheet(words["overview"])
    sheet.write(0, 0, words["title"], styles["title"])
    facts: list[tuple[str, Any, Any]] = [
        (words["joint"], result.joint.name, None), (words["period"], result.period_text(), None),
        (words["lines"], result.lines, styles["int"]), (words["spend"], result.total.spend, styles["money"]),
        (words["inside"], result.total.spend_in_assortment, styles["money"]),
        (words["compliance"], result.compliance, styles["share"]),
        (words["outside_spend"], result.outside_assortment_spend, styles["money"]),
        (words["unmatched"], result.unmatched_lines, styles["int"]),
        (words["plastic_bought"], result.plastic_kg_bought, styles["money"]),
        (words["plastic_planned"], result.plastic_kg_planned, styles["money"]),
        (words["co2e_bought"], result.co2e_kg_bought, styles["money"]),
        (words["co2e_planned"], result.co2e_kg_planned, styles["money"]),
    ]
    for offset, (label, value, style) in enumerate(facts, start=2):
        sheet.write_string(offset, 0, label)
        if isinstance(value, str):
            sheet.write_string(offset, 1, value)
        elif value is not None:
            sheet.write_number(offset, 1, value, style)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 24)
    first = len(facts) + 3
    headers = [words["municipality"], words["spend"], words["inside"], words["compliance"], words["lines"],
               words["target"]]
    rows = [[*values, goal] for values in _compliance_rows(result.by_municipality)]
    last = _table(sheet, first, headers, rows, [None, styles["money"], styles["money"], styles["share"], styles["int"],
                                                 styles["share"]], styles, [28, 24, 22, 13, 10, 8])
    if rows:
        name = words["overview"]
        chart = book.add_chart({"type": "column"})
        chart.add_series({"name": words["compliance"], "categories": [name, first + 1, 0, last, 0],
                          "values": [name, first + 1, 3, last, 3]})
        line = book.add_chart({"type": "line"})
        line.add_series({"name": words["target"], "categories": [name, first + 1, 0, last, 0],
                         "values": [name, first + 1, 5, last, 5], "line": {"color": "#C00000", "dash_type": "dash"}})
        chart.combine(line)
        chart.set_title({"name": words["chart_municipalities"]})
        chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%"})
        chart.set_legend({"position": "bottom"})
        sheet.insert_chart(first, 7, chart, {"x_scale": 1.3, "y_scale": 1.2})


def _months(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any], goal: float) -> None:
    name = words["months"]
    sheet = book.add_worksheet(name)
    headers = [words["month"], words["spend"], words["inside"], words["compliance"], words["lines"], words["target"]]
    rows = [[*values, goal] for values in _compliance_rows(result.by_month)]
    last = _table(sheet, 0, headers, rows, [None, styles["money"], styles["money"], styles["share"], styles["int"],
                                             styles["share"]], styles, [10, 16, 22, 13, 10, 8])
    if not rows:
        return
    chart = book.add_chart({"type": "line"})
    chart.add_series({"name": words["compliance"], "categories": [name, 1, 0, last, 0],
                      "values": [name, 1, 3, last, 3], "marker": {"type": "circle"}})
    chart.add_series({"name": words["target"], "categories": [name, 1, 0, last, 0], "values": [name, 1, 5, last, 5],
                      "line": {"color": "#C00000", "dash_type": "dash"}})
    chart.set_title({"name": words["chart_months"]})
    chart.set_y_axis({"min": 0, "max": 1, "num_format": "0%"})
    chart.set_legend({"position": "bottom"})
    sheet.insert_chart(1, 7, chart, {"x_scale": 1.4, "y_scale": 1.2})


def _units(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any]) -> None:
    sheet = book.add_worksheet(words["units"])
    rows = [[municipality, unit, c.spend, c.spend_in_assortment, c.compliance, c.lines]
            for municipality, units in result.by_org_unit.items() for unit, c in units.items()]
    _table(sheet, 0, [words["municipality"], words["org_unit"], words["spend"], words["inside"], words["compliance"],
                      words["lines"]], rows,
           [None, None, styles["money"], styles["money"], styles["share"], styles["int"]], styles,
           [18, 28, 16, 22, 13, 10])


def _removed(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any]) -> None:
    sheet = book.add_worksheet(words["removed"])
    rows = [[r.key, r.name, words.get(r.decision, r.decision), r.spend, r.quantity, r.lines, r.replacement,
             r.replacement_name, ", ".join(r.municipalities)] for r in result.removed_bought]
    _table(sheet, 0, [words["key"], words["name"], words["decision"], words["spend"], words["quantity"], words["lines"],
                      words["replacement"], words["replacement_name"], words["bought_by"]], rows,
           [None, None, None, styles["money"], None, styles["int"], None, None, None], styles,
           [11, 36, 10, 14, 10, 8, 11, 36, 40])


def _outside(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any]) -> None:
    sheet = book.add_worksheet(words["outside"])
    rows = [[o["supplier"], o["supplier_article_no"], o["gtin"], o["name"], o["spend"], o["quantity"], o["lines"]]
            for o in result.outside_largest]
    _table(sheet, 0, [words["supplier"], words["supplier_article_no"], words["gtin"], words["name"], words["spend"],
                      words["quantity"], words["lines"]], rows,
           [None, None, None, None, styles["money"], None, styles["int"]], styles, [28, 16, 16, 40, 14, 10, 8])


def _prices(book: Any, result: FollowupResult, words: dict[str, str], styles: dict[str, Any]) -> None:
    sheet = book.add_worksheet(words["prices"])
    rows = [[p.key, p.name, p.agreed, p.paid, p.quantity, p.lines, p.excess] for p in result.price_deviations]
    _table(sheet, 0, [words["key"], words["name"], words["agreed"], words["paid"], words["quantity"], words["lines"],
                      words["excess"]], rows,
           [None, None, styles["money"], styles["money"], None, styles["int"], styles["money"]], styles,
           [11, 36, 13, 13, 10, 8, 14])
