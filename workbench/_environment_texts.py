"""The environment's words in the message catalogue (:mod:`workbench.messages` merges them): the reasons
of a suggested Miljöpoäng, the assumptions behind an estimate, and the errors of the criteria data."""

from __future__ import annotations

ENVIRONMENT_TEXTS: dict[str, tuple[str, str]] = {
    "criteria_bad": (
        "Miljödatat i {file} har ett fel i {entry}: {detail}. Rätta filen och försök igen.",
        "The environmental data in {file} has an error in {entry}: {detail}. Correct the file and try again.",
    ),
    # reasons of a suggested score (codes in resources/criteria/scoring.json)
    "env_reason_sup_banned": (
        "Förbjuden engångsplastprodukt (EU 2019/904, SFS 2021:996)",
        "Banned single-use plastic product (EU 2019/904, SFS 2021:996)",
    ),
    "env_reason_sup_marking": (
        "Engångsplast som ska märkas (EU 2019/904 del D)",
        "Single-use plastic that must be marked (EU 2019/904 part D)",
    ),
    "env_reason_sup_reduce": (
        "Engångsplast vars förbrukning ska minska (halveras till 2026)",
        "Single-use plastic whose consumption is to be reduced (halved by 2026)",
    ),
    "env_reason_pvc": ("PVC (vinyl)", "PVC (vinyl)"),
    "env_reason_fossil_virgin_plastic": ("Ny fossil plast", "Virgin fossil plastic"),
    "env_reason_single_use": ("Engångsartikel", "Single-use article"),
    "env_reason_recycled_content": ("Innehåller återvunnet material", "Contains recycled material"),
    "env_reason_bio_based": ("Biobaserad plast", "Bio-based plastic"),
    "env_reason_ecolabel": ("Miljömärkt", "Ecolabelled"),
    "env_reason_unknown_material": ("Materialet är okänt", "The material is unknown"),
    # assumptions and gaps behind an article's estimate
    "env_assume_material_from_name": (
        "Materialet togs från benämningen (materialkolumnen är tom)",
        "The material was taken from the name (the material column is empty)",
    ),
    "env_assume_material_unknown": (
        "Materialet känns inte igen: inga plast- eller klimatsiffror räknas",
        "The material is not recognised: no plastic or climate figures are counted",
    ),
    "env_assume_material_mixed": (
        "Flera material anges utan andelar: inga plast- eller klimatsiffror räknas",
        "Several materials are given without shares: no plastic or climate figures are counted",
    ),
    "env_assume_plastic_share_unknown": (
        "Plastandelen i materialet är okänd: plastvikten räknas inte",
        "The material's plastic share is unknown: the plastic weight is not counted",
    ),
    "env_assume_weight_missing": ("Vikt saknas", "The weight is missing"),
    "env_assume_weight_may_be_pack": (
        "Vikten ser ut att gälla en förpackning, inte en styck: den räknas inte",
        "The weight looks like a pack's, not a piece's: it is not counted",
    ),
    "env_assume_unit_unclear_pack": (
        "Enheten är oklar; räknad som förpackning med antal per förpackning",
        "The unit is unclear; counted as a pack of the pack size",
    ),
    "env_assume_unit_unclear_piece": (
        "Enheten är oklar; räknad som styck",
        "The unit is unclear; counted as pieces",
    ),
    "env_assume_pack_size_missing": (
        "Enheten är en förpackning men antal per förpackning saknas",
        "The unit is a pack but the pack size is missing",
    ),
    "env_assume_quantity_missing": ("Antal saknas", "The quantity is missing"),
    "env_assume_factor_missing": (
        "Ingen klimatfaktor med källa finns för materialet",
        "No climate factor with a source exists for the material",
    ),
    "env_assume_recycled_share_assumed": (
        "Återvunnet material: hela vikten räknad med faktorn för återvunnet material",
        "Recycled material: the whole weight counted with the recycled-content factor",
    ),
    "env_assume_sup_material_unknown": (
        "Produkttypen omfattas av engångsplastreglerna, men materialet är okänt",
        "The product type is covered by the single-use plastics rules, but the material is unknown",
    ),
    "env_fill_done": (
        "{count} {count|föreslagen miljöpoäng|föreslagna miljöpoäng} skrevs i tomma celler i {file}.",
        "{count} suggested environmental {count|score was|scores were} written into empty cells in {file}.",
    ),
}
