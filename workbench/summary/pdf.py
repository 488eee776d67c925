"""The summary as a PDF for the politicians: one A4 page (title, key figures in large type, three charts
with a plain sentence each, the notes, source and method), then appendix pages with the tables.

Written with reportlab, without Qt, so the CLI and the app make the same file. The text is set in DejaVu
Sans, embedded (subset) from ``resources/fonts``, so Swedish letters, "→" and "−" print right on any
machine. Colours differ in lightness as well as hue and every bar carries its number, so the page reads
in grey-scale print. reportlab's open-source edition writes no PDF/A; the file is a plain PDF 1.4."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.messages import text
from workbench.numbers import format_number
from workbench.summary.charts import Chart, KeyFigure, Page, decision_label, material_label, page, tonnes_or_kg
from workbench.summary.figures import Figures, Summary, decision_codes

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
INK = "#1a1a1a"
MUTED = "#555555"
RULE = "#c8c8c8"
LISTED_KEYS = 40  # keys an appendix list shows before it only counts


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from workbench.resources import resource_path

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def write_pdf(summary: Summary, path: Path, lang: str = "sv", title: str | None = None) -> None:
    """Write the summary's PDF to ``path`` (atomically: a failed write leaves no half file)."""
    from workbench.savefile import atomic_save

    data = pdf_bytes(summary, lang, title)
    def write(temp: Path) -> None:
        temp.write_bytes(data)

    atomic_save(Path(path), write, _verify_pdf, keep_backups=0)


def _verify_pdf(path: Path) -> None:
    with open(path, "rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise ValueError("not a PDF")


def pdf_bytes(summary: Summary, lang: str = "sv", title: str | None = None) -> bytes:
    """The PDF as bytes."""
    import io

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    _register_fonts()
    rl_config.canvas_basefontname = FONT  # the page's first font too: no font that is not embedded
    content = page(summary, lang, title)
    buffer = io.BytesIO()
    margin = 14 * mm
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                                 bottomMargin=margin + 4 * mm, title=content.title, author="Behovsanalys",
                                 subject=content.subtitle, lang="en-GB" if lang == "en" else "sv-SE",
                                 creator="Behovsanalys", invariant=False)
    footer = _footer(summary, lang)

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        number = text("summary_pdf_page", lang, page=doc.page)
        room = A4[0] - 2 * margin - _text_width(number, FONT, 7) - 12
        for i, line in enumerate(_wrap(footer, FONT, 7, room)[:2]):
            canvas.drawString(margin, 9 * mm - i * 8.5, line)
        canvas.drawRightString(A4[0] - margin, 9 * mm, number)
        canvas.restoreState()

    story: list[Any] = [_OnePage(content, summary, lang), PageBreak(), *_appendix(summary, lang)]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _footer(summary: Summary, lang: str) -> str:
    made = summary.made_at.strftime("%Y-%m-%d %H:%M")
    name = summary.file.name if summary.file is not None else ""
    return text("summary_pdf_footer", lang, file=name, made=made)


def _one_page_class() -> type:
    """The page as a flowable (built here: reportlab is imported only when a PDF is written)."""
    from reportlab.platypus import Flowable

    class OnePage(Flowable):  # type: ignore[misc]
        def __init__(self, content: Page, summary: Summary, lang: str) -> None:
            super().__init__()
            self.content, self.summary, self.lang = content, summary, lang

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width, self.height = available_width, available_height - 1
            return self.width, self.height

        def draw(self) -> None:
            _draw_page(self.canv, self.content, self.summary, self.lang, self.width, self.height)

    return OnePage


def _OnePage(content: Page, summary: Summary, lang: str) -> Any:
    return _one_page_class()(content, summary, lang)


# --- the one page -----------------------------------------------------------------------------------------


def _draw_page(c: Any, content: Page, summary: Summary, lang: str, width: float, height: float) -> None:
    """Draw the page in a box of ``width`` × ``height`` points whose origin is its lower-left corner."""
    from reportlab.lib.units import mm

    top = height
    c.setFillColor(INK)
    c.setFont(BOLD, 19)
    c.drawString(0, top - 19, content.title)
    c.setFont(FONT, 9)
    c.setFillColor(MUTED)
    for i, line in enumerate(_wrap(content.subtitle, FONT, 9, width)[:2]):
        c.drawString(0, top - 33 - i * 11, line)
    y = top - 52
    figures = [*content.figures, _progress_figure(summary.whole, lang)]
    y = _draw_key_figures(c, figures, 0, y, width)
    y -= 5 * mm
    charts = content.charts
    notes_height = _notes_height(content.notes, width)
    room = y - notes_height - 4 * mm
    if not charts:
        return
    first_height = room * (0.45 if len(charts) > 1 else 1.0)
    _draw_chart(c, charts[0], 0, y, width, first_height, lang)
    y -= first_height + 3 * mm
    rest = charts[1:]
    if rest:
        gap = 6 * mm
        each = (width - gap * (len(rest) - 1)) / len(rest)
        rest_height = y - notes_height - 4 * mm
        for i, chart in enumerate(rest):
            _draw_chart(c, chart, i * (each + gap), y, each, rest_height, lang)
        y -= rest_height + 3 * mm
    _draw_notes(c, content.notes, 0, y, width)


def _progress_figure(figures: Figures, lang: str) -> KeyFigure:
    share = figures.decided / figures.articles_before * 100 if figures.articles_before else 0.0
    return KeyFigure(text("summary_kf_decided", lang),
                     text("summary_kf_decided_value", lang, decided=figures.decided, total=figures.articles_before),
                     f"{format_number(round(share), lang)} %")


def _draw_key_figures(c: Any, figures: Sequence[KeyFigure], x: float, y: float, width: float) -> float:
    """A grid of boxes, three to a row; returns the y below it."""
    columns = 3
    gap = 8.0
    box_w = (width - gap * (columns - 1)) / columns
    box_h = 50.0
    for index, figure in enumerate(figures):
        row, column = divmod(index, columns)
        left = x + column * (box_w + gap)
        top = y - row * (box_h + gap)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(left, top - box_h, left + box_w, top - box_h)
        c.setFillColor(MUTED)
        c.setFont(FONT, 8)
        c.drawString(left, top - 9, _fit(figure.label, FONT, 8, box_w))
        c.setFillColor(INK)
        size = 17.0
        while size > 10 and _text_width(figure.value, BOLD, size) > box_w:
            size -= 0.5
        c.setFont(BOLD, size)
        c.drawString(left, top - 30, figure.value)
        c.setFillColor(MUTED)
        c.setFont(FONT, 8.5)
        c.drawString(left, top - 44, _fit(figure.note, FONT, 8.5, box_w))
    rows = math.ceil(len(figures) / columns)
    return y - rows * (box_h + gap) + gap


def _draw_chart(c: Any, chart: Chart, x: float, top: float, width: float, height: float, lang: str) -> None:
    """A horizontal bar chart in the box whose top-left corner is (x, top)."""
    c.setFillColor(INK)
    c.setFont(BOLD, 10)
    c.drawString(x, top - 10, _fit(chart.title, BOLD, 10, width))
    legend_y = top - 23
    legend_x = x
    c.setFont(FONT, 7.5)
    for name, colour in zip(chart.series, chart.colours, strict=True):
        label_width = _text_width(name, FONT, 7.5)
        if legend_x + 12 + label_width > x + width:
            legend_x = x
            legend_y -= 10
        _swatch(c, legend_x, legend_y, colour)
        c.setFillColor(INK)
        c.drawString(legend_x + 10, legend_y, name)
        legend_x += 10 + label_width + 9
    sentence = _wrap(chart.sentence, FONT, 8, width)
    sentence_h = 10 * len(sentence) + 2
    plot_top = legend_y - 7
    axis_h = 11.0
    plot_bottom = top - height + sentence_h + axis_h
    rows = max(len(chart.bars), 1)
    row_h = (plot_top - plot_bottom) / rows
    label_w = min(width * 0.4, max((_text_width(b.label, FONT, 7.5) for b in chart.bars), default=0) + 8)
    value_w = 34.0
    bar_x = x + label_w
    bar_w = max(width - label_w - value_w, 10)
    maximum = chart.maximum or 1.0
    step = _nice_step(maximum)
    scale = bar_w / maximum  # the longest bar fills the width; the ticks stop at it
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.setFont(FONT, 6.5)
    tick = 0.0
    while tick <= maximum * 1.0001:
        tx = bar_x + tick * scale
        c.line(tx, plot_bottom, tx, plot_top)
        c.setFillColor(MUTED)
        c.drawCentredString(tx, plot_bottom - 8, _axis_value(tick, chart, lang))
        tick += step
    for index, bar in enumerate(chart.bars):
        row_top = plot_top - index * row_h
        centre = row_top - row_h / 2
        c.setFillColor(INK)
        c.setFont(FONT, 7.5)
        c.drawRightString(bar_x - 4, centre - 2.5, _fit(bar.label, FONT, 7.5, label_w - 4))
        thickness = min(row_h * 0.7, 14.0)
        if chart.stacked:
            left = bar_x
            for value, colour in zip(bar.values, chart.colours, strict=True):
                if value > 0:
                    _bar(c, left, centre - thickness / 2, value * scale, thickness, colour)
                    left += value * scale
            total = sum(bar.values)
            c.setFillColor(INK)
            c.setFont(FONT, 7)
            c.drawString(left + 3, centre - 2.5, _value(total, chart, lang))
        else:
            each = thickness / max(len(bar.values), 1)
            for i, (value, colour) in enumerate(zip(bar.values, chart.colours, strict=True)):
                bottom = centre + thickness / 2 - (i + 1) * each
                _bar(c, bar_x, bottom + 0.4, value * scale, each - 0.8, colour)
                c.setFillColor(INK)
                c.setFont(FONT, 6.5)
                c.drawString(bar_x + value * scale + 3, bottom + each / 2 - 2.2, _value(value, chart, lang))
    c.setFillColor(INK)
    c.setFont(FONT, 8)
    for i, line in enumerate(sentence):
        c.drawString(x, top - height + sentence_h - 9 - i * 10, line)


def _bar(c: Any, x: float, y: float, w: float, h: float, colour: str) -> None:
    c.setFillColor(colour)
    c.setStrokeColor("#444444")
    c.setLineWidth(0.3)
    c.rect(x, y, max(w, 0.0), h, stroke=1, fill=1)


def _swatch(c: Any, x: float, y: float, colour: str) -> None:
    c.setFillColor(colour)
    c.setStrokeColor("#444444")
    c.setLineWidth(0.3)
    c.rect(x, y - 1, 7, 7, stroke=1, fill=1)


def _notes_height(notes: Sequence[str], width: float) -> float:
    return sum(10 * len(_wrap(note, FONT, 8, width - 8)) + 2 for note in notes)


def _draw_notes(c: Any, notes: Sequence[str], x: float, top: float, width: float) -> None:
    y = top
    c.setFont(FONT, 8)
    for note in notes:
        lines = _wrap(note, FONT, 8, width - 8)
        c.setFillColor(INK)
        c.drawString(x, y - 8, "•")
        for line in lines:
            c.drawString(x + 8, y - 8, line)
            y -= 10
        y -= 2


def _nice_step(maximum: float) -> float:
    raw = maximum / 4
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _axis_value(value: float, chart: Chart, lang: str) -> str:
    if chart.unit == "kg" and value >= 10_000:
        return format_number(round(value / 1000), lang) + " t"
    return format_number(round(value), lang)


def _value(value: float, chart: Chart, lang: str) -> str:
    """A bar's number, as the key figures write an amount of the same unit."""
    return tonnes_or_kg(value, lang) if chart.unit == "kg" else format_number(round(value), lang)


def _text_width(value: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(value, font, size))


def _fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` shortened with an ellipsis to fit ``width``."""
    if _text_width(value, font, size) <= width:
        return value
    while value and _text_width(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def _wrap(value: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return list(simpleSplit(value, font, size, width)) if value else []


# --- the appendix -----------------------------------------------------------------------------------------


def _appendix(summary: Summary, lang: str) -> list[Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    heading = ParagraphStyle("h", fontName=BOLD, fontSize=12, leading=15, spaceBefore=6, spaceAfter=4)
    body = ParagraphStyle("b", fontName=FONT, fontSize=8, leading=10.5)
    story: list[Any] = [Paragraph(_escape(text("summary_appendix", lang)), heading)]

    def section(title_code: str, rows: list[list[str]], numeric_from: int = 1,
                widths: Sequence[float] | None = None) -> None:
        story.append(Paragraph(_escape(text(title_code, lang)), heading))
        story.append(_table(rows, numeric_from, widths))
        story.append(Spacer(1, 6))

    section("summary_table_whole", _whole_rows(summary, lang), widths=(230, 120, 120))
    if summary.by_municipality:
        section("summary_table_municipalities", _municipality_rows(summary, lang))
    section("summary_table_categories", _category_rows(summary, lang))
    if summary.plastic_by_material_before or summary.plastic_by_material_after:
        section("summary_table_materials", _material_rows(summary, lang), widths=(230, 120, 120))
    section("summary_table_reviewers", _reviewer_rows(summary, lang), widths=(300, 120))
    story.append(Paragraph(_escape(text("summary_table_problems", lang)), heading))
    for line in _problem_lines(summary, lang):
        story.append(Paragraph(_escape(line), body))
    story.append(Spacer(1, 6))
    story.append(Paragraph(_escape(text("summary_method", lang)), body))
    return story


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: list[list[str]], numeric_from: int, widths: Sequence[float] | None) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=list(widths) if widths else None, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("FONT", (0, 0), (-1, 0), BOLD, 7.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _money(value: float, lang: str) -> str:
    return format_number(round(value, 2), lang, 2)


def _kg(value: float, lang: str) -> str:
    return format_number(round(value), lang)


def _whole_rows(summary: Summary, lang: str) -> list[list[str]]:
    w = summary.whole
    vb, va = w.volume_per_article_before, w.volume_per_article_after
    return [
        ["", text("summary_before", lang), text("summary_after", lang)],
        [text("summary_kf_articles", lang), format_number(w.articles_before, lang),
         format_number(w.articles_after, lang)],
        [text("summary_row_spend", lang), _money(w.spend_total, lang), _money(w.spend_after, lang)],
        [text("summary_kf_volume", lang), format_number(round(vb or 0), lang), format_number(round(va or 0), lang)],
        [text("summary_row_plastic", lang), _kg(w.plastic_kg_before, lang), _kg(w.plastic_kg_after, lang)],
        [text("summary_row_co2e", lang), _kg(w.co2e_kg_before, lang), _kg(w.co2e_kg_after, lang)],
        [text("summary_row_sup", lang), "", format_number(len(w.sup_banned_left), lang)],
    ]


def _municipality_rows(summary: Summary, lang: str) -> list[list[str]]:
    rows = [[text(code, lang) for code in ("summary_col_municipality", "summary_col_articles", "summary_col_spend",
                                             "summary_col_spend_after", "summary_col_plastic", "summary_col_co2e")]]
    for name, f in summary.by_municipality.items():
        rows.append([name, f"{format_number(f.articles_before, lang)} → {format_number(f.articles_after, lang)}",
                     _money(f.spend_total, lang), _money(f.spend_after, lang),
                     f"{_kg(f.plastic_kg_before, lang)} → {_kg(f.plastic_kg_after, lang)}",
                     f"{_kg(f.co2e_kg_before, lang)} → {_kg(f.co2e_kg_after, lang)}"])
    return rows


def _category_rows(summary: Summary, lang: str) -> list[list[str]]:
    codes = decision_codes()
    rows = [[text("summary_col_category", lang), *(decision_label(c, lang) for c in codes),
             text("summary_col_total", lang)]]
    for name, counts in summary.by_category.items():
        rows.append([name[:1].upper() + name[1:] or text("summary_no_category", lang),
                     *(format_number(counts[c], lang) for c in codes),
                     format_number(sum(counts.values()), lang)])
    return rows


def _material_rows(summary: Summary, lang: str) -> list[list[str]]:
    before, after = summary.plastic_by_material_before, summary.plastic_by_material_after
    rows = [[text("summary_col_material", lang), text("summary_before", lang) + " (kg)",
             text("summary_after", lang) + " (kg)"]]
    for material in sorted(set(before) | set(after), key=lambda m: -before.get(m, 0.0)):
        rows.append([material_label(material, lang), _kg(before.get(material, 0.0), lang),
                     _kg(after.get(material, 0.0), lang)])
    return rows


def _reviewer_rows(summary: Summary, lang: str) -> list[list[str]]:
    rows = [[text("summary_col_reviewer", lang), text("summary_col_decided", lang)]]
    rows += [[name, format_number(count, lang)] for name, count in summary.by_reviewer.items()]
    if len(rows) == 1:
        rows.append([text("summary_no_reviewer", lang), "0"])
    return rows


def _problem_lines(summary: Summary, lang: str) -> list[str]:
    p = summary.problems
    listed: list[tuple[str, Sequence[str]]] = [
        ("summary_problem_no_replacement", p.replace_without_replacement),
        ("summary_problem_replacement_not_found", list(p.replacement_not_found)),
        ("summary_problem_replacement_leaves", list(p.replacement_leaves)),
        ("summary_problem_not_reviewed", p.not_reviewed),
        ("summary_problem_undecided", p.undecided),
        ("summary_problem_invalid", list(p.invalid_decision)),
        ("summary_problem_no_reviewer", p.decided_without_reviewer),
        ("summary_problem_price", p.price_unknown),
        ("summary_problem_environment", p.environment_missing),
        ("summary_problem_sup", summary.whole.sup_banned_left),
    ]
    lines = []
    for code, keys in listed:
        if keys:
            shown = ", ".join(keys[:LISTED_KEYS]) + (" …" if len(keys) > LISTED_KEYS else "")
            lines.append(f"{text(code, lang, count=len(keys))}: {shown}")
    return lines or [text("summary_problem_none", lang)]

