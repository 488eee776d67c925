"""The fields of the data model, declared once as data.

The importer, the writer, the review model and the GUI's delegates all read these records instead of
keeping their own lists (see ``../shared/DESIGN.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal["text", "integer", "number", "date", "code", "score", "key_ref", "datetime"]


@dataclass(frozen=True)
class Field:
    """One canonical field: its name, value kind, labels and, for review fields, its vocabulary."""

    name: str
    kind: FieldKind
    label_sv: str
    label_en: str
    review: bool = False
    vocabulary: str | None = None
    editable: bool = False

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" else self.label_sv

    def label_in_sentence(self, lang: str = "sv") -> str:
        """The label as a word inside a sentence: "Sätt beslut på 3 rader", not "Sätt Beslut".

        An abbreviation keeps its capitals ("GTIN").
        """
        label = self.label(lang)
        if len(label) > 1 and label[1].isupper():
            return label
        return label[:1].lower() + label[1:]


SOURCE_FIELDS: tuple[Field, ...] = (
    Field("key", "text", "Artikelnummer", "Article no"),
    Field("name", "text", "Benämning", "Name"),
    Field("category", "text", "Kategori", "Category"),
    Field("supplier", "text", "Leverantör", "Supplier"),
    Field("supplier_article_no", "text", "Lev. art.nr", "Supplier article no"),
    Field("gtin", "text", "GTIN", "GTIN"),
    Field("unit", "text", "Enhet", "Unit"),
    Field("pack_size", "integer", "Antal per förpackning", "Pack size"),
    Field("price", "number", "Pris", "Price"),
    Field("quantity", "number", "Antal", "Quantity"),
    Field("spend", "number", "Belopp", "Spend"),
    Field("material", "text", "Material", "Material"),
    Field("weight_g", "number", "Vikt (g)", "Weight (g)"),
    Field("ecolabel", "text", "Miljömärkning", "Ecolabel"),
    Field("municipality", "text", "Kommun", "Municipality"),
    Field("org_unit", "text", "Förvaltning", "Org unit"),
)

REVIEW_FIELDS: tuple[Field, ...] = (
    Field("usage", "code", "Användning", "Usage", review=True, vocabulary="usage", editable=True),
    Field("future_need", "code", "Framtida behov", "Future need", review=True, vocabulary="future_need",
          editable=True),
    Field("env_score", "score", "Miljöpoäng", "Environmental score", review=True, vocabulary="env_score",
          editable=True),
    Field("decision", "code", "Beslut", "Decision", review=True, vocabulary="decision", editable=True),
    Field("replaced_by", "key_ref", "Ersätts av", "Replaced by", review=True, editable=True),
    Field("comment", "text", "Kommentar", "Comment", review=True, editable=True),
    Field("reviewed_by", "text", "Granskad av", "Reviewed by", review=True),
    Field("reviewed_at", "datetime", "Granskad", "Reviewed at", review=True),
)

SOURCE_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in SOURCE_FIELDS)
REVIEW_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in REVIEW_FIELDS)
STAMP_FIELDS: tuple[str, ...] = ("reviewed_by", "reviewed_at")
"""The review fields an edit stamps (who, when); merged and settled together with the edited cell."""
NUMERIC_SOURCE_FIELDS: frozenset[str] = frozenset(
    f.name for f in SOURCE_FIELDS if f.kind in ("integer", "number")
)

_BY_NAME: dict[str, Field] = {f.name: f for f in (*SOURCE_FIELDS, *REVIEW_FIELDS)}


def field(name: str) -> Field:
    """The field called ``name``; ``KeyError`` for an unknown name."""
    return _BY_NAME[name]
