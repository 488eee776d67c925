"""The summary's key figures and charts as data (titles, bars, a plain sentence each), in the workbook's
language, so that the PDF, the workbook's native charts and the app's painter draw the same thing from
one place. Nothing here draws."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.messages import text
from workbench.numbers import format_number
from workbench.summary.figures import UNDECIDED, Figures, Summary, decision_codes

MAX_CATEGORIES = 8
MAX_MATERIALS = 6

# Grey-scale safe: the decisions differ in lightness as well as hue (darkest for what stays).
DECISION_COLOURS = {"keep": "#1f4e79", "investigate": "#3a87b5", "remove": "#9a9a9a", "replace": "#f2c14e",
                    UNDECIDED: "#ffffff"}
CHART_ORDER = ("keep", "investigate", "replace", "remove", UNDECIDED)  # what stays first
BEFORE_COLOUR = "#b8b8b8"
AFTER_COLOUR = "#1f4e79"


@dataclass
class Bar:
    label: str
    values: tuple[float, ...]  # one per series


@dataclass
class Chart:
    key: str  # "decisions", "municipalities", "materials"
    title: str
    series: tuple[str, ...]  # legend labels
    colours: tuple[str, ...]  # one per series, "#rrggbb"
    bars: list[Bar]
    stacked: bool
    unit: str  # what a value counts ("artiklar", "kg")
    sentence: str  # what the chart says, in one plain sentence

    @property
    def maximum(self) -> float:
        if not self.bars:
            return 0.0
        if self.stacked:
            return max(sum(bar.values) for bar in self.bars)
        return max(max(bar.values) for bar in self.bars)


@dataclass
class KeyFigure:
    label: str  # "Artiklar"
    value: str  # "526 → 350"
    note: str  # "−33 %"


@dataclass
class Page:
    """What the one page says, in order."""

    title: str
    subtitle: str  # the cooperation and the date
    figures: list[KeyFigure]
    charts: list[Chart]
    notes: list[str] = field(default_factory=list)  # missing data, open problems: plain sentences


def decision_label(code: str, lang: str) -> str:
    from workbench.vocabularies import vocabulary

    if code == UNDECIDED:
        return text("summary_undecided", lang)
    return vocabulary("decision").label(code, lang)


def material_label(material: str, lang: str) -> str:
    if not material:
        return text("summary_material_unknown", lang)
    from workbench.environment.data import load_criteria

    found = load_criteria().materials.get(material)
    if found is None:
        return material
    return found.name_en if lang == "en" else found.name_sv


def _n(value: float, lang: str, decimals: int = 0) -> str:
    return format_number(round(value, decimals) if decimals else round(value), lang, decimals)


def _change(before: float, after: float, lang: str) -> str:
    if not before:
        return ""
    percent = (after - before) / before * 100
    if abs(percent) < 0.05:
        return "±0 %"
    sign = "−" if percent < 0 else "+"
    if abs(percent) < 9.95:  # a small change keeps a decimal: "+0,4 %", not a "±0 %" beside changed figures
        return f"{sign}{format_number(abs(round(percent, 1)), lang, 1)} %"
    return f"{sign}{format_number(abs(round(percent)), lang)} %"


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def tonnes_or_kg(kg: float, lang: str) -> str:
    """``kg`` as the page prints it: tonnes from 10 t, else kg."""
    if abs(kg) >= 10_000:
        return f"{_n(kg / 1000, lang, 1 if abs(kg) < 100_000 else 0)} t"
    return f"{_n(kg, lang)} kg"


def key_figures(figures: Figures, lang: str = "sv") -> list[KeyFigure]:
    """The four or five figures in large type: articles, pooled volume per article, spend covered,
    plastic and CO2e, each before → after with the change."""
    result = [
        KeyFigure(text("summary_kf_articles", lang),
                  f"{_n(figures.articles_before, lang)} → {_n(figures.articles_after, lang)}",
                  _change(figures.articles_before, figures.articles_after, lang)),
    ]
    before, after = figures.volume_per_article_before, figures.volume_per_article_after
    if before is not None and after is not None:
        result.append(KeyFigure(text("summary_kf_volume", lang), f"{_n(before, lang)} → {_n(after, lang)}",
                                _change(before, after, lang)))
    result.append(KeyFigure(text("summary_kf_spend", lang),
                            text("summary_mkr", lang, value=f"{_n(figures.spend_total / 1e6, lang, 1)} → "
                                                            f"{_n(figures.spend_after / 1e6, lang, 1)}"),
                            _change(figures.spend_total, figures.spend_after, lang)))
    if figures.plastic_kg_before:
        result.append(KeyFigure(text("summary_kf_plastic", lang),
                                f"{tonnes_or_kg(figures.plastic_kg_before, lang)} → "
                                f"{tonnes_or_kg(figures.plastic_kg_after, lang)}",
                                _change(figures.plastic_kg_before, figures.plastic_kg_after, lang)))
    if figures.co2e_kg_before:
        result.append(KeyFigure(text("summary_kf_co2e", lang),
                                f"{tonnes_or_kg(figures.co2e_kg_before, lang)} → "
                                f"{tonnes_or_kg(figures.co2e_kg_after, lang)}",
                                _change(figures.co2e_kg_before, figures.co2e_kg_after, lang)))
    return result


def decisions_chart(summary: Summary, lang: str = "sv") -> Chart:
    """Articles by category, each bar split by decision (the largest categories; the rest as one bar)."""
    codes = tuple(c for c in CHART_ORDER if c in decision_codes()) + \
        tuple(c for c in decision_codes() if c not in CHART_ORDER)
    categories = sorted(summary.by_category.items(), key=lambda item: not item[0])  # "no category" last
    shown = categories[:MAX_CATEGORIES]
    rest = categories[MAX_CATEGORIES:]
    bars = [Bar(_capital(name) or text("summary_no_category", lang), tuple(float(counts[c]) for c in codes))
            for name, counts in shown]
    if rest:
        bars.append(Bar(text("summary_other_categories", lang, count=len(rest)),
                        tuple(float(sum(counts[c] for _, counts in rest)) for c in codes)))
    whole = summary.whole.decisions
    sentence = text("summary_sentence_decisions", lang, total=summary.whole.articles_before,
                    keep=whole["keep"] + whole["investigate"], replace=whole["replace"], remove=whole["remove"],
                    undecided=whole[UNDECIDED])
    return Chart("decisions", text("summary_chart_decisions", lang), tuple(decision_label(c, lang) for c in codes),
                 tuple(DECISION_COLOURS[c] for c in codes), bars, True, text("summary_unit_articles", lang), sentence)


def municipalities_chart(summary: Summary, lang: str = "sv") -> Chart:
    """Each municipality's articles before and after."""
    bars = [Bar(name, (float(f.articles_before), float(f.articles_after)))
            for name, f in summary.by_municipality.items()]
    sentence = ""
    shrinking = [(name, f) for name, f in summary.by_municipality.items() if f.articles_before]
    if shrinking:
        name, most = max(shrinking, key=lambda item: (item[1].articles_before - item[1].articles_after)
                         / item[1].articles_before)
        if most.articles_after < most.articles_before:
            sentence = text("summary_sentence_municipalities", lang, name=name, before=most.articles_before,
                            after=most.articles_after,
                            change=_change(most.articles_before, most.articles_after, lang))
        else:
            sentence = text("summary_sentence_municipalities_none", lang)
    return Chart("municipalities", text("summary_chart_municipalities", lang),
                 (text("summary_before", lang), text("summary_after", lang)), (BEFORE_COLOUR, AFTER_COLOUR), bars,
                 False, text("summary_unit_articles", lang), sentence)


def materials_chart(summary: Summary, lang: str = "sv") -> Chart:
    """Plastic per year by material, before and after (the largest materials; the rest as one bar)."""
    before, after = summary.plastic_by_material_before, summary.plastic_by_material_after
    materials = sorted(set(before) | set(after), key=lambda m: -max(before.get(m, 0.0), after.get(m, 0.0)))
    shown, rest = materials[:MAX_MATERIALS], materials[MAX_MATERIALS:]
    bars = [Bar(material_label(m, lang), (before.get(m, 0.0), after.get(m, 0.0))) for m in shown]
    if rest:
        bars.append(Bar(text("summary_other_materials", lang, count=len(rest)),
                        (sum(before.get(m, 0.0) for m in rest), sum(after.get(m, 0.0) for m in rest))))
    sentence = text("summary_sentence_materials_none", lang)
    if shown:
        largest = max(shown, key=lambda m: before.get(m, 0.0) - after.get(m, 0.0))
        drop = before.get(largest, 0.0) - after.get(largest, 0.0)
        if drop > 0:
            sentence = text("summary_sentence_materials", lang, material=material_label(largest, lang),
                            before=tonnes_or_kg(before.get(largest, 0.0), lang),
                            after=tonnes_or_kg(after.get(largest, 0.0), lang))
    return Chart("materials", text("summary_chart_materials", lang),
                 (text("summary_before", lang), text("summary_after", lang)), (BEFORE_COLOUR, AFTER_COLOUR), bars,
                 False, "kg", sentence)


def notes(summary: Summary, lang: str = "sv") -> list[str]:
    """Plain sentences on what the figures do not cover and what is still open."""
    problems = summary.problems
    total = summary.whole.articles_before
    result = []
    if problems.environment_missing:
        result.append(text("summary_note_environment", lang, count=len(problems.environment_missing), total=total))
    if problems.undecided:
        result.append(text("summary_note_undecided", lang, count=len(problems.undecided)))
    no_replacement = len(problems.replace_without_replacement) + len(problems.replacement_not_found) \
        + len(problems.replacement_leaves)
    if no_replacement:
        result.append(text("summary_note_no_replacement", lang, count=no_replacement))
    if summary.whole.sup_banned_left:
        result.append(text("summary_note_sup", lang, count=len(summary.whole.sup_banned_left)))
    return result


def page(summary: Summary, lang: str = "sv", title: str | None = None) -> Page:
    """The one page: title, key figures, the three charts and the notes."""
    municipalities = summary.municipalities
    if title is None:
        title = text("summary_title", lang)
    if municipalities:
        who = text("summary_subtitle_municipalities", lang, count=len(municipalities),
                   names=", ".join(municipalities))
    else:
        who = summary.file.stem if summary.file is not None else ""
    date = summary.made_at.date().isoformat()
    subtitle = f"{who} · {date}" if who else date
    charts = [decisions_chart(summary, lang)]
    if summary.by_municipality:
        charts.append(municipalities_chart(summary, lang))
    if summary.plastic_by_material_before or summary.plastic_by_material_after:
        charts.append(materials_chart(summary, lang))
    return Page(title, subtitle, key_figures(summary.whole, lang), charts, notes(summary, lang))
