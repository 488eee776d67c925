"""``survey make`` on the bundled sample joint workbook: one form per municipality with only its
articles and its own volumes, the answer columns with drop-downs from a hidden sheet, protection without a
password, the identification in a hidden sheet, the title row and the file name, and the workbook's ID."""

from __future__ import annotations

import zipfile
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
from _forms import HEADER_ROW, form_columns, libreoffice, sample_joint

from workbench.assortment import read_joint
from workbench.errors import NoOrgUnitError
from workbench.survey import make_forms
from workbench.survey.layout import parse_form_id, unit_code
from workbench.vocabularies import vocabularies


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("make")
    joint = sample_joint(folder)
    make_forms(joint, folder / "forms", user="Test")
    return joint, folder / "forms"


def test_one_form_per_municipality_with_only_its_articles_and_own_volumes(made: tuple[Path, Path]) -> None:
    joint, forms = made
    state = read_joint(joint)
    expected: dict[str, dict[str, float]] = defaultdict(dict)
    for record in state.records:
        volumes = expected[record.municipality]
        volumes[record.article_id] = volumes.get(record.article_id, 0) + (record.quantity or 0)
    files = sorted(forms.glob("*.xlsx"))
    assert len(files) == len(state.municipalities) == 8
    for path in files:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        unit = str(sheet["A1"].value).removeprefix("Enkät till ")
        columns = form_columns(sheet)
        found = {}
        for row in range(HEADER_ROW + 1, sheet.max_row + 1):
            key = sheet.cell(row, columns["Artikel-ID"]).value
            if key:
                found[key] = sheet.cell(row, columns["Årsvolym"]).value
        assert found == pytest.approx(expected[unit]), unit
        name = sheet.cell(HEADER_ROW + 1, columns["Benämning"]).value
        assert name == state.articles[sheet.cell(HEADER_ROW + 1, 1).value].fields["name"]


def test_form_id_and_unit_in_hidden_sheet_title_row_and_file_name(made: tuple[Path, Path]) -> None:
    joint, forms = made
    state = read_joint(joint)
    workbook_id = next(v for v in (row[6] if len(row) > 6 else None for row in state.source_raw.values()) if v)
    path = next(forms.glob("Enkät Botkyrka *.xlsx"))
    form_id = parse_form_id(path.name)
    assert form_id is not None and form_id.workbook_id == workbook_id and form_id.code == unit_code("Botkyrka")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Enkät", "Instruktioner", "Listor", "Formulärinfo"]
    assert [book[n].sheet_state for n in book.sheetnames] == ["visible", "visible", "hidden", "hidden"]
    info = {row[0]: row[1] for row in book["Formulärinfo"].iter_rows(values_only=True)}
    assert info["workbook_id"] == workbook_id and info["unit"] == "Botkyrka" and info["form_version"] == 1
    assert info["form_id"] == str(form_id) and info["made"]
    sheet = book["Enkät"]
    assert sheet["A1"].value == "Enkät till Botkyrka"
    assert f"Formulär-ID: {form_id}" in sheet["A2"].value


def test_answer_cells_unlocked_the_rest_protected_without_password(made: tuple[Path, Path]) -> None:
    path = next(made[1].glob("Enkät Salem *.xlsx"))
    sheet = openpyxl.load_workbook(path)["Enkät"]
    columns = form_columns(sheet)
    row = HEADER_ROW + 1
    assert sheet.protection.sheet and not sheet.protection.password
    for header in ("Användning", "Framtida behov", "Kommentar"):
        assert sheet.cell(row, columns[header]).protection.locked is False
    for header in ("Artikel-ID", "Benämning", "Årsvolym"):
        assert sheet.cell(row, columns[header]).protection.locked is not False
    assert sheet.freeze_panes == f"C{HEADER_ROW + 1}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_drop_downs_come_from_the_hidden_list_sheet(made: tuple[Path, Path]) -> None:
    path = next(made[1].glob("Enkät Tyresö *.xlsx"))
    book = openpyxl.load_workbook(path)
    sources = {v.formula1 for v in book["Enkät"].data_validations.dataValidation}
    assert sources == {"'Listor'!$A$2:$A$7", "'Listor'!$B$2:$B$6"}
    lists = book["Listor"]
    assert [lists.cell(r, 1).value for r in range(2, 8)] == vocabularies()["usage"].labels("sv")
    assert [lists.cell(r, 2).value for r in range(2, 7)] == vocabularies()["future_need"].labels("sv")


@pytest.mark.libreoffice
def test_libreoffice_opens_a_form_with_its_validations(made: tuple[Path, Path], tmp_path: Path) -> None:
    """LibreOffice reads the form and keeps its drop-downs (saved again by it, the sheet's XML still has
    list validations whose source is the hidden sheet's range) and its protection."""
    path = next(made[1].glob("Enkät Huddinge *.xlsx"))
    again = libreoffice(path, "xlsx", tmp_path / "lo")
    with zipfile.ZipFile(again) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
        workbook = package.read("xl/workbook.xml").decode("utf-8")
    assert sheet.count('type="list"') == 4
    assert "<formula1>Listor!$A$2:$A$7</formula1>" in sheet
    assert "<formula1>Listor!$B$2:$B$6</formula1>" in sheet
    assert "<sheetProtection" in sheet and "password" not in sheet.split("<sheetProtection", 1)[1].split(">")[0]
    assert 'name="Listor"' in workbook and 'state="hidden"' in workbook


def test_an_older_workbook_gets_its_id_once_and_nothing_else_changes(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    with zipfile.ZipFile(joint) as package:
        before = {i.filename: i.CRC for i in package.infolist()}
    first = make_forms(joint, tmp_path / "one", user="Test")
    assert first.id_added
    with zipfile.ZipFile(joint) as package:
        after = {i.filename: i.CRC for i in package.infolist()}
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {"xl/worksheets/sheet3.xml"}  # Källor only
    state = read_joint(joint)
    assert state.source_columns["Arbetsbok-ID"] == 6
    written = joint.read_bytes()
    second = make_forms(joint, tmp_path / "two", user="Test")
    assert not second.id_added and second.workbook_id == first.workbook_id
    assert joint.read_bytes() == written
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(p.name for p in (tmp_path / "two").iterdir())


def test_by_org_unit_needs_a_forvaltning_column(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    with pytest.raises(NoOrgUnitError) as raised:
        make_forms(joint, tmp_path / "forms", by="org_unit", user="Test")
    assert "Förvaltning" in raised.value.message("sv") and str(joint) in raised.value.message("sv")
    assert not (tmp_path / "forms").exists()


def test_by_org_unit_one_form_per_forvaltning(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    book = openpyxl.load_workbook(joint)
    rows = book["Källrader"]
    column = rows.max_column + 1
    rows.cell(1, column).value = "Förvaltning"
    for row in range(2, rows.max_row + 1):
        if rows.cell(row, 2).value == "Botkyrka":
            rows.cell(row, column).value = "Skola" if row % 2 else "Äldreomsorg"
    book.save(joint)
    result = make_forms(joint, tmp_path / "forms", by="org_unit", user="Test")
    units = [form.unit for form in result.forms]
    assert units[:2] == ["Botkyrka, Skola", "Botkyrka, Äldreomsorg"] and "Haninge" in units
    assert sum(f.articles for f in result.forms if f.unit.startswith("Botkyrka")) >= 320


def test_a_form_saved_back_with_answers_is_never_overwritten(tmp_path: Path) -> None:
    """Making the forms again into a folder where a unit's answered form was saved over the one sent
    writes nothing and names it; the blank forms are made again as before."""
    from _forms import fill, form_keys

    from workbench.errors import AnsweredFormsInTheWayError

    joint = sample_joint(tmp_path)
    first = make_forms(joint, tmp_path / "forms", user="Test")
    again = make_forms(joint, tmp_path / "forms", user="Test")  # blank forms: made again
    assert [f.file for f in again.forms] == [f.file for f in first.forms]
    salem = next(f.file for f in first.forms if f.unit == "Salem")
    fill(salem, salem, {form_keys(salem)[0]: ("Dagligen", None, None)})
    answered = salem.read_bytes()
    with pytest.raises(AnsweredFormsInTheWayError) as raised:
        make_forms(joint, tmp_path / "forms", user="Test")
    assert salem.name in raised.value.message("sv")
    assert salem.read_bytes() == answered
