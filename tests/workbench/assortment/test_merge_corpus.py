"""The merge on the shared corpus of real-world spreadsheets (files made by Excel, LibreOffice, Numbers,
Google Sheets, WPS, xlsxwriter; broken, encrypted and empty ones): every file either merges into a joint
workbook whose volumes are the sum of its source rows, and merging it again changes nothing, or is refused
with the importer's own error naming the file, and no joint workbook is left behind. Skipped cleanly when
the corpus is absent."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from _joint_files import libreoffice_sheets

from workbench.assortment import Source, merge_lists, read_joint
from workbench.errors import WorkbenchError

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
FILES = sorted(p.name for p in CORPUS.glob("*") if p.is_file() and p.suffix not in (".md", ".tsv")) \
    if CORPUS.is_dir() else []


def _volumes_are_the_sum_of_the_source_rows(joint: Path) -> None:
    state = read_joint(joint)
    summed: dict[str, float] = defaultdict(float)
    for record in state.records:
        summed[record.article_id] += record.quantity or 0.0
    assert set(summed) <= set(state.articles)
    total = state.names.total_quantity
    for article_id in state.articles:
        assert (state.article_cell(article_id, total) or 0) == pytest.approx(summed.get(article_id, 0.0), abs=1e-6)


@pytest.mark.skipif(not FILES, reason="the shared corpus folder is absent")
@pytest.mark.parametrize("name", FILES)
def test_each_corpus_file_merges_or_is_refused_by_name(name: str, tmp_path: Path) -> None:
    joint = tmp_path / "gemensam.xlsx"
    try:
        report = merge_lists(joint, [Source(CORPUS / name, "Kommun")], user="Test")
    except WorkbenchError as error:
        assert type(error) is not WorkbenchError  # the importer's own kind of error, not a generic one
        assert name in error.message()
        assert not joint.exists() and not list(tmp_path.glob("*.tmp*"))
        return
    assert report.written and report.source_rows == len(read_joint(joint).records)
    _volumes_are_the_sum_of_the_source_rows(joint)
    before = joint.read_bytes()
    again = merge_lists(joint, [Source(CORPUS / name, "Kommun")], user="Test")
    assert not again.written and joint.read_bytes() == before  # the same file twice changes nothing


@pytest.mark.skipif(not FILES, reason="the shared corpus folder is absent")
def test_every_mergeable_corpus_file_as_one_municipality_each(tmp_path: Path) -> None:
    """All the files that merge, each as a municipality of its own, in one joint workbook that LibreOffice
    opens with every sheet; merging them all again changes nothing."""
    sources = []
    for number, name in enumerate(FILES):
        try:
            probe = merge_lists(tmp_path / f"probe{number}.xlsx", [Source(CORPUS / name, f"Kommun {number:02d}")],
                                user="Test")
        except WorkbenchError:
            continue
        if probe.source_rows:  # a sheet with a header and no rows gives a municipality nothing to hold
            sources.append(Source(CORPUS / name, f"Kommun {number:02d}"))
    assert len(sources) >= 5
    joint = tmp_path / "gemensam.xlsx"
    report = merge_lists(joint, sources, user="Test")
    assert set(report.municipalities) == {s.municipality for s in sources}
    _volumes_are_the_sum_of_the_source_rows(joint)
    before = joint.read_bytes()
    assert not merge_lists(joint, sources, user="Test").written and joint.read_bytes() == before
    sheets = libreoffice_sheets(joint, tmp_path)
    assert {"Sortiment", "Källrader", "Källor"} <= set(sheets)
    assert len(sheets["Källrader"]) - 1 == report.source_rows
