"""What the review grid is told about a joint workbook (workbench.assortment.grid): its municipality
columns (a pair per municipality, "Antal per förpackning" none), its extra facet, its findings without
its own columns called unknown, and an article's source rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from workbench.assortment import read_joint
from workbench.assortment.grid import count_order, joint_columns, joint_findings, source_rows_of
from workbench.assortment.merge import merge_lists
from workbench.assortment.sources import Source
from workbench.reading.importer import read_table

HEADERS = ["Artikelnummer", "Benämning", "Leverantör", "Lev. art.nr", "Antal per förpackning", "Antal", "Belopp"]


def _list(path: Path, rows: list[list[object]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Artiklar")
    for r, row in enumerate([HEADERS, *rows]):
        sheet.write_row(r, 0, row)
    book.close()
    return path


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    a = _list(tmp_path / "a.xlsx", [["A1", "Mugg papper 20 cl", "Duni AB", "DU-2", 50, 10, 20.0],
                                    ["A2", "Sopsäck 125 l", "Duni AB", "DU-3", 10, 5, 40.0]])
    b = _list(tmp_path / "b.xlsx", [["B1", "Mugg papper 20 cl", "Duni AB", "DU-2", 50, 30, 60.0]])
    path = tmp_path / "joint.xlsx"
    merge_lists(path, [Source(a, "Botkyrka"), Source(b, "Haninge")], user="test")
    return path


def test_the_municipality_columns_are_the_pairs_and_the_facet_is_the_count(joint: Path) -> None:
    columns = joint_columns(read_table(joint))
    assert columns is not None and columns.lang == "sv"
    assert columns.municipalities == ("Botkyrka", "Haninge")
    assert columns.municipality_columns == ("Antal Botkyrka", "Belopp Botkyrka", "Antal Haninge", "Belopp Haninge")
    assert columns.facets == ("Kommuner",)
    # what decides a joint article first: how many buy it and how much, beside its name
    assert columns.leading == ("Kommuner", "Antal totalt", "Belopp totalt")


def test_the_number_of_municipalities_is_listed_as_a_count_reads() -> None:
    assert count_order(["1", "7", "8", "", "0", "10", "2"]) == ["10", "8", "7", "2", "1", "0", ""]


def test_other_sheets_and_ordinary_lists_are_no_joint_grid(joint: Path, tmp_path: Path) -> None:
    assert joint_columns(read_table(joint, "Källrader", header_row=1, key_column="Artikel-ID")) is None
    plain = _list(tmp_path / "plain.xlsx", [["A1", "Mugg", "Duni AB", "DU-2", 50, 10, 20.0]])
    assert joint_columns(read_table(plain)) is None


def test_the_layouts_own_columns_are_not_called_unrecognised(joint: Path) -> None:
    table = read_table(joint)
    columns = joint_columns(table)
    assert columns is not None
    assert any(f.code == "unmapped_columns" for f in table.findings)
    assert not any(f.code == "unmapped_columns" for f in joint_findings(table, columns))
    # a column someone added by hand is still named
    table.data["Egen anteckning"] = None
    found = [f for f in joint_findings(table, columns) if f.code == "unmapped_columns"]
    assert [f.params for f in found] == [{"count": 1, "headers": "Egen anteckning"}]


def test_an_articles_source_rows_with_their_kallrader_rows(joint: Path) -> None:
    state = read_joint(joint)
    mug = next(a for a, article in state.articles.items() if article.fields.get("name") == "Mugg papper 20 cl")
    rows = source_rows_of(state, mug)
    assert [(r.record.municipality, r.record.source_key, r.record.quantity) for r in rows] == [
        ("Botkyrka", "A1", 10.0), ("Haninge", "B1", 30.0)]
    assert [r.sheet_row for r in rows] == [state.record_rows[state.records.index(r.record)] for r in rows]
    assert source_rows_of(state, "G99999") == []


def _rows(path: Path) -> set[tuple[str | None, str, str]]:
    return {(r.source_key, r.article_id, r.match) for r in read_joint(path).records}


def test_a_link_undone_and_redone_by_its_step(joint: Path, tmp_path: Path) -> None:
    from workbench.assortment.grid import redo_step, step_between, undo_step
    from workbench.assortment.link import link_articles

    c = _list(tmp_path / "c.xlsx", [["C1", "Pappersmugg 20cl", "Duni AB", "DU-22", 50, 7, 14.0]])
    merge_lists(joint, [Source(c, "Tyresö")], user="test")
    before = read_joint(joint)
    rows_before = _rows(joint)
    ids = [a for a, article in before.articles.items() if "ugg" in str(article.fields.get("name"))]
    assert len(ids) == 2
    link_articles(joint, ids, user="test")
    linked = read_joint(joint)
    step = step_between(before, linked)
    assert [(r[1], r[3], r[4]) for r in step.rows] == [(ids[1], ids[0], "manuell")]
    assert step.merged == ((ids[1], None, ids[0]),)
    rows_linked = _rows(joint)
    assert undo_step(joint, step, user="test")
    assert _rows(joint) == rows_before and read_joint(joint).articles[ids[1]].merged_into is None
    assert redo_step(joint, step, user="test")
    assert _rows(joint) == rows_linked and read_joint(joint).articles[ids[1]].merged_into == ids[0]


def test_a_split_undone_leaves_no_empty_article_of_its_own(joint: Path, tmp_path: Path) -> None:
    """The article a split made cannot be deleted (IDs are never given twice); undone, it is merged into the
    article its row went back to, as a link leaves one: a later re-merge does not report it as no longer
    listed, and redoing the split makes it an article again."""
    from workbench.assortment.grid import redo_step, step_between, undo_step
    from workbench.assortment.link import split_row

    before = read_joint(joint)
    mug = next(r for r in before.records if r.source_key == "B1")
    row = before.record_rows[before.records.index(mug)]
    split_row(joint, row, user="test")
    step = step_between(before, read_joint(joint))
    assert len(step.created) == 1
    made = step.created[0]
    assert undo_step(joint, step, user="test")
    undone = read_joint(joint)
    assert undone.articles[made].merged_into == mug.article_id
    assert next(r for r in undone.records if r.source_key == "B1").article_id == mug.article_id
    again = merge_lists(joint, [Source(_list(tmp_path / "b2.xlsx", [["B1", "Mugg papper 20 cl", "Duni AB", "DU-2",
                                                                     50, 31, 62.0]]), "Haninge")], user="test")
    assert made not in again.no_longer_listed
    assert redo_step(joint, step, user="test")
    redone = read_joint(joint)
    assert redone.articles[made].merged_into is None
    assert next(r for r in redone.records if r.source_key == "B1").article_id == made


def test_a_step_that_no_longer_fits_the_file_is_refused_and_writes_nothing(joint: Path) -> None:
    from workbench.assortment.grid import step_between, undo_step
    from workbench.assortment.link import split_row
    from workbench.errors import JointStepOutdatedError

    before = read_joint(joint)
    mug = next(r for r in before.records if r.source_key == "B1")
    row = before.record_rows[before.records.index(mug)]
    split_row(joint, row, user="test")
    step = step_between(before, read_joint(joint))
    split_row(joint, row, user="kollega")  # split again: the row is in yet another article now
    content = joint.read_bytes()
    with pytest.raises(JointStepOutdatedError) as raised:
        undo_step(joint, step, user="test")
    assert "har ändrats sedan dess" in raised.value.message("sv") and str(joint) in raised.value.message("sv")
    assert joint.read_bytes() == content


def test_the_joint_sheet_is_not_said_to_have_an_amount_off_its_price(tmp_path: Path) -> None:
    """A joint article's Pris is the mean of its sources' prices and Belopp totalt the sum of their amounts:
    one list's amount that is not its price × quantity makes the joint row look "off", yet no cell of the
    joint sheet is wrong, so the grid must not say so of "Belopp totalt"."""
    paths = []
    for name, key, quantity, amount in (("a.xlsx", "A1", 10, 20.0), ("b.xlsx", "B1", 30, 90.0)):
        book = xlsxwriter.Workbook(str(tmp_path / name))
        sheet = book.add_worksheet("Artiklar")
        sheet.write_row(0, 0, ["Artikelnummer", "Benämning", "Leverantör", "Lev. art.nr", "Pris", "Antal", "Belopp"])
        sheet.write_row(1, 0, [key, "Mugg papper 20 cl", "Duni AB", "DU-2", 2.0, quantity, amount])
        book.close()
        paths.append(tmp_path / name)
    joint = tmp_path / "joint.xlsx"
    merge_lists(joint, [Source(paths[0], "Botkyrka"), Source(paths[1], "Haninge")], user="test")
    table = read_table(joint)
    columns = joint_columns(table)
    assert columns is not None
    assert any(f.code == "spend_mismatch" for f in table.findings)
    assert not any(f.code == "spend_mismatch" for f in joint_findings(table, columns))
