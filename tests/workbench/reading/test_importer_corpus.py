"""The importer on named real-world files of the shared corpus and on the bundled sample workbook."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from workbench.fields import SOURCE_FIELD_NAMES
from workbench.reading.importer import list_sheets, raw_rows, read_table
from workbench.resources import sample_workbook


def corpus_dir() -> Path:
    override = os.environ.get("BEHOVSANALYS_CORPUS")
    return Path(override) if override else Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


def corpus(name: str) -> Path:
    path = corpus_dir() / name
    if not path.is_file():
        pytest.skip(f"corpus file {name} is absent")
    return path


def test_cp1252_semicolon_decimal_comma_csv_keeps_the_leading_zero_key() -> None:
    table = read_table(corpus("cp1252_semicolon_decimal_comma.csv"))
    assert table.keys.tolist() == ["001"]
    assert table.data["Benämning"].tolist() == ["Mugg 20 cl"]
    assert table.data["Pris"].tolist() == [1.5]
    assert table.csv_dialect is not None and table.csv_dialect.encoding == "cp1252"


def test_the_same_list_reads_the_same_from_xlsx_ods_and_xls() -> None:
    tables = [read_table(corpus(name)) for name in (
        "xlsxwriter_chart_sparkline_comment_validation.xlsx", "libreoffice_chart_comment.ods",
        "libreoffice_chart_comment.xls", "libreoffice_resaved_chart_comment.xlsx")]
    formats = [t.format for t in tables]
    assert formats == ["xlsx", "ods", "xls", "xlsx"]
    for table in tables:
        assert table.columns == {"key": "Artikelnr", "name": "Benämning", "quantity": "Antal"}
        assert table.review_columns == {"decision": "Beslut"}
        assert table.keys.tolist() == tables[0].keys.tolist()
        assert table.data["Antal"].tolist() == tables[0].data["Antal"].tolist()
        assert str(table.data["Antal"].dtype) == "Int64"


def test_2000_article_workbook_maps_its_swedish_headers() -> None:
    table = read_table(corpus("xlsxwriter_2000_articles_autofilter_freeze.xlsx"))
    assert table.sheet == "Artiklar"
    assert table.sheets == ["Artiklar", "Info"]
    assert table.row_count == 2000
    assert table.columns["price"] == "Pris/enhet (kr)"
    assert table.columns["quantity"] == "Antal/år"
    assert table.columns["supplier_article_no"] == "Lev.artikelnr"
    assert set(table.review_columns) == {"usage", "future_need", "env_score", "decision", "comment"}
    assert table.duplicate_keys == []
    assert table.rows_without_key == 0


def test_1900_and_1904_date_systems_give_the_dates_excel_shows() -> None:
    """Column B holds date cells, column C the same date as Excel displays it (text)."""
    for name in ("dates_1900.xlsx", "dates_1904.xlsx"):
        for row in raw_rows(corpus(name)):
            assert row[1] == dt.date.fromisoformat(row[2])
    assert read_table(corpus("dates_1904.xlsx"), header_row=1).date1904 is True
    assert read_table(corpus("dates_1900.xlsx"), header_row=1).date1904 is False


def test_xls_in_the_1904_system_gives_the_same_dates_as_xlsx_in_1900() -> None:
    xls = raw_rows(corpus("xls_dates_1904.xls"))
    xlsx = raw_rows(corpus("libreoffice_dates.xlsx"))
    assert xls == xlsx
    assert xls[0][0] == dt.date(2000, 1, 1)
    assert read_table(corpus("xls_dates_1904.xls"), header_row=1).date1904 is True


def test_huge_dimension_files_load_quickly() -> None:
    table = read_table(corpus("gnumeric_huge_dimension.xlsx"))
    assert table.row_count == 1
    assert table.data.columns[0] == "Your Ref #"


def test_utf8_bom_and_cp1252_csv_read_the_same_accented_text() -> None:
    bom = read_table(corpus("csv_utf8_bom.csv"))
    cp1252 = read_table(corpus("csv_win1252.csv"))
    assert bom.data.equals(cp1252.data)
    assert list(bom.data.columns) == ["première", "second", "troisième"]
    assert bom.data.iloc[0].tolist() == ["Quatrième", "cinquième", "sixième"]


def test_padded_semicolon_csv_with_decimal_comma_and_space_thousands() -> None:
    table = read_table(corpus("csv_semicolon_decimalcomma_utf8.csv"))
    data = table.data
    assert "65-Jährige und Ältere" in data.columns  # the header was padded
    assert data["Bevölkerung"].iloc[:3].tolist() == [1675, 1914, 12301]
    assert data["Anteil der unter 18-Jährigen in %"].iloc[:3].tolist() == [9.7, 12.6, 10.8]


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    table = read_table(corpus("txt_excel_unicode_utf16.txt"))
    assert table.csv_dialect is not None
    assert (table.csv_dialect.encoding, table.csv_dialect.delimiter) == ("utf-16", "\t")
    assert table.data["Hello"].iloc[0] == "שלום"


def test_mac_excel_csv_with_bare_carriage_returns() -> None:
    table = read_table(corpus("csv_mac_excel_cr_only.csv"))
    assert table.csv_dialect is not None and table.csv_dialect.line_terminator == "\r"
    assert table.header_row == 1
    assert table.data["Error"].iloc[:2].tolist() == ["#NULL!", "#DIV/0!"]


def test_every_sheet_is_listed_and_the_first_with_a_header_is_chosen() -> None:
    path = corpus("nonstandard_part_paths.xlsx")
    assert list_sheets(path) == ["SheetJS", "Hidden"]
    assert read_table(path).sheet == "Hidden"


def test_sample_workbook_maps_all_sixteen_fields() -> None:
    path = sample_workbook()
    if not path.is_file():
        pytest.skip("the sample workbook has not been generated")
    table = read_table(path)
    assert set(table.columns) == set(SOURCE_FIELD_NAMES)
    assert table.header_row > 1  # a title above the header
    assert table.row_count >= 1000
    assert table.rows_without_key == 0
    assert not [f for f in table.findings if f.code in ("rows_without_key", "no_key_column")]
    assert table.keys.map(type).eq(str).all()
