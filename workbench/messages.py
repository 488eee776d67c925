"""The core's message catalogue: user-visible text of the CLI and of errors, in Swedish and English.

The core raises errors with a code and parameters; this module is the one place that words them. The
GUI shows the same texts (in its current language), so a message is written once.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench._consolidation_texts import CONSOLIDATION_TEXTS
from workbench._environment_texts import ENVIRONMENT_TEXTS
from workbench._followup_texts import FOLLOWUP_TEXTS
from workbench._problem_texts import PROBLEM_TEXTS
from workbench._summary_texts import SUMMARY_TEXTS
from workbench._survey_texts import SURVEY_TEXTS
from workbench._tender_texts import TENDER_TEXTS
from workbench.numbers import format_number

# code -> (Swedish, English). Placeholders are filled from the error's params plus {file} and {detail}.
# A whole number is written with the language's digit groups ("2 000", "2,000"). "{count|one|many}"
# is the singular or the plural wording for the number ``count`` (the words hold no ".", "[", ":" or
# "!", which a format field cannot).
CATALOGUE: dict[str, tuple[str, str]] = {
    "error": ("Ett fel inträffade med {file}.", "An error occurred with {file}."),
    "file_missing": ("Filen {file} finns inte.", "The file {file} does not exist."),
    "file_locked": (
        "Filen {file} går inte att öppna: den är låst av ett annat program eller så saknas behörighet.",
        "The file {file} cannot be opened: another program has locked it, or permission is denied.",
    ),
    "unsupported_format": (
        "Filen {file} är inte ett kalkylblad som kan läsas (xlsx, xlsm, xls, ods, csv eller txt).",
        "The file {file} is not a spreadsheet that can be read (xlsx, xlsm, xls, ods, csv or txt).",
    ),
    "encrypted": (
        "Filen {file} är lösenordsskyddad. Ta bort lösenordet i Excel (Arkiv > Info > Skydda arbetsbok) "
        "och försök igen.",
        "The file {file} is password-protected. Remove the password in Excel (File > Info > Protect "
        "Workbook) and try again.",
    ),
    "encrypted_ods": (
        "Filen {file} är lösenordsskyddad. Öppna den i LibreOffice, välj Arkiv > Spara som, avmarkera "
        "\u201dSpara med lösenord\u201d och försök igen.",
        "The file {file} is password-protected. Open it in LibreOffice, choose File > Save As, untick "
        "\u201cSave with password\u201d and try again.",
    ),
    "corrupt": (
        "Filen {file} är skadad och kan inte läsas.",
        "The file {file} is damaged and cannot be read.",
    ),
    "csv_unclosed_quote": (
        "Filen {file} kan inte läsas som csv: ett citattecken (\") i början av ett fält på rad {line} "
        "stängs aldrig, så resten av filen skulle bli ett enda fält. Ta bort tecknet eller stäng "
        "citatet och försök igen.",
        "The file {file} cannot be read as csv: a quote (\") opening a field on line {line} is never "
        "closed, so the rest of the file would be one field. Remove it or close the quote and try again.",
    ),
    "csv_too_wide": (
        "Filen {file} kan inte läsas som csv: post {record} har fler än {limit} fält, fler än ett "
        "kalkylblad har kolumner.",
        "The file {file} cannot be read as csv: record {record} has more than {limit} fields, more "
        "than a sheet has columns.",
    ),
    "csv_record_too_long": (
        "Filen {file} ser inte ut som en tabell: den första raden är längre än {kb} kB utan radbrytning.",
        "The file {file} does not look like a table: its first line runs over {kb} kB without a line "
        "break.",
    ),
    "empty_workbook": (
        "Filen {file} innehåller inga data.",
        "The file {file} contains no data.",
    ),
    "sheet_not_found": (
        "Bladet \u201d{sheet}\u201d finns inte i {file}.",
        "The sheet \u201c{sheet}\u201d does not exist in {file}.",
    ),
    "sheet_exists": (
        "Bladet \u201d{sheet}\u201d kan inte läggas till i {file}: där finns redan bladet \u201d{existing}\u201d "
        "(Excel skiljer inte på stora och små bokstäver i bladnamn).",
        "The sheet \u201c{sheet}\u201d cannot be added to {file}: it already has the sheet \u201c{existing}\u201d "
        "(Excel does not tell upper and lower case apart in sheet names).",
    ),
    "sheet_name_invalid": (
        "Bladet \u201d{sheet}\u201d kan inte läggas till i {file}: ett bladnamn har 1\u201331 tecken, inga av "
        "[ ] : * ? / \\, inte apostrof först eller sist och är inte \u201dHistory\u201d.",
        "The sheet \u201c{sheet}\u201d cannot be added to {file}: a sheet name has 1\u201331 characters, none "
        "of [ ] : * ? / \\, no apostrophe first or last, and is not \u201cHistory\u201d.",
    ),
    "no_header": (
        "Ingen rubrikrad hittades i {file}: ingen rad ser ut som kolumnrubriker.",
        "No header row was found in {file}: no row looks like column headers.",
    ),
    "too_large": (
        "Filen {file} är orimligt stor och lästes inte, för att skydda minne och tid.",
        "The file {file} is unreasonably large and was not read, to protect memory and time.",
    ),
    "invalid_decisions": (
        "Besluten kan inte skrivas till {file}; ingenting har ändrats.",
        "The decisions cannot be written to {file}; nothing was changed.",
    ),
    "no_key_column_found": (
        "{file} har ingen kolumn med artikelnummer (rubrikraden lästes som rad {header_row}), så "
        "granskningen kan inte kopplas till artiklar; ingenting har skrivits. Ange nyckelkolumnen med "
        "--key RUBRIK eller rubrikraden med --header-row N.",
        "{file} has no article number column (the header row was read as row {header_row}), so the review "
        "cannot be matched to articles; nothing was written. Name the key column with --key HEADER or the "
        "header row with --header-row N.",
    ),
    "invalid_edit": (
        "Värdet \u201d{value}\u201d kan inte sättas i fältet {field_sv}; ingenting har ändrats.",
        "The value \u201c{value}\u201d cannot be set in the field {field_en}; nothing was changed.",
    ),
    "paste_refused": (
        "{count} {count|inklistrat värde passar inte sitt fält och sattes|inklistrade värden passar inte sina fält "
        "och sattes} inte i {file}; övriga värden sattes:",
        "{count} pasted {count|value does not fit its field and was|values do not fit their fields and were} not "
        "set in {file}; the other values were set:",
    ),
    "paste_where": ("Rad {row} ({key}), {column}", "Row {row} ({key}), {column}"),
    "paste_not_review_column": (
        "kolumnen är inte en granskningskolumn", "the column is not a review column"),
    "paste_not_editable": ("fältet sätts av programmet", "the field is set by the program"),
    "paste_unknown_value": ("inte ett av fältets värden", "not one of the field's values"),
    "paste_unknown_key": ("ingen artikel har det artikelnumret", "no article has that article number"),
    "paste_self_reference": ("en artikel kan inte ersätta sig själv", "an article cannot replace itself"),
    "paste_row_without_key": ("raden saknar artikelnummer", "the row has no article number"),
    "paste_outside": ("utanför raderna eller kolumnerna som visas", "beyond the rows or columns shown"),
    "views_file_unreadable": (
        "De sparade vyerna i {file} kunde inte läsas; bara de förinställda vyerna visas.",
        "The saved views in {file} could not be read; only the preset views are shown.",
    ),
    "view_skipped": (
        "Vyn \u201d{name}\u201d i {file} kunde inte läsas och hoppades över.",
        "The view \u201c{name}\u201d in {file} could not be read and was skipped.",
    ),
    "write_failed": (
        "Det gick inte att spara {file}; originalet är oförändrat.",
        "Could not save {file}; the original is unchanged.",
    ),
    "verify_failed": (
        "Den sparade filen {file} kunde inte kontrolleras och kastades; originalet är oförändrat.",
        "The saved file {file} failed verification and was discarded; the original is unchanged.",
    ),
    "file_busy": (
        "Filen {file} används av {who}.",
        "The file {file} is in use by {who}.",
    ),
    "conflicts": (
        "{count} {count|ändring|ändringar} i {file} krockar med en kollegas ändringar.",
        "{count} {count|change|changes} in {file} {count|conflicts|conflict} with a colleague's changes.",
    ),
    "file_open_elsewhere": (
        "{who} har {file} öppen i Excel eller LibreOffice. Vänta tills filen stängs, spara ändå eller "
        "spara en kopia.",
        "{who} has {file} open in Excel or LibreOffice. Wait until it is closed, save anyway or save a "
        "copy.",
    ),
    "file_older": (
        "{file} har ersatts av en äldre kopia (filen är från {file_time}, senast sparad härifrån "
        "{saved_at}); ingenting skrevs. Dina ändringar finns kvar i journalen.",
        "{file} has been replaced by an older copy (the file dates from {file_time}, last saved from here "
        "{saved_at}); nothing was written. Your changes are kept in the journal.",
    ),
    "lock_waiting": (
        "{who} sparar {file} just nu; väntar …",
        "{who} is saving {file} right now; waiting …",
    ),
    # joint assortment (workbench merge / link)
    "merge_summary": (
        "{joint}: {articles} {articles|artikel|artiklar} från {source_rows} {source_rows|källrad|källrader} i "
        "{municipality_count} {municipality_count|kommun|kommuner}; {new_articles} "
        "{new_articles|ny artikel|nya artiklar}.",
        "{joint}: {articles} {articles|article|articles} from {source_rows} source {source_rows|row|rows} in "
        "{municipality_count} {municipality_count|municipality|municipalities}; {new_articles} new "
        "{new_articles|article|articles}.",
    ),
    "merge_matched_by": ("Matchade rader per regel: {rules}.", "Rows matched per rule: {rules}."),
    "merge_no_longer_listed": (
        "{count} {count|artikel|artiklar} finns inte längre i någon lista (Kommuner 0): {ids}.",
        "{count} {count|article is|articles are} no longer in any list (Municipalities 0): {ids}.",
    ),
    "merge_nothing_new": (
        "Inget att slå samman: varje fil är redan sammanslagen i {joint}; inget skrevs.",
        "Nothing to merge: every file is already merged into {joint}; nothing was written.",
    ),
    "merge_skipped": (
        "{source} är redan sammanslagen för {municipality} och hoppas över.",
        "{source} is already merged for {municipality} and is skipped.",
    ),
    "merge_replaced": (
        "{municipality} hade redan en lista ({old}); den ersätts av {source}.",
        "{municipality} already had a list ({old}); it is replaced by {source}.",
    ),
    "merge_added": (
        "{municipality} hade redan en lista ({old}); {source} läggs till den.",
        "{municipality} already had a list ({old}); {source} is added to it.",
    ),
    "merge_municipality_from_file_name": (
        "Ingen kommun angiven och ingen kommunkolumn med ett enda värde i {count} {count|fil|filer}; kommunen "
        "togs från filnamnet: {files}.",
        "No municipality given and no municipality column with a single value in {count} {count|file|files}; "
        "the municipality was taken from the file name: {files}.",
    ),
    "merge_no_rows": (
        "{source}: inga artikelrader under rubrikraden ({sheet}); filen ger inga källrader.",
        "{source}: no article rows below the header row ({sheet}); the file gives no source rows.",
    ),
    "merge_not_article_list": (
        "{file} ser inte ut som en artikellista: den har ingen kolumn för antal eller belopp och inget GTIN eller "
        "leverantörens artikelnummer (kolumner: {headers}). Välj rätt fil, eller ange kolumnerna under "
        "Kolumner…. Ingenting har skrivits.",
        "{file} does not look like an article list: it has no column for quantity or spend and no GTIN or "
        "supplier article number (columns: {headers}). Choose the right file, or map its columns under "
        "Columns…. Nothing was written.",
    ),
    "merge_empty_list": (
        "{file} har inga artikelrader och skulle tömma {municipality}s {rows} {rows|källrad|källrader} i {joint}. "
        "Kontrollera att det är rätt fil och rätt blad. Ingenting har skrivits.",
        "{file} holds no article rows and would empty {municipality}'s {rows} source {rows|row|rows} in {joint}. "
        "Check that it is the right file and sheet. Nothing was written.",
    ),
    "merge_invalid_gtin": (
        "{source}: {count} {count|rad|rader} med ogiltigt GTIN ({problem}), {places}; de matchas på annat sätt.",
        "{source}: {count} {count|row|rows} with an invalid GTIN ({problem}), {places}; matched by other means.",
    ),
    "gtin_invalid_check_digit": ("fel kontrollsiffra", "wrong check digit"),
    "gtin_bad_length": ("fel antal siffror", "wrong number of digits"),
    "gtin_not_digits": ("inte bara siffror", "not only digits"),
    "gtin_lost_precision": ("sparat som tal och avrundat av Excel", "stored as a number and rounded by Excel"),
    "merge_duplicate": (
        "{source}: {count} {count|artikel står|artiklar står} på flera rader ({groups}); volymerna summeras.",
        "{source}: {count} {count|article is|articles are} on several rows ({groups}); their volumes are added up.",
    ),
    "merge_no_identifier": (
        "{source}: {count} {count|rad|rader} utan GTIN, leverantörens artikelnummer och benämning ({places}); "
        "{count|den blir en egen artikel|de blir egna artiklar}.",
        "{source}: {count} {count|row|rows} without GTIN, supplier article number and name ({places}); "
        "{count|it becomes an article|they become articles} of {count|its|their} own.",
    ),
    "merge_gtin_conflict": (
        "{count} {count|rad|rader} ({places}) har samma {rule} men olika GTIN; de hålls isär.",
        "{count} {count|row|rows} ({places}) share {rule} but have different GTINs; they are kept apart.",
    ),
    "merge_article_no_conflict": (
        "{count} {count|rad|rader} ({places}) har samma benämning men leverantören numrerar dem olika; de hålls "
        "isär.",
        "{count} {count|row|rows} ({places}) share a name but the supplier numbers them differently; they are kept "
        "apart.",
    ),
    "merge_ambiguous": (
        "{source} rad {row} passar {count} {count|artikel|artiklar} ({ids}) och lades till {chosen}; slå ihop dem "
        "för hand om de är samma.",
        "{source} row {row} fits {count} {count|article|articles} ({ids}) and was added to {chosen}; link them by "
        "hand if they are the same.",
    ),
    "merge_price_spread": (
        "{count} {count|artikel har|artiklar har} priser som skiljer mer än {factor} gånger mellan kommunerna: "
        "{examples}.",
        "{count} {count|article has|articles have} prices more than {factor} times apart across municipalities: "
        "{examples}.",
    ),
    "merge_more": (
        "… och {count} {count|till|till}",
        "… and {count} {count|more|more}",
    ),
    "not_joint_workbook": (
        "{file} är ingen gemensam analys: bladen {sheets} saknas.",
        "{file} is not a joint workbook: the sheets {sheets} are missing.",
    ),
    "joint_unknown_ids": (
        "{count} {count|okänt artikel-ID|okända artikel-ID} i {file}: {ids}.",
        "{count} unknown article {count|ID|IDs} in {file}: {ids}.",
    ),
    "link_needs_two": (
        "Ange minst två olika artikel-ID att slå ihop i {file}.",
        "Give at least two different article IDs to link in {file}.",
    ),
    "link_summary": (
        "{file}: {count} {count|artikel|artiklar} ({ids}) {count|slogs|slogs} ihop med {survivor}; "
        "{rows} {rows|källrad|källrader} flyttades.",
        "{file}: {count} {count|article|articles} ({ids}) linked into {survivor}; {rows} source "
        "{rows|row|rows} moved.",
    ),
    "split_summary": (
        "{file}: källraden {row} bröts ut ur {old} till den nya artikeln {new}.",
        "{file}: source row {row} was split off {old} into the new article {new}.",
    ),
    "split_unknown_row": (
        "{file} har ingen källrad {row} på bladet {sheet}.",
        "{file} has no source row {row} on the sheet {sheet}.",
    ),
    "joint_step_outdated": (
        "Steget kan inte ångras eller göras om: källraderna i {file} har ändrats sedan dess.",
        "The step cannot be undone or redone: the source rows of {file} have changed since.",
    ),
    "lock_taken_over": (
        "Låset på {file} som {who} lämnade efter sig togs över.",
        "The lock on {file} left behind by {who} was taken over.",
    ),
    "merged_theirs": (
        "{count} {count|ändring av en kollega|ändringar av kollegor} fördes in från {file}.",
        "{count} {count|change by a colleague was|changes by colleagues were} merged in from {file}.",
    ),
    # what a save or a pull changed (workbench.writing.changes.ChangeSummary): a save names the file in
    # its first line, so the lines after it do not
    "changes_nothing_saved": ("Inget av ditt att spara i {file}.", "Nothing of yours to save in {file}."),
    "merged_theirs_too": (
        "{count} {count|ändring av en kollega|ändringar av kollegor} fördes in.",
        "{count} {count|change by a colleague was|changes by colleagues were} merged in.",
    ),
    "changes_theirs_by": (
        "{count} {count|ändring|ändringar} av {who} fördes in från {file}.",
        "{count} {count|change|changes} by {who} {count|was|were} merged in from {file}.",
    ),
    "changes_theirs_by_too": (
        "{count} {count|ändring|ändringar} av {who} fördes in.",
        "{count} {count|change|changes} by {who} {count|was|were} merged in.",
    ),
    "names_and": ("{names} och {last}", "{names} and {last}"),
    "conflicts_resolved": (
        "{count} {count|krock|krockar} avgjordes: {ours} med ditt värde, {theirs} med kollegans.",
        "{count} {count|conflict was|conflicts were} settled: {ours} with your value, {theirs} with the "
        "colleague's.",
    ),
    "keys_missing": (
        "{count} {count|ändring kunde inte sparas eftersom artikeln|ändringar kunde inte sparas eftersom "
        "artiklarna} inte längre finns i {file}; {count|den|de} finns kvar i journalen.",
        "{count} {count|change could not be saved because the article no longer exists|changes could not "
        "be saved because the articles no longer exist} in {file}; {count|it is|they are} kept in the "
        "journal.",
    ),
    "journal_restored": (
        "Osparade ändringar av {count} {count|artikel|artiklar} i {file} återställdes från journalen.",
        "Unsaved changes to {count} {count|article|articles} in {file} were restored from the journal.",
    ),
    "conflict_line": (
        "{key}, {field}: i filen ”{theirs}” ({theirs_by}), din ”{ours}”",
        "{key}, {field}: in the file “{theirs}” ({theirs_by}), yours “{ours}”",
    ),
    "unknown_keys": (
        "{count} {count|artikelnummer finns|artikelnummer finns} inte i filen: {keys}",
        "{count} {count|article key|article keys} not found in the file: {keys}",
    ),
    "unknown_keys_more": (
        "{count} {count|artikelnummer finns|artikelnummer finns} inte i filen; de första {shown}: {keys} …",
        "{count} {count|article key|article keys} not found in the file; the first {shown}: {keys} …",
    ),
    "problems_more": (
        "… och {count} {count|problem|problem} till",
        "… and {count} more {count|problem|problems}",
    ),
    "usage": ("Felaktig användning: {detail}", "Incorrect usage: {detail}"),
    "output_format": (
        "{file} kan inte skrivas som {suffix}: en csv-fil sparas som csv. Välj ett utdatanamn som "
        "slutar på .csv (eller .txt), eller öppna filen i Excel och spara den som xlsx först.",
        "{file} cannot be written as {suffix}: a csv file is saved as csv. Choose an output name "
        "ending in .csv (or .txt), or open the file in Excel and save it as xlsx first.",
    ),
    "cancelled": ("Avbrutet; ingenting har ändrats.", "Cancelled; nothing was changed."),
    # Findings of the importer (workbench.reading.importer): non-blocking, shown in a banner / as warnings.
    "duplicate_keys": (
        "{count} artikelnummer förekommer på mer än en rad ({rows} {rows|rad|rader}): {keys}",
        "{count} {count|article number occurs|article numbers occur} on more than one row ({rows} "
        "{rows|row|rows}): {keys}",
    ),
    "rows_without_key": (
        "{count} {count|rad|rader} saknar artikelnummer.",
        "{count} {count|row has|rows have} no article number.",
    ),
    "no_key_column": (
        "Ingen kolumn med artikelnummer hittades; välj nyckelkolumn i kolumnmappningen.",
        "No article number column was found; choose the key column in the column mapping.",
    ),
    "key_fallback": (
        "Ingen kolumn heter artikelnummer; kolumnen \u201d{header}\u201d används som nyckel.",
        "No column is called article number; the column \u201c{header}\u201d is used as the key.",
    ),
    "unknown_review_value": (
        "Okänt värde \u201d{value}\u201d i kolumnen {header} på {count} {count|rad|rader}; det behölls och "
        "kan mappas.",
        "Unknown value \u201c{value}\u201d in the column {header} on {count} {count|row|rows}; it was kept "
        "and can be mapped.",
    ),
    "review_name_kept_as_data": (
        "{headers}: namnet är en granskningskolumns, men innehållet är andra data; kolumnen lämnas orörd och "
        "granskningen sparas i egna kolumner. Välj den i importdialogen om den ska användas för granskningen.",
        "{headers}: the name is a review column's, but it holds other data; the column is left untouched and the "
        "review is saved in columns of its own. Choose it in the import dialog to use it for the review.",
    ),
    "unmapped_columns": (
        "{count} {count|kolumn känns inte igen och lästes som den är|kolumner känns inte igen och lästes "
        "som de är}: {headers}",
        "{count} {count|column is not recognised and was read as it is|columns are not recognised and were "
        "read as they are}: {headers}",
    ),
    "negative_quantity": (
        "{count} {count|rad|rader} har negativt antal i kolumnen {header}.",
        "{count} {count|row has|rows have} a negative quantity in the column {header}.",
    ),
    "spend_mismatch": (
        "{count} {count|rad|rader} har ett belopp i kolumnen {header} som inte stämmer med pris \u00d7 antal.",
        "{count} {count|row has|rows have} a spend in the column {header} that does not match price \u00d7 "
        "quantity.",
    ),
    "non_numeric_values": (
        "{count} {count|värde|värden} i kolumnen {header} {count|är inte ett tal; det|är inte tal; de} "
        "behölls som text.",
        "{count} {count|value|values} in the column {header} {count|is not a number; it was|are not "
        "numbers; they were} kept as text.",
    ),
    "total_rows_skipped": (
        "{count} {count|summarad|summarader} i slutet av listan räknades inte som {count|artikel|artiklar}.",
        "{count} {count|total row at the end of the list was not counted as an article|total rows at the "
        "end of the list were not counted as articles}.",
    ),
    "no_file": ("(ingen fil)", "(no file)"),
    "output_kind": (
        "{source} sparades inte som {file}: {why_sv} Excel öppnar den bara med filändelsen {needed}. Välj ett "
        "namn som slutar på {needed}; ingenting har skrivits.",
        "{source} was not saved as {file}: {why_en} Excel opens it only with the ending {needed}. Choose a "
        "name that ends in {needed}; nothing was written.",
    ),
    "kind_macros": ("arbetsboken innehåller makron (VBA), och", "the workbook holds macros (VBA), and"),
    "kind_plain": ("arbetsboken innehåller inga makron, och", "the workbook holds no macros, and"),
    "kind_template": ("arbetsboken är en mall, och", "the workbook is a template, and"),
    # marks a new review column's header where a data column of the file bears the label already
    "review_header_mark": ("granskning", "review"),
    "apply_done": (
        "{count} {count|cell|celler} för {keys} {keys|artikel|artiklar} sparades i {file}.",
        "{count} {count|cell|cells} for {keys} {keys|article|articles} {count|was|were} saved in {file}.",
    ),
    "apply_new_columns": (
        "Nya granskningskolumner lades till: {columns}.",
        "New review columns were added: {columns}.",
    ),
    "apply_unhidden": (
        "Kolumnerna {columns} var dolda i bladet; de visas nu, eftersom granskningskolumnerna ligger där.",
        "The columns {columns} were hidden in the sheet; they are shown now, as the review columns are there.",
    ),
    "apply_converted": (
        "{source} kan inte ändras direkt, så en ny arbetsbok skrevs: {file}. Formatering, diagram och "
        "formler kan skilja sig från originalet, som är oförändrat.",
        "{source} cannot be changed in place, so a new workbook was written: {file}. Formatting, charts "
        "and formulas may differ from the original, which is unchanged.",
    ),
    "check_replace_without_replacement": (
        "{count} {count|artikel ska ersättas men saknar|artiklar ska ersättas men saknar} ersättare",
        "{count} {count|article is to be replaced but has|articles are to be replaced but have} no replacement",
    ),
    "check_replacement_not_kept": (
        "{count} {count|artikel|artiklar} ersätts av en artikel som själv tas bort eller ersätts",
        "{count} {count|article is|articles are} replaced by an article that is itself removed or replaced",
    ),
    "check_replacement_unknown": (
        "{count} {count|artikel|artiklar} ersätts av ett artikelnummer som inte finns i listan",
        "{count} {count|article is|articles are} replaced by an article number that is not in the list",
    ),
}

CATALOGUE.update(PROBLEM_TEXTS)  # the problems (lines under a message) are kept apart, in their own module
CATALOGUE.update(ENVIRONMENT_TEXTS)  # the environment's reasons and assumptions, likewise
CATALOGUE.update(CONSOLIDATION_TEXTS)  # the kinds of cluster, the keeper's reasons, the Kluster labels
CATALOGUE.update(SURVEY_TEXTS)  # the questionnaires' reports and refusals, likewise
CATALOGUE.update(SUMMARY_TEXTS)  # the summary page and report, likewise
CATALOGUE.update(TENDER_TEXTS)  # the tender list's report and its refusals of an output
CATALOGUE.update(FOLLOWUP_TEXTS)  # the follow-up's report and refusals, likewise


@dataclass(frozen=True)
class Problem:
    """One problem of a message (an entry of an error's ``problems``) as data: a catalogue code and its
    parameters, worded in the language the message is shown in (:meth:`render`).

    A parameter may itself be a :class:`Problem` (worded in the same language), and a pair of
    parameters ``x_sv``/``x_en`` gives a value that differs by language (a field's or a value's label).
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return text(self.code, lang, **self.params)

    def __str__(self) -> str:  # logs and reprs of an error; the user sees render(lang)
        return self.render("en")


def problem(code: str, **params: Any) -> Problem:
    """``Problem(code, params)`` with the parameters as keywords."""
    return Problem(code, params)


#: How many keys a message lists before it only counts them.
LISTED_KEYS = 20


def unknown_keys_problem(keys: Sequence[str]) -> Problem:
    """"N article keys not found in the file", naming the first :data:`LISTED_KEYS` of them."""
    shown = [repr(k) for k in keys[:LISTED_KEYS]]
    code = "unknown_keys" if len(keys) <= LISTED_KEYS else "unknown_keys_more"
    return problem(code, count=len(keys), shown=len(shown), keys=", ".join(shown))


def current_language() -> str:
    """The language for core messages: ``BEHOVSANALYS_LANG`` if set, else Swedish."""
    lang = os.environ.get("BEHOVSANALYS_LANG", "sv").lower()[:2]
    return lang if lang in ("sv", "en") else "sv"


def text(code: str, lang: str | None = None, **params: Any) -> str:
    """The catalogue text ``code`` in ``lang``, with placeholders filled."""
    sv, en = CATALOGUE[code]
    language = lang or current_language()
    template = en if language == "en" else sv
    return _MessageFormatter(language).vformat(template, (), params)


def plural_text(code: str, count: int, lang: str | None = None, **params: Any) -> str:
    """The catalogue text ``code`` for ``count`` ("1 artikel", "2 000 artiklar"): :func:`text` with
    ``count`` filled in."""
    return text(code, lang, **params, count=count)


def plural(count: Any, one: str, many: str) -> str:
    """``one`` for a count of exactly 1, else ``many`` (Swedish and English agree on that rule)."""
    return one if isinstance(count, int | float) and not isinstance(count, bool) and count == 1 else many


class _MessageFormatter(string.Formatter):
    """Fills a catalogue text: numbers grouped, ``{count|one|many}`` chosen, a missing name kept."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and "|" in key:
            name, one, many = [*key.split("|", 2), "", ""][:3]
            return plural(kwargs.get(name), one, many)
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        if isinstance(key, str) and f"{key}_{self.lang}" in kwargs:  # "x" is x_sv or x_en
            return kwargs[f"{key}_{self.lang}"]
        return "{" + str(key) + "}"

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Problem):
            return value.render(self.lang)
        if isinstance(value, int) and not isinstance(value, bool) and not format_spec:
            return format_number(value, self.lang)
        return str(super().format_field(value, format_spec))
