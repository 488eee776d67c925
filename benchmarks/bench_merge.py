"""Merge benchmarks of the joint assortment (issue 15).

Targets (ratios to baselines measured in the same run):

- merge eight lists of 2,500 rows (20,000 rows) into a new joint workbook <= 2x reading the eight files
  with the importer;
- re-merge one updated list into that joint workbook <= 1.5x reading that list plus the joint workbook
  with the importer: every sheet of it (``Sortiment``, ``Källrader``, ``Källor``), as a re-merge must
  read them all (it keeps IDs by matching the new rows against every kept source row);
- peak memory of the merge < 800 MB (its own interpreter).

``--national`` (``BEHOVSANALYS_BENCH_NATIONAL=1``) also merges 100 lists of 5,000 rows (500,000 rows)
once and prints its time and peak memory (no target; see docs/scaling.md).
Run: ``.venv/bin/python benchmarks/run.py merge``.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _harness import Row, Timing, data_dir, peak_rss_mb_of, print_table

LISTS, ROWS = 8, 2_500
QUICK_LISTS, QUICK_ROWS = 3, 300
MERGE_VS_READ = 2.0
REMERGE_VS_READ = 1.5
PEAK_MB_LIMIT = 800
_WORDS = ("Handske nitril", "Mugg kartong", "Sopsäck PE", "Fryspåse", "Servett vit", "Aluminiumfolie",
          "Mikrofiberduk", "Pappershandduk", "Gaffel trä", "Matlåda PP", "Diskborste", "Tvål flytande")
_CATEGORIES = ("Handskar", "Engångsartiklar", "Påsar och säckar", "Livsmedelsemballage", "Städ", "Hygien")
_SUPPLIERS = (("Nordisk Engångs AB", "NORDISK ENGÅNGS AKTIEBOLAG"), ("Abena AB", "ABENA"),
              ("Duni AB", "Duni Aktiebolag"), ("Kiilto Oy", "KIILTO"))


def _gtin(body: int) -> str:
    digits = f"{body:012d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def make_lists(count: int, rows: int, tag: str = "") -> list[Path]:
    """``count`` municipalities' lists of ``rows`` rows drawn from one catalogue (most articles recur
    across lists under other spellings); cached in the data folder."""
    import xlsxwriter

    folder = data_dir() / f"merge2_{count}x{rows}{tag}"
    paths = [folder / f"kommun_{i:03d}.xlsx" for i in range(count)]
    if all(p.exists() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    catalogue = int(rows * 2.4)
    for number, path in enumerate(paths):
        rng = random.Random(number * 7919 + rows + len(tag))
        chosen = rng.sample(range(catalogue), rows)
        book = xlsxwriter.Workbook(str(path.with_suffix(".partial.xlsx")), {"constant_memory": True})
        sheet = book.add_worksheet("Artiklar")
        # the columns an e-commerce system's article statistics have
        header = ["Artikelnummer", "Benämning", "Kategori", "Leverantör", "Lev. art.nr", "GTIN", "Enhet",
                  "Antal per förpackning", "Pris", "Antal", "Belopp", "Material", "Miljömärkning"]
        for column, name in enumerate(header):
            sheet.write_string(0, column, name)
        for row, article in enumerate(chosen, start=1):
            supplier = _SUPPLIERS[article % len(_SUPPLIERS)][number % 2]
            name = f"{_WORDS[article % len(_WORDS)]} {article}"
            article_no = f"A-{article:05d}" if number % 2 else f"a {article:05d}"
            quantity = rng.randrange(1, 2_000)
            price = 1 + article % 50
            values: list[object] = [f"K{number}-{row:05d}", name if number % 3 else name.upper(),
                                    _CATEGORIES[article % len(_CATEGORIES)], supplier, article_no,
                                    _gtin(7310000000 + article) if article % 3 else None, "st",
                                    (10, 50, 100, 250)[article % 4], price, quantity, round(quantity * price, 2),
                                    ("PE", "PP", "papper", "nitril", "trä")[article % 5],
                                    "Svanen" if article % 7 == 0 else None]
            for column, value in enumerate(values):
                if isinstance(value, str):
                    sheet.write_string(row, column, value)
                elif value is not None:
                    sheet.write_number(row, column, value)  # type: ignore[arg-type]
        book.close()
        path.with_suffix(".partial.xlsx").replace(path)
    return paths


def read_all(paths: list[str]) -> None:
    from workbench.reading.importer import read_table

    for path in paths:
        read_table(Path(path))


def merge_into(joint: str, *paths: str) -> None:
    from workbench.assortment import Source, merge_lists

    Path(joint).unlink(missing_ok=True)
    merge_lists(Path(joint), [Source(Path(p), f"Kommun {i}") for i, p in enumerate(paths)], user="bench")


def remerge(joint: str, master: str, path: str) -> None:
    from workbench.assortment import Source, merge_lists

    shutil.copyfile(master, joint)
    merge_lists(Path(joint), [Source(Path(path), "Kommun 0")], user="bench")


def read_list_and_joint(path: str, joint: str) -> None:
    from workbench.reading.importer import list_sheets, read_table

    read_table(Path(path))
    for sheet in list_sheets(Path(joint)):
        read_table(Path(joint), sheet=sheet)


def _interleaved(functions: list[tuple[str, object]], repeat: int) -> dict[str, Timing]:
    runs: dict[str, list[float]] = {name: [] for name, _ in functions}
    for round_ in range(repeat + 1):
        for name, function in functions:
            started = time.perf_counter()
            function()  # type: ignore[operator]
            if round_:
                runs[name].append(time.perf_counter() - started)
    return {name: Timing(tuple(values)) for name, values in runs.items()}


def _updated(path: Path) -> Path:
    """The first list again with every tenth quantity changed and 50 new articles (other bytes)."""
    import openpyxl

    target = path.with_name(path.stem + "_updated.xlsx")
    if target.exists():
        return target
    book = openpyxl.load_workbook(path)
    sheet = book.active
    last = sheet.max_row
    for row in range(2, last + 1, 10):
        sheet.cell(row, 10).value = (sheet.cell(row, 10).value or 0) + 5
    for extra in range(50):
        sheet.append([f"NEW-{extra}", f"Ny artikel {extra}", "Städ", "Abena AB", f"NY-{extra}", None, "st", 10, 10,
                      10, 100, "PE", None])
    book.save(target)
    return target


def national() -> None:
    paths = make_lists(100, 5_000)
    with tempfile.TemporaryDirectory() as folder:
        joint = str(Path(folder) / "national.xlsx")
        seconds, peak = peak_rss_mb_of("bench_merge:merge_into", joint, *map(str, paths))
        print(f"national: 100 lists x 5,000 rows = 500,000 rows merged in {seconds:.1f} s, peak {peak:.0f} MB, "
              f"joint workbook {Path(joint).stat().st_size / 1e6:.1f} MB" if Path(joint).exists() else
              f"national: {seconds:.1f} s, peak {peak:.0f} MB")


def main(quick: bool = False) -> bool:
    count, rows = (QUICK_LISTS, QUICK_ROWS) if quick else (LISTS, ROWS)
    paths = [str(p) for p in make_lists(count, rows)]
    repeat = 1 if quick else 5
    with tempfile.TemporaryDirectory() as folder:
        joint = str(Path(folder) / "joint.xlsx")
        _, peak = peak_rss_mb_of("bench_merge:merge_into", joint, *paths)
        timings = _interleaved([("read the lists", lambda: read_all(paths)),
                                ("merge", lambda: merge_into(joint, *paths))], repeat)
        merge_into(joint, *paths)
        master = str(Path(folder) / "master.xlsx")
        shutil.copyfile(joint, master)
        updated = str(_updated(Path(paths[0])))
        _, re_peak = peak_rss_mb_of("bench_merge:remerge", joint, master, updated)
        re_timings = _interleaved([("read list + joint", lambda: read_list_and_joint(updated, master)),
                                   ("re-merge one list", lambda: remerge(joint, master, updated))], repeat)
    merge_ok = print_table(
        f"merge: {count} lists x {rows:,} rows", [
            Row("read the lists", timings["read the lists"].median, None, None),
            Row("merge", timings["merge"].median, peak, ("read the lists", MERGE_VS_READ))],
        baselines=("read the lists",), enforce=not quick)
    remerge_ok = print_table(
        "re-merge one updated list", [
            Row("read list + joint", re_timings["read list + joint"].median, None, None),
            Row("re-merge one list", re_timings["re-merge one list"].median, re_peak,
                ("read list + joint", REMERGE_VS_READ))],
        baselines=("read list + joint",), enforce=not quick)
    memory_ok = peak < PEAK_MB_LIMIT and re_peak < PEAK_MB_LIMIT
    print(f"peak memory: merge {peak:.0f} MB, re-merge {re_peak:.0f} MB (target < {PEAK_MB_LIMIT} MB)")
    if "--national" in sys.argv or os.environ.get("BEHOVSANALYS_BENCH_NATIONAL"):
        national()
    return quick or (merge_ok and remerge_ok and memory_ok)


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
