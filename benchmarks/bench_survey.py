"""Questionnaire benchmark (issue 18): 100 forms of 500 articles each made from a joint workbook, and the
same 100 forms, filled in, collected back into it (``Enkätsvar`` grows by about 40,000 rows, ``Sortiment``
gets its two counted columns).

Targets (absolute, this machine): making the 100 forms <= 30 s; collecting them <= 30 s.
The joint workbook (2,000 articles, 100 units of 500 articles each: 50,000 source rows) is written by the
joint writer; the forms are filled with openpyxl (not timed), as a person's Excel would save them.
Run: ``.venv/bin/python benchmarks/run.py survey``.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import time
from pathlib import Path

from _harness import data_dir, peak_rss_mb_of

UNITS, ARTICLES_PER_UNIT, ARTICLES = 100, 500, 2_000
QUICK_UNITS, QUICK_ARTICLES_PER_UNIT, QUICK_ARTICLES = 5, 100, 300
MAKE_SECONDS = COLLECT_SECONDS = 30.0
_NAMES = ("Handske nitril", "Mugg kartong", "Sopsäck PE", "Fryspåse", "Servett vit", "Aluminiumfolie",
          "Mikrofiberduk", "Pappershandduk", "Gaffel trä", "Matlåda PP", "Diskborste", "Tvål flytande")
_CATEGORIES = ("handskar", "engångsartiklar", "påsar och säckar", "livsmedelsemballage", "städ", "hygien")


def make_joint(folder: Path, units: int, per_unit: int, articles: int) -> Path:
    """A joint workbook of ``articles`` articles and ``units`` municipalities buying ``per_unit`` each."""
    from workbench.assortment.joint import Article, SourceFile, SourceRecord, figures, municipality_order
    from workbench.assortment.joint_writer import write_joint
    from workbench.assortment.layout import format_id, headers

    rng = random.Random(units * per_unit)
    ids = [format_id(n) for n in range(1, articles + 1)]
    items = [Article(i, {"name": f"{_NAMES[n % len(_NAMES)]} {n} st", "category": _CATEGORIES[n % len(_CATEGORIES)],
                         "supplier": f"Leverantör {n % 17}", "supplier_article_no": f"L-{n:06d}", "unit": "st",
                         "pack_size": (1, 10, 50, 100)[n % 4]}) for n, i in enumerate(ids)]
    names = [f"Kommun {n:03d}" for n in range(1, units + 1)]
    records = []
    for unit in names:
        for article_id in rng.sample(ids, per_unit):
            quantity = rng.randrange(1, 5_000)
            records.append(SourceRecord(article_id, unit, f"{unit}.xlsx", "Artiklar", len(records) + 2,
                                        f"K{len(records)}", None, None, quantity, quantity * 12.5, 12.5, "ny"))
    now = dt.datetime(2026, 12, 1, 12, 0)
    sources = [SourceFile(f"{unit}.xlsx", unit, per_unit, None, now, "Bench") for unit in names]
    path = folder / "gemensam.xlsx"
    write_joint(path, headers("sv"), items, figures(records), municipality_order(names), records, sources)
    return path


def fill_forms(forms: list[Path], folder: Path) -> list[Path]:
    """Every form filled: about four answers in five, labels and a few free texts, a comment now and then."""
    import openpyxl

    rng = random.Random(7)
    usage = ["Dagligen", "varje vecka", "Monthly", "Sällan", "Används inte", "varannan dag"]
    future = ["Ökar", "Oförändrat", "minskar", "Upphör", "Osäkert"]
    filled = []
    folder.mkdir(parents=True, exist_ok=True)
    for form in forms:
        book = openpyxl.load_workbook(form)
        sheet = book.worksheets[0]
        row = 6
        while isinstance(sheet.cell(row, 1).value, str):
            if rng.random() < 0.8:
                sheet.cell(row, 9).value = rng.choice(usage)
                sheet.cell(row, 10).value = rng.choice(future)
                if rng.random() < 0.1:
                    sheet.cell(row, 11).value = "Behövs i köket"
            row += 1
        target = folder / form.name
        book.save(target)
        filled.append(target)
    return filled


def main(quick: bool = False) -> bool:
    from workbench.survey import collect_forms, make_forms

    units, per_unit, articles = (QUICK_UNITS, QUICK_ARTICLES_PER_UNIT, QUICK_ARTICLES) if quick else (
        UNITS, ARTICLES_PER_UNIT, ARTICLES)
    folder = data_dir() / f"survey_{units}x{per_unit}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    joint = make_joint(folder, units, per_unit, articles)
    started, cpu = time.perf_counter(), time.process_time()
    made = make_forms(joint, folder / "sent", user="Bench")
    make_s, make_cpu = time.perf_counter() - started, time.process_time() - cpu
    filled = fill_forms([f.file for f in made.forms], folder / "home")
    started, cpu = time.perf_counter(), time.process_time()
    result = collect_forms(joint, filled, user="Bench")
    collect_s, collect_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert len(result.forms) == units and not result.refused, result.summary("en")
    _, peak = peak_rss_mb_of("bench_survey:collect_again", str(joint), str(folder / "home"))
    print(f"\nsurvey: {units} forms of {per_unit} articles ({articles:,} joint articles)")
    print(f"{'step':<28}{'seconds':>10}{'CPU s':>10}{'target':>12}  verdict")
    ok = True
    for name, seconds, used, limit in (
            ("make (100 forms)" if not quick else "make", make_s, make_cpu, MAKE_SECONDS),
            ("collect (100 forms)" if not quick else "collect", collect_s, collect_cpu, COLLECT_SECONDS)):
        passed = seconds <= limit
        ok = ok and passed
        verdict = ("PASS" if passed else "FAIL") if not quick else "info"
        print(f"{name:<28}{seconds:>10.2f}{used:>10.2f}{'<= ' + format(limit, 'g') + ' s':>12}  {verdict}")
    print(f"answers collected: {result.answers:,}; peak memory of a collect (again, nothing to write): {peak:.0f} MB")
    return ok or quick


def collect_again(joint: str, home: str) -> None:
    from workbench.survey import collect_forms

    collect_forms(joint, [Path(home)], user="Bench")


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
