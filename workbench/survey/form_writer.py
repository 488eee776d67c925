"""One questionnaire form: an xlsx for one unit, written with xlsxwriter.

Sheets: the form (first and active, so that a copy saved as csv keeps it), the instructions, the lists
of the drop-downs (hidden: Excel limits a list typed into a validation to 255 characters) and the
identification (hidden). Only the answer cells and the free rows are unlocked; the sheets are protected
without a password, so nobody is ever locked out. Features both Excel and LibreOffice read: list
validation from a sheet range, protection, frozen panes, print titles, autofilter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from workbench.assortment.layout import Headers
from workbench.survey.instructions import instruction_lines
from workbench.survey.layout import FORM_VERSION, FormId, FormNames
from workbench.vocabularies import vocabularies

__all__ = ["FREE_ROWS", "FormArticle", "FormSpec", "HEADER_ROW", "write_form"]

HEADER_ROW = 5
"""The sheet row of the form's header (1-based): two title rows, a line of help, a blank row."""

FREE_ROWS = 10
"""How many free rows "Artiklar vi saknar" a form offers."""

_ARTICLE_FIELDS = ("name", "category", "supplier", "supplier_article_no", "unit", "pack_size")


@dataclass
class FormArticle:
    """One article row: the joint ID, its descriptive fields and the unit's own yearly volume."""

    article_id: str
    fields: dict[str, Any]
    volume: float | None


@dataclass
class FormSpec:
    """What one form holds."""

    unit: str
    municipality: str
    by: str
    form_id: FormId
    workbook_file: str
    made: dt.datetime
    articles: Sequence[FormArticle]


def form_headers(joint: Headers, names: FormNames) -> list[str]:
    """The form's header row: the article's columns, the unit's volume, the three answers."""
    review = joint.review
    return [joint.article_id, *(joint.fields[f] for f in _ARTICLE_FIELDS), names.volume,
            review["usage"], review["future_need"], review["comment"]]


def _width(values: Sequence[object], header: str, low: float, high: float) -> float:
    longest = max([len(header), *(len(str(v)) for v in values[:500] if v is not None)], default=0)
    return max(low, min(high, longest + 2.0))


def write_form(target: Path, spec: FormSpec, joint: Headers, names: FormNames) -> None:
    """Write the form of ``spec`` to ``target``."""
    lang = names.lang
    vocab = vocabularies()
    usage_labels = vocab["usage"].labels(lang)
    future_labels = vocab["future_need"].labels(lang)
    # in memory: the temporary file per sheet that xlsxwriter writes otherwise costs more than the sheet
    book = xlsxwriter.Workbook(str(target), {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                              "strings_to_numbers": False})
    try:
        book.set_properties({"title": f"{names.title} {spec.unit}", "subject": str(spec.form_id),
                             "author": "Behovsanalys"})
        title = book.add_format({"bold": True, "font_size": 14})
        small = book.add_format({"font_color": "#444444"})
        header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
                                  "valign": "top"})
        answer_header = book.add_format({"bold": True, "bg_color": "#FFE699", "border": 1, "text_wrap": True,
                                         "valign": "top"})
        locked_text = book.add_format({"num_format": "@"})
        volume = book.add_format({"num_format": "#,##0"})
        answer = book.add_format({"locked": False, "bg_color": "#FFF2CC", "border": 1, "border_color": "#BFBFBF"})
        answer_text = book.add_format({"locked": False, "bg_color": "#FFF2CC", "border": 1,
                                       "border_color": "#BFBFBF", "num_format": "@"})
        free = book.add_format({"locked": False, "bg_color": "#E2EFDA", "border": 1, "border_color": "#BFBFBF",
                                "num_format": "@"})
        free_number = book.add_format({"locked": False, "bg_color": "#E2EFDA", "border": 1,
                                       "border_color": "#BFBFBF", "num_format": "#,##0"})
        section = book.add_format({"bold": True, "bg_color": "#E2EFDA"})

        sheet = book.add_worksheet(names.form_sheet)
        instructions = book.add_worksheet(names.instructions_sheet)
        lists = book.add_worksheet(names.lists_sheet)
        info = book.add_worksheet(names.info_sheet)

        columns = form_headers(joint, names)
        usage_col, future_col, comment_col = len(columns) - 3, len(columns) - 2, len(columns) - 1
        volume_col = len(columns) - 4
        top = HEADER_ROW - 1  # 0-based header row
        first = top + 1
        last = top + len(spec.articles)  # 0-based last article row (== top when there are none)

        sheet.write_string(0, 0, f"{names.title} {'for' if lang == 'en' else 'till'} {spec.unit}", title)
        sheet.write_string(1, 0, f"{names.form_id_label}: {spec.form_id}  ·  {names.workbook_label}: "
                                 f"{spec.workbook_file}  ·  {names.made_label} {spec.made:%Y-%m-%d}", small)
        sheet.write_string(2, 0, instruction_lines(lang)[0], small)
        for column, text in enumerate(columns):
            sheet.write_string(top, column, text, answer_header if column >= usage_col else header)
        for offset, article in enumerate(spec.articles):
            row = first + offset
            sheet.write_string(row, 0, article.article_id, locked_text)
            for column, name in enumerate(_ARTICLE_FIELDS, start=1):
                value = article.fields.get(name)
                if value is None:
                    continue
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(row, column, value)
                else:
                    sheet.write_string(row, column, str(value), locked_text)
            if article.volume is not None:
                sheet.write_number(row, volume_col, article.volume, volume)
            sheet.write_blank(row, usage_col, None, answer)
            sheet.write_blank(row, future_col, None, answer)
            sheet.write_blank(row, comment_col, None, answer_text)
        heading_row = last + 2
        sheet.write_string(heading_row, 1, names.missing_hint, section)
        for column in range(len(columns)):
            if column != 1:
                sheet.write_blank(heading_row, column, None, section)
        for row in range(heading_row + 1, heading_row + 1 + FREE_ROWS):
            for column in range(len(columns)):
                if column == 0:
                    continue
                style = free_number if column == volume_col else free
                sheet.write_blank(row, column, None, style)
        free_last = heading_row + FREE_ROWS

        for column, labels in ((usage_col, usage_labels), (future_col, future_labels)):
            list_col = 0 if column == usage_col else 1
            letter = xl_col_to_name(list_col)
            source = f"='{names.lists_sheet}'!${letter}$2:${letter}${len(labels) + 1}"
            options = {"validate": "list", "source": source, "error_type": "warning",
                       "error_title": columns[column], "error_message": _list_error(lang, labels)}
            sheet.data_validation(first, column, max(last, first), column, options)
            sheet.data_validation(heading_row + 1, column, free_last, column, options)
        widths = [
            11.0,
            _width([a.fields.get("name") for a in spec.articles], columns[1], 24, 50),
            _width([a.fields.get("category") for a in spec.articles], columns[2], 12, 24),
            _width([a.fields.get("supplier") for a in spec.articles], columns[3], 12, 30),
            _width([a.fields.get("supplier_article_no") for a in spec.articles], columns[4], 12, 22),
            _width([a.fields.get("unit") for a in spec.articles], columns[5], 8, 14),
            12.0, 11.0,
            max(14.0, max(len(v) for v in usage_labels) + 4.0),
            max(15.0, max(len(v) for v in future_labels) + 4.0),
            40.0,
        ]
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.set_row(top, 30)
        sheet.freeze_panes(first, 2)
        sheet.autofilter(top, 0, max(last, top), len(columns) - 1)
        sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True, "format_rows": True,
                           "select_locked_cells": True, "select_unlocked_cells": True})
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.repeat_rows(top)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_header(f"&L{_header_text(names.title)} {_header_text(spec.unit)}&R{spec.form_id}")
        sheet.set_footer("&C&P / &N")
        sheet.activate()

        instructions.set_column(0, 0, 110)
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        instructions.write_string(0, 0, f"{names.title} {'for' if lang == 'en' else 'till'} {spec.unit}", title)
        for row, line in enumerate(instruction_lines(lang, usage_labels, future_labels), start=2):
            instructions.write_string(row, 0, line, wrap)
        instructions.protect("")
        instructions.set_paper(9)

        lists.write_string(0, 0, columns[usage_col])
        lists.write_string(0, 1, columns[future_col])
        for row, label in enumerate(usage_labels, start=1):
            lists.write_string(row, 0, label)
        for row, label in enumerate(future_labels, start=1):
            lists.write_string(row, 1, label)
        lists.protect("")
        lists.hide()

        for row, (key, value) in enumerate(_info_rows(spec, lang)):
            info.write_string(row, 0, key)
            if isinstance(value, int):
                info.write_number(row, 1, value)
            else:
                info.write_string(row, 1, str(value))
        info.protect("")
        info.hide()
    finally:
        book.close()


def _header_text(text: str) -> str:
    return text.replace("&", "&&")  # a lone & starts a page-header code


def _list_error(lang: str, labels: Sequence[str]) -> str:
    if lang == "en":
        return ("Choose a value from the list: " + ", ".join(labels) + ". Another text is kept as written.")[:255]
    return ("Välj ett värde i listan: " + ", ".join(labels) + ". En annan text sparas som den är skriven.")[:255]


def _info_rows(spec: FormSpec, lang: str) -> list[tuple[str, object]]:
    """The identification sheet: one key and value a row (the keys are the reader's, in any language)."""
    return [
        ("behovsanalys_form", "Behovsanalys"),
        ("workbook_id", spec.form_id.workbook_id),
        ("form_id", str(spec.form_id)),
        ("unit", spec.unit),
        ("municipality", spec.municipality),
        ("by", spec.by),
        ("workbook", spec.workbook_file),
        ("form_version", FORM_VERSION),
        ("made", spec.made.isoformat(sep=" ", timespec="seconds")),
        ("articles", len(spec.articles)),
        ("language", lang),
    ]
