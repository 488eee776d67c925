"""Follow-up benchmark (issue 20): purchase lines against the sample's joint assortment (526 articles, eight
municipalities, its decisions applied), the whole ``follow_up`` (joint read, files detected, lines streamed
into DuckDB, matched and summed; no snapshot written) against ``pandas.read_csv`` merely reading the same file.

Targets: 1,000,000 lines in at most 1.5x the time of ``pandas.read_csv`` (with the file's ``sep``, ``decimal``
and ``encoding``), at no more than its peak memory; each in a fresh interpreter (imports included, as a
user's process pays them). ``--large`` (``BEHOVSANALYS_BENCH_LARGE=1``) also runs 10,000,000 lines (about
1 GB of csv, written to a temporary folder and deleted after): at most 60 s, peak memory under 2 GB.

The file: cp1252, ``;``, decimal commas, a title row, dates as 14.03.2025, thousands with spaces; lines name
their article by GTIN, supplier + supplier article no, the municipality's own key or supplier + name, about
one in ten is outside the assortment and one in twenty a credit.
Run: ``.venv/bin/python benchmarks/run.py followup`` (``--quick``: 100,000 lines, targets shown as info).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

from _harness import data_dir, peak_rss_mb_of

LINES, QUICK_LINES, LARGE_LINES = 1_000_000, 100_000, 10_000_000
RATIO, LARGE_SECONDS, LARGE_PEAK_MB = 1.5, 60.0, 2048.0
ROOT = Path(__file__).resolve().parent.parent
HEADER = ("Orderdatum;Kommun;Förvaltning;Beställare;Leverantör;Lev. art.nr;EAN;Artikelnummer;Benämning;Antal;"
          "À-pris;Belopp")
_UNITS = ("Utbildningsförvaltningen", "Vård- och omsorgsförvaltningen", "Kostenheten", "Samhällsbyggnadsförvaltningen")


def _money(value: float) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def _templates(count: int) -> list[str]:
    """``count`` lines without their date, as the sample's municipalities would buy (the part after ``;``)."""
    from workbench.assortment import read_joint

    state = read_joint(ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx")
    records = [r for r in state.records if r.price]
    rng = random.Random(20)
    out = []
    for n in range(count):
        unit, orderer = rng.choice(_UNITS), f"Beställare {n % 40}"
        if rng.random() < 0.1:
            quantity, price = rng.randrange(1, 6), round(rng.uniform(15, 250), 2)
            cells = [rng.choice(("Botkyrka", "Haninge", "Tyresö")), unit, orderer, "Kontorsgrossisten AB",
                     f"KG-{rng.randrange(10000, 99999)}", "", "", f"Övrig vara {n % 500}"]
        else:
            record = rng.choice(records)
            article = state.articles[record.article_id]
            quantity, price = rng.randrange(1, 12), float(record.price or 0)
            how = rng.random()
            gtin = record.gtin or ""
            cells = [record.municipality, unit, orderer, "", "", "", "", str(record.name or article.fields["name"])]
            if how < 0.5 and gtin:
                cells[3], cells[5] = str(record.supplier or ""), gtin
            elif how < 0.75 and record.supplier_article_no:
                cells[3], cells[4] = str(record.supplier or ""), str(record.supplier_article_no).lower()
            elif how < 0.9 and record.source_key:
                cells[6] = str(record.source_key)
            else:
                cells[3] = str(record.supplier or "")
        if rng.random() < 0.05:
            quantity = -quantity
        cells += [str(quantity), _money(price), _money(quantity * price)]
        out.append(";".join(cells))
    return out


def make_purchases(path: Path, lines: int) -> Path:
    """A purchase csv of ``lines`` lines (kept when it exists: delete it to regenerate)."""
    if path.exists():
        return path
    templates = _templates(50_000)
    start = dt.date(2025, 1, 1)
    days = [(start + dt.timedelta(days=d)).strftime("%d.%m.%Y") for d in range(365)]
    temp = path.with_suffix(".part")
    with open(temp, "w", encoding="cp1252", newline="\r\n") as out:
        out.write("Inköpsstatistik – alla kommuner\n" + HEADER + "\n")
        block = len(templates)
        for first in range(0, lines, block):
            day = days[(first // block) % 365]
            count = min(block, lines - first)
            out.write("".join(f"{day};{t}\n" for t in templates[:count]))
    temp.replace(path)
    return path


def decided_joint(folder: Path) -> Path:
    from workbench.cli import main as cli

    joint = folder / "gemensam.xlsx"
    if not joint.exists():
        shutil.copy(ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx", joint)
        decisions = ROOT / "resources" / "sample" / "uppfoljning" / "beslut.csv"
        assert cli(["apply", str(joint), "--sheet", "Sortiment", "--decisions", str(decisions)]) == 0
    return joint


def ours(joint: str, purchases: str) -> None:
    from workbench.followup import follow_up

    result = follow_up(joint, [purchases], snapshot=False)
    print(f"lines {result.lines:,}, compliance {result.compliance:.3f}, matched {result.matched_by}",
          file=sys.stderr)


def pandas_read(purchases: str) -> None:
    import pandas as pd

    pd.read_csv(purchases, sep=";", decimal=",", thousands=" ", encoding="cp1252", skiprows=1)


def _run(joint: Path, purchases: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(seconds, peak MB) of ours and of pandas, the best of ``repeat`` fresh runs each, interleaved."""
    mine, theirs = [], []
    for _ in range(repeat):
        theirs.append(peak_rss_mb_of("bench_followup:pandas_read", str(purchases)))
        mine.append(peak_rss_mb_of("bench_followup:ours", str(joint), str(purchases)))
    return (min(s for s, _ in mine), max(p for _, p in mine)), (min(s for s, _ in theirs), max(p for _, p in theirs))


def main(quick: bool = False) -> bool:
    lines = QUICK_LINES if quick else LINES
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    joint = decided_joint(folder)
    purchases = make_purchases(folder / f"followup_purchases_{lines}.csv", lines)  # bench_load has purchases_N
    (ours_s, ours_mb), (pandas_s, pandas_mb) = _run(joint, purchases, 1 if quick else 3)
    ratio = ours_s / pandas_s
    size = purchases.stat().st_size / 2**20
    print(f"\nfollowup: {lines:,} purchase lines ({size:.0f} MB csv, cp1252) against a joint of 526 articles")
    print(f"{'step':<34}{'seconds':>10}{'peak MB':>10}{'vs read_csv':>13}  verdict")
    print(f"{'pandas.read_csv (baseline)':<34}{pandas_s:>10.2f}{pandas_mb:>10.0f}{'1.00':>13}")
    passed = ratio <= RATIO and ours_mb <= pandas_mb
    verdict = ("PASS" if passed else "FAIL") if not quick else "info"
    print(f"{'follow_up':<34}{ours_s:>10.2f}{ours_mb:>10.0f}{ratio:>13.2f}  {verdict} (<= {RATIO}x, <= its MB)")
    ok = passed or quick
    if not quick and ("--large" in sys.argv or os.environ.get("BEHOVSANALYS_BENCH_LARGE")):
        ok = large(joint) and ok
    return ok


def large(joint: Path) -> bool:
    with tempfile.TemporaryDirectory(prefix="bench-followup-") as temp:
        purchases = make_purchases(Path(temp) / "purchases_10m.csv", LARGE_LINES)
        size = purchases.stat().st_size / 2**30
        seconds, peak = peak_rss_mb_of("bench_followup:ours", str(joint), str(purchases))
    passed = seconds <= LARGE_SECONDS and peak < LARGE_PEAK_MB
    print(f"{'follow_up, 10,000,000 lines':<34}{seconds:>10.2f}{peak:>10.0f}{'':>13}  "
          f"{'PASS' if passed else 'FAIL'} (<= {LARGE_SECONDS:g} s, < {LARGE_PEAK_MB:g} MB; {size:.2f} GB csv)")
    return passed


if __name__ == "__main__":
    raise SystemExit(0 if main(quick="--quick" in sys.argv) else 1)
