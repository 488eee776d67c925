"""The summary as a workbook of its own (xlsxwriter): the page's key figures, the whole's figures before
and after, the notes and the three charts as native Excel charts on ``Sammanfattning``, fed from the
tables of ``Diagramdata``; every figure per municipality (``Per kommun``), the decided articles per
reviewer (``Per granskare``) and the open problems, one article a row (``Öppna frågor``). English sheet
names and headers with ``lang="en"``.

Numbers are numbers (money to the öre, kg to the gram: the values of ``Summary.to_json()``) with number
formats, never text. The file is written beside its target and renamed into place, so a failure leaves
no half a file behind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.errors import WriteError
from workbench.summary.charts import Chart, Page, page
from workbench.summary.figures import Figures, Summary, decision_codes
from workbench.summary.layout import FIELDS, MEASURES, PROBLEMS, SHEETS, language, word
from workbench.table import SourceTable

__all__ = ["article_names", "figure_values", "municipality_headers", "problem_rows", "write_workbook"]

CHART_COLUMN = 5  # F: the charts stand right of the tables
CHART_SIZE = (760, 320)  # pixels
_MONEY = {"sv": '#,##0.00 "kr"', "en": '#,##0.00 "SEK"'}
_KG = '#,##0.0 "kg"'
_KG_FIELDS = frozenset({"plastic_kg_before", "plastic_kg_after", "co2e_kg_before", "co2e_kg_after"})
_MONEY_FIELDS = frozenset({"spend_total", "spend_after"})
_VOLUME_FIELDS = frozenset({"quantity_before", "quantity_after", "volume_per_article_before",
                            "volume_per_article_after"})


def write_workbook(summary: Summary, path: Path, lang: str = "sv", title: str | None = None, *,
                   names: Mapping[str, str] | None = None) -> None:
    """Write ``summary`` as a workbook at ``path`` (see the module's note). ``names`` (key → article
    name), when the caller has them, stand beside the keys of the open problems. A path that cannot be
    written raises :class:`~workbench.errors.WriteError` and leaves whatever was there."""
    from workbench.savefile import atomic_save
    from workbench.xlsx.patch import check_package

    target = Path(path)
    lang = language(lang)

    def write(temp: Path) -> None:
        _write(summary, temp, target, lang, title, names or {})

    atomic_save(target, write, lambda temp: check_package(temp, ("xl/workbook.xml",)), keep_backups=0)


def _write(summary: Summary, temp: Path, target: Path, lang: str, title: str | None,
           names: Mapping[str, str]) -> None:
    import xlsxwriter
    from xlsxwriter.exceptions import XlsxWriterException

    book = xlsxwriter.Workbook(str(temp), {"strings_to_numbers": False, "strings_to_formulas": False,
                                           "strings_to_urls": False, "default_date_format": "yyyy-mm-dd hh:mm"})
    the_page = page(summary, lang, title)
    book.set_properties({"title": the_page.title, "comments": "Behovsanalys"})
    formats = _Formats(book, lang)
    front = book.add_worksheet(SHEETS["summary"][lang])
    data = book.add_worksheet(SHEETS["chart_data"][lang])
    heights = _front(front, summary, the_page, formats, lang)
    _charts(book, front, data, the_page.charts, formats, lang, heights)
    _municipalities(book.add_worksheet(SHEETS["municipalities"][lang]), summary, formats, lang)
    _reviewers(book.add_worksheet(SHEETS["reviewers"][lang]), summary, formats, lang)
    _problems(book.add_worksheet(SHEETS["problems"][lang]), summary, names, formats, lang)
    front.activate()
    try:
        book.close()
    except XlsxWriterException as error:  # FileCreateError and friends: the folder, the disk, the name
        raise WriteError(target, detail=str(error)) from error


class _Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, book: Any, lang: str) -> None:
        add = book.add_format
        self.title = add({"bold": True, "font_size": 16})
        self.subtitle = add({"font_color": "#595959"})
        self.heading = add({"bold": True, "font_size": 12})
        self.header = add({"bold": True, "bg_color": "#d9d9d9", "bottom": 1, "text_wrap": True, "valign": "top"})
        self.number_header = add({"bold": True, "bg_color": "#d9d9d9", "bottom": 1, "text_wrap": True,
                                  "valign": "top", "align": "right"})
        self.label = add({})
        self.bold = add({"bold": True})
        self.figure = add({"bold": True, "font_size": 14, "font_color": "#1f4e79"})
        self.note = add({"font_color": "#595959"})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.sentence = add({"italic": True, "font_color": "#404040"})
        self.date = add({"num_format": "yyyy-mm-dd hh:mm", "align": "left"})
        self.count = add({"num_format": "#,##0"})
        self.money = add({"num_format": _MONEY[lang]})
        self.kg = add({"num_format": _KG})
        self.volume = add({"num_format": "#,##0.0"})
        self.percent = add({"num_format": "+0.0%;-0.0%;0.0%"})
        self.share = add({"num_format": "0%"})
        self.total_label = add({"bold": True, "top": 1})
        self.total = {name: add({"bold": True, "top": 1, "num_format": fmt})
                      for name, fmt in (("count", "#,##0"), ("money", _MONEY[lang]), ("kg", _KG),
                                        ("volume", "#,##0.0"))}

    def of(self, field: str) -> Any:
        if field in _MONEY_FIELDS:
            return self.money
        if field in _KG_FIELDS:
            return self.kg
        if field in _VOLUME_FIELDS:
            return self.volume
        return self.count

    def total_of(self, field: str) -> Any:
        kind = ("money" if field in _MONEY_FIELDS else "kg" if field in _KG_FIELDS
                else "volume" if field in _VOLUME_FIELDS else "count")
        return self.total[kind]


def article_names(table: SourceTable) -> dict[str, str]:
    """Each article's name by its key (for the open problems), where the table has a name column."""
    from workbench.review.values import is_empty

    header = table.columns.get("name")
    if header is None or header not in table.data.columns:
        return {}
    names = table.data[header].to_numpy(dtype=object)
    return {str(key): str(name).strip() for key, name in zip(table.keys.to_numpy(dtype=object), names, strict=True)
            if not is_empty(key) and not is_empty(name)}


def figure_values(figures: Figures) -> dict[str, Any]:
    """The figures as the workbooks write them: ``to_json()``'s values (money to the öre, kg to the gram),
    and the pooled volumes, which the JSON leaves out, to three places."""
    values = figures.to_json()
    values["quantity_before"] = round(figures.quantity_before, 3)
    values["quantity_after"] = round(figures.quantity_after, 3)
    values["decided"] = figures.decided
    return values


def _number(sheet: Any, row: int, col: int, value: float | int | None, style: Any) -> None:
    if value is None:
        sheet.write_blank(row, col, None, style)
    else:
        sheet.write_number(row, col, value, style)


def _front(sheet: Any, summary: Summary, the_page: Page, formats: _Formats, lang: str) -> dict[int, float]:
    """Sammanfattning: title, key figures, the whole before/after, the decisions, the notes. Returns the
    heights (points) of the rows not of the default height, by which the charts are placed."""
    heights: dict[int, float] = {0: 24}
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 2, 17)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 3)
    sheet.hide_gridlines(2)
    sheet.write_string(0, 0, the_page.title, formats.title)
    sheet.set_row(0, heights[0])
    sheet.write_string(1, 0, the_page.subtitle, formats.subtitle)
    sheet.write_string(2, 0, word("made_at", lang), formats.note)
    sheet.write_datetime(2, 1, summary.made_at, formats.date)
    if summary.file is not None:
        sheet.write_string(3, 0, word("file", lang), formats.note)
        sheet.write_string(3, 1, summary.file.name, formats.note)
    row = 5
    sheet.write_string(row, 0, word("key_figures", lang), formats.heading)
    for figure in the_page.figures:
        row += 1
        heights[row] = 21
        sheet.set_row(row, heights[row])
        sheet.write_string(row, 0, figure.label, formats.label)
        sheet.merge_range(row, 1, row, 2, figure.value, formats.figure)
        sheet.write_string(row, 3, figure.note, formats.note)
    row += 2
    row = _whole_table(sheet, row, summary.whole, formats, lang)
    row += 2
    row = _decision_table(sheet, row, summary.whole, formats, lang)
    if the_page.notes:
        row += 2
        sheet.write_string(row, 0, word("notes", lang), formats.heading)
        for note in the_page.notes:
            row += 1
            sheet.merge_range(row, 0, row, 3, note, formats.wrap)
            heights[row] = 15 * -(-len(note) // 88)  # the lines the merged cell wraps it into
            sheet.set_row(row, heights[row])
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 1)
    return heights


def _whole_table(sheet: Any, row: int, whole: Figures, formats: _Formats, lang: str) -> int:
    """The whole's figures before and after (the values of ``to_json``); returns the last row written."""
    values = figure_values(whole)
    sheet.write_string(row, 0, word("whole", lang), formats.heading)
    row += 1
    for col, name in enumerate(("measure", "before", "after", "change")):
        sheet.write_string(row, col, word(name, lang), formats.number_header if col else formats.header)
    for _, before_field, after_field, sv, en in MEASURES:
        row += 1
        before, after = values[before_field], values[after_field]
        sheet.write_string(row, 0, en if lang == "en" else sv, formats.label)
        _number(sheet, row, 1, before, formats.of(before_field))
        _number(sheet, row, 2, after, formats.of(after_field))
        _number(sheet, row, 3, (after - before) / before if before and after is not None else None,
                formats.percent)
    return row


def _decision_table(sheet: Any, row: int, whole: Figures, formats: _Formats, lang: str) -> int:
    from workbench.summary.charts import decision_label

    sheet.write_string(row, 0, word("decision", lang), formats.header)
    sheet.write_string(row, 1, word("articles", lang), formats.number_header)
    for code in decision_codes():
        row += 1
        sheet.write_string(row, 0, decision_label(code, lang), formats.label)
        sheet.write_number(row, 1, whole.decisions.get(code, 0), formats.count)
    row += 1
    sheet.write_string(row, 0, word("decided", lang), formats.total_label)
    sheet.write_number(row, 1, whole.decided, formats.total["count"])
    row += 1
    sheet.write_string(row, 0, word("sup_banned_left", lang), formats.label)
    sheet.write_number(row, 1, len(whole.sup_banned_left), formats.count)
    return row


_FIRST_HEADER = {"decisions": "category", "municipalities": "municipality", "materials": "material"}


def _print_wide(sheet: Any) -> None:
    """Printed on A4 across, as wide as one page, the header on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def _row_top(row: int, heights: Mapping[int, float]) -> float:
    """The pixel at which ``row`` starts (a default row is 15 points, 20 pixels)."""
    return sum(heights.get(r, 15.0) for r in range(row)) * 4 / 3


def _charts(book: Any, front: Any, data: Any, charts: Sequence[Chart], formats: _Formats, lang: str,
            heights: Mapping[int, float]) -> None:
    """Each chart's table on Diagramdata, and the native chart drawn from it on Sammanfattning, one under
    the other with its sentence in the cell below it (the rows beside the tables are of several heights,
    so the places are found in pixels)."""
    data.set_column(0, 0, 34)
    data.set_column(1, 8, 14)
    _print_wide(data)
    row = at = 0
    for chart in charts:
        data.write_string(row, 0, chart.title, formats.heading)
        header = row + 1
        data.write_string(header, 0, word(_FIRST_HEADER.get(chart.key, "category"), lang), formats.header)
        for col, series in enumerate(chart.series, start=1):
            data.write_string(header, col, series, formats.number_header)
        style = formats.kg if chart.unit == "kg" else formats.count
        for offset, bar in enumerate(chart.bars, start=1):
            data.write_string(header + offset, 0, bar.label)
            for col, value in enumerate(bar.values, start=1):
                data.write_number(header + offset, col, round(value, 3), style)
        first, last = header + 1, header + len(chart.bars)
        if chart.bars:
            front.insert_chart(at, CHART_COLUMN, _native(book, data.name, chart, header, first, last),
                               {"x_offset": 4, "y_offset": 4})
            bottom = _row_top(at, heights) + 4 + CHART_SIZE[1]
            at += 1
            while _row_top(at, heights) < bottom:
                at += 1
        front.write_string(at, CHART_COLUMN, chart.sentence, formats.sentence)
        at += 2
        row = last + 2


def _native(book: Any, sheet: str, chart: Chart, header: int, first: int, last: int) -> Any:
    """One native chart: horizontal bars for long labels (categories, materials), columns for the
    municipalities; stacked for the decisions. The first bar on top, as in the table."""
    horizontal = chart.key != "municipalities"
    options: dict[str, Any] = {"type": "bar" if horizontal else "column"}
    if chart.stacked:
        options["subtype"] = "stacked"
    native = book.add_chart(options)
    for col, colour in enumerate(chart.colours, start=1):
        native.add_series({
            "name": [sheet, header, col],
            "categories": [sheet, first, 0, last, 0],
            "values": [sheet, first, col, last, col],
            "fill": {"color": colour},
            "border": {"color": "#595959", "width": 0.5},
            "gap": 60,
            **({"overlap": 100} if chart.stacked else {}),
        })
    native.set_title({"name": chart.title, "name_font": {"size": 12, "bold": True}})
    native.set_legend({"position": "bottom"})
    value_axis = {"num_format": "#,##0", "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
                  "name": chart.unit, "name_font": {"size": 9, "bold": False}}
    category_axis: dict[str, Any] = {"num_font": {"size": 9}}
    if horizontal:
        category_axis.update({"reverse": True, "crossing": "max"})
    if horizontal:  # xlsxwriter names a bar chart's axes as drawn: y is the (vertical) category axis
        native.set_y_axis(category_axis)
        native.set_x_axis(value_axis)
    else:
        native.set_x_axis(category_axis)
        native.set_y_axis(value_axis)
    native.set_size({"width": CHART_SIZE[0], "height": CHART_SIZE[1]})
    return native


def _figure_row(sheet: Any, row: int, label: str, figures: Figures, formats: _Formats, total: bool = False) -> None:
    values = figure_values(figures)
    codes = decision_codes()
    sheet.write_string(row, 0, label, formats.total_label if total else formats.bold)
    col = 1
    for field, _, _ in FIELDS:
        style = formats.total_of(field) if total else formats.of(field)
        if field == "decided":
            for code in codes:
                sheet.write_number(row, col, figures.decisions.get(code, 0),
                                   formats.total["count"] if total else formats.count)
                col += 1
            sheet.write_number(row, col, figures.decided, style)
        elif field == "sup_banned_left":
            sheet.write_number(row, col, len(figures.sup_banned_left), style)
        else:
            _number(sheet, row, col, values[field], style)
        col += 1


def municipality_headers(lang: str) -> list[str]:
    """The headers of a municipality's row: its name, every figure (a column per decision code)."""
    from workbench.summary.charts import decision_label

    headers = [word("municipality", lang)]
    for field, sv, en in FIELDS:
        if field == "decided":
            headers += [decision_label(code, lang) for code in decision_codes()]
        headers.append(en if lang == "en" else sv)
    return headers


def _municipalities(sheet: Any, summary: Summary, formats: _Formats, lang: str) -> None:
    headers = municipality_headers(lang)
    sheet.set_column(0, 0, 20)
    col = 1
    for field, _, _ in FIELDS:
        if field == "decided":
            sheet.set_column(col, col + len(decision_codes()) - 1, 10)
            col += len(decision_codes())
        sheet.set_column(col, col, 19 if field in _MONEY_FIELDS else 16 if field in _KG_FIELDS
                         else 13 if field in _VOLUME_FIELDS else 10)
        col += 1
    sheet.set_row(0, 45)
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header, formats.number_header if col else formats.header)
    row = 0
    for row, (name, figures) in enumerate(summary.by_municipality.items(), start=1):
        _figure_row(sheet, row, name, figures, formats)
    if row:
        sheet.autofilter(0, 0, row, len(headers) - 1)
    _figure_row(sheet, row + 2, word("whole", lang), summary.whole, formats, total=True)
    sheet.freeze_panes(1, 1)
    _print_wide(sheet)


def _reviewers(sheet: Any, summary: Summary, formats: _Formats, lang: str) -> None:
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 2, 16)
    for col, name in enumerate(("reviewer", "decided", "share")):
        sheet.write_string(0, col, word(name, lang), formats.number_header if col else formats.header)
    decided = sum(summary.by_reviewer.values())
    row = 0
    for row, (reviewer, count) in enumerate(summary.by_reviewer.items(), start=1):
        sheet.write_string(row, 0, reviewer)
        sheet.write_number(row, 1, count, formats.count)
        sheet.write_number(row, 2, count / decided if decided else 0, formats.share)
    if not summary.by_reviewer:
        sheet.write_string(1, 0, word("none_decided", lang), formats.note)
    sheet.freeze_panes(1, 0)


def problem_rows(summary: Summary, lang: str) -> list[tuple[str, str, str]]:
    """(what, key, detail) of every open problem, kind by kind in the sheet's order."""
    listed = summary.problems.to_json()
    listed["sup_banned_left"] = list(summary.whole.sup_banned_left)
    rows: list[tuple[str, str, str]] = []
    for kind, (sv, en) in PROBLEMS.items():
        what = en if lang == "en" else sv
        found = listed.get(kind, [])
        if isinstance(found, dict):
            rows += [(what, str(key), str(detail)) for key, detail in found.items()]
        else:
            rows += [(what, str(key), "") for key in found]
    return rows


def _problems(sheet: Any, summary: Summary, names: Mapping[str, str], formats: _Formats, lang: str) -> None:
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 1, 12)
    sheet.set_column(2, 2, 44)
    sheet.set_column(3, 3, 24)
    for col, name in enumerate(("problem", "key", "name", "detail")):
        sheet.write_string(0, col, word(name, lang), formats.header)
    rows = problem_rows(summary, lang)
    write = sheet.write_string
    for row, (what, key, detail) in enumerate(rows, start=1):
        write(row, 0, what)
        write(row, 1, key)
        article = names.get(key)
        if article:
            write(row, 2, article)
        if detail:
            write(row, 3, detail)
    if rows:
        sheet.autofilter(0, 0, len(rows), 3)
    else:
        sheet.write_string(1, 0, word("no_problems", lang), formats.note)
    sheet.freeze_panes(1, 0)
    _print_wide(sheet)
