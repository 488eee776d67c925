"""The tender list's words in the message catalogue (:mod:`workbench.messages` merges them): the report of
``workbench tender`` and why an output is refused."""

from __future__ import annotations

TENDER_TEXTS: dict[str, tuple[str, str]] = {
    "tender_made": (
        "Anbudsunderlag {file}: {count} {count|artikel|artiklar} från {joint} ({municipalities} "
        "{municipalities|kommun|kommuner}).",
        "Tender list {file}: {count} {count|article|articles} from {joint} ({municipalities} "
        "{municipalities|municipality|municipalities}).",
    ),
    "tender_left": (
        "Utanför listan: {removed} {removed|borttagen|borttagna}, {replaced} {replaced|ersatt|ersatta} "
        "({moved} {moved|ersatt artikels|ersatta artiklars} volym flyttad till ersättaren).",
        "Left out: {removed} removed, {replaced} replaced ({moved} replaced {moved|article's volume|articles' "
        "volumes} moved to the replacement).",
    ),
    "tender_unlisted": (
        "Utanför listan också: {count} {count|artikel|artiklar} som ingen kommun har på sin lista längre "
        "(Kommuner 0).",
        "Also left out: {count} {count|article|articles} no municipality lists any more (Municipalities 0).",
    ),
    "tender_not_moved": (
        "{count} {count|ersatt artikel|ersatta artiklar} utan giltig ersättare i listan, så {count|dess|deras} "
        "volym räknas inte med: {keys}",
        "{count} replaced {count|article has|articles have} no valid replacement in the list, so {count|its|their} "
        "volume is not counted: {keys}",
    ),
    "tender_without_requirement": (
        "{count} {count|artikel|artiklar} utan kravnivå (miljödata saknar produktgrupp eller kriterier).",
        "{count} {count|article|articles} without a requirement level (the environment data has no product group "
        "or criteria for them).",
    ),
    "tender_without_volume": (
        "{count} {count|artikel|artiklar} utan volym förra året.",
        "{count} {count|article|articles} without volume last year.",
    ),
    "output_is_input": (
        "{file} är den gemensamma analysen själv och skrivs aldrig över: välj ett annat filnamn.",
        "{file} is the joint workbook itself and is never overwritten: choose another file name.",
    ),
    "output_folder_missing": (
        "{file} gick inte att skriva: mappen {folder} finns inte. Ingenting har skrivits.",
        "{file} could not be written: the folder {folder} does not exist. Nothing was written.",
    ),
}
