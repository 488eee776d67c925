"""Tender list benchmark (issue 19): ``workbench tender`` on a joint workbook of 20,000 articles and eight
municipalities, a third of them decided (removed, replaced, kept, investigated).

Target (absolute, this machine): the tender list of the 20,000 articles written in <= 5 s ("a few seconds").
The joint workbook is written by the joint writer (``bench_survey.make_joint``) and the decisions by
``workbench apply`` (neither timed).
Run: ``.venv/bin/python benchmarks/run.py tender``.
"""

from __future__ import annotations

import random
import shutil
import time

from _harness import data_dir, peak_rss_mb_of
from bench_survey import make_joint

UNITS, PER_UNIT, ARTICLES = 8, 10_000, 20_000
QUICK_UNITS, QUICK_PER_UNIT, QUICK_ARTICLES = 3, 200, 500
TENDER_SECONDS = 5.0


def decide(joint: str, articles: int) -> None:
    """A third of the articles decided: removed, replaced by an article kept, kept or investigated."""
    from workbench.assortment.layout import format_id
    from workbench.cli import main

    rng = random.Random(19)
    chosen = rng.sample(range(1, articles + 1), articles // 3)
    lines = ["key,decision,replaced_by"]
    keepers = chosen[: len(chosen) // 4]
    for number in keepers:
        lines.append(f"{format_id(number)},Behåll,")
    for index, number in enumerate(chosen[len(keepers):]):
        kind = index % 3
        if kind == 0:
            lines.append(f"{format_id(number)},Ta bort,")
        elif kind == 1:
            lines.append(f"{format_id(number)},Ersätt,{format_id(rng.choice(keepers))}")
        else:
            lines.append(f"{format_id(number)},Utred,")
    decisions = data_dir() / "tender_decisions.csv"
    decisions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["apply", joint, "--decisions", str(decisions), "--user", "Bench"]) == 0


def tender(joint: str, out: str) -> None:
    from workbench.tender import make_tender

    make_tender(joint, out)


def main(quick: bool = False) -> bool:
    from workbench.tender import make_tender

    units, per_unit, articles = (QUICK_UNITS, QUICK_PER_UNIT, QUICK_ARTICLES) if quick else (
        UNITS, PER_UNIT, ARTICLES)
    folder = data_dir() / f"tender_{units}x{per_unit}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    joint = make_joint(folder, units, per_unit, articles)
    decide(str(joint), articles)
    out = folder / "anbud.xlsx"
    timings = []
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        report = make_tender(joint, out)
        timings.append((time.perf_counter() - started, time.process_time() - cpu))
    seconds, used = min(timings)
    _, peak = peak_rss_mb_of("bench_tender:tender", str(joint), str(folder / "again.xlsx"))
    passed = seconds <= TENDER_SECONDS
    verdict = ("PASS" if passed else "FAIL") if not quick else "info"
    print(f"\ntender: {articles:,} joint articles, {units} municipalities; {report.articles:,} in the list "
          f"({report.removed:,} removed, {report.replaced:,} replaced, {report.volume_moved:,} volumes moved)")
    print(f"{'step':<28}{'seconds':>10}{'CPU s':>10}{'target':>12}  verdict")
    print(f"{'tender (best of 3)':<28}{seconds:>10.2f}{used:>10.2f}{'<= ' + format(TENDER_SECONDS, 'g') + ' s':>12}"
          f"  {verdict}")
    print(f"peak memory: {peak:.0f} MB; file {out.stat().st_size / 1e6:.1f} MB")
    return passed or quick


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
