"""The core's message catalogue: user-visible text of the CLI and of errors, in Swedish and English.

The core raises errors with a code and parameters; this module is the one place that words them. The
GUI shows the same texts (in its current language), so a message is written once.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.errors import WorkbenchError

# code -> (Swedish, English). Placeholders are filled from the error's params plus {file} and {detail}.
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
    "invalid_edit": (
        "Värdet \u201d{value}\u201d kan inte sättas i fältet {field_sv}; ingenting har ändrats.",
        "The value \u201c{value}\u201d cannot be set in the field {field_en}; nothing was changed.",
    ),
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
        "{count} ändringar i {file} krockar med en kollegas ändringar.",
        "{count} changes in {file} conflict with a colleague's changes.",
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
    "lock_taken_over": (
        "Låset på {file} som {who} lämnade efter sig togs över.",
        "The lock on {file} left behind by {who} was taken over.",
    ),
    "merged_theirs": (
        "{count} ändringar av kollegor fördes in från {file}.",
        "{count} changes by colleagues were merged in from {file}.",
    ),
    "conflicts_resolved": (
        "{count} krockar avgjordes: {ours} med ditt värde, {theirs} med kollegans.",
        "{count} conflicts were settled: {ours} with your value, {theirs} with the colleague's.",
    ),
    "keys_missing": (
        "{count} ändringar kunde inte sparas eftersom artiklarna inte längre finns i {file}; de finns "
        "kvar i journalen.",
        "{count} changes could not be saved because the articles no longer exist in {file}; they are "
        "kept in the journal.",
    ),
    "journal_restored": (
        "{count} osparade ändringar i {file} återställdes från journalen.",
        "{count} unsaved changes to {file} were restored from the journal.",
    ),
    "conflict_line": (
        "{key}, {field}: i filen ”{theirs}” ({theirs_by}), din ”{ours}”",
        "{key}, {field}: in the file “{theirs}” ({theirs_by}), yours “{ours}”",
    ),
    "usage": ("Felaktig användning: {detail}", "Incorrect usage: {detail}"),
    "output_format": (
        "{file} kan inte skrivas som {suffix}: en csv-fil sparas som csv. Välj ett utdatanamn som "
        "slutar på .csv (eller .txt), eller öppna filen i Excel och spara den som xlsx först.",
        "{file} cannot be written as {suffix}: a csv file is saved as csv. Choose an output name "
        "ending in .csv (or .txt), or open the file in Excel and save it as xlsx first.",
    ),
    "cancelled": ("Avbrutet; ingenting har ändrats.", "Cancelled; nothing was changed."),
    # Findings of the importer (workbench.importer): non-blocking, shown in a banner / as warnings.
    "duplicate_keys": (
        "{count} artikelnummer förekommer på mer än en rad ({rows} rader): {keys}",
        "{count} article numbers occur on more than one row ({rows} rows): {keys}",
    ),
    "rows_without_key": (
        "{count} rader saknar artikelnummer.",
        "{count} rows have no article number.",
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
        "Okänt värde \u201d{value}\u201d i kolumnen {header} på {count} rader; det behölls och kan mappas.",
        "Unknown value \u201c{value}\u201d in the column {header} on {count} rows; it was kept and can be "
        "mapped.",
    ),
    "unmapped_columns": (
        "{count} kolumner känns inte igen och lästes som de är: {headers}",
        "{count} columns are not recognised and were read as they are: {headers}",
    ),
    "negative_quantity": (
        "{count} rader har negativt antal i kolumnen {header}.",
        "{count} rows have a negative quantity in the column {header}.",
    ),
    "spend_mismatch": (
        "{count} rader har ett belopp i kolumnen {header} som inte stämmer med pris \u00d7 antal.",
        "{count} rows have a spend in the column {header} that does not match price \u00d7 quantity.",
    ),
    "non_numeric_values": (
        "{count} värden i kolumnen {header} är inte tal; de behölls som text.",
        "{count} values in the column {header} are not numbers; they were kept as text.",
    ),
    "total_rows_skipped": (
        "{count} summarader i slutet av listan räknades inte som artiklar.",
        "{count} total rows at the end of the list were not counted as articles.",
    ),
    "no_file": ("(ingen fil)", "(no file)"),
    "apply_done": (
        "{count} celler för {keys} artiklar sparades i {file}.",
        "{count} cells for {keys} articles were saved in {file}.",
    ),
    "apply_new_columns": (
        "Nya granskningskolumner lades till: {columns}.",
        "New review columns were added: {columns}.",
    ),
    "apply_converted": (
        "{source} kan inte ändras direkt, så en ny arbetsbok skrevs: {file}. Formatering, diagram och "
        "formler kan skilja sig från originalet, som är oförändrat.",
        "{source} cannot be changed in place, so a new workbook was written: {file}. Formatting, charts "
        "and formulas may differ from the original, which is unchanged.",
    ),
}


def current_language() -> str:
    """The language for core messages: ``BEHOVSANALYS_LANG`` if set, else Swedish."""
    lang = os.environ.get("BEHOVSANALYS_LANG", "sv").lower()[:2]
    return lang if lang in ("sv", "en") else "sv"


def text(code: str, lang: str | None = None, **params: Any) -> str:
    """The catalogue text ``code`` in ``lang``, with placeholders filled."""
    sv, en = CATALOGUE[code]
    template = en if (lang or current_language()) == "en" else sv
    return template.format_map(_Defaulting(params))


def render_error(error: WorkbenchError, lang: str = "sv") -> str:
    """The message of ``error``: its catalogue text, then its detail and any listed problems."""
    file_text = str(error.path) if error.path is not None else text("no_file", lang)
    params = {**error.params, "file": file_text, "detail": error.detail}
    code = error.code if error.code in CATALOGUE else "error"
    message = text(code, lang, **params)
    if error.detail and "{detail}" not in CATALOGUE[code][0]:
        message += f" ({error.detail})"
    problems = error.params.get("problems")
    if problems:
        message += "\n" + "\n".join(f"  - {p}" for p in problems)
    return message


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
