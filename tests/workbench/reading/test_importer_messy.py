"""The importer on messy spreadsheets built the way people really have them (xlsxwriter and raw bytes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter

from workbench.reading.importer import detect_header_row, list_sheets, raw_rows, read_table

HEADERS = ["Artikelnummer", "Benämning", "Kategori", "Pris", "Antal", "Belopp"]


def _codes(table, code: str) -> list[dict]:
    return [f.params for f in table.findings if f.code == code]


@pytest.fixture
def titled_workbook(tmp_path: Path) -> Path:
    """Title row merged across the table, a blank row, a note, then the header; totals at the end."""
    path = tmp_path / "titled.xlsx"
    book = xlsxwriter.Workbook(path)
    cover = book.add_worksheet("Info")  # a first sheet with prose only
    cover.write("A1", "Sortimentslista för Södertörn, framtagen inför upphandling 2025")
    sheet = book.add_worksheet("Artiklar")
    bold = book.add_format({"bold": True})
    sheet.merge_range("A1:F1", "Förbrukningsmaterial 2024 — Huddinge kommun", bold)
    sheet.write("A3", "Källa: ekonomisystemet")
    sheet.write_row("A4", HEADERS, bold)
    text = book.add_format({"num_format": "@"})
    rows = [
        ("00123", "Mugg 20 cl", "Engångsartiklar", 1.5, 1000, 1500),
        ("00124", "Gaffel, plast", "Engångsartiklar", 0.25, 4000, 1000),
        ("A-77", "Handske nitril M", "Handskar", 89.9, 12, 1078.8),
    ]
    for i, row in enumerate(rows):
        sheet.write_string(4 + i, 0, row[0], text)
        sheet.write_row(4 + i, 1, row[1:])
    sheet.write_number(7, 0, 125)  # a numeric article number cell: must read "125", never "125.0"
    sheet.write_row(7, 1, ["Tallrik djup", "Porslin", 12, 10, 120])
    sheet.write_row(9, 0, ["", "Summa", "", "", "", 3698.8])
    sheet.write_row(10, 0, ["Totalt", "", "", "", "", 3698.8])
    book.close()
    return path


def test_title_rows_merged_title_and_notes_are_passed_over(titled_workbook: Path) -> None:
    table = read_table(titled_workbook)
    assert table.sheet == "Artiklar"
    assert table.sheets == ["Info", "Artiklar"]
    assert table.header_row == 4
    assert table.key_column == "Artikelnummer"
    assert list(table.columns) == ["key", "name", "category", "price", "quantity", "spend"]
    assert table.column_index == {h: i for i, h in enumerate(HEADERS)}


def test_article_rows_are_indexed_by_sheet_row_and_trailing_totals_are_dropped(titled_workbook: Path) -> None:
    table = read_table(titled_workbook)
    assert list(table.data.index) == [5, 6, 7, 8]
    assert table.keys.tolist() == ["00123", "00124", "A-77", "125"]
    assert _codes(table, "total_rows_skipped") == [{"count": 2}]


def test_values_keep_their_meaning_in_xlsx(titled_workbook: Path) -> None:
    data = read_table(titled_workbook).data
    assert data["Benämning"].tolist() == ["Mugg 20 cl", "Gaffel, plast", "Handske nitril M", "Tallrik djup"]
    assert str(data["Antal"].dtype) == "Int64"
    assert data["Antal"].tolist() == [1000, 4000, 12, 10]
    assert data["Pris"].dtype == "float64"
    assert data["Pris"].tolist() == [1.5, 0.25, 89.9, 12.0]


def test_spend_mismatch_beyond_rounding_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "spend.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    sheet.write_row(1, 0, ["1", "a", "k", 10.0, 3, 30.4])  # within 1 kr
    sheet.write_row(2, 0, ["2", "b", "k", 10.0, 3, 45])  # off by 15
    sheet.write_row(3, 0, ["3", "c", "k", 10.0, -2, -20])  # a return: negative quantity
    book.close()
    table = read_table(path)
    assert _codes(table, "spend_mismatch") == [{"count": 1, "header": "Belopp"}]
    assert _codes(table, "negative_quantity") == [{"count": 1, "header": "Antal"}]


def test_cp1252_semicolon_csv_with_decimal_comma_and_leading_zero_keys(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    text = (
        "Artikelnr;Benämning;Pris;Antal;Belopp;Kostnadsställe\r\n"
        "001;Mugg 20 cl;1,50;1\u00a0000;1\u00a0500,00;0420\r\n"
        "002;Kaffefilter blå;12,75;10;127,50;0420\r\n"
        "\r\n"
        "0003;Städhandske;1 234,50;2;2 469,00;0510\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    table = read_table(path)
    assert table.csv_dialect is not None
    assert (table.csv_dialect.encoding, table.csv_dialect.delimiter, table.csv_dialect.decimal) == (
        "cp1252", ";", ",")
    assert table.csv_dialect.line_terminator == "\r\n"
    data = table.data
    assert list(data.index) == [2, 3, 5]
    assert table.keys.tolist() == ["001", "002", "0003"]
    assert data["Benämning"].tolist() == ["Mugg 20 cl", "Kaffefilter blå", "Städhandske"]
    assert data["Pris"].tolist() == [1.5, 12.75, 1234.5]
    assert data["Antal"].tolist() == [1000, 10, 2]
    assert str(data["Antal"].dtype) == "Int64"
    assert data["Belopp"].tolist() == [1500.0, 127.5, 2469.0]
    assert data["Kostnadsställe"].tolist() == ["0420", "0420", "0510"]  # org_unit is text


def test_old_review_round_with_duplicates_and_unknown_values(tmp_path: Path) -> None:
    path = tmp_path / "runda1.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Granskning")
    sheet.write_row(0, 0, ["Art.nr", "Benämning", "Användning", "Miljöpoäng", "Beslut", "Ersätts av",
                           "Kommentar", "Granskad av", "Granskad"])
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    rows = [
        ["100", "Mugg", "Dagligen", 4, "Behåll", "", "  bra  ", "Anna", dt.date(2024, 3, 1)],
        ["101", "Sked", "weekly", "3", "Kanske", "", "", "Bo", "2024-03-02"],
        ["100", "Mugg igen", "Sällan", 2, "Ersätt", "102", "", "", None],
        ["", "Utan nummer", "Okänt", "", "kanske", "", "", "", None],
        ["103", "Tallrik", "Varannan vecka", 9, "ta bort", "", "", "", None],
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    table = read_table(path)
    assert table.language == "sv"
    assert table.duplicate_keys == ["100"]
    assert table.rows_without_key == 1
    review = table.review
    assert review["usage"].tolist() == ["daily", "weekly", "rarely", "unknown", "Varannan vecka"]
    assert review["env_score"].tolist() == ["4", "3", "2", None, "9"]
    assert review["decision"].tolist() == ["keep", "Kanske", "replace", "kanske", "remove"]
    assert review["replaced_by"].tolist() == [None, None, "102", None, None]
    assert review["comment"].tolist() == ["bra", None, None, None, None]
    assert review["reviewed_at"].tolist() == [dt.date(2024, 3, 1), dt.date(2024, 3, 2), None, None, None]
    unknown = {(p["field"], p["value"]): p["count"] for p in _codes(table, "unknown_review_value")}
    assert unknown == {("usage", "Varannan vecka"): 1, ("env_score", "9"): 1, ("decision", "Kanske"): 1,
                       ("decision", "kanske"): 1}
    assert _codes(table, "duplicate_keys")[0]["count"] == 1
    assert _codes(table, "rows_without_key") == [{"count": 1}]


def test_english_headers_map_and_make_the_workbook_english(tmp_path: Path) -> None:
    path = tmp_path / "english.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Item no", "Description", "Unit price", "Qty", "Usage", "Decision", "Comment"])
    sheet.write_row(1, 0, ["X1", "Cup", 2.5, 4, "Daily", "Keep", "ok"])
    sheet.write_row(2, 0, ["X2", "Plate", 3, 1, "Not used", "Remove", ""])
    book.close()
    table = read_table(path)
    assert table.columns == {"key": "Item no", "name": "Description", "price": "Unit price",
                             "quantity": "Qty"}
    assert table.review_columns == {"usage": "Usage", "decision": "Decision", "comment": "Comment"}
    assert table.language == "en"
    assert table.review["usage"].tolist() == ["daily", "not_used"]
    assert table.review["decision"].tolist() == ["keep", "remove"]


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    text = "Artikelnummer\tBenämning\tPris\r\n007\tÖlglas 33 cl\t12,50\r\n008\tÅterbruksmugg\t3\r\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    table = read_table(path)
    assert table.format == "txt"
    assert table.csv_dialect is not None and table.csv_dialect.encoding == "utf-16"
    assert table.csv_dialect.delimiter == "\t"
    assert table.keys.tolist() == ["007", "008"]
    assert table.data["Benämning"].tolist() == ["Ölglas 33 cl", "Återbruksmugg"]
    assert table.data["Pris"].tolist() == [12.5, 3.0]


def test_mac_excel_csv_with_cr_only_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes("Art.nr,Benämning,Antal\r1,Kaffe,3\r2,Te,4\r".encode("latin-1"))
    table = read_table(path)
    assert table.csv_dialect is not None and table.csv_dialect.line_terminator == "\r"
    assert table.keys.tolist() == ["1", "2"]
    assert table.data["Benämning"].tolist() == ["Kaffe", "Te"]
    assert table.data["Antal"].tolist() == [3, 4]


def test_xls_that_is_really_an_html_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "webbexport.xls"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><th colspan='3'>Rapport</th></tr>"
        "<tr><th>Artikelnr</th><th>Benämning</th><th>Pris</th></tr>"
        "<tr><td>0012</td><td>Mugg &amp; fat</td><td>1 234,50</td></tr>"
        "<tr><td>0013</td><td>Skål</td><td>2,25</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.format == "html"
    assert table.header_row == 2
    assert table.keys.tolist() == ["0012", "0013"]
    assert table.data["Benämning"].tolist() == ["Mugg & fat", "Skål"]
    assert table.data["Pris"].tolist() == [1234.5, 2.25]


def test_xls_that_is_really_tab_separated_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "system.xls"
    path.write_bytes("Artikelnr\tBenämning\n01\tPenna\n02\tSudd\n".encode("cp1252"))
    table = read_table(path)
    assert table.format == "csv"
    assert table.keys.tolist() == ["01", "02"]


def test_large_csv_goes_through_pandas_with_the_same_meaning(tmp_path: Path) -> None:
    """Files beyond the sniffing sample take the pandas route; values must mean the same."""
    path = tmp_path / "stor.csv"
    lines = ["Inköpsstatistik 2024", "", "Artikelnr;Benämning;Pris;Antal;Belopp;Enhet/förvaltning"]
    lines += [f"{i:05d};Vara {i} ;{i},50;{i % 7 - 1};{(i + 0.5) * (i % 7 - 1):.2f};Skola"
              for i in range(20000)]
    lines += ["", ";Summa;;;123;"]
    path.write_text("\n".join(lines).replace(".", ","), encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 3
    assert table.row_count == 20000
    assert table.data.index[0] == 4 and table.data.index[-1] == 20003
    assert table.keys.iloc[:3].tolist() == ["00000", "00001", "00002"]
    assert table.data["Benämning"].iloc[1] == "Vara 1"  # padded in the sample: stripped
    assert table.data["Pris"].iloc[2] == 2.5
    assert str(table.data["Antal"].dtype) == "Int64"
    assert _codes(table, "total_rows_skipped") == [{"count": 1}]
    assert _codes(table, "negative_quantity")[0]["count"] > 0
    assert not _codes(table, "spend_mismatch")


def test_user_overrides_header_row_mapping_key_and_text_columns(titled_workbook: Path) -> None:
    table = read_table(titled_workbook, "Artiklar", header_row=4,
                       mapping={"category": None, "name": "Kategori"},
                       key_column="Benämning", text_columns=["Antal"])
    assert table.key_column == "Benämning"
    assert table.columns["name"] == "Kategori"
    assert "category" not in table.columns
    assert table.data["Antal"].tolist() == ["1000", "4000", "12", "10"]


def test_key_falls_back_to_supplier_article_number(tmp_path: Path) -> None:
    path = tmp_path / "lev.csv"
    path.write_text("Lev. art.nr;Benämning\nL-1;Kopp\nL-2;Fat\n", encoding="utf-8")
    table = read_table(path)
    assert table.key_column == "Lev. art.nr"
    assert [f.code for f in table.findings] == ["key_fallback"]


def test_no_key_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "utan.csv"
    path.write_text("Benämning;Antal\nKopp;1\nFat;2\n", encoding="utf-8")
    table = read_table(path)
    assert table.key_column is None
    assert table.rows_without_key == 2
    assert _codes(table, "no_key_column") == [{"count": 2}]


def test_non_numeric_values_in_a_numeric_field_are_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "pris.csv"
    path.write_text("Artikelnr;Pris\n1;12,50\n2;ca 5 kr\n3;\n", encoding="utf-8")
    table = read_table(path)
    assert table.data["Pris"].tolist() == [12.5, "ca 5 kr", None]
    assert _codes(table, "non_numeric_values") == [{"header": "Pris", "count": 1}]


def test_list_sheets_preview_and_detect_header_row(titled_workbook: Path) -> None:
    assert list_sheets(titled_workbook) == ["Info", "Artiklar"]
    rows = raw_rows(titled_workbook, rows=6)
    assert len(rows) == 6
    assert rows[0][0] == "Förbrukningsmaterial 2024 — Huddinge kommun"
    assert rows[1] == [None] * len(rows[1])
    assert detect_header_row(rows) == 3  # 0-based: sheet row 4
    assert rows[3][:2] == ["Artikelnummer", "Benämning"]
    assert raw_rows(titled_workbook, "Info", rows=3)[0][0].startswith("Sortimentslista")


def test_unnamed_and_repeated_headers_get_unique_names(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Artikelnr", "Antal", "", "Antal", ""])
    sheet.write_row(1, 0, ["1", 5, "x", 6])
    book.close()
    table = read_table(path)
    assert list(table.data.columns) == ["Artikelnr", "Antal", "(C)", "Antal (2)"]
    assert table.column_index == {"Artikelnr": 0, "Antal": 1, "(C)": 2, "Antal (2)": 3}


def test_dates_and_whole_numbers_in_unmapped_columns_keep_their_type(tmp_path: Path) -> None:
    path = tmp_path / "typer.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["Artikelnr", "Avtalsstart", "Radnummer"])
    sheet.write_row(1, 0, ["1"])
    sheet.write_datetime(1, 1, dt.datetime(2024, 5, 1), date)
    sheet.write_number(1, 2, 7)
    sheet.write_row(2, 0, ["2"])
    sheet.write_datetime(2, 1, dt.datetime(2025, 1, 31), date)
    sheet.write_number(2, 2, 8)
    book.close()
    data = read_table(path).data
    assert pd.api.types.is_datetime64_any_dtype(data["Avtalsstart"])
    assert data["Avtalsstart"].tolist() == [pd.Timestamp(2024, 5, 1), pd.Timestamp(2025, 1, 31)]
    assert str(data["Radnummer"].dtype) == "Int64"


def test_workbooks_with_the_wrong_extension_are_read_by_content(titled_workbook: Path, tmp_path: Path) -> None:
    """Web systems save an xlsx as ".xls"; calamine alone would trust the extension and fail."""
    renamed = tmp_path / "export.xls"
    renamed.write_bytes(titled_workbook.read_bytes())
    table = read_table(renamed)
    assert table.format == "xlsx"
    assert table.keys.tolist() == ["00123", "00124", "A-77", "125"]


def test_summa_is_a_header_word_and_only_trailing_total_rows_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "summa.csv"
    path.write_text(
        "Artikelnr;Benämning;Summa\n"
        "1;Kopp;10\n"
        ";Summa skolor;10\n"  # a subtotal in the middle stays: it is reported, not silently dropped
        "2;Fat;5\n"
        ";Summa;15\n"
        "Totalt;;15\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.columns["spend"] == "Summa"
    assert list(table.data.index) == [2, 3, 4]
    assert table.data["Benämning"].tolist() == ["Kopp", "Summa skolor", "Fat"]
    assert table.rows_without_key == 1
    assert _codes(table, "total_rows_skipped") == [{"count": 2}]


def test_large_csv_whose_first_non_utf8_byte_comes_late_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "sen.csv"
    lines = ["Artikelnr;Namn"] + [f"{i:05d};Vara {i}" for i in range(30000)] + ["99999;Städ"]
    path.write_bytes("\n".join(lines).encode("cp1252"))  # the sniffed sample is plain ASCII
    table = read_table(path)
    assert table.csv_dialect is not None and table.csv_dialect.encoding == "cp1252"
    assert table.data["Namn"].iloc[-1] == "Städ"


def test_large_csv_with_a_ragged_line_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "ojämn.csv"
    lines = ["Artikelnr;Benämning"] + [f"{i:05d};Vara {i}" for i in range(30000)] + ["99999;Sist;extra"]
    path.write_text("\n".join(lines), encoding="utf-8")
    table = read_table(path)
    assert table.row_count == 30001
    assert table.data.iloc[-1].tolist() == ["99999", "Sist", "extra"]
    assert list(table.data.columns) == ["Artikelnr", "Benämning", "(C)"]
