"""Making a joint workbook from real lists: IDs, volumes, provenance, findings, the CLI's contract, and
LibreOffice opening the result."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from _joint_files import libreoffice_sheets, write_lists

from workbench.assortment import Source, merge_lists, read_joint
from workbench.cli import main

JSON_KEYS = {"joint", "articles", "source_rows", "municipalities", "matched_by", "new_articles", "no_longer_listed",
             "warnings"}


@pytest.fixture
def lists(tmp_path: Path) -> dict[str, Path]:
    return write_lists(tmp_path / "lists")


def _merge(lists: dict[str, Path], joint: Path) -> object:
    return merge_lists(joint, [Source(lists["Botkyrka"], "Botkyrka"), Source(lists["Haninge"]),
                               Source(lists["Tyresö"])], user="Anna")


def test_merge_joins_the_same_article_across_lists_and_pools_volumes(lists: dict[str, Path], tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    report = _merge(lists, joint)
    state = read_joint(joint)
    by_key = {(r.municipality, r.source_key): r.article_id for r in state.records}
    # GTIN text and GTIN stored as a number; supplier article numbers spelled three ways
    assert by_key[("Botkyrka", "B1")] == by_key[("Haninge", "H1")] == by_key[("Botkyrka", "B5")]
    assert by_key[("Botkyrka", "B2")] == by_key[("Haninge", "H2")]
    assert by_key[("Botkyrka", "B3")] == by_key[("Tyresö", "T1")]
    assert by_key[("Haninge", "H3")] == by_key[("Tyresö", "T2")]
    assert by_key[("Haninge", "H4")] == by_key[("Tyresö", "T3")]  # by GTIN only, names differ
    assert len(set(by_key.values())) == 7
    assert sorted(state.articles) == [f"G0000{i}" for i in range(1, 8)]
    # municipality: given, else the one value of the Kommun column, else the file name
    assert {r.municipality for r in state.records} == {"Botkyrka", "Haninge", "Tyresö"}
    assert report.municipalities == {"Botkyrka": 5, "Haninge": 4, "Tyresö": 4}  # total row left out
    assert report.source_rows == 13 and report.articles == 7 and report.new_articles == 7
    assert sum(report.matched_by.values()) == 13
    assert report.matched_by["ny"] == 2  # the spray and the coffee filter

    book = openpyxl.load_workbook(joint)
    sheet = book["Sortiment"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    gloves = rows[by_key[("Botkyrka", "B1")]]
    assert gloves["Antal Botkyrka"] == 120 and gloves["Antal Haninge"] == 50 and gloves["Antal Tyresö"] == 0
    assert gloves["Belopp Haninge"] == pytest.approx(260.5)
    assert gloves["Antal totalt"] == 170 and gloves["Kommuner"] == 2
    assert gloves["Pris"] == pytest.approx((500 + 100 + 260.5) / 170, abs=1e-3)
    # volumes are always the sum of the source rows
    for article_id, values in rows.items():
        mine = [r for r in state.records if r.article_id == article_id]
        assert values["Antal totalt"] == pytest.approx(sum(r.quantity or 0 for r in mine))
        assert values["Belopp totalt"] == pytest.approx(sum(r.spend or 0 for r in mine))
    # text stays text; GTIN as text; the review columns are there with their validations; one Excel table
    assert rows[by_key[("Botkyrka", "B4")]]["Benämning"] == "=Rengöring spray"
    assert isinstance(gloves["GTIN"], str) and gloves["GTIN"] == "7310791000015"
    assert header[-8:] == ["Användning", "Framtida behov", "Miljöpoäng", "Beslut", "Ersätts av", "Kommentar",
                           "Granskad av", "Granskad"]
    assert [table.ref for table in sheet.tables.values()] == [f"A1:{openpyxl.utils.get_column_letter(len(header))}8"]
    validated = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    decision = openpyxl.utils.get_column_letter(header.index("Beslut") + 1)
    assert f"{decision}2" in validated
    with zipfile.ZipFile(joint) as zf:
        assert not any("formula" in name for name in zf.namelist())
    sources = list(book["Källor"].iter_rows(min_row=2, values_only=True))
    assert [(s[0], s[1], s[2], s[5]) for s in sources] == [("botkyrka_2026.xlsx", "Botkyrka", 5, "Anna"),
                                                          ("haninge.csv", "Haninge", 4, "Anna"),
                                                          ("Tyresö.xlsx", "Tyresö", 4, "Anna")]
    # Rad is the row a spreadsheet shows: after a title row and a blank row the first article is row 4
    rows_sheet = list(book["Källrader"].iter_rows(min_row=2, values_only=True))
    assert [r[4] for r in rows_sheet if r[5] == "B1"] == [4]
    assert [r[4] for r in rows_sheet if r[5] == "H1"] == [2]


def test_findings_name_the_file_and_rows(lists: dict[str, Path], tmp_path: Path) -> None:
    report = _merge(lists, tmp_path / "joint.xlsx")
    warnings = report.warnings("sv")
    assert any("botkyrka_2026.xlsx: 1 artikel står på flera rader (4, 8)" in w for w in warnings), warnings
    assert any("togs från filnamnet: Tyresö.xlsx → Tyresö" in w for w in warnings)
    assert any("priser som skiljer mer än 2 gånger" in w for w in warnings)  # soap: 120 kr vs 2250 kr
    english = report.warnings("en")
    assert any("1 article is on several rows (4, 8)" in w for w in english), english


def test_cli_merge_prints_the_contract_json(lists: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    joint = tmp_path / "joint.xlsx"
    code = main(["merge", "-o", str(joint), f"{lists['Botkyrka']}=Botkyrka", str(lists["Haninge"]),
                 str(lists["Tyresö"]), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= JSON_KEYS
    assert data["articles"] == 7 and data["source_rows"] == 13 and data["new_articles"] == 7
    assert data["municipalities"] == {"Botkyrka": 5, "Haninge": 4, "Tyresö": 4}
    assert set(data["matched_by"]) >= {"gtin", "lev_artnr", "namn", "manuell", "ny"}
    assert data["no_longer_listed"] == []


def test_cli_merge_reports_a_missing_file_with_exit_2_and_writes_nothing(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    joint = tmp_path / "joint.xlsx"
    assert main(["merge", "-o", str(joint), str(tmp_path / "nope.xlsx")]) == 2
    assert "nope.xlsx" in capsys.readouterr().err
    assert not joint.exists()


def test_libreoffice_opens_the_joint_workbook(lists: dict[str, Path], tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    _merge(lists, joint)
    sheets = libreoffice_sheets(joint, tmp_path)
    assert set(sheets) == {"Sortiment", "Källrader", "Källor"}
    assert sheets["Sortiment"][0][0] == "Artikel-ID" and len(sheets["Sortiment"]) == 8
    assert sheets["Sortiment"][1][0] == "G00001"
    assert len(sheets["Källrader"]) == 14


def test_the_grid_reads_the_joint_workbook_by_its_article_id(lists: dict[str, Path], tmp_path: Path) -> None:
    from workbench.reading.importer import read_table

    joint = tmp_path / "joint.xlsx"
    _merge(lists, joint)
    table = read_table(joint)
    assert table.sheet == "Sortiment" and table.key_column == "Artikel-ID"
    assert table.columns["quantity"] == "Antal totalt" and table.columns["spend"] == "Belopp totalt"
    assert set(table.review_columns) == {"usage", "future_need", "env_score", "decision", "replaced_by", "comment",
                                         "reviewed_by", "reviewed_at"}
    assert table.row_count == 7 and not table.duplicate_keys


def test_a_municipality_spelled_otherwise_is_the_same_one(lists: dict[str, Path], tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    merge_lists(joint, [Source(lists["Botkyrka"], "Botkyrka"), Source(lists["Tyresö"], "TYRESÖ"),
                        Source(lists["Haninge"], "tyresö")])
    # Excel refuses two table columns "Antal TYRESÖ" and "Antal tyresö"
    assert read_joint(joint).municipalities == ["Botkyrka", "TYRESÖ"]
    merge_lists(joint, [Source(lists["Tyresö"], "tyresö")], mode="add")
    assert read_joint(joint).municipalities == ["Botkyrka", "TYRESÖ"]


def test_the_joint_workbook_must_be_xlsx(lists: dict[str, Path], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", "-o", str(tmp_path / "joint.csv"), str(lists["Tyresö"])]) == 2
    assert "joint.csv" in capsys.readouterr().err and not (tmp_path / "joint.csv").exists()


def test_a_cancel_before_the_write_leaves_nothing_and_one_during_it_is_too_late(lists: dict[str, Path],
                                                                               tmp_path: Path) -> None:
    from workbench.errors import Cancelled
    from workbench.progress import Progress

    def cancelling_at(stage: str) -> Progress:
        def callback(done: int, total: int, now: str) -> None:
            if now == stage:
                progress.cancel()
        progress = Progress(callback)
        return progress

    early = tmp_path / "early.xlsx"
    with pytest.raises(Cancelled):
        merge_lists(early, [Source(lists["Tyresö"])], progress=cancelling_at("match"))
    assert not early.exists()
    late = tmp_path / "late.xlsx"
    report = merge_lists(late, [Source(lists["Tyresö"])], progress=cancelling_at("write"))
    assert late.exists() and report.written  # the file is written: the caller must not say otherwise


def test_lists_read_two_at_a_time_come_back_in_order_and_the_first_bad_one_fails_the_merge(
        lists: dict[str, Path], tmp_path: Path) -> None:
    """The merge reads two lists at once: the report, the columns and a bad file's error follow the
    order given, whichever list is read first."""
    from workbench.errors import WorkbenchError

    order = [Source(lists["Tyresö"]), Source(lists["Botkyrka"], "Botkyrka"), Source(lists["Haninge"])]
    joint = tmp_path / "joint.xlsx"
    report = merge_lists(joint, order, user="Anna")
    assert report.merged_files == [lists["Tyresö"].name, lists["Botkyrka"].name, lists["Haninge"].name]
    records = read_joint(joint).records
    assert [r.municipality for r in records][:1] == ["Tyresö"] and records[-1].municipality == "Haninge"

    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    missing = tmp_path / "saknas.xlsx"
    other = tmp_path / "other.xlsx"
    with pytest.raises(WorkbenchError) as raised:
        merge_lists(other, [Source(lists["Tyresö"]), Source(broken), Source(missing)], user="Anna")
    assert "trasig.xlsx" in raised.value.message() and not other.exists()


def test_a_cancel_while_the_lists_are_read_stops_the_merge(lists: dict[str, Path], tmp_path: Path) -> None:
    from workbench.errors import Cancelled
    from workbench.progress import Progress

    def callback(done: int, total: int, stage: str) -> None:
        if stage == "read" and done == 1:
            progress.cancel()
    progress = Progress(callback)
    joint = tmp_path / "joint.xlsx"
    with pytest.raises(Cancelled):
        merge_lists(joint, [Source(lists["Tyresö"]), Source(lists["Botkyrka"]), Source(lists["Haninge"])],
                    progress=progress)
    assert not joint.exists()


def test_a_file_that_is_no_article_list_is_refused_by_name(tmp_path: Path) -> None:
    """A contact list (names, phones, mail) has a name column but nothing to pool or match by: it is not
    taken as a municipality's list, in a new workbook or an update."""
    from workbench.errors import NotArticleListError

    contacts = tmp_path / "kontakter.csv"
    contacts.write_text("Namn;Telefon;E-post\nAnna Ek;08-123 45;anna@kommun.se\nBo Lind;08-678 90;bo@kommun.se\n",
                        encoding="utf-8")
    joint = tmp_path / "gemensam.xlsx"
    with pytest.raises(NotArticleListError) as raised:
        merge_lists(joint, [Source(contacts, "Salem")], user="Anna")
    message = raised.value.message()
    assert "kontakter.csv" in message and "Telefon" in message and "Ingenting har skrivits" in message
    assert not joint.exists()


def test_an_update_named_after_its_municipality_and_a_year_is_that_municipalitys(lists: dict[str, Path],
                                                                                 tmp_path: Path) -> None:
    """"Tyresö 2026.xlsx" (no municipality column) given without a municipality is Tyresö's new list (the
    workbook's municipality the file name holds), not a fourth municipality that counts Tyresö's volumes
    twice."""
    from workbench.assortment import municipality_in_name

    joint = tmp_path / "joint.xlsx"
    _merge(lists, joint)
    renamed = tmp_path / "Tyresö 2026.xlsx"
    renamed.write_bytes(lists["Tyresö"].read_bytes())
    report = merge_lists(joint, [Source(renamed)], user="Anna")
    assert set(read_joint(joint).municipalities) == {"Botkyrka", "Haninge", "Tyresö"}
    assert report.municipalities["Tyresö"] == 4
    assert municipality_in_name("inkop_haninge_v12.xlsx", ["Haninge", "Salem"]) == "Haninge"
    assert municipality_in_name("Salemsvägen.csv", ["Salem"]) is None
