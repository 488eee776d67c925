"""Consolidation on the bundled joint workbook against the sample's planted truth
(``resources/sample/kluster_facit.csv``: each catalogue article's family and variant; two articles of one
family and variant are the same product), and the command's contract."""

from __future__ import annotations

import collections
import csv
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from workbench.consolidation import ClusterDecision, consolidate, decide
from workbench.consolidation.clusters import SAME_PRODUCT
from workbench.resources import resource_path

SAMPLE = resource_path("sample")


@pytest.fixture(scope="module")
def truth() -> dict[str, tuple[str, str]]:
    """Joint article ID -> (family, variant) of the catalogue article most of its source rows are."""
    with open(SAMPLE / "kommuner" / "truth.csv", encoding="utf-8", newline="") as handle:
        rows = {(r["file"], int(r["row"])): r["article"] for r in csv.DictReader(handle)}
    with open(SAMPLE / "kluster_facit.csv", encoding="utf-8", newline="") as handle:
        family = {r["article"]: (r["family"], r["variant"]) for r in csv.DictReader(handle)}
    book = openpyxl.load_workbook(SAMPLE / "sodertorn_gemensam.xlsx", read_only=True)
    cells = book["Källrader"].iter_rows(values_only=True)
    header = {h: i for i, h in enumerate(next(cells))}
    votes: dict[str, collections.Counter[tuple[str, str]]] = collections.defaultdict(collections.Counter)
    for row in cells:
        article = rows.get((row[header["Fil"]], int(row[header["Rad"]])))
        if article in family:
            votes[row[header["Artikel-ID"]]][family[article]] += 1
    book.close()
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def test_same_product_precision_and_recall_on_the_planted_truth(truth: dict[str, tuple[str, str]]) -> None:
    report = consolidate(SAMPLE / "sodertorn_gemensam.xlsx")
    keys = [k for k in report.items if k in truth]
    groups = collections.defaultdict(list)
    for key in keys:
        groups[truth[key]].append(key)
    true_pairs = {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}
    found = {tuple(sorted(p)) for c in report.clusters if c.kind == SAME_PRODUCT
             for p in itertools.combinations([k for k in c.keys if k in truth], 2)}
    precision = len(found & true_pairs) / len(found)
    recall = len(found & true_pairs) / len(true_pairs)
    assert len(true_pairs) > 500
    assert precision >= 0.90, precision
    assert recall >= 0.80, recall


def test_no_same_product_cluster_mixes_sizes_volumes_or_thicknesses() -> None:
    report = consolidate(SAMPLE / "sodertorn_gemensam.xlsx")
    same = [c for c in report.clusters if c.kind == SAME_PRODUCT]
    assert same
    for cluster in same:
        for attribute in ("size", "volume_ml", "thickness_um", "ply"):
            values = {getattr(report.items[k].parsed, attribute) for k in cluster.keys} - {None}
            assert len(values) <= 1, (cluster.id, attribute, values)


def test_the_thickness_family_is_three_products_and_one_range(truth: dict[str, tuple[str, str]]) -> None:
    report = consolidate(SAMPLE / "sodertorn_gemensam.xlsx")
    bags = {k for k, item in report.items.items() if item.parsed.thickness_um is not None}
    assert {report.items[k].parsed.thickness_um for k in bags} == {12.0, 18.0, 25.0}
    same = [c for c in report.clusters if c.kind == SAME_PRODUCT and set(c.keys) & bags]
    assert len(same) == 3 and all(set(c.keys) <= bags for c in same)
    assert any(c.kind == "variants" and bags <= set(c.keys) for c in report.clusters)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_the_command_matches_the_contract_and_accept_writes_the_decisions(tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    listed = _cli("clusters", str(joint), "--json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    assert list(data)[:5] == ["articles", "clusters", "articles_in_clusters", "articles_if_accepted",
                              "articles_after_accepted"]
    first = data["clusters"][0]
    assert {"id", "kind", "keys", "keep", "reason"} <= set(first)
    same = [c for c in data["clusters"] if c["kind"] == "same_product"]
    assert data["articles_if_accepted"] == data["articles"] - sum(len(c["keys"]) - 1 for c in same)

    out = tmp_path / "kluster.csv"
    assert _cli("clusters", str(joint), "-o", str(out)).returncode == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["cluster", "kind", "key", "name", "supplier", "quantity", "spend", "keep", "reason"]
    assert sum(r["keep"] == "1" for r in rows) == len(data["clusters"])

    accepted = _cli("clusters", str(joint), "--accept", first["id"], "--json", "--user", "Anna Test")
    assert accepted.returncode == 0, accepted.stderr
    after = json.loads(accepted.stdout)
    assert after["articles_after_accepted"] == data["articles"] - (len(first["keys"]) - 1)
    book = openpyxl.load_workbook(joint)
    sheet = book["Sortiment"]
    header = [c.value for c in sheet[1]]
    col = {h: i for i, h in enumerate(header)}
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    for key in first["keys"]:
        if key == first["keep"]:
            assert values[key][col["Beslut"]] == "Behåll"
        else:
            assert values[key][col["Beslut"]] == "Ersätt" and values[key][col["Ersätts av"]] == first["keep"]
    log = list(book["Kluster"].iter_rows(values_only=True))
    assert log[0] == ("Kluster", "Typ", "Artikel-ID", "Beslut", "Av", "När")
    assert {(r[0], r[2], r[3], r[4]) for r in log[1:]} == {
        (first["id"], k, "Behålls" if k == first["keep"] else "Ersätts", "Anna Test") for k in first["keys"]}

    unknown = _cli("clusters", str(joint), "--accept", "KNOPE")
    assert unknown.returncode == 2 and "KNOPE" in unknown.stderr


def test_rejected_and_split_clusters_stay_decided_and_libreoffice_reads_the_log(tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    report = consolidate(joint)
    same = [c for c in report.clusters if c.kind == SAME_PRODUCT and len(c.keys) >= 3]
    rejected, split = same[0], same[1]
    leaving = split.keys[-1]
    decide(joint, [ClusterDecision(rejected, "reject"), ClusterDecision(split, "split", key=leaving)], user="Bo")
    again = consolidate(joint)
    assert again.cluster(rejected.id) is not None and again.cluster(rejected.id).status == "rejected"
    rest = [c for c in again.clusters if c.kind == SAME_PRODUCT and set(c.keys) & set(split.keys)]
    assert rest and all(leaving not in c.keys for c in rest)
    assert again.decided == 1 and again.articles_if_accepted > report.articles_if_accepted

    decide(joint, [ClusterDecision(again.cluster(rejected.id), "reopen")], user="Bo")
    assert consolidate(joint).cluster(rejected.id).status == "open"

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    done = subprocess.run([soffice, "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                           "--outdir", str(tmp_path / "lo"), str(joint)], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "lo" / "joint-Kluster.csv", encoding="utf-8", newline="") as handle:
        log = list(csv.reader(handle))
    assert log[0] == ["Kluster", "Typ", "Artikel-ID", "Beslut", "Av", "När"]
    assert sum(r[3] == "Avvisad" for r in log[1:]) == len(rejected.keys)
    assert sum(r[3] == "Utbruten" for r in log[1:]) == 1
    assert sum(r[3] == "Återöppnad" for r in log[1:]) == len(rejected.keys)


def test_accept_all_leaves_a_decision_a_person_set_and_names_it(tmp_path: Path) -> None:
    joint = tmp_path / "joint.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    report = consolidate(joint)
    cluster = next(c for c in report.clusters if c.kind == SAME_PRODUCT and len(c.keys) >= 3)
    other = cluster.others[0]
    assert _cli("apply", str(joint), "--set", f"{other}:decision=investigate").returncode in (0, 2)
    book = openpyxl.load_workbook(joint)
    sheet = book["Sortiment"]
    col = {c.value: i for i, c in enumerate(sheet[1])}
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == other)
    row[col["Beslut"]].value = "Utred"  # set by a colleague in Excel
    book.save(joint)
    done = _cli("clusters", str(joint), "--accept", "all", "--user", "Anna")
    assert done.returncode == 0, done.stderr
    assert other in done.stderr and "Utred" in done.stderr
    values = {r[0]: r for r in openpyxl.load_workbook(joint)["Sortiment"].iter_rows(min_row=2, values_only=True)}
    assert values[other][col["Beslut"]] == "Utred"
    assert all(values[k][col["Beslut"]] == "Ersätt" for k in cluster.others if k != other)


def test_accepting_into_a_csv_is_refused_by_name_and_writes_nothing(tmp_path: Path) -> None:
    listed = tmp_path / "Haninge.csv"
    shutil.copy(SAMPLE / "kommuner" / "Haninge.csv", listed)
    before = listed.read_bytes()
    done = _cli("clusters", str(listed), "--accept", "all")
    assert done.returncode == 2 and "Haninge.csv" in done.stderr and "Traceback" not in done.stderr
    assert listed.read_bytes() == before
