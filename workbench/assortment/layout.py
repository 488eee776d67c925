"""The joint workbook's sheets and headers (DESIGN "The joint workbook is the project"), in Swedish and
English, and the joint article IDs (``G00001`` …).

Reading accepts either language's headers; a new workbook is written in one language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from workbench.fields import REVIEW_FIELDS, field
from workbench.resources import resource_path

__all__ = [
    "ARTICLE_FIELDS", "LIST_SHEETS", "Headers", "format_id", "headers", "id_number", "is_joint_id",
    "municipalities_in", "municipality_of_header", "survivor",
]

#: Source fields that describe a joint article on ``Sortiment`` (taken from its source rows).
ARTICLE_FIELDS: tuple[str, ...] = ("name", "category", "supplier", "supplier_article_no", "gtin", "unit",
                                   "pack_size", "material", "weight_g", "ecolabel")

#: Sheet names per language: articles, source rows, sources.
LIST_SHEETS: dict[str, tuple[str, str, str]] = {
    "sv": ("Sortiment", "Källrader", "Källor"),
    "en": ("Assortment", "Source rows", "Sources"),
}

@cache
def _first_synonyms() -> dict[str, str]:
    data = json.loads(resource_path("synonyms.json").read_text(encoding="utf-8"))
    return {name: words[0] for name, words in data.get("source", {}).items() if words}


_ID = re.compile(r"^G(\d{5,})$")


def format_id(number: int) -> str:
    """The joint article ID of ``number`` (1 → ``G00001``; wider from 100,000 on)."""
    return f"G{number:05d}"


def survivor(key: str, merged_into: Callable[[str], str | None]) -> str:
    """The article ``key`` stands for now: itself, or the one it was linked into (``Sammanslagen med``),
    followed along a chain; ``merged_into(key)`` gives what a key was merged into (None: nothing)."""
    seen = {key}
    while (into := merged_into(key)) and into not in seen:
        key = into
        seen.add(key)
    return key


def id_number(text: object) -> int | None:
    """The number of a joint article ID, ``None`` for anything else."""
    if not isinstance(text, str):
        return None
    match = _ID.match(text.strip())
    return int(match.group(1)) if match else None


def is_joint_id(text: object) -> bool:
    return id_number(text) is not None


class Headers:
    """Every header of the joint workbook in one language."""

    def __init__(self, lang: str) -> None:
        english = lang == "en"
        self.lang = "en" if english else "sv"
        self.sheets = LIST_SHEETS[self.lang]
        self.article_id = "Article ID" if english else "Artikel-ID"
        # canonical source columns: the first Swedish synonym of resources/synonyms.json, the English label
        # (itself one of the English synonyms)
        first = _first_synonyms()
        self.fields: dict[str, str] = {
            name: field(name).label_en if english else first.get(name, field(name).label_sv)
            for name in ARTICLE_FIELDS}
        self.price = "Price" if english else "Pris"
        self.total_quantity = "Total quantity" if english else "Antal totalt"
        self.total_spend = "Total spend" if english else "Belopp totalt"
        self.municipalities = "Municipalities" if english else "Kommuner"
        self.merged_into = "Merged into" if english else "Sammanslagen med"
        self.review: dict[str, str] = {f.name: f.label(self.lang) for f in REVIEW_FIELDS}
        # Källrader
        self.municipality = "Municipality" if english else "Kommun"
        self.file = "File" if english else "Fil"
        self.sheet = "Sheet" if english else "Blad"
        self.row = "Row" if english else "Rad"
        self.source_key = "Source key" if english else "Källnyckel"
        self.supplier_article_no = "Supplier article no" if english else "Lev. art.nr"
        self.gtin = "GTIN"
        self.quantity = "Quantity" if english else "Antal"
        self.spend = "Spend" if english else "Belopp"
        self.match = "Match" if english else "Matchning"
        # Källor
        self.rows = "Rows" if english else "Rader"
        self.fingerprint = "Fingerprint" if english else "Fingeravtryck"
        self.merged_at = "Merged" if english else "Sammanslagen"
        self.merged_by = "By" if english else "Av"
        # the questionnaires' counted answers beside the review columns (workbench.survey writes them)
        self.survey_usage = "Survey: usage" if english else "Enkät: användning"
        self.survey_future = "Survey: future need" if english else "Enkät: framtida behov"

    def quantity_of(self, municipality: str) -> str:
        return f"{'Quantity' if self.lang == 'en' else 'Antal'} {municipality}"

    def spend_of(self, municipality: str) -> str:
        return f"{'Spend' if self.lang == 'en' else 'Belopp'} {municipality}"

    def source_row_headers(self) -> list[str]:
        return [self.article_id, self.municipality, self.file, self.sheet, self.row, self.source_key,
                self.supplier_article_no, self.gtin, self.quantity, self.spend, self.price, self.match]

    def source_headers(self) -> list[str]:
        return [self.file, self.municipality, self.rows, self.fingerprint, self.merged_at, self.merged_by]


@cache
def headers(lang: str) -> Headers:
    return Headers("en" if lang == "en" else "sv")


def municipalities_in(names: Headers, found: Sequence[str]) -> list[str]:
    """The municipalities whose two columns ``Antal <Kommun>`` and ``Belopp <Kommun>`` are among the
    headers ``found``, in their order (``Antal per förpackning`` has no pair and is no municipality's;
    the totals are none)."""
    present = set(found)
    prefix = names.quantity + " "
    municipalities = []
    for header in found:
        if header.startswith(prefix) and header not in (names.total_quantity, *names.fields.values()):
            municipality = header[len(prefix):]
            if municipality and names.spend_of(municipality) in present:
                municipalities.append(municipality)
    return municipalities


def municipality_of_header(header: str, kind: str, lang: str | None = None) -> str | None:
    """The municipality named by a per-municipality column header (``Antal Botkyrka`` →
    ``Botkyrka`` for ``kind`` ``"quantity"``; ``"spend"`` for ``Belopp …``); ``None`` otherwise.
    The totals are no municipality's."""
    langs = [lang] if lang else list(LIST_SHEETS)
    for code in langs:
        names = headers(code)
        prefix = (names.quantity if kind == "quantity" else names.spend) + " "
        total = names.total_quantity if kind == "quantity" else names.total_spend
        if header.startswith(prefix) and header != total and header.strip() != prefix.strip():
            rest = header[len(prefix):].strip()
            if rest and rest.lower() not in ("totalt", "total"):
                return rest
    return None


def detect_language(sheet_names: Mapping[str, object] | list[str]) -> str | None:
    """The language of a joint workbook from its sheet names; ``None`` when it is not one."""
    names = set(sheet_names)
    for lang, sheets in LIST_SHEETS.items():
        if sheets[0] in names and sheets[1] in names:
            return lang
    return None
