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
    "usage": ("Felaktig användning: {detail}", "Incorrect usage: {detail}"),
    "cancelled": ("Avbrutet; ingenting har ändrats.", "Cancelled; nothing was changed."),
    "no_file": ("(ingen fil)", "(no file)"),
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
