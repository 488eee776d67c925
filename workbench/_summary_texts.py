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
    "summary_other_categories": ("Övriga ({count} {count|kategori|kategorier})",
                                 "Others ({count} {count|category|categories})"),
    "summary_other_materials": ("Övriga ({count} {count|material|material})",
                                "Others ({count} {count|material|materials})"),
    "summary_before": ("Före", "Before"),
    "summary_after": ("Efter", "After"),
    "summary_unit_articles": ("artiklar", "articles"),
    "summary_kf_articles": ("Artiklar i sortimentet", "Articles in the assortment"),
    "summary_kf_volume": ("Samlad volym per artikel", "Pooled volume per article"),
    "summary_kf_spend": ("Inköp per år, till dagens priser", "Spend a year, at today's prices"),
    "summary_mkr": ("{value} Mkr", "SEK {value} m"),
    "summary_kf_plastic": ("Plast per år", "Plastic a year"),
    "summary_kf_co2e": ("Klimatpåverkan, CO2e per år", "Climate impact, CO2e a year"),
    "summary_chart_decisions": ("Artiklar per beslut och kategori", "Articles by decision and category"),
    "summary_chart_municipalities": ("Artiklar per kommun, före och efter",
                                     "Articles per municipality, before and after"),
    "summary_chart_materials": ("Plast per material, kg per år", "Plastic by material, kg a year"),
    "summary_sentence_decisions": (
        "Av {total} {total|artikel|artiklar} behålls {keep}, {replace} ersätts av en annan och {remove} "
        "tas bort; {undecided} är ännu inte {undecided|avgjord|avgjorda}.",
        "Of {total} {total|article|articles}, {keep} {keep|is|are} kept, {replace} {replace|is|are} replaced by "
        "another and {remove} {remove|is|are} removed; {undecided} {undecided|is|are} not yet decided.",
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
        "Plast eller CO2e kunde inte räknas för {count} av {total} {total|artikel|artiklar} (material, vikt eller "
        "förpackningsstorlek saknas), så de verkliga mängderna är större än sidan visar.",
        "Plastic or CO2e could not be counted for {count} of {total} {total|article|articles} (material, weight or "
        "pack size missing), so the real amounts are larger than the page shows.",
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
    "summary_kf_decided": ("Avgjorda artiklar", "Articles decided"),
    "summary_kf_decided_value": ("{decided} av {total}", "{decided} of {total}"),
    "summary_pdf_page": ("Sida {page}", "Page {page}"),
    "summary_pdf_footer": (
        "Källa: {file}, beräknad {made} med Behovsanalys. Plast och CO2e är uppskattningar från material, vikt "
        "och årsvolym; hur allt räknas står i bilagan.",
        "Source: {file}, computed {made} with Behovsanalys. Plastic and CO2e are estimates from material, "
        "weight and yearly volume; how everything is counted is in the appendix.",
    ),
    "summary_appendix": ("Bilaga: tabellerna bakom sidan", "Appendix: the tables behind the page"),
    "summary_table_whole": ("Hela sortimentet", "The whole assortment"),
    "summary_table_municipalities": ("Per kommun", "Per municipality"),
    "summary_table_categories": ("Beslut per kategori (artiklar)", "Decisions per category (articles)"),
    "summary_table_materials": ("Plast per material och år", "Plastic per material and year"),
    "summary_table_reviewers": ("Granskade per person", "Decided per reviewer"),
    "summary_table_problems": ("Öppna frågor", "Open questions"),
    "summary_row_spend": ("Inköp per år (kr), efter: som sortimentet täcker",
                          "Spend a year (kr), after: what the assortment covers"),
    "summary_row_plastic": ("Plast per år (kg)", "Plastic a year (kg)"),
    "summary_row_co2e": ("CO2e per år (kg)", "CO2e a year (kg)"),
    "summary_row_sup": ("Artiklar förbjudna enligt engångsplastdirektivet, kvar",
                        "Articles banned by the single-use plastics directive, left"),
    "summary_col_municipality": ("Kommun", "Municipality"),
    "summary_col_articles": ("Artiklar", "Articles"),
    "summary_col_spend": ("Inköp (kr)", "Spend (kr)"),
    "summary_col_spend_after": ("Täcks efter (kr)", "Covered after (kr)"),
    "summary_col_plastic": ("Plast (kg)", "Plastic (kg)"),
    "summary_col_co2e": ("CO2e (kg)", "CO2e (kg)"),
    "summary_col_category": ("Kategori", "Category"),
    "summary_col_total": ("Totalt", "Total"),
    "summary_col_material": ("Material", "Material"),
    "summary_col_reviewer": ("Granskare", "Reviewer"),
    "summary_col_decided": ("Avgjorda", "Decided"),
    "summary_no_reviewer": ("(ingen har granskat ännu)", "(nobody has reviewed yet)"),
    "summary_problem_no_replacement": (
        "Ersätt utan ersättare, {count} {count|artikel|artiklar}",
        "Replace without a replacement, {count} {count|article|articles}",
    ),
    "summary_problem_replacement_not_found": (
        "Ersätts av en artikel som inte finns, {count} {count|artikel|artiklar}",
        "Replaced by an article that does not exist, {count} {count|article|articles}",
    ),
    "summary_problem_replacement_leaves": (
        "Ersätts av en artikel som själv tas bort, eller i en cirkel, {count} {count|artikel|artiklar}",
        "Replaced by an article that is itself removed, or in a circle, {count} {count|article|articles}",
    ),
    "summary_problem_not_reviewed": (
        "Ingen har granskat, {count} {count|artikel|artiklar}",
        "Nobody has reviewed, {count} {count|article|articles}",
    ),
    "summary_problem_undecided": (
        "Ej beslutade, {count} {count|artikel|artiklar}",
        "Undecided, {count} {count|article|articles}",
    ),
    "summary_problem_invalid": (
        "Beslut som inte är ett av de fyra, {count} {count|artikel|artiklar}",
        "Decision that is not one of the four, {count} {count|article|articles}",
    ),
    "summary_problem_no_reviewer": (
        "Beslut utan namn på granskaren, {count} {count|artikel|artiklar}",
        "Decision without the reviewer's name, {count} {count|article|articles}",
    ),
    "summary_problem_price": (
        "Kvar utan pris, {count} {count|artikel|artiklar}",
        "Staying without a price, {count} {count|article|articles}",
    ),
    "summary_problem_environment": (
        "Plast eller CO2e okänt, {count} {count|artikel|artiklar}",
        "Plastic or CO2e unknown, {count} {count|article|articles}",
    ),
    "summary_problem_sup": (
        "Förbjudna engångsplastartiklar kvar, {count} {count|artikel|artiklar}",
        "Banned single-use plastic articles left, {count} {count|article|articles}",
    ),
    "summary_problem_none": ("Inga öppna frågor.", "No open questions."),
    "summary_method": (
        "Så räknas siffrorna. Före: varje artikel i det gemensamma sortimentet. Efter: artiklar som behålls, "
        "utreds eller ännu inte är avgjorda; de som tas bort eller ersätts lämnar. En ersatt artikels volym "
        "flyttas till ersättaren och räknas med ersättarens pris, material och vikt. Täckt inköp är varje "
        "kvarvarande artikels antal, med det som flyttats till den, gånger dess pris (per kommun det pris "
        "kommunen betalar). Plast och CO2e per år räknas från material, vikt per styck och årsvolym med "
        "emissionsfaktorerna i programmets kriteriedata (källor i docs/environment.md); artiklar utan dessa "
        "uppgifter räknas inte och anges ovan.",
        "How the figures are counted. Before: every article of the joint assortment. After: articles kept, "
        "under investigation or not yet decided; removed and replaced articles leave. A replaced article's "
        "volume moves to its replacement and is counted at the replacement's price, material and weight. "
        "Spend covered is each remaining article's quantity, with what moved to it, times its price (per "
        "municipality the price that municipality pays). Plastic and CO2e a year are counted from material, "
        "weight per piece and yearly volume with the emission factors of the program's criteria data "
        "(sources in docs/environment.md); articles without these are not counted and are listed above.",
    ),
    "summary_written": ("Skrev {file}.", "Wrote {file}."),
    "summary_output_kind": (
        "{file}: sammanfattningen skrivs som PDF (.pdf) eller som arbetsbok (.xlsx), aldrig över den "
        "gemensamma arbetsboken. Välj ett annat namn; ingenting har skrivits.",
        "{file}: the summary is written as a PDF (.pdf) or a workbook (.xlsx), never over the joint workbook. "
        "Choose another name; nothing was written.",
    ),
    "summary_sheet_needs_workbook": (
        "{file} är inte en arbetsbok (.xlsx): siffrorna skrivs i den gemensamma arbetsbokens blad "
        "Sammanfattning. Ingenting skrevs.",
        "{file} is not a workbook (.xlsx): the figures are written into the joint workbook's sheet Summary. "
        "Nothing was written.",
    ),
    "summary_sheet_written": ("Skrev siffrorna i bladet {sheet} i {file}.",
                              "Wrote the figures into the sheet {sheet} of {file}."),
}
