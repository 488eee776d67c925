"""The summary's words in the message catalogue (:mod:`workbench.messages` merges them): the page's title,
key figures, charts and notes, and the report of ``workbench summary``."""

from __future__ import annotations

SUMMARY_TEXTS: dict[str, tuple[str, str]] = {
    "summary_title": ("Behovsanalys: det gemensamma sortimentet", "Needs analysis: the joint assortment"),
    "summary_subtitle_municipalities": ("{count} {count|kommun|kommuner}: {names}",
                                        "{count} {count|municipality|municipalities}: {names}"),
    "summary_undecided": ("Ej beslutad", "Undecided"),
    "summary_material_unknown": ("Okänt material", "Unknown material"),
    "summary_no_category": ("Utan kategori", "No category"),
    "summary_other_categories": ("Övriga ({count})", "Others ({count})"),
    "summary_other_materials": ("Övriga ({count})", "Others ({count})"),
    "summary_before": ("Före", "Before"),
    "summary_after": ("Efter", "After"),
    "summary_unit_articles": ("artiklar", "articles"),
    "summary_kf_articles": ("Artiklar i sortimentet", "Articles in the assortment"),
    "summary_kf_volume": ("Samlad volym per artikel", "Pooled volume per article"),
    "summary_kf_spend": ("Inköp som sortimentet täcker", "Spend the assortment covers"),
    "summary_kf_spend_note": ("av {total} Mkr per år", "of SEK {total} m a year"),
    "summary_mkr": ("{value} Mkr", "SEK {value} m"),
    "summary_kf_plastic": ("Plast per år", "Plastic a year"),
    "summary_kf_co2e": ("Klimatpåverkan, CO2e per år", "Climate impact, CO2e a year"),
    "summary_chart_decisions": ("Artiklar per beslut och kategori", "Articles by decision and category"),
    "summary_chart_municipalities": ("Artiklar per kommun, före och efter",
                                     "Articles per municipality, before and after"),
    "summary_chart_materials": ("Plast per material, kg per år", "Plastic by material, kg a year"),
    "summary_sentence_decisions": (
        "Av {total} {total|artikel|artiklar} finns {keep} kvar, {replace} ersätts av en annan och {remove} "
        "tas bort; {undecided} är ännu inte {undecided|avgjord|avgjorda}.",
        "Of {total} {total|article|articles}, {keep} stay, {replace} are replaced by another and {remove} are "
        "removed; {undecided} are not yet decided.",
    ),
    "summary_sentence_municipalities": (
        "Störst minskning i {name}: från {before} till {after} artiklar ({change}).",
        "The largest reduction is in {name}: from {before} to {after} articles ({change}).",
    ),
    "summary_sentence_municipalities_none": ("Inget beslut minskar ännu någon kommuns sortiment.",
                                             "No decision reduces any municipality's assortment yet."),
    "summary_sentence_materials": (
        "Plasten minskar mest för {material}: från {before} till {after} per år.",
        "Plastic falls most for {material}: from {before} to {after} a year.",
    ),
    "summary_sentence_materials_none": ("Besluten minskar ännu inte plasten.",
                                        "The decisions do not reduce plastic yet."),
    "summary_note_environment": (
        "Plast eller CO2e kunde inte räknas för {count} av {total} artiklar (material, vikt eller "
        "förpackningsstorlek saknas), så de verkliga mängderna är större än sidan visar.",
        "Plastic or CO2e could not be counted for {count} of {total} articles (material, weight or pack size "
        "missing), so the real amounts are larger than the page shows.",
    ),
    "summary_note_undecided": (
        "{count} {count|artikel är|artiklar är} ännu inte {count|avgjord|avgjorda} och räknas som kvar.",
        "{count} {count|article is|articles are} not yet decided and counted as staying.",
    ),
    "summary_note_no_replacement": (
        "{count} {count|artikel|artiklar} ska ersättas men saknar en giltig ersättare; deras volym räknas inte.",
        "{count} {count|article is|articles are} to be replaced but lack a valid replacement; their volume is "
        "not counted.",
    ),
    "summary_note_sup": (
        "{count} {count|artikel|artiklar} som engångsplastdirektivet förbjuder finns kvar i sortimentet.",
        "{count} {count|article|articles} banned by the single-use plastics directive remain in the assortment.",
    ),
    "summary_report": (
        "{file}: {before} → {after} artiklar, {decided} av {before} avgjorda; inköp som täcks {spend_after} av "
        "{spend_total} kr.",
        "{file}: {before} → {after} articles, {decided} of {before} decided; spend covered {spend_after} of "
        "{spend_total} kr.",
    ),
    "summary_written": ("Skrev {file}.", "Wrote {file}."),
}
