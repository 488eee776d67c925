"""The detail pane's environment section: the article's suggested Miljöpoäng and why, its SUP rule, what
to demand next time, and its plastic and CO2e per year with the assumptions behind them."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.environment.words import assumption_text, level_label, reason_text, sup_rule_label
from ui.review.detail_pane import DetailSection

if TYPE_CHECKING:
    from workbench.environment import Assessment, CriteriaData


def digits_for(value: float | None) -> int:
    """Decimals that keep a figure readable: none from 100, one from 1, two below."""
    size = abs(value) if value is not None else 0.0
    return 0 if size >= 100 else 1 if size >= 1 else 2


def number(value: float | None, language: str, digits: int | None = None) -> str:
    """A figure with ``digits`` decimals (by its size when None), grouped and with a decimal comma in
    Swedish; "–" when it is not known."""
    from workbench.numbers import format_number

    if value is None:
        return "–"
    return format_number(value, language, digits_for(value) if digits is None else digits)


class EnvironmentSection(DetailSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentSection")

    def show_loading(self) -> None:
        title, busy = self.tr("Environment"), self.tr("Assessing the articles…")
        self.setText(f"<p><b>{html.escape(title)}</b></p><p>{html.escape(busy)}</p>")

    def show_article(self, article: Assessment | None, data: CriteriaData | None, score_set: bool) -> None:
        if article is None or data is None:
            self.setText("")
            return
        lang = self.language
        e = html.escape
        rows: list[tuple[str, str]] = []
        score = str(article.suggested_score)
        if score_set:
            score = self.tr("{score} (a score is set: the suggestion is not used)").format(score=score)
        rows.append((self.tr("Suggested score"), e(score)))
        reasons = "<br/>".join(f"• {e(reason_text(r, lang))}" for r in article.reasons)
        rows.append((self.tr("Reasons"), reasons or "–"))
        rows.append((self.tr("SUP rule"), e(sup_rule_label(article.sup_rule))))
        group = data.groups.get(article.group) if article.group else None
        if group is not None:
            rows.append((self.tr("Product group"), e(group.name_en if lang == "en" else group.name_sv)))
        rows.append((self.tr("Requirement level"), e(level_label(article.requirement_level))))
        criteria = ", ".join(c for c in article.criteria if c)
        rows.append((self.tr("Criteria"), e(criteria) if criteria else "–"))
        material = data.materials.get(article.material) if article.material else None
        if material is not None:
            name = material.name_en if lang == "en" else material.name_sv
        elif article.material_parts:
            name = ", ".join(article.material_parts)
        else:
            name = "–"
        rows.append((self.tr("Material"), e(name)))
        rows.append((self.tr("Pieces per year"), e(number(article.pieces_year, lang, 0))))
        rows.append((self.tr("Plastic kg per year"), e(number(article.plastic_kg_year, lang))))
        places = digits_for(article.co2e_kg_year_high)
        co2e = " – ".join(number(v, lang, places) for v in (article.co2e_kg_year_low, article.co2e_kg_year,
                                                            article.co2e_kg_year_high))
        rows.append((self.tr("kg CO2e per year (low – central – high)"), e(co2e)))
        assumptions = "<br/>".join(f"• {e(assumption_text(a, lang))}" for a in article.assumptions)
        rows.append((self.tr("Assumptions"), assumptions or "–"))
        title = self.tr("Environment")
        lines = [f"<p><b>{e(title)}</b></p><table cellspacing='0' cellpadding='3'>"]
        lines.extend(f"<tr><td valign='top'><i>{e(label)}</i></td><td>{value}</td></tr>" for label, value in rows)
        lines.append("</table>")
        self.setText("".join(lines))
