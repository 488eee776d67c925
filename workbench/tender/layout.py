"""The tender list's names: its sheets, its columns and the words in its cells, in Swedish and English (the
language of the joint workbook it is made from)."""

from __future__ import annotations

from functools import cache

__all__ = ["LEVEL_LABELS", "TenderNames", "tender_names"]

LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "bas": ("Bas", "Basic"),
    "avancerad": ("Avancerad", "Advanced"),
    "spjutspets": ("Spjutspets", "Spearhead"),
}
"""Upphandlingsmyndigheten's requirement levels as written in the list (sv, en)."""


class TenderNames:
    """Every name in a tender list, in one language."""

    def __init__(self, lang: str) -> None:
        en = lang == "en"
        self.lang = "en" if en else "sv"
        self.sheet = "Tender list" if en else "Anbudsunderlag"
        self.instructions_sheet = "Instructions" if en else "Instruktioner"
        self.lists_sheet = "Lists" if en else "Listor"
        self.title = "Tender article list" if en else "Anbudsunderlag, artikellista"
        # the given columns beyond the joint workbook's own article headers
        self.volume_of_prefix = "Annual volume" if en else "Årsvolym"
        self.volume_total = "Annual volume total" if en else "Årsvolym totalt"
        self.product_group = "Product group" if en else "Produktgrupp"
        self.level = "Requirement level" if en else "Kravnivå"
        self.criteria = "Environmental requirements" if en else "Miljökrav"
        # the supplier's columns
        self.offered = "Offered product" if en else "Erbjuden produkt"
        self.supplier_no = "Supplier article no" if en else "Leverantörens artikelnummer"
        self.gtin = "GTIN"
        self.price = "Price per unit (SEK excl. VAT)" if en else "Pris per enhet (kr exkl. moms)"
        self.ecolabel = "Ecolabel" if en else "Miljömärkning"
        self.material = "Material"
        self.weight = "Weight per unit (g)" if en else "Vikt per enhet (g)"
        self.other = "Other" if en else "Annan"
        self.none = "None" if en else "Ingen"
        self.given_band = "Given by the buyer (locked)" if en else "Från beställaren (låst)"
        self.supplier_band = "Filled in by the supplier" if en else "Fylls i av leverantören"
        self.made_label = "Made" if en else "Skapad"
        self.articles_label = "Articles" if en else "Artiklar"
        self.cooperation_label = "Municipalities" if en else "Kommuner"
        self.workbook_label = "From" if en else "Från"

    def volume_of(self, municipality: str) -> str:
        return f"{self.volume_of_prefix} {municipality}"

    def supplier_headers(self) -> list[str]:
        return [self.offered, self.supplier_no, self.gtin, self.price, self.ecolabel, self.material, self.weight]

    def level_label(self, level: str) -> str:
        """``Avancerad`` for ``avancerad``; an unknown code as it is; ``""`` for none."""
        labels = LEVEL_LABELS.get(level)
        if labels is None:
            return level
        return labels[1] if self.lang == "en" else labels[0]


@cache
def tender_names(lang: str) -> TenderNames:
    return TenderNames("en" if lang == "en" else "sv")
