"""The words of the tender list's instructions sheet (plain Swedish; English for an English workbook)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workbench.numbers import format_number
from workbench.tender.layout import TenderNames

__all__ = ["help_line", "instruction_lines"]


def help_line(names: TenderNames) -> str:
    """The line above the list's header."""
    if names.lang == "en":
        return ("Fill in the yellow columns, one row per article you offer; the grey columns are given. More on "
                f"the sheet {names.instructions_sheet}.")
    return (f"Fyll i de gula kolumnerna, en rad per artikel ni erbjuder; de grå kolumnerna är givna. Mer på fliken "
            f"{names.instructions_sheet}.")


def instruction_lines(names: TenderNames, *, municipalities: Sequence[str], made: dt.datetime, articles: int,
                      workbook: str, ecolabels: Sequence[str]) -> list[tuple[str, str]]:
    """The instructions as (heading, text) lines; a heading alone is ``(heading, "")``."""
    count = format_number(articles, names.lang)
    together = ", ".join(municipalities)
    labels = ", ".join(ecolabels)
    if names.lang == "en":
        return [
            ("Who is buying", f"The municipalities {together} procure these articles together." if together
             else "The articles are procured together by the municipalities of the cooperation."),
            ("This list", f"Made {made:%Y-%m-%d} from {workbook}: {count} "
                          f"{'article' if articles == 1 else 'articles'}. The sheet {names.sheet} lists each "
                          "article with its description, unit, pack size and the annual volume per municipality "
                          "and in total."),
            ("The volumes are estimates", "The annual volumes are estimates from last year's purchases (an "
             "article also counts the volume of the articles it replaces). They show the size of the need; "
             "they are not a promise to buy."),
            ("Environmental requirements", "Requirement level: the level of the Swedish National Agency for "
             "Public Procurement's sustainability criteria (Basic, Advanced, Spearhead) demanded for the "
             "article's product group, and the requirements that apply. An empty cell means that this list "
             "sets no particular environmental requirement for the article; the tender documents may still "
             "do so."),
            ("What you fill in", "In the yellow columns, one row per article: the offered product (its name), "
             "your article number, the GTIN (8, 12, 13 or 14 digits), the price per unit in SEK excluding VAT "
             "for the unit and pack size in the grey columns, the ecolabel, the material and the weight per "
             "unit in grams."),
            ("Ecolabel and material", f"Choose the ecolabel from the list: {labels}. Choose the material from the "
             "list; another material may be written in, and the cell then warns."),
            ("An article you do not offer", "Leave its row empty."),
            ("Do not change", "the article IDs or the grey columns: the offer is read back by article ID, not by "
             "row. You may sort, filter and widen the columns."),
            ("Protection", "The sheets are protected without a password, only so that nothing is changed by "
             "mistake."),
            ("Send back", "Save the file (xlsx) and send it with your tender."),
        ]
    return [
        ("Vilka som köper", f"Kommunerna {together} upphandlar de här artiklarna tillsammans." if together
         else "Artiklarna upphandlas tillsammans av kommunerna i samarbetet."),
        ("Den här listan", f"Skapad {made:%Y-%m-%d} från {workbook}: {count} "
                           f"{'artikel' if articles == 1 else 'artiklar'}. Fliken {names.sheet} listar varje "
                           "artikel med beskrivning, enhet, förpackningsstorlek och årsvolym per kommun och totalt."),
        ("Volymerna är uppskattningar", "Årsvolymerna är uppskattningar utifrån förra årets inköp (en artikel "
         "räknar också volymen för de artiklar som den ersätter). De visar hur stort behovet är; de är inget "
         "löfte om att köpa."),
        ("Miljökrav", "Kravnivå: den nivå i Upphandlingsmyndighetens hållbarhetskriterier (Bas, Avancerad, "
         "Spjutspets) som ställs för artikelns produktgrupp, och de krav som gäller. En tom cell betyder att "
         "listan inte ställer något särskilt miljökrav på artikeln; upphandlingsdokumenten kan ändå göra det."),
        ("Det här fyller ni i", "I de gula kolumnerna, en rad per artikel: erbjuden produkt (dess benämning), "
         "ert artikelnummer, GTIN (8, 12, 13 eller 14 siffror), pris per enhet i kronor exklusive moms för den "
         "enhet och förpackningsstorlek som står i de grå kolumnerna, miljömärkning, material och vikt per "
         "enhet i gram."),
        ("Miljömärkning och material", f"Välj miljömärkning i listan: {labels}. Välj material i listan; ett "
         "annat material går att skriva in, cellen varnar då."),
        ("En artikel ni inte erbjuder", "Lämna raden tom."),
        ("Ändra inte", "artikel-ID:na eller de grå kolumnerna: anbudet läses per artikel-ID, inte per rad. Ni "
         "får sortera, filtrera och göra kolumnerna bredare."),
        ("Skydd", "Bladen är skyddade utan lösenord, bara för att inget ska ändras av misstag."),
        ("Skicka tillbaka", "Spara filen (xlsx) och skicka den med ert anbud."),
    ]
