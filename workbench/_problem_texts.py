"""The problems' half of the message catalogue (:data:`workbench.messages.CATALOGUE` holds both halves).

A problem is one line under a message ("Besluten kan inte skrivas till d.csv …" and then one line per
unknown value, key or column): the core raises it as a :class:`workbench.messages.Problem` (a code and
its parameters) and the caller words it in its own language. The same conventions as the rest of the
catalogue hold: ``{count|one|many}`` chooses the number's form, and a parameter given as ``x_sv`` and
``x_en`` fills ``{x}`` in each language (a field's or a value's label).
"""

from __future__ import annotations

PROBLEM_TEXTS: dict[str, tuple[str, str]] = {
    # a decisions csv (workbench apply --decisions D.csv), the file itself
    "decisions_empty": ("filen är tom", "the file is empty"),
    "decisions_html": ("ett HTML-dokument, inte en csv-fil", "an HTML document, not a csv file"),
    "undecodable_text": ("texten går inte att läsa i någon känd teckenkodning",
                         "the text cannot be read in any known encoding"),
    "decisions_no_key_column": (
        "rubrikraden har ingen kolumn \u201dkey\u201d eller \u201dArtikelnummer\u201d",
        "the header has no \u201ckey\u201d or \u201carticle no\u201d column",
    ),
    "decisions_unknown_column": (
        "kolumnen \u201d{name}\u201d är inget granskningsfält",
        "the column \u201c{name}\u201d is not a review field",
    ),
    "decisions_line_without_key": ("rad {line} saknar artikelnummer", "line {line} has no article key"),
    "decisions_key_twice": (
        "rad {line}: artikelnumret {key} står också på rad {other} med andra värden",
        "line {line}: the article key {key} is also on line {other} with other values",
    ),
    # a decision checked against the workbook
    "decision_for_key": ("artikel {key}: {problem}", "article {key}: {problem}"),
    "decision_unknown_field": ("\u201d{name}\u201d är inget granskningsfält",
                               "\u201c{name}\u201d is not a review field"),
    "decision_unknown_value": (
        "{field}: \u201d{value}\u201d är inte ett av fältets värden ({allowed})",
        "{field}: \u201c{value}\u201d is not one of the field's values ({allowed})",
    ),
    "decision_unknown_replacement": (
        "{field}: \u201d{value}\u201d är inget artikelnummer i filen",
        "{field}: \u201c{value}\u201d is not an article key in the file",
    ),
    "decision_not_a_date": (
        "{field}: \u201d{value}\u201d är inget datum (skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM)",
        "{field}: \u201c{value}\u201d is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM)",
    ),
    # an edit in the grid (workbench.review._edit)
    "edit_unknown_field": ("\u201d{field}\u201d är inget granskningsfält", "\u201c{field}\u201d is not a review field"),
    "edit_not_editable": ("{field} sätts av programmet", "{field} is set by the program"),
    "edit_allowed_values": ("tillåtna värden: {allowed}", "allowed values: {allowed}"),
    "edit_unknown_key": ("artikelnumret {key} finns inte i filen", "the article key {key} is not in the file"),
    "edit_self_reference": (
        "rad {row}: artikel {key} kan inte ersätta sig själv",
        "row {row}: the article {key} cannot replace itself",
    ),
    "edit_unknown_row": ("det finns ingen rad på plats {position}", "there is no row at position {position}"),
    "edit_row_without_key": ("rad {row} saknar artikelnummer", "row {row} has no article number"),
    # a value a paste or a fill-down did not set (workbench.review.clipboard)
    "paste_problem": ("{where}: \u201d{value}\u201d \u2013 {reason}", "{where}: \u201c{value}\u201d \u2013 {reason}"),
    # read options that name what the file does not have (workbench.reading.importer)
    "read_unknown_headers": ("{file} har inte rubrikerna som angavs", "{file} does not have the headers given"),
    "read_no_header_for_field": (
        "{field}: ingen rubrik \u201d{header}\u201d", "{field}: no header \u201c{header}\u201d"),
    "read_header_row_outside": (
        "{file}: rubrikrad {row} ligger utanför data",
        "{file}: header row {row} is outside the data",
    ),
    # details of a refusal, in brackets after its message (a file that cannot be read or written)
    "detail_office_not_workbook": ("en Office-fil utan arbetsbok (Word, Outlook?)",
                                   "an Office file without a workbook (Word, Outlook?)"),
    "detail_member_size": ("{part}: {size} byte okomprimerat", "{part}: {size} bytes uncompressed"),
    "detail_compression_ratio": ("{part}: kompressionsgrad {ratio}:1", "{part}: compression ratio {ratio}:1"),
    "detail_no_workbook_in_zip": ("zip-paketet innehåller ingen arbetsbok", "no workbook inside the zip package"),
    "detail_not_a_workbook_part": ("paketet innehåller {part}, inte en arbetsbok",
                                   "the package holds {part}, not a workbook"),
    "detail_part_missing": ("{part} saknas", "{part} is missing"),
    "detail_used_area": ("{part}: använt område på {height} × {width} celler (rader × kolumner)",
                         "{part}: used area of {height} × {width} cells (rows × columns)"),
    "detail_folder": ("det är en mapp", "it is a folder"),
    "detail_zero_bytes": ("filen är 0 byte", "the file is 0 bytes"),
    "detail_binary": ("binärt innehåll", "binary content"),
    "detail_zip_damaged": ("zip-paketet är avkortat eller skadat", "the zip package is cut short or damaged"),
    "detail_no_html_table": ("ingen tabell i HTML/XML-dokumentet", "no table in the HTML/XML document"),
    "detail_no_delimiter": ("inget avgränsningstecken hittades", "no delimiter found"),
    "detail_read_only": ("skrivskyddad", "read-only"),
    "detail_no_column": ("ingen kolumn \u201d{column}\u201d", "no column \u201c{column}\u201d"),
    "detail_export_formats": ("exportera som {formats}, inte {suffix}", "export as {formats}, not {suffix}"),
    "detail_read_back_rows": ("läste tillbaka {found} av {expected} skrivna rader",
                              "read back {found} of {expected} rows written"),
}
