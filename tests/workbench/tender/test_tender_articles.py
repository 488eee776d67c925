"""Which articles the tender list holds and their pooled yearly volumes, on the sample joint workbook with
known decisions, against a computation of the DESIGN's rule of its own (``_tender.expected_volumes``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _tender import expected_volumes, joint_rows, joint_with_decisions, tender_rows

from workbench.cli import main
from workbench.reading.importer import read_table
from workbench.tender import make_tender, tender_articles


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    folder = tmp_path_factory.mktemp("tender")
    joint = joint_with_decisions(folder)
    out = folder / "anbud.xlsx"
    report = make_tender(joint, out)
    return joint, out, report.to_json()


def test_the_remaining_articles_are_kept_investigated_and_undecided(made: tuple[Path, Path, dict[str, object]]) -> None:
    joint, out, figures = made
    _, rows = joint_rows(joint)
    remaining = {k for k, r in rows.items() if r.get("Beslut") not in ("Ta bort", "Ersätt")}
    _, listed = tender_rows(out)
    assert set(listed) == remaining
    assert figures["articles"] == len(remaining) == len(rows) - 1 - 9
    assert {"G00001", "G00006", "G00012", "G00084"} <= set(listed)  # kept, investigated, kept, kept
    assert not {"G00002", "G00003", "G00005", "G00007", "G00008", "G00010"} & set(listed)
    assert figures["removed"] == 1 and figures["replaced"] == 9


def test_volumes_per_municipality_include_what_each_article_takes_over(
        made: tuple[Path, Path, dict[str, object]]) -> None:
    joint, out, figures = made
    municipalities, expected = expected_volumes(joint)
    _, listed = tender_rows(out)
    for key, volumes in expected.items():
        cells = listed[key]
        for municipality in municipalities:
            assert (cells[f"Årsvolym {municipality}"] or 0) == pytest.approx(volumes[municipality]), (key, municipality)
        assert cells["Årsvolym totalt"] == pytest.approx(sum(volumes.values())), key
    _, rows = joint_rows(joint)
    # G00001 takes G00003's volume; G00006 takes G00005's and, through it, G00004's
    assert listed["G00001"]["Årsvolym totalt"] == rows["G00001"]["Antal totalt"] + rows["G00003"]["Antal totalt"]
    assert listed["G00006"]["Årsvolym totalt"] == sum(rows[k]["Antal totalt"] for k in ("G00004", "G00005", "G00006"))
    assert figures["volume_moved"] == 4  # G00003, G00004, G00005, G00085
    assert figures["volume_not_moved"] == {"G00007": "replacement_leaves", "G00008": "replacement_leaves",
                                           "G00009": "replacement_leaves", "G00010": "no_replacement",
                                           "G00011": "replacement_unknown"}


def test_requirement_level_and_criteria_come_from_the_environment_data(
        made: tuple[Path, Path, dict[str, object]]) -> None:
    _, out, figures = made
    _, listed = tender_rows(out)
    glove = listed["G00084"]  # Handske nitril puderfri blå S
    assert glove["Produktgrupp"] == "Engångshandskar" and glove["Kravnivå"] == "Avancerad"
    assert "11197 (Bas): Standarder" in glove["Miljökrav"] and "11082 (Avancerad)" in glove["Miljökrav"]
    cup = listed["G00001"]  # a paper cup: disposable tableware, for which the data has no criteria
    assert cup["Kravnivå"] is None and cup["Miljökrav"] is None
    without = sum(1 for cells in listed.values() if not cells["Kravnivå"])
    assert figures["articles_without_requirement"] == without > 0


def test_articles_are_ordered_by_category_and_name_those_without_last(
        made: tuple[Path, Path, dict[str, object]]) -> None:
    _, out, _ = made
    _, listed = tender_rows(out)
    cells = list(listed.values())
    categories = [str(c["Kategori"] or "") for c in cells]
    with_category = [c for c in categories if c]
    assert categories[:len(with_category)] == with_category  # the empty ones at the end
    assert with_category == sorted(with_category, key=str.casefold)


def test_an_article_merged_by_hand_is_not_listed(tmp_path: Path) -> None:
    joint = joint_with_decisions(tmp_path, {"G00001": ("Behåll", "")})
    assert main(["link", str(joint), "G00001", "G00002"]) == 0
    selection = tender_articles(read_table(joint))
    keys = {a.key for a in selection.articles}
    assert "G00001" in keys and "G00002" not in keys and selection.merged == 1
    _, rows = joint_rows(joint)
    one = next(a for a in selection.articles if a.key == "G00001")
    assert one.total == rows["G00001"]["Antal totalt"]  # the source rows moved with the link


def test_a_replacement_named_by_a_merged_id_takes_the_volume_to_the_survivor(tmp_path: Path) -> None:
    joint = joint_with_decisions(tmp_path, {"G00003": ("Ersätt", "G00002")})
    assert main(["link", str(joint), "G00001", "G00002"]) == 0
    selection = tender_articles(read_table(joint))
    one = next(a for a in selection.articles if a.key == "G00001")
    assert one.taken_over == ("G00003",) and not selection.not_moved


def test_cli_json_has_the_contract_keys(made: tuple[Path, Path, dict[str, object]], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    joint, _, figures = made
    out = tmp_path / "anbud.xlsx"
    assert main(["tender", str(joint), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:2] == ["articles", "file"]
    assert data["articles"] == figures["articles"] and data["file"] == str(out) and out.exists()


def test_cli_reports_in_swedish(made: tuple[Path, Path, dict[str, object]], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BEHOVSANALYS_LANG", raising=False)
    joint, _, figures = made
    assert main(["tender", str(joint), "-o", str(tmp_path / "anbud.xlsx")]) == 0
    printed = capsys.readouterr().out
    assert f"{figures['articles']} artiklar från {joint}" in printed
    assert "Utanför listan: 1 borttagen, 9 ersatta" in printed
    assert "5 ersatta artiklar utan giltig ersättare" in printed


def test_requirements_follow_the_criteria_data_given(tmp_path: Path) -> None:
    """A municipality that demands only the basic level for gloves (its own copy of the criteria data) gets
    that level and only the basic criteria; the assessment reads the same data (it used the bundled one)."""
    import shutil

    from workbench.environment.data import load_criteria
    from workbench.resources import resource_path

    folder = tmp_path / "criteria"
    shutil.copytree(resource_path("criteria"), folder)
    criteria = folder / "criteria.json"
    data = json.loads(criteria.read_text(encoding="utf-8"))
    data["groups"]["gloves"]["demand_level"] = "bas"
    criteria.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    own = load_criteria(folder)
    selection = tender_articles(read_table(resource_path("sample/sodertorn_gemensam.xlsx")), own)
    glove = next(a for a in selection.articles if a.key == "G00084")
    assert glove.level == "bas" and glove.criteria
    assert {c.level for c in glove.criteria} == {"bas"}


def _list(path: Path, rows: list[str]) -> Path:
    path.write_text("Artikelnummer;Benämning;Leverantör;Lev. art.nr;Enhet;Antal per förpackning;Material;"
                    "Pris;Antal;Belopp\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_replaced_pack_moves_its_pieces_and_an_article_nobody_lists_is_left_out(tmp_path: Path) -> None:
    """The summary's rules: a pack of 100 replaced by single pieces moves 100 pieces a pack; an article no
    municipality lists any more after a re-merge (Kommuner 0) is no article to ask a price for."""
    from workbench.assortment import Source, merge_lists

    joint = tmp_path / "gemensam.xlsx"
    botkyrka = _list(tmp_path / "Botkyrka.csv", ["B1;Handske nitril M;Abena AB;AB-100;förp;100;nitril;60;10;600",
                                                 "B2;Handske nitril M;Abena AB;AB-1;st;1;nitril;0,5;2000;1000",
                                                 "B3;Mugg papper 25 cl;Duni AB;DU-25;st;1;papper;1;50;50"])
    merge_lists(joint, [Source(botkyrka, "Botkyrka")], user="Anna")
    merge_lists(joint, [Source(_list(tmp_path / "Botkyrka 2026.csv", [
        "B1;Handske nitril M;Abena AB;AB-100;förp;100;nitril;60;10;600",
        "B2;Handske nitril M;Abena AB;AB-1;st;1;nitril;0,5;2000;1000"]), "Botkyrka")], user="Anna")
    (tmp_path / "beslut.csv").write_text("key,decision,replaced_by\nG00001,Ersätt,G00002\n", encoding="utf-8")
    assert main(["apply", str(joint), "--decisions", str(tmp_path / "beslut.csv"), "--user", "Anna"]) == 0

    selection = tender_articles(read_table(joint))
    assert [a.key for a in selection.articles] == ["G00002"]  # G00003, the cup, is listed by nobody now
    assert selection.unlisted == 1 and selection.replaced == 1
    pieces = selection.articles[0]
    assert pieces.taken_over == ("G00001",)
    assert pieces.volumes == {"Botkyrka": pytest.approx(2000 + 10 * 100)}
    assert pieces.total == pytest.approx(3000)
    report = make_tender(joint, tmp_path / "anbud.xlsx")
    assert report.to_json()["unlisted"] == 1
    assert "ingen kommun har på sin lista längre" in report.summary("sv")
