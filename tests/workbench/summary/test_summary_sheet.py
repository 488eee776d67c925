"""The figures as values in the joint workbook's ``Sammanfattning`` sheet: added the first time, rewritten
with new figures later (the cells that no longer hold a figure cleared), ``Sortiment`` untouched to the
byte, a backup kept, the review grid's reader and LibreOffice still read the workbook; a sheet of that
name that is not ours is never overwritten; busy means nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from _summary_fixtures import decide, decided_joint, libreoffice_sheets

from workbench.cli import main
from workbench.errors import FileOpenElsewhereError, SheetExistsError
from workbench.reading.importer import list_sheets, read_sheet_rows, read_table
from workbench.savefile import backups_of
from workbench.summary.figures import Summary, summarise
from workbench.summary.sheet import sheet_cells, write_summary_sheet


def _summary(path: Path) -> Summary:
    return summarise(read_table(path), file=path)


def _cells(path: Path, sheet: str = "Sammanfattning") -> dict[tuple[int, int], Any]:
    rows = read_sheet_rows(path, [sheet])[sheet]
    return {(r, c): value for r, row in enumerate(rows, start=1) for c, value in enumerate(row)
            if value is not None and value != ""}


def _export(path: Path, out: Path) -> str:
    assert main(["export", str(path), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read(name)


def _as_written(cells: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
    """The cells as the reader gives them back (numbers as floats, times to the second)."""
    return {k: float(v) if isinstance(v, int) else v for k, v in cells.items()}


def test_added_then_rewritten_with_new_figures_and_stale_cells_cleared(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 120)
    sortiment_before = _part(joint, "xl/worksheets/sheet1.xml")
    export_before = _export(joint, tmp_path / "before.csv")
    first = _summary(joint)
    assert write_summary_sheet(joint, first, user="Anna") == joint

    assert list_sheets(joint) == ["Sortiment", "Källrader", "Källor", "Sammanfattning"]
    written = _cells(joint)
    assert written == _as_written(sheet_cells(first, "sv", "Anna"))
    assert written[(3, 1)] == "Anna"
    labels = {row: value for (row, col), value in written.items() if col == 0}
    articles = next(row for row, label in labels.items() if label == "Artiklar")
    assert (written[(articles, 1)], written[(articles, 2)]) == (first.whole.articles_before,
                                                                 first.whole.articles_after)
    tyreso = next(row for row, label in labels.items() if label == "Tyresö")
    assert written[(tyreso, 1)] == first.by_municipality["Tyresö"].articles_before
    assert written[(tyreso, 10)] == round(first.by_municipality["Tyresö"].spend_after, 2)
    assert backups_of(joint), "no backup of the previous version"
    assert _part(joint, "xl/worksheets/sheet1.xml") == sortiment_before

    decide(joint, 120, 200)  # more decisions: the figures change
    export_between = _export(joint, tmp_path / "between.csv")
    assert export_between != export_before
    second = _summary(joint)
    assert second.whole.articles_after < first.whole.articles_after
    del second.by_municipality["Tyresö"]  # a municipality gone, a reviewer fewer
    del second.by_reviewer["Cecilia"]
    backups = len(backups_of(joint))
    write_summary_sheet(joint, second, user="Bo")

    assert list_sheets(joint) == ["Sortiment", "Källrader", "Källor", "Sammanfattning"]
    rewritten = _cells(joint)
    assert rewritten == _as_written(sheet_cells(second, "sv", "Bo"))
    assert rewritten[(articles, 2)] == second.whole.articles_after != written[(articles, 2)]
    assert "Tyresö" not in rewritten.values() and "Cecilia" not in rewritten.values()
    assert max(row for row, _ in rewritten) < max(row for row, _ in written)  # the rows below were cleared
    assert len(backups_of(joint)) == backups + 1
    # the review grid reads the workbook as before: Sortiment and its review values as apply left them
    table = read_table(joint)
    assert table.sheet == "Sortiment" and len(table.keys) == 526
    assert _export(joint, tmp_path / "after.csv") == export_between


def test_the_sortiment_sheet_and_its_export_stay_as_they_were(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 80)
    before = _export(joint, tmp_path / "before.csv")
    with zipfile.ZipFile(joint) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    write_summary_sheet(joint, _summary(joint), user="Anna")
    write_summary_sheet(joint, _summary(joint), user="Bo")
    assert _export(joint, tmp_path / "after.csv") == before
    with zipfile.ZipFile(joint) as package:
        for name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                     "xl/styles.xml"):
            assert package.read(name) == parts[name], name


@pytest.mark.libreoffice
def test_libreoffice_reads_the_joint_workbook_after(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 120)
    summary = _summary(joint)
    write_summary_sheet(joint, summary, user="Anna")
    write_summary_sheet(joint, summary, user="Bo")
    sheets = libreoffice_sheets(joint, tmp_path / "lo")
    assert {"Sortiment", "Källrader", "Källor", "Sammanfattning"} <= set(sheets)
    assert len([r for r in sheets["Sortiment"][1:] if r and r[0]]) == 526
    front = sheets["Sammanfattning"]
    assert front[2][:2] == ["Av", "Bo"]
    articles = next(row for row in front if row and row[0] == "Artiklar")
    assert [float(v) for v in articles[1:3]] == [summary.whole.articles_before, summary.whole.articles_after]


def test_english_when_asked_and_the_language_kept_after(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 40)
    summary = _summary(joint)
    write_summary_sheet(joint, summary, user="Anna", lang="en")
    assert list_sheets(joint)[-1] == "Summary"
    write_summary_sheet(joint, summary, user="Anna", lang="sv")
    assert list_sheets(joint)[-1] == "Summary" and len(list_sheets(joint)) == 4
    assert _cells(joint, "Summary")[(6, 0)] == "The whole assortment"


def test_a_sheet_of_that_name_that_is_not_ours_is_never_overwritten(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 40)
    import openpyxl

    book = openpyxl.load_workbook(joint)
    book.create_sheet("Sammanfattning")["A1"] = "Våra egna anteckningar"
    book.save(joint)
    before = joint.read_bytes()
    with pytest.raises(SheetExistsError):
        write_summary_sheet(joint, _summary(joint), user="Anna")
    assert joint.read_bytes() == before


def test_open_in_excel_writes_nothing(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path, 0, 40)
    summary = _summary(joint)
    owner = joint.with_name("~$" + joint.name)
    owner.write_bytes(b"\x05Karin" + b" " * 50)
    before = joint.read_bytes()
    with pytest.raises(FileOpenElsewhereError):
        write_summary_sheet(joint, summary, user="Anna")
    assert joint.read_bytes() == before
    write_summary_sheet(joint, summary, user="Anna", save_anyway=True)
    assert "Sammanfattning" in list_sheets(joint)


def test_the_command_writes_the_sheet_and_the_workbook_and_exits_3_while_a_colleague_saves(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.sharing.lock import WorkbookLock

    joint = decided_joint(tmp_path, 0, 60)
    out = tmp_path / "sammanfattning.xlsx"
    assert main(["summary", str(joint), "-o", str(out), "--write-sheet", "--user", "Karin", "--json"]) == 0
    printed = capsys.readouterr()
    assert '"articles_before": 526' in printed.out and "Sammanfattning" in printed.err
    assert _cells(joint)[(3, 1)] == "Karin" and out.exists()
    import openpyxl

    problems = openpyxl.load_workbook(out)["Öppna frågor"]
    assert any(row[2] for row in problems.iter_rows(min_row=2, values_only=True))  # the articles' names
    before = joint.read_bytes()
    with WorkbookLock(joint, "Bo").acquire(wait=0):
        assert main(["summary", str(joint), "--write-sheet", "--wait", "0"]) == 3
    assert joint.read_bytes() == before
    assert "Bo" in capsys.readouterr().err


def test_an_article_list_that_is_no_workbook_is_refused_by_name(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from _summary_fixtures import ROOT

    listed = tmp_path / "Haninge.csv"
    listed.write_bytes((ROOT / "resources" / "sample" / "kommuner" / "Haninge.csv").read_bytes())
    before = listed.read_bytes()
    assert main(["summary", str(listed), "--write-sheet"]) == 2
    err = capsys.readouterr().err
    assert "Haninge.csv" in err and "arbetsbok" in err and "skadad" not in err
    assert listed.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["Haninge.csv"]
