"""The summary as a workbook of its own: the cells hold the numbers of ``summary.to_json()`` (numbers with
number formats, not text), the three charts are native Excel charts drawn from the Diagramdata table,
English with ``lang="en"``, LibreOffice reads and draws it, and a failed write leaves no half a file."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from _summary_fixtures import decided_joint, libreoffice_pdf_text, libreoffice_sheets

from workbench.errors import WriteError
from workbench.reading.importer import read_table
from workbench.summary.charts import page
from workbench.summary.figures import Summary, decision_codes, summarise
from workbench.summary.layout import MEASURES, PROBLEMS, SHEETS
from workbench.summary.workbook import article_names, municipality_headers, write_workbook


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary, dict[str, str]]:
    path = decided_joint(tmp_path_factory.mktemp("sumbook"))
    table = read_table(path)
    return path, summarise(table, file=path), article_names(table)


@pytest.fixture(scope="module")
def book(decided: tuple[Path, Summary, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, summary, names = decided
    out = tmp_path_factory.mktemp("book") / "sammanfattning.xlsx"
    write_workbook(summary, out, "sv", names=names)
    return out


def _rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_front_sheet_holds_the_whole_figures_as_numbers(decided: Any, book: Path) -> None:
    _, summary, _ = decided
    whole = summary.whole.to_json()
    sheet = openpyxl.load_workbook(book)["Sammanfattning"]
    by_label = {row[0].value: row for row in sheet.iter_rows() if isinstance(row[0].value, str)}
    for _, before, after, label, _ in MEASURES:
        if before in whole:
            cells = by_label[label]
            assert cells[1].value == whole[before] and cells[2].value == whole[after], label
    spend = by_label["Inköp (kr per år)"]
    assert isinstance(spend[1].value, float) and '"kr"' in spend[1].number_format and "0.00" in spend[1].number_format
    assert '"kg"' in by_label["Plast (kg per år)"][1].number_format
    for code in decision_codes():
        label = {"keep": "Behåll", "remove": "Ta bort", "replace": "Ersätt", "investigate": "Utred",
                 "undecided": "Ej beslutad"}[code]
        assert by_label[label][1].value == whole["decisions"][code]
    assert by_label["SUP-förbjudna kvar"][1].value == len(whole["sup_banned_left"])
    the_page = page(summary)
    texts = {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert the_page.title in texts
    assert all(f.label in texts and f.value in texts for f in the_page.figures)
    assert all(note in texts for note in the_page.notes) and the_page.notes
    assert summary.whole.articles_after < summary.whole.articles_before  # the decisions count


def test_every_municipality_row_holds_its_json_figures(decided: Any, book: Path) -> None:
    _, summary, _ = decided
    rows = _rows(openpyxl.load_workbook(book)["Per kommun"])
    headers = municipality_headers("sv")
    assert rows[0] == headers
    by_name = {row[0]: dict(zip(headers, row, strict=True)) for row in rows[1:] if row[0]}
    assert set(summary.by_municipality) <= set(by_name)
    for name, figures in summary.by_municipality.items():
        cells, data = by_name[name], figures.to_json()
        assert cells["Artiklar före"] == data["articles_before"] and cells["Artiklar efter"] == data["articles_after"]
        assert cells["Inköp totalt (kr)"] == data["spend_total"]
        assert cells["Inköp som täcks (kr)"] == data["spend_after"]
        assert cells["Plast före (kg/år)"] == data["plastic_kg_before"]
        assert cells["CO2e efter (kg/år)"] == data["co2e_kg_after"]
        assert cells["Volym per artikel efter"] == data["volume_per_article_after"]
        assert cells["Ej beslutad"] == data["decisions"]["undecided"] and cells["Behåll"] == data["decisions"]["keep"]
        assert cells["SUP-förbjudna kvar"] == len(data["sup_banned_left"])
    assert by_name["Hela sortimentet"]["Artiklar efter"] == summary.whole.articles_after


def test_reviewers_and_open_problems(decided: Any, book: Path) -> None:
    _, summary, names = decided
    workbook = openpyxl.load_workbook(book)
    reviewers = _rows(workbook["Per granskare"])
    assert {row[0]: row[1] for row in reviewers[1:]} == summary.by_reviewer
    assert list(summary.by_reviewer) == ["Anna", "Bo", "Cecilia"]
    problems = _rows(workbook["Öppna frågor"])
    assert problems[0] == ["Fråga", "Artikel-ID", "Artikel", "Detalj"]
    listed = summary.problems.to_json()
    for kind, (label, _) in PROBLEMS.items():
        expected = summary.whole.sup_banned_left if kind == "sup_banned_left" else listed[kind]
        assert [row[1] for row in problems if row[0] == label] == list(expected), kind
    assert summary.problems.replace_without_replacement and summary.problems.decided_without_reviewer
    keyed = {row[1]: row[2] for row in problems[1:]}
    assert all(keyed[key] == names[key] for key in summary.problems.undecided[:20])


def _ref(ref: str) -> tuple[str, str]:
    sheet, cells = ref.rsplit("!", 1)
    return sheet.strip("'"), cells.replace("$", "")


def test_three_native_charts_drawn_from_the_chart_data(decided: Any, book: Path) -> None:
    _, summary, _ = decided
    charts = page(summary).charts
    assert [c.key for c in charts] == ["decisions", "municipalities", "materials"]
    workbook = openpyxl.load_workbook(book)
    with zipfile.ZipFile(book) as package:
        parts = sorted(n for n in package.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        assert len(parts) == 3
        xml = [package.read(part).decode() for part in parts]
        drawing = package.read("xl/drawings/drawing1.xml").decode()
    assert drawing.count("<c:chart ") == 3  # all three stand on the first sheet
    assert '<c:grouping val="stacked"/>' in xml[0] and '<c:grouping val="clustered"/>' in xml[1]
    for chart, part in zip(charts, xml, strict=True):
        assert chart.title in part
        refs = re.findall(r"<c:f>([^<]+)</c:f>", part)
        assert len(refs) == 3 * len(chart.series)  # per series: its name, the categories, the values
        for index, series in enumerate(chart.series):
            name, categories, values = (_ref(r) for r in refs[3 * index:3 * index + 3])
            assert name[0] == categories[0] == values[0] == "Diagramdata"
            data = workbook["Diagramdata"]
            assert data[name[1]].value == series
            assert [c[0].value for c in data[categories[1]]] == [bar.label for bar in chart.bars]
            assert [c[0].value for c in data[values[1]]] == pytest.approx([bar.values[index] for bar in chart.bars],
                                                                             abs=1e-3)


def test_english_sheet_names_and_headers(decided: Any, tmp_path: Path) -> None:
    _, summary, _ = decided
    out = tmp_path / "summary.xlsx"
    write_workbook(summary, out, "en")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == [SHEETS[k]["en"] for k in ("summary", "chart_data", "municipalities",
                                                             "reviewers", "problems")]
    assert _rows(workbook["Per municipality"])[0][:3] == ["Municipality", "Articles before", "Articles after"]
    assert _rows(workbook["Open questions"])[0] == ["Question", "Article ID", "Article", "Detail"]
    with zipfile.ZipFile(out) as package:
        assert "<c:f>'Chart data'!$B$2</c:f>" in package.read("xl/charts/chart1.xml").decode()
    front = workbook["Summary"]
    assert front["A1"].value == page(summary, "en").title
    spend = next(row for row in front.iter_rows() if row[0].value == "Spend (SEK a year)")
    assert spend[1].value == summary.whole.to_json()["spend_total"] and '"SEK"' in spend[1].number_format


@pytest.mark.libreoffice
def test_libreoffice_reads_the_cells_and_draws_the_charts(decided: Any, book: Path, tmp_path: Path) -> None:
    _, summary, _ = decided
    sheets = libreoffice_sheets(book, tmp_path / "csv")
    assert set(sheets) == {SHEETS[k]["sv"] for k in SHEETS}
    by_name = {row[0]: row for row in sheets["Per kommun"][1:] if row and row[0]}
    for name, figures in summary.by_municipality.items():
        assert int(by_name[name][1]) == figures.articles_before
    printed = libreoffice_pdf_text(book, tmp_path / "pdf")
    for chart in page(summary).charts:  # the charts' titles are drawn, not in any cell
        assert chart.title in printed


def test_a_folder_that_does_not_exist_is_a_write_error(decided: Any, tmp_path: Path) -> None:
    _, summary, _ = decided
    with pytest.raises(WriteError) as raised:
        write_workbook(summary, tmp_path / "saknas" / "sammanfattning.xlsx")
    assert "sammanfattning.xlsx" in raised.value.message("sv")


def test_a_failure_midway_leaves_the_old_file_and_no_temporary(decided: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.summary import workbook

    _, summary, _ = decided
    out = tmp_path / "sammanfattning.xlsx"
    out.write_bytes(b"the old one")

    def broken(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(workbook, "_problems", broken)
    with pytest.raises(WriteError):
        write_workbook(summary, out)
    assert out.read_bytes() == b"the old one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sammanfattning.xlsx"]
