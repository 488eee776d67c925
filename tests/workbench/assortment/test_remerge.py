"""Updating a joint workbook: a re-merge keeps every ID and review value, appends new articles, marks
those no list holds any more, never deletes a row; merging the same files again changes nothing; links
and splits by hand are recorded and survive a re-merge."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from _joint_files import libreoffice_sheets, write_lists

from workbench.assortment import Source, link_articles, merge_lists, read_joint, split_row
from workbench.cli import main


@pytest.fixture
def joint(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    lists = write_lists(tmp_path / "lists")
    path = tmp_path / "joint.xlsx"
    merge_lists(path, [Source(lists["Botkyrka"], "Botkyrka"), Source(lists["Haninge"]), Source(lists["Tyresö"])],
                user="Anna")
    return path, lists


def _ids(path: Path) -> dict[tuple[str, str | None], str]:
    return {(r.municipality, r.source_key): r.article_id for r in read_joint(path).records}


def _sortiment(path: Path) -> dict[str, dict[str, object]]:
    sheet = openpyxl.load_workbook(path)["Sortiment"]
    header = [c.value for c in sheet[1]]
    return {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}


def _decide(path: Path, tmp_path: Path, key: str, decision: str) -> None:
    decisions = tmp_path / "decisions.csv"
    with decisions.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["key", "decision", "comment"], [key, decision, "från mötet"]])
    assert main(["apply", str(path), "--decisions", str(decisions), "--user", "Bertil"]) == 0


def _updated_haninge(folder: Path) -> Path:
    """Haninge's new list: gloves bought more, paper cups dropped, dish soap kept, a new article."""
    path = folder / "haninge_2027.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Art.nr", "Artikelnamn", "Leverantör", "Leverantörens artikelnummer", "GTIN", "Enhet",
                         "Antal", "Belopp", "Kommun"])
        writer.writerow(["H1", "Nitrilhandske M", "ABENA Aktiebolag", "ab1234", "7310791000015", "st", "80",
                         "400,00", "Haninge"])
        writer.writerow(["H3", "Diskmedel 1 l", "Kiilto", "K-1", "", "flaska", "20", "400", "Haninge"])
        writer.writerow(["H9", "Skoskydd blå", "Abena AB", "AB-77", "", "par", "300", "150", "Haninge"])
    return path


def test_remerge_keeps_ids_and_decisions_appends_and_marks(joint: tuple[Path, dict[str, Path]],
                                                          tmp_path: Path) -> None:
    path, lists = joint
    before = _ids(path)
    cups, soap = before[("Haninge", "H2")], before[("Haninge", "H4")]
    gloves = before[("Haninge", "H1")]
    _decide(path, tmp_path, gloves, "Behåll")
    report = merge_lists(path, [Source(_updated_haninge(tmp_path))], user="Anna")
    after = _ids(path)
    # every row of the other municipalities keeps its article; Haninge's kept articles keep theirs
    assert {k: v for k, v in after.items() if k[0] != "Haninge"} == {k: v for k, v in before.items()
                                                                     if k[0] != "Haninge"}
    assert after[("Haninge", "H1")] == gloves and after[("Haninge", "H3")] == before[("Haninge", "H3")]
    assert after[("Haninge", "H9")] == "G00008" and report.new_articles == 1
    assert ("Haninge", "H2") not in after and ("Haninge", "H4") not in after
    rows = _sortiment(path)
    assert len(rows) == 8  # never a row deleted
    assert rows[gloves]["Beslut"] == "Behåll" and rows[gloves]["Kommentar"] == "från mötet"
    assert rows[gloves]["Antal Haninge"] == 80 and rows[gloves]["Antal totalt"] == 200
    # cups are still bought in Botkyrka; the soap still in Tyresö; nothing lost
    assert rows[cups]["Antal Haninge"] == 0 and rows[cups]["Kommuner"] == 1
    assert rows[soap]["Kommuner"] == 1 and report.no_longer_listed == []
    assert rows["G00008"]["Benämning"] == "Skoskydd blå" and rows["G00008"]["Kommuner"] == 1
    sheet = openpyxl.load_workbook(path)["Sortiment"]
    assert next(iter(sheet.tables.values())).ref.endswith("9")  # the table grew over the new row
    assert any("ersätts av haninge_2027.csv" in w for w in report.warnings("sv"))
    state = read_joint(path)
    assert sorted(s.file for s in state.sources) == ["Tyresö.xlsx", "botkyrka_2026.xlsx", "haninge_2027.csv"]
    assert sum(1 for r in state.records if r.municipality == "Haninge") == 3

    # a list that no longer holds an article: Tyresö drops its coffee filter, which nobody else buys
    tyreso = tmp_path / "lists2"
    tyreso.mkdir()
    filters = after[("Tyresö", "T4")]
    book = openpyxl.load_workbook(lists["Tyresö"])
    book.active.delete_rows(5)
    book.save(tyreso / "Tyresö.xlsx")
    report = merge_lists(path, [Source(tyreso / "Tyresö.xlsx")], user="Anna")
    assert report.no_longer_listed == [filters]
    assert _sortiment(path)[filters]["Kommuner"] == 0 and len(_sortiment(path)) == 8
    sheets = libreoffice_sheets(path, tmp_path)
    assert len(sheets["Sortiment"]) == 9


def test_merging_the_same_files_again_changes_nothing(joint: tuple[Path, dict[str, Path]],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path, lists = joint
    content = path.read_bytes()
    code = main(["merge", "-o", str(path), f"{lists['Botkyrka']}=Botkyrka", str(lists["Haninge"]),
                 str(lists["Tyresö"]), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["new_articles"] == 0 and data["articles"] == 7 and data["source_rows"] == 13
    assert path.read_bytes() == content


def test_a_copy_of_a_list_with_new_bytes_but_the_same_rows_changes_no_cell(joint: tuple[Path, dict[str, Path]],
                                                                          tmp_path: Path) -> None:
    path, lists = joint
    before = _sortiment(path)
    copy = tmp_path / "again" / "Tyresö.xlsx"
    copy.parent.mkdir()
    book = openpyxl.load_workbook(lists["Tyresö"])
    book.save(copy)  # other bytes, same rows
    report = merge_lists(path, [Source(copy)], user="Anna")
    assert report.new_articles == 0
    assert _sortiment(path) == before


def test_link_moves_rows_to_the_survivor_and_a_remerge_keeps_it(joint: tuple[Path, dict[str, Path]],
                                                               tmp_path: Path) -> None:
    path, lists = joint
    ids = _ids(path)
    spray, soap = ids[("Botkyrka", "B4")], ids[("Haninge", "H4")]
    report = link_articles(path, [soap, spray], user="Anna")
    assert report.written and report.moved_rows == 1
    rows = _sortiment(path)
    assert rows[spray]["Sammanslagen med"] == soap and rows[spray]["Antal totalt"] == 0
    assert rows[spray]["Kommuner"] == 0 and rows[soap]["Kommuner"] == 3
    moved = [r for r in read_joint(path).records if r.source_key == "B4"]
    assert [(r.article_id, r.match) for r in moved] == [(soap, "manuell")]
    # Botkyrka sends its list again (new bytes): the hand link holds
    copy = tmp_path / "b" / "botkyrka_2026.xlsx"
    copy.parent.mkdir()
    openpyxl.load_workbook(lists["Botkyrka"]).save(copy)
    merge_lists(path, [Source(copy, "Botkyrka")], user="Anna")
    assert _ids(path)[("Botkyrka", "B4")] == soap


def test_split_gives_a_source_row_a_new_article(joint: tuple[Path, dict[str, Path]]) -> None:
    path, _ = joint
    state = read_joint(path)
    row = next(r for r, rec in zip(state.record_rows, state.records, strict=True) if rec.source_key == "T3")
    old = next(rec.article_id for rec in state.records if rec.source_key == "T3")
    report = split_row(path, row, user="Anna")
    assert report.old_id == old and report.new_id == "G00008"
    assert _ids(path)[("Tyresö", "T3")] == "G00008"
    rows = _sortiment(path)
    assert rows["G00008"]["Antal Tyresö"] == 4 and rows[old]["Antal Tyresö"] == 0


def test_link_refuses_unknown_ids_with_exit_2(joint: tuple[Path, dict[str, Path]],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = joint
    content = path.read_bytes()
    assert main(["link", str(path), "G00001", "G09999"]) == 2
    assert "G09999" in capsys.readouterr().err
    assert path.read_bytes() == content


def test_a_remerge_after_a_colleague_sorted_and_saved_the_workbook_elsewhere(joint: tuple[Path, dict[str, Path]],
                                                                             tmp_path: Path) -> None:
    """Another program saved the joint workbook (shared strings, its own styles) with Sortiment sorted by name
    descending and a decision typed in: the re-merge finds every row where it is now."""
    path, _ = joint
    book = openpyxl.load_workbook(path)
    sheet = book["Sortiment"]
    header = [c.value for c in sheet[1]]
    rows = sorted((list(r) for r in sheet.iter_rows(min_row=2, values_only=True)), key=lambda r: str(r[1]),
                  reverse=True)
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(number, column).value = value
    gloves_row = next(n for n, v in enumerate(rows, start=2) if v[1] == "Handske nitril M")
    sheet.cell(gloves_row, header.index("Beslut") + 1).value = "Utred"
    book.save(path)
    gloves = str(rows[gloves_row - 2][0])
    merge_lists(path, [Source(_updated_haninge(tmp_path))], user="Anna")
    after = _sortiment(path)
    assert after[gloves]["Beslut"] == "Utred" and after[gloves]["Antal Haninge"] == 80
    assert after["G00008"]["Benämning"] == "Skoskydd blå"
    assert len(after) == 8
    state = read_joint(path)
    for article_id, values in after.items():
        mine = [r for r in state.records if r.article_id == article_id]
        assert values["Antal totalt"] == pytest.approx(sum(r.quantity or 0 for r in mine)), article_id


def test_a_predecessor_never_lends_its_article_a_second_gtin(joint: tuple[Path, dict[str, Path]],
                                                            tmp_path: Path) -> None:
    """Haninge's own article H1 now carries another valid GTIN (another trade item under the same number):
    it must not stay in the gloves' article, which Botkyrka's rows hold under the first GTIN."""
    path, _ = joint
    gloves = _ids(path)[("Botkyrka", "B1")]
    newer = tmp_path / "haninge_v2.csv"
    with newer.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Art.nr", "Artikelnamn", "Leverantör", "GTIN", "Enhet", "Antal", "Belopp", "Kommun"])
        writer.writerow(["H1", "Nitrilhandske M", "Mediq", "7310791000039", "st", "50", "260,50", "Haninge"])
    merge_lists(path, [Source(newer)], user="Anna")
    after = _ids(path)
    assert after[("Haninge", "H1")] != gloves
    gtins = {r.gtin for r in read_joint(path).records if r.article_id == gloves}
    assert gtins == {"7310791000015"}


def test_an_empty_list_does_not_wipe_out_a_municipalitys_rows(joint: tuple[Path, dict[str, Path]], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """An export that came out empty (the header, no article rows) is refused for a municipality the
    workbook holds, naming the file and what it would empty; nothing is written. A new workbook takes it
    with a finding that the file gave no rows."""
    from workbench.errors import EmptyListError

    path, _ = joint
    empty = tmp_path / "Botkyrka_tom.csv"
    empty.write_text("Artikelnummer;Benämning;Leverantör;Antal;Belopp\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(EmptyListError) as raised:
        merge_lists(path, [Source(empty, "Botkyrka")], user="Anna")
    assert "Botkyrka_tom.csv" in raised.value.message() and "Botkyrka" in raised.value.message()
    assert "5 källrader" in raised.value.message()
    assert path.read_bytes() == before
    assert main(["merge", "-o", str(path), f"{empty}=Botkyrka"]) == 2
    assert "Ingenting har skrivits" in capsys.readouterr().err and path.read_bytes() == before

    fresh = tmp_path / "ny.xlsx"
    report = merge_lists(fresh, [Source(empty, "Salem")], user="Anna")
    assert report.source_rows == 0 and any("inga artikelrader" in f.message("sv") for f in report.findings)
