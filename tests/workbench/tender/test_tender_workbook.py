"""The tender list as a workbook: locked given cells and open supplier cells, the sheet protected without a
password but filtering, sorting and resizing allowed, the validations, the instructions; an English joint
workbook gives an English list; a joint workbook without environment columns gives empty requirements;
LibreOffice opens it and keeps its validations."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from _tender import HEADER_ROW, joint_with_decisions, libreoffice, tender_rows

from workbench.assortment import Source, merge_lists
from workbench.cli import main
from workbench.environment.data import load_criteria
from workbench.resources import resource_path
from workbench.tender import make_tender
from workbench.tender.writer import _gtin_rule

CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, from line 1

SUPPLIER = ["Erbjuden produkt", "Leverantörens artikelnummer", "GTIN", "Pris per enhet (kr exkl. moms)",
            "Miljömärkning", "Material", "Vikt per enhet (g)"]


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tender")
    out = folder / "anbud.xlsx"
    make_tender(joint_with_decisions(folder), out)
    return out


def _columns(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, str]:
    return {str(c.value): c.column_letter for c in sheet[HEADER_ROW] if c.value is not None}


def _validations(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, object]:
    """Column letter -> its validation (each covers one column of the article rows)."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = (validation, cell_range.coord)
    return found


def test_sheets_header_and_the_article_id_first(tender: Path) -> None:
    book = openpyxl.load_workbook(tender)
    assert book.sheetnames == ["Anbudsunderlag", "Instruktioner", "Listor"]
    assert book["Listor"].sheet_state == "hidden"
    header, rows = tender_rows(tender)
    assert header[0] == "Artikel-ID"
    assert header[1:5] == ["Benämning", "Kategori", "Enhet", "Antal per förpackning"]
    assert header[-7:] == SUPPLIER
    assert "Årsvolym Botkyrka" in header and "Årsvolym totalt" in header and "Kravnivå" in header
    sheet = book.worksheets[0]
    assert sheet.row_dimensions[HEADER_ROW].height == 45  # room for a header of two or three lines
    assert sheet.freeze_panes == f"C{HEADER_ROW + 1}"
    last_column = sheet.cell(HEADER_ROW, len(header)).column_letter
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:{last_column}{HEADER_ROW + len(rows)}"


def test_given_cells_are_locked_and_supplier_cells_open(tender: Path) -> None:
    sheet = openpyxl.load_workbook(tender).worksheets[0]
    columns = _columns(sheet)
    last = sheet.max_row
    for name, letter in columns.items():
        for row in (HEADER_ROW + 1, last):
            locked = sheet[f"{letter}{row}"].protection.locked
            assert locked is (name not in SUPPLIER), (name, row)
    assert sheet[f"{columns['GTIN']}{HEADER_ROW + 1}"].number_format == "@"  # leading zeros stay


def test_protected_without_password_filtering_sorting_resizing_allowed(tender: Path) -> None:
    book = openpyxl.load_workbook(tender)
    for sheet in book.worksheets:
        assert sheet.protection.sheet is True and not sheet.protection.password, sheet.title
    protection = book.worksheets[0].protection
    # in the file, 0 means "not protected", i.e. allowed
    assert protection.autoFilter is False and protection.sort is False
    assert protection.formatColumns is False and protection.formatRows is False
    assert protection.insertRows is not False and protection.deleteRows is not False


def test_validations_on_the_supplier_columns(tender: Path) -> None:
    book = openpyxl.load_workbook(tender)
    sheet = book.worksheets[0]
    columns = _columns(sheet)
    found = _validations(sheet)
    last = sheet.max_row
    span = lambda name: f"{columns[name]}{HEADER_ROW + 1}:{columns[name]}{last}"  # noqa: E731
    gtin, where = found[columns["GTIN"]]
    assert gtin.type == "custom" and gtin.errorStyle in (None, "stop") and where == span("GTIN")
    assert "LEN(" in gtin.formula1
    for name in ("Pris per enhet (kr exkl. moms)", "Vikt per enhet (g)"):
        rule, where = found[columns[name]]
        assert (rule.type, rule.operator, rule.formula1, where) == ("decimal", "greaterThanOrEqual", "0", span(name))
    labels, where = found[columns["Miljömärkning"]]
    assert labels.type == "list" and where == span("Miljömärkning") and labels.errorStyle in (None, "stop")
    materials, _ = found[columns["Material"]]
    assert materials.type == "list" and materials.errorStyle == "warning"
    lists = book["Listor"]
    ecolabels = [c.value for c in lists["A"][1:] if c.value]
    assert labels.formula1 == f"'Listor'!$A$2:$A${len(ecolabels) + 1}"
    assert ecolabels[0] == "Svanen" and ecolabels[-2:] == ["Annan", "Ingen"] and "FSC" in ecolabels
    names = [c.value for c in lists["B"][1:] if c.value]
    assert materials.formula1 == f"'Listor'!$B$2:$B${len(names) + 1}"
    assert names[:-1] == [m.name_sv for m in load_criteria().materials.values()] and names[-1] == "Annan"


def test_every_ecolabel_word_of_the_criteria_data_is_offered() -> None:
    from workbench.tender import tender_names
    from workbench.tender.writer import ecolabel_labels

    data = load_criteria()
    labels = ecolabel_labels(data, tender_names("sv"))
    import json

    table = json.loads(resource_path("tender", "ecolabels.json").read_text(encoding="utf-8"))["labels"]
    covered = {w for entry in table if entry["sv"] in labels for w in entry["words"]}
    assert {w.casefold() for w in data.ecolabel_words} <= covered  # no word offered only raw


def test_instructions_name_the_cooperation_the_date_the_count_and_say_volumes_are_estimates(tender: Path) -> None:
    sheet = openpyxl.load_workbook(tender)["Instruktioner"]
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    _, rows = tender_rows(tender)
    assert "Botkyrka, Haninge, Huddinge" in text and "Tyresö" in text
    assert f"{len(rows)} artiklar" in text
    assert "uppskattningar utifrån förra årets inköp" in text
    import datetime as dt

    assert f"Skapad {dt.date.today():%Y-%m-%d}" in text
    # a long text's row is as high as its wrapped lines (no program fits it on opening the file)
    longest = max(range(1, sheet.max_row + 1), key=lambda r: len(str(sheet.cell(r, 2).value or "")))
    assert sheet.row_dimensions[longest].height >= 45


def test_an_english_joint_workbook_gives_an_english_list(tmp_path: Path) -> None:
    lists = resource_path("sample/kommuner")
    joint = tmp_path / "joint.xlsx"
    merge_lists(joint, [Source(lists / "Botkyrka.xlsx"), Source(lists / "Salem.xlsx")], user="O", lang="en")
    out = tmp_path / "tender.xlsx"
    report = make_tender(joint, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tender list", "Instructions", "Lists"]
    header = [c.value for c in book.worksheets[0][HEADER_ROW]]
    assert header[0] == "Article ID" and "Annual volume Botkyrka" in header and "Annual volume Salem" in header
    assert header[-7:] == ["Offered product", "Supplier article no", "GTIN", "Price per unit (SEK excl. VAT)",
                           "Ecolabel", "Material", "Weight per unit (g)"]
    levels = {c.value for c in book.worksheets[0][_columns(book.worksheets[0])["Requirement level"]][HEADER_ROW:]}
    assert levels - {None} <= {"Basic", "Advanced", "Spearhead"}
    assert [c.value for c in book["Lists"]["A"][1:] if c.value][-2:] == ["Other", "None"]
    assert report.articles == book.worksheets[0].max_row - HEADER_ROW
    text = " ".join(str(c.value) for row in book["Instructions"].iter_rows() for c in row if c.value)
    assert "estimates from last year's purchases" in text


def test_a_joint_workbook_without_environment_columns(tmp_path: Path) -> None:
    """Lists with no material, weight, ecolabel or category: the tender says no requirement, and the
    volumes are the lists' own."""
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "Ekby.csv").write_text("Artikelnummer;Benämning;Enhet;Antal\nE1;Handske nitril M;st;100\n"
                                    "E2;Skurhink 10 l;st;4\n", encoding="utf-8")
    (lists / "Åby.csv").write_text("Artikelnummer;Benämning;Enhet;Antal\nA1;Skurhink 10 l;st;6\n", encoding="utf-8")
    joint = tmp_path / "gemensam.xlsx"
    merge_lists(joint, [Source(lists / "Ekby.csv"), Source(lists / "Åby.csv")], user="O")
    out = tmp_path / "anbud.xlsx"
    report = make_tender(joint, out)
    _, rows = tender_rows(out)
    assert report.articles == 2 == len(rows) and report.municipalities == ["Ekby", "Åby"]
    by_name = {r["Benämning"]: r for r in rows.values()}
    bucket = by_name["Skurhink 10 l"]
    assert (bucket["Årsvolym Ekby"], bucket["Årsvolym Åby"], bucket["Årsvolym totalt"]) == (4, 6, 10)
    assert bucket["Kravnivå"] is None and bucket["Miljökrav"] is None and bucket["Produktgrupp"] is None
    glove = by_name["Handske nitril M"]  # the name alone tells the product group
    assert glove["Kravnivå"] == "Avancerad" and glove["Årsvolym Åby"] == 0
    assert report.articles_without_requirement == 1


@pytest.mark.libreoffice
def test_gtin_rule_as_libreoffice_computes_it(tmp_path: Path) -> None:
    """The GTIN validation's formula, evaluated by LibreOffice on texts a supplier might type (the cells
    written by openpyxl, which stores no cached results, so that LibreOffice computes them)."""

    cases = {"73123456": True, "731234567890": True, "7312345678901": True, "07312345678901": True,
             "7312345": False, "731234567890123": False, "73123456789a1": False, "7312345.678901": False,
             "731234567890,1": False, "-7312345678901": False, "7312345E+12": False, "7312 345678901": False,
             "": False, "1234567890": False}
    source = tmp_path / "gtin.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row, value in enumerate(cases, start=1):
        cell = sheet.cell(row, 1, value)
        cell.data_type, cell.number_format = "s", "@"
        sheet.cell(row, 2, _gtin_rule(f"A{row}"))
    book.save(source)
    converted = libreoffice(source, CSV, tmp_path / "lo")
    with open(converted, encoding="utf-8") as handle:
        results = [r[1] for r in csv.reader(handle)]
    assert [r.upper() == "TRUE" for r in results] == list(cases.values())


@pytest.mark.libreoffice
def test_libreoffice_opens_it_and_keeps_validations_and_protection(tender: Path, tmp_path: Path) -> None:
    as_csv = libreoffice(tender, CSV, tmp_path / "csv")
    with open(as_csv, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    _, listed = tender_rows(tender)
    assert rows[HEADER_ROW - 1][0] == "Artikel-ID" and len(rows) == HEADER_ROW + len(listed)
    again = libreoffice(tender, "xlsx", tmp_path / "xlsx")
    book = openpyxl.load_workbook(again)
    sheet = book.worksheets[0]
    kinds = sorted(v.type for v in sheet.data_validations.dataValidation)
    assert kinds == ["custom", "decimal", "decimal", "list", "list"]
    columns = _columns(sheet)
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert {v.formula1.replace("$", "").replace("'", "") for v in lists} >= {
        f"Listor!A2:A{len([c for c in book['Listor']['A'] if c.value])}"}
    assert sheet.protection.sheet is True and not sheet.protection.password
    assert sheet[f"{columns['GTIN']}{HEADER_ROW + 1}"].protection.locked is False
    assert sheet[f"A{HEADER_ROW + 1}"].protection.locked is True
    # a row whose long criteria text wraps stays one line high (the text does not run over the supplier's cells)
    criteria = columns["Miljökrav"]
    row = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if len(str(sheet[f"{criteria}{r}"].value)) > 200)
    assert sheet.row_dimensions[row].height < 20


@pytest.mark.parametrize(("args", "said"), [
    (["{joint}", "-o", "{joint}"], "skrivs aldrig över"),
    (["{joint}", "-o", "{tmp}/saknas/anbud.xlsx"], "finns inte"),
    (["{joint}", "-o", "{tmp}/anbud.csv"], ".xlsx"),
    (["{list}", "-o", "{tmp}/anbud.xlsx"], "ingen gemensam analys"),
    (["{tmp}/borta.xlsx", "-o", "{tmp}/anbud.xlsx"], "finns inte"),
    (["{garbage}", "-o", "{tmp}/anbud.xlsx"], "garbage.xlsx"),
])
def test_cli_refuses_bad_input_with_exit_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch, args: list[str],
                                                          said: str) -> None:
    monkeypatch.delenv("BEHOVSANALYS_LANG", raising=False)
    joint = joint_with_decisions(tmp_path / "j", {"G00002": ("Ta bort", "")})
    before = joint.read_bytes()
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"not a zip at all")
    values = {"joint": str(joint), "tmp": str(tmp_path), "list": str(resource_path("sample/sodertorn_sortiment.xlsx")),
              "garbage": str(garbage)}
    assert main(["tender", *(a.format(**values) for a in args)]) == 2
    error = capsys.readouterr().err
    assert said in error and "Traceback" not in error
    assert args[0].format(**values) in error or args[-1].format(**values) in error
    assert joint.read_bytes() == before
    assert not list(tmp_path.glob("anbud*"))


def test_the_importer_reads_the_list_back_by_article_id(tender: Path) -> None:
    """What reading the offers back (a later step) rests on: the header found past the title rows, the
    article ID as the key, the supplier's columns mapped to their fields."""
    from workbench.reading.importer import read_table

    table = read_table(tender)
    _, rows = tender_rows(tender)
    assert (table.header_row, table.key_column, len(table.data)) == (HEADER_ROW, "Artikel-ID", len(rows))
    assert {table.columns[f] for f in ("supplier_article_no", "gtin", "price", "material", "ecolabel")} == {
        "Leverantörens artikelnummer", "GTIN", "Pris per enhet (kr exkl. moms)", "Material", "Miljömärkning"}


@pytest.mark.parametrize("name", ["edge_zero_bytes.xlsx", "edge_encrypted_agile.xlsx", "edge_truncated_zip.xlsx",
                                  "edge_invalid_xml.xlsx", "plain_multisheet_datasets.xlsx", "csv_utf8_bom.csv",
                                  "ods_libreoffice_merged.ods", "empty_sheets.xlsx"])
def test_files_of_the_corpus_are_refused_by_name(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from _writer_fixtures import corpus_dir

    source = corpus_dir() / name
    if not source.exists():
        pytest.skip(f"the shared corpus has no {name}")
    monkeypatch.delenv("BEHOVSANALYS_LANG", raising=False)
    assert main(["tender", str(source), "-o", str(tmp_path / "anbud.xlsx")]) == 2
    error = capsys.readouterr().err
    assert str(source) in error and "Traceback" not in error
    assert not list(tmp_path.iterdir())


@pytest.mark.libreoffice
def test_a_joint_workbook_saved_again_by_libreoffice(tmp_path: Path) -> None:
    """A colleague opened the joint workbook in LibreOffice and saved it: the same list."""
    joint = joint_with_decisions(tmp_path / "j")
    again = libreoffice(joint, "xlsx", tmp_path / "lo")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    make_tender(joint, first)
    make_tender(again, second)
    assert tender_rows(first) == tender_rows(second)


def test_a_list_with_no_article_left(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "Ekby.csv").write_text("Artikelnummer;Benämning;Antal\nE1;Skurhink 10 l;4\n", encoding="utf-8")
    joint = tmp_path / "gemensam.xlsx"
    merge_lists(joint, [Source(lists / "Ekby.csv")], user="O")
    joint = joint_with_decisions(tmp_path / "j", {"G00001": ("Ta bort", "")}, source=joint)
    out = tmp_path / "anbud.xlsx"
    report = make_tender(joint, out)
    header, rows = tender_rows(out)
    assert report.articles == 0 and rows == {} and report.removed == 1 and header[0] == "Artikel-ID"
    assert openpyxl.load_workbook(out).worksheets[0].protection.sheet is True
