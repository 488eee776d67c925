"""The tender list's workbook, written with xlsxwriter in the look of the questionnaire forms
(:mod:`workbench.survey.form_writer`).

Sheets: the list (first and active), the instructions, and the drop-downs' lists (hidden: Excel limits a
list typed into a validation to 255 characters). The given columns are grey and locked, the supplier's
yellow and unlocked; the sheets are protected without a password (nobody is ever locked out), filtering,
sorting and resizing allowed. Validations both Excel and LibreOffice read: GTIN as 8, 12, 13 or 14 digits
(a formula), price and weight decimals of at least 0, ecolabel and material from the lists.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from workbench.assortment.layout import headers
from workbench.environment.data import CriteriaData
from workbench.resources import resource_path
from workbench.tender.articles import DESCRIPTIVE_FIELDS, TenderSelection
from workbench.tender.instructions import help_line, instruction_lines
from workbench.tender.layout import TenderNames

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["HEADER_ROW", "TenderLists", "ecolabel_labels", "material_labels", "tender_headers", "write_tender"]

HEADER_ROW = 5
"""The sheet row of the list's header (1-based): title, source line, help line, the column bands' row."""

_GIVEN = "#F2F2F2"
_GIVEN_HEAD = "#D9D9D9"
_SUPPLIER = "#FFF2CC"
_SUPPLIER_HEAD = "#FFE699"


@cache
def _ecolabel_table() -> list[dict[str, Any]]:
    data = json.loads(resource_path("tender", "ecolabels.json").read_text(encoding="utf-8"))
    return list(data.get("labels", []))


def ecolabel_labels(data: CriteriaData, names: TenderNames) -> list[str]:
    """The ecolabels to choose from: those of ``resources/tender/ecolabels.json`` that the criteria data
    names (one of their words is among its ecolabel words), an ecolabel word no label covers as written,
    then Annan and Ingen."""
    words = list(data.ecolabel_words)
    covered: set[str] = set()
    labels: list[str] = []
    for entry in _ecolabel_table():
        own = {str(w).casefold() for w in entry.get("words", [])}
        if own & {w.casefold() for w in words}:
            labels.append(str(entry["en" if names.lang == "en" else "sv"]))
            covered |= own
    labels += [w[:1].upper() + w[1:] for w in words if w.casefold() not in covered]
    return [*dict.fromkeys(labels), names.other, names.none]


def material_labels(data: CriteriaData, names: TenderNames) -> list[str]:
    """The materials of the criteria data by name, then Annan."""
    return [*dict.fromkeys(m.name(names.lang) for m in data.materials.values()), names.other]


@dataclass
class TenderLists:
    """The words the list takes from the criteria data: the drop-downs' values and the product groups' names."""

    ecolabels: list[str]
    materials: list[str]
    groups: dict[str, str]

    @classmethod
    def of(cls, data: CriteriaData, names: TenderNames) -> TenderLists:
        return cls(ecolabel_labels(data, names), material_labels(data, names),
                   {key: group.name_en if names.lang == "en" else group.name_sv for key, group in data.groups.items()})


def tender_headers(selection: TenderSelection, names: TenderNames) -> tuple[list[str], int]:
    """The list's header row and the index of the first supplier column."""
    joint = headers(selection.lang)
    given = [joint.article_id, *(joint.fields[f] for f in DESCRIPTIVE_FIELDS),
             *(names.volume_of(m) for m in selection.municipalities), names.volume_total, names.product_group,
             names.level, names.criteria]
    return [*given, *names.supplier_headers()], len(given)


def _criteria_text(criteria: Sequence[Any], names: TenderNames) -> str:
    parts = []
    for criterion in criteria:
        summary = criterion.summary_en if names.lang == "en" else criterion.summary_sv
        level = names.level_label(criterion.level) if criterion.level else ""
        head = " ".join(p for p in (criterion.id or "", f"({level})" if level else "") if p)
        parts.append(f"{head}: {summary}" if head else summary)
    return "; ".join(parts)


def _gtin_rule(cell: str) -> str:
    """Whole digits only, 8, 12, 13 or 14 of them (the cells are text, so leading zeros stay): a number
    without a decimal mark, sign, exponent or space. FIND, not SEARCH: SEARCH reads wildcards (or, in
    LibreOffice, regular expressions), where "." is any character."""
    no_marks = ",".join(f'ISERROR(FIND("{mark}",{cell}))' for mark in (".", ",", "-", "+", "e", "E", " "))
    return (f"=AND(ISNUMBER(-{cell}),OR(LEN({cell})=8,LEN({cell})=12,LEN({cell})=13,LEN({cell})=14),"
            f"{no_marks})")


def _messages(names: TenderNames) -> dict[str, tuple[str, str]]:
    """Per validated column: the message shown on entering the cell and on a refused value."""
    if names.lang == "en":
        return {
            "gtin": ("8, 12, 13 or 14 digits, e.g. 07312345678901.", "A GTIN has 8, 12, 13 or 14 digits, "
                     "nothing else."),
            "price": ("SEK excl. VAT per unit of the Unit column.", "Write a price of 0 or more (a number)."),
            "weight": ("Grams per unit.", "Write a weight in grams of 0 or more (a number)."),
            "ecolabel": ("Choose from the list.", "Choose an ecolabel from the list (Other or None if it is "
                         "not there)."),
            "material": ("Choose from the list, or write another.", "The material is not in the list; it is "
                         "kept as written if you choose Yes."),
        }
    return {
        "gtin": ("8, 12, 13 eller 14 siffror, t.ex. 07312345678901.", "Ett GTIN har 8, 12, 13 eller 14 siffror, "
                 "inget annat."),
        "price": ("Kronor exkl. moms per enhet enligt kolumnen Enhet.", "Skriv ett pris på 0 eller mer (ett tal)."),
        "weight": ("Gram per enhet.", "Skriv en vikt i gram på 0 eller mer (ett tal)."),
        "ecolabel": ("Välj i listan.", "Välj en miljömärkning i listan (Annan eller Ingen om den inte finns där)."),
        "material": ("Välj i listan, eller skriv ett annat.", "Materialet finns inte i listan; det sparas som det "
                     "är skrivet om du väljer Ja."),
    }


def write_tender(target: Path, selection: TenderSelection, names: TenderNames, lists: TenderLists, *,
                 workbook: str, made: dt.datetime) -> None:
    """Write the tender list of ``selection`` to ``target``."""
    # constant memory: each row goes to the file as it is done (a fifth faster at 20,000 articles; the rows
    # must then be written in order)
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas": False,
                                             "strings_to_urls": False, "strings_to_numbers": False})
    try:
        _write_book(book, selection, names, lists, workbook, made)
    finally:
        book.close()


def _write_book(book: Any, selection: TenderSelection, names: TenderNames, lists: TenderLists, workbook: str,
                made: dt.datetime) -> None:
    book.set_properties({"title": names.title, "subject": ", ".join(selection.municipalities),
                         "author": "Behovsanalys"})
    title = book.add_format({"bold": True, "font_size": 14})
    small = book.add_format({"font_color": "#444444"})
    head = {"bold": True, "border": 1, "text_wrap": True, "valign": "top"}
    given_head = book.add_format({**head, "bg_color": _GIVEN_HEAD})
    supplier_head = book.add_format({**head, "bg_color": _SUPPLIER_HEAD})
    given_band = book.add_format({"bold": True, "bg_color": _GIVEN_HEAD, "border": 1})
    supplier_band = book.add_format({"bold": True, "bg_color": _SUPPLIER_HEAD, "border": 1})
    given_text = book.add_format({"bg_color": _GIVEN, "num_format": "@"})
    # wrapped: the long text stays in its cell instead of running over the supplier's empty cells; the row
    # keeps its height (neither Excel nor LibreOffice fits a row's height to its text on opening a file)
    given_long = book.add_format({"bg_color": _GIVEN, "num_format": "@", "text_wrap": True, "valign": "top"})
    given_number = book.add_format({"bg_color": _GIVEN})
    whole = book.add_format({"bg_color": _GIVEN, "num_format": "#,##0"})
    decimal = book.add_format({"bg_color": _GIVEN, "num_format": "#,##0.00"})
    cell = {"locked": False, "bg_color": _SUPPLIER, "border": 1, "border_color": "#BFBFBF"}
    supplier_text = book.add_format({**cell, "num_format": "@"})
    supplier_price = book.add_format({**cell, "num_format": "#,##0.00"})
    supplier_number = book.add_format(cell)

    sheet = book.add_worksheet(names.sheet)
    instructions = book.add_worksheet(names.instructions_sheet)
    list_sheet = book.add_worksheet(names.lists_sheet)

    columns, first_supplier = tender_headers(selection, names)
    municipalities = selection.municipalities
    volume_first = 1 + len(DESCRIPTIVE_FIELDS)
    total_col = volume_first + len(municipalities)
    group_col, level_col, criteria_col = total_col + 1, total_col + 2, total_col + 3
    offered, number, gtin, price, ecolabel, material, weight = range(first_supplier, first_supplier + 7)
    top = HEADER_ROW - 1
    first = top + 1
    articles = selection.articles
    last = top + len(articles)  # == top when there are none

    count = len(articles)
    sheet.write_string(0, 0, f"{names.title}: {', '.join(municipalities)}" if municipalities else names.title,
                       title)
    sheet.write_string(1, 0, f"{names.workbook_label} {workbook}  ·  {names.made_label} {made:%Y-%m-%d}  ·  "
                             f"{names.articles_label}: {count}", small)
    sheet.write_string(2, 0, help_line(names), small)
    sheet.merge_range(top - 1, 0, top - 1, first_supplier - 1, names.given_band, given_band)
    sheet.merge_range(top - 1, first_supplier, top - 1, len(columns) - 1, names.supplier_band, supplier_band)
    sheet.set_row(top, 45)  # before the row's cells: in constant memory a row is written out when the next begins
    for column, text in enumerate(columns):
        sheet.write_string(top, column, text, supplier_head if column >= first_supplier else given_head)

    group_names = lists.groups
    write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
    for offset, article in enumerate(articles):
        row = first + offset
        write_string(row, 0, article.key, given_text)
        for column, name in enumerate(DESCRIPTIVE_FIELDS, start=1):
            value = article.fields.get(name)
            if value is None:
                write_blank(row, column, None, given_text)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                write_number(row, column, value, given_number)
            else:
                write_string(row, column, str(value), given_long if column <= 2 else given_text)
        for column, municipality in enumerate(municipalities, start=volume_first):
            _write_volume(sheet, row, column, article.volumes.get(municipality), whole, decimal)
        _write_volume(sheet, row, total_col, article.total, whole, decimal)
        group = group_names.get(article.group or "", "")
        write_string(row, group_col, group, given_long) if group else write_blank(row, group_col, None, given_text)
        level = names.level_label(article.level)
        write_string(row, level_col, level, given_text) if level else write_blank(row, level_col, None, given_text)
        criteria = _criteria_text(article.criteria, names)
        if criteria:
            write_string(row, criteria_col, criteria, given_long)
        else:
            write_blank(row, criteria_col, None, given_text)
        for column in (offered, number, gtin, ecolabel, material):
            write_blank(row, column, None, supplier_text)
        write_blank(row, price, None, supplier_price)
        write_blank(row, weight, None, supplier_number)

    _validate(sheet, names, lists, first, max(last, first), {"gtin": gtin, "price": price, "weight": weight,
                                                             "ecolabel": ecolabel, "material": material})
    # a municipality's header wraps after "Årsvolym": wide enough for its name on the second line
    widths = [11.0, 36.0, 18.0, 9.0, 13.0, *(max(11.0, len(m) + 5.0) for m in municipalities), 11.0, 20.0, 11.0, 40.0,
              26.0, 16.0, 16.0, 14.0, 16.0, 18.0, 12.0]
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(first, 2)
    sheet.autofilter(top, 0, max(last, top), len(columns) - 1)
    sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True,
                       "format_cells": False, "select_locked_cells": True, "select_unlocked_cells": True})
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(top)
    sheet.repeat_columns(0, 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f"&L{_header_text(names.title)}&R&P / &N")
    sheet.activate()

    heading = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    instructions.set_column(0, 0, 30)
    instructions.set_column(1, 1, 90)
    instructions.write_string(0, 0, names.title, title)
    lines = instruction_lines(names, municipalities=municipalities, made=made, articles=count, workbook=workbook,
                              ecolabels=lists.ecolabels)
    for row, (label, text) in enumerate(lines, start=2):
        # the height of the wrapped text given: neither Excel nor LibreOffice fits it on opening the file
        instructions.set_row(row, 15.0 * max(1, -(-len(text) // 80)) + 3)
        instructions.write_string(row, 0, label, heading)
        instructions.write_string(row, 1, text, wrap)
    instructions.protect("")
    instructions.set_paper(9)
    instructions.fit_to_pages(1, 0)

    # row by row, as the constant-memory mode writes them out
    for row in range(1 + max(len(lists.ecolabels), len(lists.materials))):
        for column, values, head_text in ((0, lists.ecolabels, names.ecolabel), (1, lists.materials, names.material)):
            if row == 0:
                list_sheet.write_string(0, column, head_text)
            elif row <= len(values):
                list_sheet.write_string(row, column, values[row - 1])
    list_sheet.protect("")
    list_sheet.hide()


def _write_volume(sheet: Any, row: int, column: int, value: float | None, whole: Any, decimal: Any) -> None:
    if value is None:
        sheet.write_blank(row, column, None, whole)
    elif float(value).is_integer():
        sheet.write_number(row, column, value, whole)
    else:
        sheet.write_number(row, column, value, decimal)


def _validate(sheet: Any, names: TenderNames, lists: TenderLists, first: int, last: int,
              columns: dict[str, int]) -> None:
    messages = _messages(names)
    headers_of = {"gtin": names.gtin, "price": names.price, "weight": names.weight, "ecolabel": names.ecolabel,
                  "material": names.material}

    def options(kind: str, **rule: Any) -> dict[str, Any]:
        prompt, error = messages[kind]
        return {**rule, "input_title": headers_of[kind][:32], "input_message": prompt[:255],
                "error_title": headers_of[kind][:32], "error_message": error[:255],
                "error_type": rule.pop("error_type", "stop")}

    gtin = columns["gtin"]
    sheet.data_validation(first, gtin, last, gtin,
                          options("gtin", validate="custom", value=_gtin_rule(xl_rowcol_to_cell(first, gtin))))
    for kind in ("price", "weight"):
        column = columns[kind]
        sheet.data_validation(first, column, last, column,
                              options(kind, validate="decimal", criteria=">=", value=0))
    for kind, values, list_col, error_type in (("ecolabel", lists.ecolabels, 0, "stop"),
                                               ("material", lists.materials, 1, "warning")):
        letter = xl_col_to_name(list_col)
        source = f"='{names.lists_sheet}'!${letter}$2:${letter}${len(values) + 1}"
        column = columns[kind]
        sheet.data_validation(first, column, last, column,
                              options(kind, validate="list", source=source, error_type=error_type))


def _header_text(text: str) -> str:
    return text.replace("&", "&&")  # a lone & starts a page-header code
