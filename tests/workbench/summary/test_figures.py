"""The summary's figures on the joint sample with known decisions equal an independent computation made
here from the workbook's cells (openpyxl): counts exact, money to the öre."""

from __future__ import annotations

import csv
import json
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from workbench.cli import main
from workbench.reading.importer import read_table
from workbench.summary.figures import summarise

ROOT = Path(__file__).resolve().parents[3]
JOINT = ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx"
LABELS = {"Behåll": "keep", "Ta bort": "remove", "Ersätt": "replace", "Utred": "investigate"}
DESIGN_KEYS = ["articles_before", "articles_after", "decisions", "spend_total", "spend_after",
               "volume_per_article_before", "volume_per_article_after", "plastic_kg_before", "plastic_kg_after",
               "co2e_kg_before", "co2e_kg_after", "sup_banned_left", "by_reviewer", "by_municipality"]


def _sortiment(path: Path) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book["Sortiment"].iter_rows(values_only=True)
    header = [str(h) if h is not None else "" for h in next(rows)]
    records = [dict(zip(header, row, strict=False)) for row in rows if row and row[0]]
    book.close()
    return records


def _write_decisions(path: Path, rows: list[dict[str, str]]) -> None:
    decisions = path.parent / "beslut.csv"
    with open(decisions, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["key", "decision", "replaced_by", "reviewed_by"])
        writer.writeheader()
        writer.writerows(rows)
    assert main(["apply", str(path), "--decisions", str(decisions), "--user", "test"]) == 0


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the joint sample with decisions of every kind: kept, investigated, removed, replaced by an
    article of the same unit and pack size (one by way of a chain), replaced without a replacement."""
    path = tmp_path_factory.mktemp("summary") / "gemensam.xlsx"
    shutil.copy2(JOINT, path)
    articles = _sortiment(path)
    by_shape: dict[tuple[Any, Any], list[str]] = defaultdict(list)
    for a in articles:
        by_shape[(a["Enhet"], a["Antal per förpackning"])].append(a["Artikel-ID"])
    pairs = [keys for keys in by_shape.values() if len(keys) >= 3][:6]
    rows: list[dict[str, str]] = []
    used: set[str] = set()
    for index, keys in enumerate(pairs):
        target, replaced, other = keys[0], keys[1], keys[2]
        rows.append({"key": target, "decision": "Behåll", "replaced_by": "", "reviewed_by": "Anna"})
        rows.append({"key": replaced, "decision": "Ersätt", "replaced_by": target, "reviewed_by": "Omar"})
        if index == 0:  # a chain: other -> replaced -> target
            rows.append({"key": other, "decision": "Ersätt", "replaced_by": replaced, "reviewed_by": "Omar"})
        elif index == 1:
            rows.append({"key": other, "decision": "Ersätt", "replaced_by": "", "reviewed_by": "Omar"})
        else:
            rows.append({"key": other, "decision": "Ta bort", "replaced_by": "", "reviewed_by": "Karin"})
        used.update((target, replaced, other))
    rest = [a["Artikel-ID"] for a in articles if a["Artikel-ID"] not in used]
    for i, key in enumerate(rest[:120]):
        decision = ("Behåll", "Utred", "Ta bort", "Behåll")[i % 4]
        rows.append({"key": key, "decision": decision, "replaced_by": "", "reviewed_by": ("Anna", "Karin", "")[i % 3]})
    _write_decisions(path, rows)
    return path


def _independent(path: Path) -> dict[str, Any]:
    articles = [a for a in _sortiment(path) if not a.get("Sammanslagen med") and (a.get("Kommuner") or 0) > 0]
    municipalities = [h[len("Antal "):] for h in articles[0] if h.startswith("Antal ") and h != "Antal totalt"
                      and h != "Antal per förpackning" and f"Belopp {h[len('Antal '):]}" in articles[0]]
    code = {a["Artikel-ID"]: LABELS.get(a.get("Beslut") or "") for a in articles}
    by_key = {a["Artikel-ID"]: a for a in articles}

    def final(key: str) -> str | None:
        seen = {key}
        target = by_key[key].get("Ersätts av")
        while target and code.get(target) == "replace":
            if target in seen:
                return None
            seen.add(target)
            target = by_key[target].get("Ersätts av")
        if not target or target not in by_key or code.get(target) == "remove":
            return None
        return str(target)

    def figures(quantity: Any, spend: Any, price: Any) -> dict[str, Any]:
        mine = [a for a in articles if quantity(a) or spend(a)]
        decisions = {"keep": 0, "remove": 0, "replace": 0, "investigate": 0, "undecided": 0}
        after: set[str] = set()
        spend_after = 0.0
        quantity_after = 0.0
        for a in mine:
            decisions[code[a["Artikel-ID"]] or "undecided"] += 1
            if code[a["Artikel-ID"]] not in ("remove", "replace"):
                after.add(a["Artikel-ID"])
                spend_after += quantity(a) * price(a)
                quantity_after += quantity(a)
            elif code[a["Artikel-ID"]] == "replace" and (target := final(a["Artikel-ID"])) is not None:
                after.add(target)
                spend_after += quantity(a) * price(by_key[target])
                quantity_after += quantity(a)
        return {"articles_before": len(mine), "articles_after": len(after), "decisions": decisions,
                "spend_total": round(sum(spend(a) for a in mine), 2), "spend_after": round(spend_after, 2),
                "quantity_before": sum(quantity(a) for a in mine), "quantity_after": quantity_after}

    whole = figures(lambda a: a["Antal totalt"] or 0, lambda a: a["Belopp totalt"] or 0, lambda a: a["Pris"])
    per: dict[str, Any] = {}
    for m in municipalities:
        def own_price(a: dict[str, Any], m: str = m) -> float:
            q, s = a[f"Antal {m}"] or 0, a[f"Belopp {m}"] or 0
            return float(s / q) if q > 0 and s else float(a["Pris"])

        per[m] = figures(lambda a, m=m: a[f"Antal {m}"] or 0, lambda a, m=m: a[f"Belopp {m}"] or 0, own_price)
    reviewers: dict[str, int] = defaultdict(int)
    for a in articles:
        if code[a["Artikel-ID"]] and a.get("Granskad av"):
            reviewers[str(a["Granskad av"])] += 1
    return {"whole": whole, "by_municipality": per, "by_reviewer": dict(reviewers)}


def test_the_figures_equal_an_independent_computation(decided: Path) -> None:
    truth = _independent(decided)
    summary = summarise(read_table(decided), file=decided)
    for name, expected, got in [("whole", truth["whole"], summary.whole),
                                *((m, truth["by_municipality"][m], summary.by_municipality[m])
                                  for m in truth["by_municipality"])]:
        assert got.articles_before == expected["articles_before"], name
        assert got.articles_after == expected["articles_after"], name
        assert got.decisions == expected["decisions"], name
        assert round(got.spend_total, 2) == pytest.approx(expected["spend_total"], abs=0.005), name
        assert round(got.spend_after, 2) == pytest.approx(expected["spend_after"], abs=0.01), name
        assert got.quantity_after == pytest.approx(expected["quantity_after"]), name
    assert summary.by_reviewer == truth["by_reviewer"]
    assert list(summary.by_municipality) == list(truth["by_municipality"])
    assert summary.whole.decisions["replace"] == 8 and summary.whole.articles_before == 526


def test_open_problems_name_the_articles(decided: Path) -> None:
    summary = summarise(read_table(decided))
    problems = summary.problems
    assert len(problems.replace_without_replacement) == 1
    assert len(problems.undecided) == summary.whole.decisions["undecided"]
    # every decision of the test's rows carries a reviewer except each third of the rest
    assert len(problems.decided_without_reviewer) == 40
    assert set(problems.not_reviewed) <= set(problems.undecided)


def test_plastic_before_equals_the_environment_command_and_removals_leave(decided: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["environment", str(decided), "--json"]) == 0
    environment = json.loads(capsys.readouterr().out)
    summary = summarise(read_table(decided))
    assert summary.whole.plastic_kg_before == pytest.approx(environment["plastic_kg_year"], rel=1e-9)
    assert summary.whole.plastic_kg_before > 100_000  # the sample's lists say material and weight
    table = read_table(decided)
    per_article = {a["key"]: a for a in environment["articles"]}
    decision = dict(zip(map(str, table.keys), table.review["decision"], strict=True))
    replaced_to = dict(zip(map(str, table.keys), table.review["replaced_by"], strict=True))
    quantity = dict(zip(map(str, table.keys), table.data["Antal totalt"], strict=True))
    after = 0.0
    for key, article in per_article.items():
        plastic = article["plastic_kg_year"] or 0.0
        if decision.get(key) not in ("remove", "replace"):
            after += plastic
        elif decision.get(key) == "replace":
            target = replaced_to[key]
            while decision.get(target) == "replace":
                target = replaced_to[target]
            if target and decision.get(target) != "remove" and per_article[target]["plastic_kg_year"] is not None:
                # same unit and pack size (the fixture's pairs): pieces go as the quantities
                after += per_article[target]["plastic_kg_year"] * quantity[key] / quantity[target]
    assert summary.whole.plastic_kg_after == pytest.approx(after, rel=1e-9)
    assert summary.whole.plastic_kg_after < summary.whole.plastic_kg_before
    total = sum(f.plastic_kg_before for f in summary.by_municipality.values())
    assert total == pytest.approx(summary.whole.plastic_kg_before, rel=1e-9)


def test_json_has_the_design_keys_in_order(decided: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(decided), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:len(DESIGN_KEYS)] == DESIGN_KEYS
    assert set(data["decisions"]) == {"keep", "remove", "replace", "investigate", "undecided"}
    botkyrka = data["by_municipality"]["Botkyrka"]
    assert list(botkyrka) == DESIGN_KEYS[:-2]
    assert data["spend_total"] == round(sum(r["Belopp totalt"] for r in _sortiment(decided)), 2)


def test_a_replaced_pack_moves_its_pieces(tmp_path: Path) -> None:
    """A pack of 100 replaced by single pieces moves 100 pieces per pack, at the pieces' price."""
    path = tmp_path / "lista.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Artiklar"
    sheet.append(["Artikelnr", "Benämning", "Enhet", "Antal per förpackning", "Material", "Vikt (g)", "Pris",
                  "Antal", "Belopp", "Beslut", "Ersätts av"])
    sheet.append(["A1", "Handske nitril M", "förp", 100, "nitril", 3.5, 60.0, 10, 600.0, "Ersätt", "A2"])
    sheet.append(["A2", "Handske nitril M", "st", 1, "nitril", 3.0, 0.5, 2000, 1000.0, "Behåll", None])
    book.save(path)
    summary = summarise(read_table(path))
    assert summary.whole.articles_before == 2 and summary.whole.articles_after == 1
    assert summary.whole.quantity_after == pytest.approx(2000 + 10 * 100)
    assert summary.whole.spend_after == pytest.approx(3000 * 0.5)
    assert summary.whole.plastic_kg_after == pytest.approx(3000 * 3.0 / 1000)
    assert summary.by_municipality == {}


def test_any_article_list_has_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    single = ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx"
    assert main(["summary", str(single), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles_before"] == data["decisions"]["undecided"] + sum(
        v for k, v in data["decisions"].items() if k != "undecided")
    assert data["by_municipality"] == {}


def test_a_replacement_named_by_an_id_linked_away_moves_to_its_survivor(tmp_path: Path) -> None:
    """Ersätts av written before the working group linked two articles (`workbench link`): the volume goes
    to the article that survived the link, as the tender list moves it, not lost as a missing replacement."""
    path = tmp_path / "gemensam.xlsx"
    shutil.copy2(JOINT, path)
    articles = _sortiment(path)
    same: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for a in articles:
        same[(a["Enhet"], a["Antal per förpackning"])].append(a)
    survivor, linked, replaced = next(group for group in same.values() if len(group) >= 3)[:3]
    assert main(["link", str(path), survivor["Artikel-ID"], linked["Artikel-ID"]]) == 0
    _write_decisions(path, [{"key": replaced["Artikel-ID"], "decision": "Ersätt",
                             "replaced_by": linked["Artikel-ID"], "reviewed_by": "Anna"}])
    summary = summarise(read_table(path))
    assert summary.problems.replacement_not_found == {} and summary.problems.replacement_leaves == {}
    assert summary.whole.quantity_after == pytest.approx(summary.whole.quantity_before)
    assert summary.whole.articles_after == summary.whole.articles_before - 1
