"""The importer's building blocks: number text, header folding and mapping, header and total rows."""

from __future__ import annotations

import pytest

from workbench.reading._header import detect_header_row, is_total_row
from workbench.reading._mapping import fold_header, map_headers, review_language
from workbench.reading._text import detect_encoding, read_html_rows
from workbench.reading.cells import cell_text, parse_number


@pytest.mark.parametrize(("text", "decimal", "number"), [
    ("1 234,50", None, 1234.5),
    ("1\u00a0234,50", ",", 1234.5),
    ("1\u202f234,50", ",", 1234.5),
    ("1.234,50", ",", 1234.5),
    ("1.5", ",", 1.5),  # a decimal point typed into a decimal-comma file
    ("12,5", None, 12.5),
    ("-12,5", ",", -12.5),
    ("\u22123", ",", -3.0),
    ("1,234.50", ".", 1234.5),
    ("1,234.50", None, 1234.5),
    ("42", None, 42.0),
    ("12 kr", ",", None),
    ("ca 5", ",", None),
    ("", ",", None),
    ("1-2", ",", None),
])
def test_numbers_written_as_text(text: str, decimal: str | None, number: float | None) -> None:
    assert parse_number(text, decimal) == number


@pytest.mark.parametrize(("value", "text"), [
    (123.0, "123"), (7310000000001.0, "7310000000001"), (1.5, "1.5"), ("  00123 ", "00123"),
    ("", None), ("   ", None), (None, None), (True, "TRUE"),
])
def test_cells_as_the_text_a_user_sees(value: object, text: str | None) -> None:
    assert cell_text(value) == text


def test_header_folding_ignores_case_punctuation_and_blanks_but_keeps_swedish_letters() -> None:
    assert fold_header(" Art.nr ") == fold_header("ARTNR") == fold_header("art nr") == "artnr"
    assert fold_header("Leverantör") == "leverantör"
    assert fold_header("Våra") != fold_header("Vara")


def test_headers_map_by_synonyms_with_units_and_filler_words() -> None:
    columns, review = map_headers(["Art nr", "Artikelbenämning", "Pris/enhet (kr)", "Antal per år",
                                   "Lev.artikelnr", "EAN-kod", "Belopp (SEK)", "Beslut", "Kommentar",
                                   "Något annat"])
    assert columns == {"key": "Art nr", "name": "Artikelbenämning", "supplier_article_no": "Lev.artikelnr",
                       "gtin": "EAN-kod", "price": "Pris/enhet (kr)", "quantity": "Antal per år",
                       "spend": "Belopp (SEK)"}
    assert review == {"decision": "Beslut", "comment": "Kommentar"}


def test_each_field_takes_one_header_and_each_header_one_field() -> None:
    columns, _ = map_headers(["Artikelnr", "Art.nr", "Antal", "Kvantitet"])
    assert columns == {"key": "Artikelnr", "quantity": "Antal"}


def test_review_language_follows_the_review_headers() -> None:
    assert review_language({"decision": "Decision", "comment": "Comment"}) == "en"
    assert review_language({"decision": "Beslut", "comment": "Kommentar"}) == "sv"
    assert review_language({}) == "sv"


def test_header_after_title_blank_and_note_rows() -> None:
    rows = [
        ["Sortiment 2024", "", "", ""],
        ["", "", "", ""],
        ["Uttag ur ekonomisystemet 2024-01-31", "", "", ""],
        ["Artikelnummer", "Benämning", "Pris", "Antal"],
        ["001", "Mugg", 1.5, 10.0],
    ]
    assert detect_header_row(rows) == 3


def test_header_of_unknown_words_is_the_first_text_row_followed_by_data() -> None:
    rows = [["Rapport"], ["Färg", "Form", "Vikt klass"], ["röd", "rund", 3.0], ["blå", "fyrkant", 2.0]]
    assert detect_header_row(rows) == 1


def test_a_data_row_full_of_error_literals_is_not_a_header() -> None:
    """Excel's "#VALUE!" folds to "value", a spend synonym; one word repeated is not a header."""
    rows = [["Error", "Bang", "Que"], ["#VALUE!", "#VALUE!", "#VALUE?"], ["#REF!", "#REF!", "#REF?"]]
    assert detect_header_row(rows) == 0


def test_no_header_among_numbers() -> None:
    assert detect_header_row([[1.0, 2.0], [3.0, 4.0]]) == -1
    assert detect_header_row([]) == -1


@pytest.mark.parametrize(("row", "total"), [
    (["", "Summa", "", 12.0], True),
    (["Totalt", "", 99.0], True),
    (["Total", 5.0], True),
    (["SUM", 5.0], True),
    (["001", "Summa-kort", 5.0], True),
    (["001", "Sumatra kaffe", 5.0], False),
    (["001", "Mugg", "Summa"], False),  # only the first text cells count
    (["", "", ""], False),
])
def test_total_rows(row: list[object], total: bool) -> None:
    assert is_total_row(row) is total


@pytest.mark.parametrize(("data", "encoding"), [
    ("Benämning;Pris\n".encode("utf-8-sig"), "utf-8-sig"),
    ("Benämning;Pris\n".encode(), "utf-8"),
    ("Benämning;Pris\n".encode("cp1252"), "cp1252"),
    ("Benämning\x81;Pris\n".encode("latin-1"), "latin-1"),  # 0x81 is undefined in cp1252
    ("Benämning\tPris\r\n".encode("utf-16"), "utf-16"),
    ("Benämning\tPris\r\n".encode("utf-16-le"), "utf-16-le"),
])
def test_encoding_detection(data: bytes, encoding: str) -> None:
    assert detect_encoding(data, complete=True) == encoding


def test_html_table_rows_with_colspan_entities_and_line_breaks() -> None:
    rows = read_html_rows(
        "<table><tr><td colspan=2>Titel</td></tr><tr><th>A</th><th>B &amp; C</th></tr>"
        "<tr><td>1<br>2</td><td> x  y </td></tr></table>")
    assert rows == [["Titel", ""], ["A", "B & C"], ["1 2", "x y"]]


def test_excel_2003_xml_spreadsheet_rows() -> None:
    rows = read_html_rows(
        '<?xml version="1.0"?><Workbook><Worksheet><Table><Row><Cell><Data ss:Type="String">Artikelnr'
        '</Data></Cell><Cell><Data>Pris</Data></Cell></Row><Row><Cell><Data>01</Data></Cell>'
        "<Cell><Data>2,5</Data></Cell></Row></Table></Worksheet></Workbook>")
    assert rows == [["Artikelnr", "Pris"], ["01", "2,5"]]
