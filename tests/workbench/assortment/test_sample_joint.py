"""The whole merge on the bundled sample's eight lists, each in its own format, against their truth:
"same article ⇒ same joint ID" pairwise, volumes equal to the sum of the source rows, and the bundled
joint workbook (resources/sample) is the one these lists make."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl
import pytest
from test_sample_lists import LISTS, pairwise

from workbench.assortment import Source, merge_lists, read_joint
from workbench.resources import resource_path

FILES = ["Botkyrka.xlsx", "Haninge.csv", "Huddinge.xlsx", "Nykvarn.ods", "Nynäshamn.xls", "Salem.xlsx",
         "Södertälje.xlsx", "Tyresö.csv"]


@pytest.fixture(scope="module")
def joint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("joint") / "gemensam.xlsx"
    merge_lists(path, [Source(LISTS / name) for name in FILES], user="Test")
    return path


def test_joint_ids_match_the_truth(joint: Path) -> None:
    truth: dict[tuple[str, int], str] = {}
    with open(LISTS / "truth.csv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            truth[(record["file"], int(record["row"]))] = record["article"]
    records = read_joint(joint).records
    assert {(r.file, r.row) for r in records} == set(truth)
    precision, recall = pairwise([int(r.article_id[1:]) for r in records],
                                 [truth[(r.file, r.row or 0)] for r in records])
    assert precision >= 0.99, precision
    assert recall >= 0.97, recall


def test_volumes_are_the_sum_of_the_source_rows(joint: Path) -> None:
    state = read_joint(joint)
    quantity: dict[tuple[str, str], float] = defaultdict(float)
    for record in state.records:
        quantity[(record.article_id, record.municipality)] += record.quantity or 0
    sheet = openpyxl.load_workbook(joint, read_only=True)["Sortiment"]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    municipalities = [h[len("Antal "):] for h in header
                      if h.startswith("Antal ") and f"Belopp {h[6:]}" in header and h != "Antal totalt"]
    assert sorted(municipalities) == sorted(Path(f).stem for f in FILES)
    checked = 0
    for row in rows:
        values = dict(zip(header, row, strict=True))
        for municipality in municipalities:
            assert values[f"Antal {municipality}"] == pytest.approx(quantity[(values["Artikel-ID"], municipality)])
        checked += 1
    assert checked == len(state.articles)
    assert Counter(r.municipality for r in state.records)["Tyresö"] > 200


def test_the_bundled_joint_workbook_is_made_from_the_lists(joint: Path) -> None:
    bundled = resource_path("sample", "sodertorn_gemensam.xlsx")
    ours, theirs = read_joint(joint), read_joint(bundled)
    assert [(r.article_id, r.file, r.row, r.quantity) for r in ours.records] == \
        [(r.article_id, r.file, r.row, r.quantity) for r in theirs.records]
    assert sorted(ours.articles) == sorted(theirs.articles)


def test_a_new_version_of_a_list_keeps_the_ids_of_rows_no_rule_can_match(joint: Path, tmp_path: Path) -> None:
    """Tyresö's list has free-text lines (a name, no supplier, no article number): no rule joins them, so a
    new version of the list (ten rows gone, every row below them moved up) must find them by how Tyresö
    itself describes them, not give them new IDs and leave the old ones unlisted."""
    copy = tmp_path / "joint.xlsx"
    copy.write_bytes(joint.read_bytes())
    lines = (LISTS / "Tyresö.csv").read_text(encoding="utf-8-sig").splitlines()
    gone = set(range(50, 60))
    newer = tmp_path / "Tyresö.csv"
    newer.write_text("\n".join(line for i, line in enumerate(lines) if i not in gone) + "\n", encoding="utf-8")
    # (name, quantity) -> the IDs of the rows described so (two rows may be described alike)
    before: dict[tuple[object, object], set[str]] = {}
    rows_before = 0
    for r in read_joint(copy).records:
        if r.municipality == "Tyresö":
            before.setdefault((r.name, r.quantity), set()).add(r.article_id)
            rows_before += 1
    report = merge_lists(copy, [Source(newer, "Tyresö")], user="Test")
    after = [r for r in read_joint(copy).records if r.municipality == "Tyresö"]
    assert report.new_articles == 0, report.new_ids
    assert all(r.article_id in before[(r.name, r.quantity)] for r in after)
    assert len(after) < rows_before


def test_a_renamed_new_version_of_a_list_keeps_the_id_of_a_line_with_nothing_on_it(joint: Path,
                                                                                   tmp_path: Path) -> None:
    """Botkyrka's list has a line with only an amount (no key, no name, no number). Its new version comes
    as another file, four rows gone above that line: the line keeps its article; no new ID, and its old
    article is not left unlisted."""
    copy = tmp_path / "joint.xlsx"
    copy.write_bytes(joint.read_bytes())
    book = openpyxl.load_workbook(LISTS / "Botkyrka.xlsx")
    sheet = book.worksheets[0]
    blank = next(r for r in range(5, sheet.max_row + 1)
                 if all(c.value is None for c in sheet[r][:9]) and sheet[r][10].value is not None)
    sheet.delete_rows(blank - 10, 4)
    newer = tmp_path / "Botkyrka 2027.xlsx"
    book.save(newer)
    before = [r.article_id for r in read_joint(copy).records
              if r.municipality == "Botkyrka" and r.name is None and r.source_key is None]
    assert len(before) == 1
    report = merge_lists(copy, [Source(newer, "Botkyrka")], user="Test")
    after = [r.article_id for r in read_joint(copy).records
             if r.municipality == "Botkyrka" and r.name is None and r.source_key is None]
    assert after == before
    assert report.new_articles == 0, report.new_ids
    assert before[0] not in report.no_longer_listed
