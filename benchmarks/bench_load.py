"""Load benchmarks of the importer: a 100,000 x 20 xlsx and a 1,000,000-line csv.

Targets (ratios to baselines measured in the same run, so they hold on any machine):

- xlsx: ``read_table`` <= 1.5x python-calamine's raw read, and <= 0.25x pandas+openpyxl; peak RSS < 600 MB.
- csv: ``read_table`` <= 1.5x ``pandas.read_csv(sep=";", decimal=",")``.

Inputs are generated once into ``benchmarks/.data/`` (gitignored). Each candidate's peak memory is
measured in a fresh interpreter; its time is the median of several in-process runs, taken in turns
with its baseline so that other work on the machine weighs on both alike.
Run: ``.venv/bin/python benchmarks/run.py load`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from _harness import Row, Timing, data_dir, make_articles_xlsx, measure, peak_rss_mb_of, print_table

XLSX_ROWS, CSV_LINES = 100_000, 1_000_000
QUICK_XLSX_ROWS, QUICK_CSV_LINES = 2_000, 20_000
OURS_VS_CALAMINE = 1.5
OURS_VS_OPENPYXL = 0.25
OURS_VS_READ_CSV = 1.5
PEAK_MB_LIMIT = 600


def make_purchase_csv(lines: int) -> Path:
    """Purchase statistics as a Swedish Excel would save them: ``;``, decimal comma, UTF-8, CRLF."""
    path = data_dir() / f"purchases_{lines}.csv"
    if path.exists():
        return path
    rng = random.Random(lines)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8", newline="") as handle:
        handle.write("Artikelnummer;Benämning;Kategori;Leverantör;Enhet;Pris;Antal;Belopp;Kommun;"
                     "Förvaltning\r\n")
        for line in range(1, lines):
            article = line % 20_000
            price = rng.randrange(50, 99_999) / 100
            quantity = rng.randrange(1, 5_000)
            handle.write(
                f"{article:06d};Artikel {article} blå;Kategori {article % 40};Leverantör AB;st;"
                f"{price:.2f};{quantity};{price * quantity:.2f};Kommun {line % 8};"
                f"Förvaltning {line % 13}\r\n".replace(".", ",")
            )
    partial.replace(path)
    return path


def read_calamine(path: str) -> None:
    from python_calamine import CalamineWorkbook

    CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


def read_openpyxl(path: str) -> None:
    import pandas as pd

    pd.read_excel(path, engine="openpyxl")


def read_pandas_csv(path: str) -> None:
    import pandas as pd

    pd.read_csv(path, sep=";", decimal=",", encoding="utf-8")


def read_ours(path: str) -> None:
    from workbench.reading.importer import read_table

    read_table(Path(path))


def _interleaved(path: str, functions: list[tuple[str, object]], repeat: int) -> dict[str, Timing]:
    """Time the candidates in turns (a, b, a, b, ...) so that a change in machine load during the run
    weighs on all of them alike; one unmeasured warm-up round first."""
    runs: dict[str, list[float]] = {name: [] for name, _ in functions}
    cpu: dict[str, list[float]] = {name: [] for name, _ in functions}
    for round_ in range(repeat + 1):
        for name, function in functions:
            started, cpu_started = time.perf_counter(), time.process_time()
            function(path)  # type: ignore[operator]
            if round_:
                runs[name].append(time.perf_counter() - started)
                cpu[name].append(time.process_time() - cpu_started)
    return {name: Timing(tuple(runs[name]), tuple(cpu[name])) for name in runs}


def _run(title: str, path: str, candidates: list[tuple[str, object, tuple[str, float] | None, int]],
         baselines: tuple[str, ...], quick: bool) -> tuple[bool, list[Row]]:
    """Peak memory of each candidate in a fresh interpreter; times interleaved in this process
    (candidates with ``repeat`` 1, the slow baseline, run once after the others). Also prints each
    interleaved candidate's CPU time (all its threads): the work done, which other jobs on the machine
    inflate far less than the wall-clock time."""
    peaks = {name: peak_rss_mb_of(f"bench_load:{function.__name__}", path)[1]  # type: ignore[attr-defined]
             for name, function, _, _ in candidates}
    repeat = 1 if quick else max(r for _, _, _, r in candidates)
    timings = _interleaved(path, [(n, f) for n, f, _, r in candidates if r > 1], repeat)
    for name, function, _, r in candidates:
        if r <= 1:
            timings[name] = measure(lambda f=function: f(path), repeat=1, warmup=0)  # type: ignore[misc]
    results = [Row(name, timings[name].median, peaks[name], target) for name, _, target, _ in candidates]
    passed = print_table(title, results, baselines=baselines, enforce=not quick)
    cpu = {name: timing.cpu_median for name, timing in timings.items() if timing.cpu_runs}
    if baselines[0] in cpu:
        print("CPU median s (all threads): " + ", ".join(
            f"{name} {seconds:.3f} ({seconds / cpu[baselines[0]]:.2f}x)" for name, seconds in cpu.items()))
    return passed, results


def main(quick: bool = False) -> bool:
    """Run both load benchmarks; True when every target passes (always True in a quick run)."""
    rows = QUICK_XLSX_ROWS if quick else XLSX_ROWS
    xlsx = str(make_articles_xlsx(rows=rows, cols=20))
    xlsx_ok, xlsx_rows = _run(
        f"load xlsx: {rows:,} rows x 20 columns", xlsx,
        [("calamine", read_calamine, None, 5),
         ("pandas+openpyxl", read_openpyxl, None, 1),
         ("workbench", read_ours, ("calamine", OURS_VS_CALAMINE), 5)],
        ("calamine", "pandas+openpyxl"), quick)
    by_name = {row.name: row for row in xlsx_rows}
    ours = by_name["workbench"]
    vs_openpyxl = ours.seconds / by_name["pandas+openpyxl"].seconds
    memory_ok = ours.peak_mb is not None and ours.peak_mb < PEAK_MB_LIMIT
    print(f"workbench vs pandas+openpyxl: {vs_openpyxl:.2f}x (target <= {OURS_VS_OPENPYXL:g}x); "
          f"peak {ours.peak_mb:.0f} MB (target < {PEAK_MB_LIMIT} MB)")
    csv_ok = main_csv(quick)
    if quick:
        return True
    return xlsx_ok and csv_ok and vs_openpyxl <= OURS_VS_OPENPYXL and memory_ok


def main_csv(quick: bool = False) -> bool:
    """The csv load benchmark alone (``run.py csv``); True when its target passes."""
    lines = QUICK_CSV_LINES if quick else CSV_LINES
    csv_path = str(make_purchase_csv(lines))
    csv_ok, _ = _run(
        f"load csv: {lines:,} lines, ';' and decimal comma", csv_path,
        [("pandas.read_csv", read_pandas_csv, None, 5),
         ("workbench", read_ours, ("pandas.read_csv", OURS_VS_READ_CSV), 5)],
        ("pandas.read_csv",), quick)
    return csv_ok or quick


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
