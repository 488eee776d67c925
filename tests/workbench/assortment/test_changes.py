"""What an update of one municipality's list changed, article by article, on the sample's joint workbook:
Botkyrka's list again with rows gone and a quantity changed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_sample_lists import LISTS

from workbench.assortment import Source, merge_lists, read_joint
from workbench.assortment.changes import QuantityChange, quantity_changes
from workbench.resources import resource_path


def test_an_updated_list_says_which_articles_it_changed(tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    joint.write_bytes(Path(resource_path("sample/sodertorn_gemensam.xlsx")).read_bytes())
    before = read_joint(joint)
    book = openpyxl.load_workbook(LISTS / "Botkyrka.xlsx")
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Artikelnr")
    quantity = next(c.column for c in sheet[header] if c.value == "Antal")
    first_key = sheet.cell(header + 1, 1).value
    sheet.cell(header + 1, quantity).value = 999
    gone_key = sheet.cell(header + 3, 1).value
    sheet.delete_rows(header + 3)
    newer = tmp_path / "Botkyrka 2027.xlsx"
    book.save(newer)
    merge_lists(joint, [Source(newer, "Botkyrka")], user="Test")
    after = read_joint(joint)

    def article_of(key: object) -> str:
        return next(r.article_id for r in before.records if r.municipality == "Botkyrka" and r.source_key == key)

    old_quantity = sum(r.quantity or 0 for r in before.records
                       if r.municipality == "Botkyrka" and r.article_id == article_of(first_key))
    gone_quantity = sum(r.quantity or 0 for r in before.records
                        if r.municipality == "Botkyrka" and r.article_id == article_of(gone_key))
    changes = quantity_changes(before, after, "Botkyrka")
    assert QuantityChange(article_of(first_key), old_quantity, 999.0) in changes
    assert QuantityChange(article_of(gone_key), gone_quantity, None) in changes
    assert sorted(c.kind for c in changes) == ["changed", "removed"]
    assert len(changes) == 2
    assert quantity_changes(after, after, "Botkyrka") == []
    assert quantity_changes(before, after, "Haninge") == []
