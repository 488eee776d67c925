"""The merge's output, frozen: every cell of every sheet of the joint workbooks that merges, re-merges,
a link and a split make (of the sample's eight lists as they were on 2026-12-02, copied to ``frozen/``,
and of lists the merge benchmark generates), and the merge reports, against digests recorded with the code
before the merge was made faster (issue 15). Times (``Källor``'s merge time) are left out, and the
fingerprint of a generated list (its bytes hold the time it was written) is only checked to be there.

A deliberate change of what a merge writes re-records the digests:
``BEHOVSANALYS_RECORD_FROZEN=1 pytest tests/workbench/assortment/test_merge_frozen.py``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.assortment import Source, link_articles, merge_lists, read_joint, split_row

HERE = Path(__file__).resolve().parent
FROZEN = HERE / "frozen"
EXPECTED = FROZEN / "expected.json"
SAMPLE = ["Botkyrka.xlsx", "Haninge.csv", "Huddinge.xlsx", "Nykvarn.ods", "Nynäshamn.xls", "Salem.xlsx",
          "Södertälje.xlsx", "Tyresö.csv"]
_TIME_HEADERS = {"Sammanslagen", "Merged"}
_FINGERPRINT_HEADERS = {"Fingeravtryck", "Fingerprint"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"b:{value}"
    if isinstance(value, int | float):
        return f"n:{float(value)!r}"
    return f"{type(value).__name__[0]}:{value}"


def _structure(path: Path) -> list[str]:
    """What beside the cells makes the sheets work in Excel: dimensions, the table's range, the
    validations' and autofilter's ranges."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            if re.fullmatch(r"xl/(worksheets/sheet\d+|tables/table\d+)\.xml", name):
                xml = package.read(name).decode("utf-8")
                ranges = re.findall(r'<(?:dimension|table|autoFilter) [^>]*?ref="([^"]+)"', xml)
                found.append(name + " " + " ".join(ranges + re.findall(r'sqref="([^"]+)"', xml)))
    return found


def dump(path: Path, mask_fingerprints: bool) -> list[str]:
    """Every sheet's cells as text lines (one a row), times masked."""
    lines: list[str] = []
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            lines.append(f"# {sheet.title}")
            masked: set[int] = set()
            for number, row in enumerate(sheet.iter_rows(values_only=True)):
                if number == 0:
                    masked = {i for i, h in enumerate(row) if h in _TIME_HEADERS}
                    fingerprints = {i for i, h in enumerate(row) if h in _FINGERPRINT_HEADERS}
                cells = []
                for column, value in enumerate(row):
                    if number and column in masked:
                        value = "<time>" if value is not None else None
                    elif number and mask_fingerprints and column in fingerprints:
                        value = "<fingerprint>" if value else None
                    cells.append(_cell(value))
                while cells and cells[-1] == "":
                    cells.pop()
                lines.append("\t".join(cells))
    finally:
        book.close()
    lines += _structure(path)
    return lines


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _report(report: Any) -> str:
    try:
        data = report.to_json("sv")
    except TypeError:  # a link's or a split's report has no language
        data = report.to_json()
    data["joint"] = Path(data["joint"]).name
    return _digest([json.dumps(data, ensure_ascii=False, sort_keys=True)])


def _sample_updated(folder: Path) -> Path:
    """Tyresö's new list: every fifth row dropped, every third quantity changed, two new articles."""
    with (FROZEN / "Tyresö.csv").open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    quantity = header.index("Antal")
    kept = [row for i, row in enumerate(body) if i % 5 != 4]
    for i, row in enumerate(kept):
        if i % 3 == 0:
            row[quantity] = str(int(float(row[quantity] or 0)) + 7)
    new = ["Abena AB", "ab 777001", "Skoskydd blå", "par", "100", "12.50", "40", "500.00"]
    kept += [new, ["Okänd leverantör", "", "Tvättlapp engångs", "st", "50", "3.10", "10", "31.00"]]
    target = folder / "Tyresö.csv"
    with target.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle).writerows([header, *kept])
    return target


def _bench_lists(folder: Path) -> tuple[list[Path], Path]:
    """Eight lists of 300 rows as the merge benchmark makes them, and its updated first list."""
    benchmarks = str(HERE.parents[2] / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    before = os.environ.get("BEHOVSANALYS_BENCH_DATA")
    os.environ["BEHOVSANALYS_BENCH_DATA"] = str(folder)
    try:
        import bench_merge

        paths = bench_merge.make_lists(8, 300, "_frozen")
        return paths, bench_merge._updated(paths[0])
    finally:
        if before is None:
            os.environ.pop("BEHOVSANALYS_BENCH_DATA", None)
        else:
            os.environ["BEHOVSANALYS_BENCH_DATA"] = before


def _scenarios(tmp: Path) -> Iterator[tuple[str, Callable[[], Any], Path, bool]]:
    """(name, step, joint workbook, fingerprints masked): each step changes the workbook, in order."""
    lists = tmp / "sample"
    lists.mkdir()
    for name in SAMPLE:
        shutil.copyfile(FROZEN / name, lists / name)
    joint = tmp / "gemensam.xlsx"
    yield "sample merge", lambda: merge_lists(joint, [Source(lists / n) for n in SAMPLE], user="Test",
                                              lang="sv"), joint, False
    updates = tmp / "updates"
    updates.mkdir()
    yield "sample re-merge", lambda: merge_lists(joint, [Source(_sample_updated(updates))], user="Test"), joint, False
    yield "sample re-merge again", lambda: merge_lists(joint, [Source(updates / "Tyresö.csv")], user="Test"), \
        joint, False

    def link() -> Any:
        ids = sorted({r.article_id for r in read_joint(joint).records if r.municipality == "Salem"})
        return link_articles(joint, [ids[3], ids[10], ids[20]], user="Test")

    yield "sample link", link, joint, False
    yield "sample split", lambda: split_row(joint, 40, user="Test"), joint, False
    yield "sample re-merge after link", lambda: merge_lists(joint, [Source(lists / "Tyresö.csv"),
                                                                    Source(lists / "Botkyrka.xlsx")],
                                                            user="Test"), joint, False
    yield "sample add", lambda: merge_lists(joint, [Source(updates / "Tyresö.csv", "Salem")], user="Test",
                                            mode="add"), joint, False

    paths, updated = _bench_lists(tmp / "bench")
    bench = tmp / "bench.xlsx"
    yield "bench merge", lambda: merge_lists(bench, [Source(p, f"Kommun {i}") for i, p in enumerate(paths)],
                                             user="bench", lang="sv"), bench, True
    yield "bench re-merge", lambda: merge_lists(bench, [Source(updated, "Kommun 0")], user="bench"), bench, True
    yield "bench re-merge back", lambda: merge_lists(bench, [Source(paths[0], "Kommun 0")], user="bench"), bench, True
    yield "bench new municipality", lambda: merge_lists(bench, [Source(updated, "Kommun 9")], user="bench"), \
        bench, True


def test_merge_output_is_unchanged(tmp_path: Path) -> None:
    found: dict[str, dict[str, str]] = {}
    dumps: dict[str, list[str]] = {}
    for name, step, joint, mask in _scenarios(tmp_path):
        report = step()
        dumps[name] = dump(joint, mask)
        found[name] = {"cells": _digest(dumps[name]), "report": _report(report)}
    if os.environ.get("BEHOVSANALYS_RECORD_FROZEN"):
        EXPECTED.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        keep = os.environ.get("BEHOVSANALYS_FROZEN_DUMPS")
        if keep:  # for comparing by eye with a later run
            for name, lines in dumps.items():
                (Path(keep) / (name.replace(" ", "_") + ".txt")).write_text("\n".join(lines), encoding="utf-8")
        pytest.skip("recorded")
    keep = os.environ.get("BEHOVSANALYS_FROZEN_DUMPS")
    if keep:
        for name, lines in dumps.items():
            (Path(keep) / (name.replace(" ", "_") + ".new.txt")).write_text("\n".join(lines), encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found == expected
