"""The follow-up's words in the message catalogue (:mod:`workbench.messages` merges them): the report of
``workbench followup``, its snapshot sheet and report workbook, and why a purchase file is refused."""

from __future__ import annotations

FOLLOWUP_TEXTS: dict[str, tuple[str, str]] = {
    "followup_no_header": (
        "{file}: hittar ingen rubrikrad med inköpsrader (datum, leverantör, artikelnummer, GTIN, antal, belopp …) "
        "bland de första 60 raderna.",
        "{file}: no header row of purchase lines (date, supplier, article no, GTIN, quantity, amount …) among the "
        "first 60 rows.",
    ),
    "followup_no_amount": (
        "{file}: rubrikraden (rad {row}) har ingen kolumn för belopp, och inte heller antal och à-pris. "
        "Rubrikerna är: {headers}.",
        "{file}: the header row (row {row}) has no column for the amount, nor quantity and unit price. "
        "The headers are: {headers}.",
    ),
    "followup_no_article_column": (
        "{file}: rubrikraden (rad {row}) har ingen kolumn som anger artikeln (GTIN, leverantörens "
        "artikelnummer, artikelnummer eller benämning). Rubrikerna är: {headers}.",
        "{file}: the header row (row {row}) has no column naming the article (GTIN, supplier article no, "
        "article no or name). The headers are: {headers}.",
    ),
    "followup_unreadable": (
        "{file} kunde inte läsas som inköpsrader: {detail}",
        "{file} could not be read as purchase lines: {detail}",
    ),
    "followup_bad_date": (
        "Datumet {value} går inte att läsa (skriv t.ex. 2026-03-14).",
        "The date {value} cannot be read (write e.g. 2026-03-14).",
    ),
    "followup_summary": (
        "{count} {count|inköpsrad|inköpsrader} ({period}) mot {file}: {spend} kr, varav {inside} kr inom "
        "sortimentet: avtalstrohet {compliance}.",
        "{count} purchase {count|line|lines} ({period}) against {file}: {spend} SEK, of which {inside} SEK inside "
        "the assortment: compliance {compliance}.",
    ),
    "followup_municipality": (
        "  {name}: {compliance} av {spend} kr",
        "  {name}: {compliance} of {spend} SEK",
    ),
    "followup_removed": (
        "{count} borttagna eller ersatta {count|artikel köptes|artiklar köptes} ändå för {spend} kr.",
        "{count} removed or replaced {count|article was|articles were} still bought, for {spend} SEK.",
    ),
    "followup_outside": (
        "Utanför sortimentet: {spend} kr på {count} {count|rad|rader}.",
        "Outside the assortment: {spend} SEK on {count} {count|line|lines}.",
    ),
    "followup_prices": (
        "{count} {count|artikel|artiklar} köptes till ett annat pris än det avtalade.",
        "{count} {count|article was|articles were} bought at another price than the agreed one.",
    ),
    "followup_undated": (
        "{count} {count|rad|rader} utan läsbart datum {count|räknades|räknades} inte per månad.",
        "{count} {count|line|lines} without a readable date {count|was|were} not counted per month.",
    ),
    "followup_undated_filtered": (
        "{count} {count|rad|rader} utan läsbart datum {count|lämnades|lämnades} utanför perioden.",
        "{count} {count|line|lines} without a readable date {count|was|were} left out of the period.",
    ),
    "followup_snapshot": (
        "Resultatet lades till i bladet {sheet}.",
        "The result was added to the sheet {sheet}.",
    ),
    "followup_report_xlsx": (
        "rapporten blir en arbetsbok: välj ett namn som slutar på .xlsx",
        "the report is a workbook: choose a name ending in .xlsx",
    ),
    "followup_report_written": ("Rapporten skrevs till {file}.", "The report was written to {file}."),
    "followup_no_lines": ("inga inköpsrader", "no purchase lines"),
    "followup_total": ("Totalt", "Total"),
}
