"""The words of the summary's workbooks (sv, en): sheet names, headers, the labels of the figures and of
the open problems. Shared by the summary workbook (:mod:`workbench.summary.workbook`) and the joint
workbook's ``Sammanfattning`` sheet (:mod:`workbench.summary.sheet`), so both say the same thing."""

from __future__ import annotations

__all__ = ["FIELDS", "MEASURES", "PROBLEMS", "SHEETS", "WORDS", "language", "word"]

SHEETS: dict[str, dict[str, str]] = {
    "summary": {"sv": "Sammanfattning", "en": "Summary"},
    "chart_data": {"sv": "Diagramdata", "en": "Chart data"},
    "municipalities": {"sv": "Per kommun", "en": "Per municipality"},
    "reviewers": {"sv": "Per granskare", "en": "Per reviewer"},
    "problems": {"sv": "Öppna frågor", "en": "Open questions"},
}

WORDS: dict[str, tuple[str, str]] = {
    "made_at": ("Gjord", "Made"),
    "made_by": ("Av", "By"),
    "file": ("Arbetsbok", "Workbook"),
    "key_figures": ("Nyckeltal", "Key figures"),
    "whole": ("Hela sortimentet", "The whole assortment"),
    "measure": ("Mått", "Measure"),
    "before": ("Före", "Before"),
    "after": ("Efter", "After"),
    "change": ("Förändring", "Change"),
    "decision": ("Beslut", "Decision"),
    "articles": ("Artiklar", "Articles"),
    "notes": ("Att tänka på", "Notes"),
    "municipality": ("Kommun", "Municipality"),
    "reviewer": ("Granskare", "Reviewer"),
    "decided": ("Avgjorda", "Decided"),
    "share": ("Andel av avgjorda", "Share of decided"),
    "problem": ("Fråga", "Question"),
    "category": ("Kategori", "Category"),
    "material": ("Material", "Material"),
    "key": ("Artikel-ID", "Article ID"),
    "name": ("Artikel", "Article"),
    "detail": ("Detalj", "Detail"),
    "sup_banned_left": ("SUP-förbjudna kvar", "SUP-banned left"),
    "per_municipality": ("Per kommun", "Per municipality"),
    "per_reviewer": ("Per granskare", "Per reviewer"),
    "no_problems": ("Inga öppna frågor.", "No open questions."),
    "none_decided": ("Ingen har avgjort någon artikel ännu.", "Nobody has decided an article yet."),
    "sheet_note": ("Skrivs om av Behovsanalys (workbench summary --write-sheet); ändringar här skrivs över.",
                   "Rewritten by Behovsanalys (workbench summary --write-sheet); changes here are overwritten."),
}

# (the Figures field or property, sv, en): the columns of a municipality's row, in order; the decisions
# (one column per code) follow articles_after
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("articles_before", "Artiklar före", "Articles before"),
    ("articles_after", "Artiklar efter", "Articles after"),
    ("decided", "Avgjorda", "Decided"),
    ("spend_total", "Inköp totalt (kr)", "Spend total (SEK)"),
    ("spend_after", "Inköp som täcks (kr)", "Spend covered (SEK)"),
    ("quantity_before", "Volym före", "Volume before"),
    ("quantity_after", "Volym efter", "Volume after"),
    ("volume_per_article_before", "Volym per artikel före", "Volume per article before"),
    ("volume_per_article_after", "Volym per artikel efter", "Volume per article after"),
    ("plastic_kg_before", "Plast före (kg/år)", "Plastic before (kg/year)"),
    ("plastic_kg_after", "Plast efter (kg/år)", "Plastic after (kg/year)"),
    ("co2e_kg_before", "CO2e före (kg/år)", "CO2e before (kg/year)"),
    ("co2e_kg_after", "CO2e efter (kg/år)", "CO2e after (kg/year)"),
    ("sup_banned_left", "SUP-förbjudna kvar", "SUP-banned left"),
)

# (measure, before field, after field, sv, en): the rows of the whole's before/after table
MEASURES: tuple[tuple[str, str, str, str, str], ...] = (
    ("articles", "articles_before", "articles_after", "Artiklar", "Articles"),
    ("spend", "spend_total", "spend_after", "Inköp (kr per år)", "Spend (SEK a year)"),
    ("quantity", "quantity_before", "quantity_after", "Samlad volym", "Pooled volume"),
    ("volume", "volume_per_article_before", "volume_per_article_after", "Volym per artikel",
     "Volume per article"),
    ("plastic", "plastic_kg_before", "plastic_kg_after", "Plast (kg per år)", "Plastic (kg a year)"),
    ("co2e", "co2e_kg_before", "co2e_kg_after", "CO2e (kg per år)", "CO2e (kg a year)"),
)

# the Problems fields (and the SUP-banned articles left) in the order the sheet lists them, worded as the
# PDF's appendix heads them (summary_problem_* there, with the count)
PROBLEMS: dict[str, tuple[str, str]] = {
    "replace_without_replacement": ("Ersätt utan ersättare", "Replace without a replacement"),
    "replacement_not_found": ("Ersätts av en artikel som inte finns", "Replaced by an article that does not exist"),
    "replacement_leaves": ("Ersätts av en artikel som själv tas bort, eller i en cirkel",
                           "Replaced by an article that is itself removed, or in a circle"),
    "invalid_decision": ("Beslut som inte är ett av de fyra", "Decision that is not one of the four"),
    "sup_banned_left": ("Förbjuden engångsplastartikel kvar", "Banned single-use plastic article left"),
    "decided_without_reviewer": ("Beslut utan namn på granskaren", "Decision without the reviewer's name"),
    "not_reviewed": ("Ingen har granskat", "Nobody has reviewed"),
    "undecided": ("Ej beslutad", "Undecided"),
    "price_unknown": ("Kvar utan pris", "Staying without a price"),
    "environment_missing": ("Plast eller CO2e okänt", "Plastic or CO2e unknown"),
    "not_moved": ("Plast/CO2e flyttades inte till ersättaren", "Plastic/CO2e not moved to the replacement"),
}


def language(lang: str | None) -> str:
    """``lang`` as one of the two languages the workbooks are written in (Swedish unless English)."""
    return "en" if lang == "en" else "sv"


def word(name: str, lang: str) -> str:
    sv, en = WORDS[name]
    return en if language(lang) == "en" else sv
