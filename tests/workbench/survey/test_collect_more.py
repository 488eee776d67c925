"""More of what comes home: a Swedish Excel's semicolon csv in Windows-1252, a csv whose title rows were
cut off (recognised by its file name), a form re-saved as xlsx by LibreOffice, a file named twice, and
a round in an English joint workbook."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from _forms import SOFFICE, fill, form_keys, libreoffice, sample_joint

from workbench.assortment import Source, merge_lists, read_joint
from workbench.resources import resource_path
from workbench.survey.answers import read_answer_sheet
from workbench.survey.collect import collect_forms
from workbench.survey.make import make_forms


def _rows(joint: Path) -> dict[tuple[str, str | None], tuple[str | None, str | None, str | None]]:
    return {(r.unit, r.key): (r.usage, r.future_need, r.comment) for _, r in read_answer_sheet(read_joint(joint)).rows}


@pytest.fixture
def salem(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    joint = sample_joint(tmp_path)
    form = next(f.file for f in make_forms(joint, tmp_path / "sent", user="O").forms if f.unit == "Salem")
    return joint, form, form_keys(form)


@pytest.mark.libreoffice
def test_a_semicolon_csv_in_windows_1252(salem: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    joint, form, keys = salem
    filled = fill(form, tmp_path / "home" / form.name, {keys[0]: ("Används inte", "Upphör", "Åäö; \"citat\""),
                                                         keys[1]: ("Varje månad", "Osäkert", None)})
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "csv"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,1", "--outdir", str(out), str(filled)],
                   check=True, capture_output=True, timeout=180)
    csv_file = out / f"{filled.stem}.csv"
    raw = csv_file.read_bytes()
    assert b";" in raw and "Åäö".encode("cp1252") in raw
    result = collect_forms(joint, [csv_file], user="O")
    assert result.units == ["Salem"]
    assert _rows(joint) == {("Salem", keys[0]): ("Används inte", "Upphör", "Åäö; \"citat\""),
                            ("Salem", keys[1]): ("Varje månad", "Osäkert", None)}


@pytest.mark.libreoffice
def test_a_csv_without_its_title_rows_is_known_by_its_file_name(salem: tuple[Path, Path, list[str]],
                                                                  tmp_path: Path) -> None:
    joint, form, keys = salem
    filled = fill(form, tmp_path / "home" / form.name, {keys[2]: ("Sällan", None, "bara ibland")})
    csv_file = libreoffice(filled, "csv", tmp_path / "csv")
    lines = csv_file.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut" / csv_file.name
    cut.parent.mkdir()
    cut.write_bytes(b"".join(lines[4:]))  # the header first: no title rows, no form ID inside
    assert b"Formul" not in cut.read_bytes()
    result = collect_forms(joint, [cut], user="O")
    assert result.units == ["Salem"] and not result.refused
    assert _rows(joint) == {("Salem", keys[2]): ("Sällan", None, "bara ibland")}
    renamed = tmp_path / "cut" / "svar från salem.csv"
    shutil.copy(cut, renamed)
    refused = collect_forms(joint, [renamed], user="O")
    assert list(refused.to_json()["refused"]) == [str(renamed)]


@pytest.mark.libreoffice
def test_a_form_saved_again_as_xlsx_by_libreoffice(salem: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    joint, form, keys = salem
    filled = fill(form, tmp_path / "home" / form.name, {keys[3]: ("Weekly", "Increasing", None)})
    again = libreoffice(filled, "xlsx", tmp_path / "lo")
    result = collect_forms(joint, [again, again.parent], user="O")  # the same file twice: read once
    assert result.duplicates == [] and result.units == ["Salem"]
    assert _rows(joint) == {("Salem", keys[3]): ("Varje vecka", "Ökar", None)}


def test_a_round_in_an_english_workbook(tmp_path: Path) -> None:
    lists = resource_path("sample/kommuner")
    joint = tmp_path / "joint.xlsx"
    merge_lists(joint, [Source(lists / "Botkyrka.xlsx"), Source(lists / "Salem.xlsx")], user="O", lang="en")
    made = make_forms(joint, tmp_path / "sent", user="O")
    assert [f.unit for f in made.forms] == ["Botkyrka", "Salem"]
    form = made.forms[1].file
    assert form.name.startswith("Questionnaire Salem ")
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["Questionnaire", "Instructions", "Lists", "Form info"]
    sheet = book["Questionnaire"]
    header = [c.value for c in sheet[5]]
    assert header[0] == "Article ID" and header[-3:] == ["Usage", "Future need", "Comment"]
    key = sheet["A6"].value
    sheet.cell(6, 9).value = "dagligen"  # Swedish typed into an English form
    sheet.cell(6, 10).value = "  unchanged"
    book.save(tmp_path / form.name)
    result = collect_forms(joint, [tmp_path / form.name], user="O")
    assert result.units == ["Salem"] and result.not_answered == ["Botkyrka"]
    state = read_joint(joint)
    sheet_rows = read_answer_sheet(state)
    assert sheet_rows.name == "Survey answers"
    assert [(r.unit, r.key, r.usage, r.future_need) for _, r in sheet_rows.rows] == [("Salem", key, "Daily",
                                                                                       "Unchanged")]
    assert state.article_values(key)["Survey: usage"] == "Daily 1"


def test_a_blank_form_never_replaces_earlier_answers(salem: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    """Collecting the folder of forms as sent (by mistake), or a form sent back blank, refuses them as
    empty and keeps what the unit answered before."""
    joint, form, keys = salem
    filled = fill(form, tmp_path / "home" / form.name, {keys[0]: ("Dagligen", None, None)})
    collect_forms(joint, [filled], user="O")
    result = collect_forms(joint, [form.parent], user="O")
    assert result.forms == [] and len(result.refused) == 8
    assert all("inga svar" in reason for reason in result.to_json("sv")["refused"].values())
    assert _rows(joint) == {("Salem", keys[0]): ("Dagligen", None, None)}
