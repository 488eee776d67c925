"""Shared helpers for the benchmark scripts: timing, peak memory, test data and a result table.

Each ``bench_*.py`` measures candidates with :func:`measure` (in process, median of several runs) and
:func:`peak_rss_mb_of` (one run in a fresh interpreter, so the memory figure is that call's alone), then
prints them with :func:`print_table`, which also checks each candidate's target ratio.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_ENV = "BEHOVSANALYS_BENCH_DATA"


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs of one callable."""

    runs: tuple[float, ...]
    cpu_runs: tuple[float, ...] = ()
    """This process's CPU seconds of each run: on a machine shared with other jobs, a figure that the
    others' load does not inflate (it leaves out waiting, e.g. for the disk to sync)."""

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_runs) if self.cpu_runs else float("nan")

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def measure(fn: Callable[[], Any], *, repeat: int = 5, warmup: int = 1) -> Timing:
    """Call ``fn`` ``warmup`` times unmeasured, then ``repeat`` times measured."""
    for _ in range(warmup):
        fn()
    runs, cpu_runs = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        fn()
        runs.append(time.perf_counter() - start)
        cpu_runs.append(time.process_time() - cpu_start)
    return Timing(tuple(runs), tuple(cpu_runs))


_CHILD = """
import importlib, json, resource, sys, threading, time


def own_peak_kb():
    # VmHWM is the peak of this process's own address space, which exec starts afresh; ru_maxrss of
    # RUSAGE_SELF is not: Linux carries the peak of the process that forked (and exec'd) this one into
    # it, so a child of a parent that had grown would report the parent's peak.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


tree_peak_kb = [0]
done = threading.Event()


def sample_tree():
    # programs the call runs (LibreOffice, the writer's read-back helper) run beside it: the peak of
    # the whole process tree's resident memory, sampled every 10 ms (their ru_maxrss would carry this
    # process's peak at the time of the fork, as above)
    try:
        import psutil
    except ImportError:
        return
    me = psutil.Process()
    while not done.wait(0.01):
        total = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        tree_peak_kb[0] = max(tree_peak_kb[0], total // 1024)


module_name, function_name = sys.argv[1].split(":")
function = getattr(importlib.import_module(module_name), function_name)
args = json.loads(sys.argv[2])
sampler = threading.Thread(target=sample_tree, daemon=True)
sampler.start()
start = time.perf_counter()
function(*args)
seconds = time.perf_counter() - start
done.set()
sampler.join()
print(json.dumps({"seconds": seconds, "peak_kb": max(own_peak_kb(), tree_peak_kb[0])}))
"""


def peak_rss_mb_of(callable_path: str, *args: Any) -> tuple[float, float]:
    """Run ``module:function`` with JSON-able ``args`` in a fresh interpreter: (wall seconds, peak RSS MB).

    The peak is read inside the child, from its own address space (``VmHWM``; ``ru_maxrss`` elsewhere),
    so it is that call's alone whatever this process did before: ``ru_maxrss`` would carry this
    process's peak into the child on Linux, and ``RUSAGE_CHILDREN`` here would be the maximum over every
    child ever waited for. Programs the call starts (LibreOffice, the writer's helper process) run beside
    it: the whole process tree's resident memory is sampled every 10 ms and the peak is the larger of
    that sum and the call's own ``VmHWM``. It includes the interpreter and imports, which is what a
    user's process pays too.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(BENCH_DIR), str(REPO), *filter(None, [env.get("PYTHONPATH")])]
    )
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, callable_path, json.dumps([str(a) if isinstance(a, Path) else a
                                                                   for a in args])],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{callable_path} failed:\n{completed.stderr}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return float(result["seconds"]), result["peak_kb"] / 1024


SEARCH_WORDS = (
    "mugg", "sugrör", "handske", "servett", "fryspåse", "sopsäck", "diskborste", "matlåda", "aluminium",
    "kartong", "bestick", "tallrik", "nitril", "papper", "gaffel", "mikrofiber", "kniv", "ägglåda",
    "handduk", "folie", "plastpåse", "zink",
)
"""More words than the core keeps searches for (16): a benchmark that cycles through them measures a
search never made before every time, not a cached one."""


def search_words(first: str = "mugg") -> Any:
    """An endless cycle of :data:`SEARCH_WORDS` starting at ``first``."""
    import itertools

    start = SEARCH_WORDS.index(first)
    return itertools.cycle(SEARCH_WORDS[start:] + SEARCH_WORDS[:start])


def data_dir() -> Path:
    """Where generated test files are cached: ``benchmarks/.data`` (gitignored), or ``$BEHOVSANALYS_BENCH_DATA``."""
    path = Path(os.environ.get(DATA_ENV) or BENCH_DIR / ".data")
    path.mkdir(parents=True, exist_ok=True)
    return path


ARTICLE_HEADERS = (
    "Artikelnummer", "Benämning", "Kategori", "Leverantör", "Lev. art.nr", "GTIN", "Enhet",
    "Antal per förpackning", "Pris", "Antal", "Belopp", "Material", "Vikt (g)", "Miljömärkning", "Kommun",
    "Förvaltning",
)
_NAMES = (
    "Handske nitril puderfri blå", "Mugg kartong", "Sopsäck PE svart", "Fryspåse", "Servett 2-lager vit",
    "Aluminiumfolie", "Mikrofiberduk blå", "Handduk pappersark 2-lager", "Plastbestick gaffel PS vit",
    "Kopieringspapper A4 80 g", "Matlåda PP med lock", "Diskborste trä",
)
_CATEGORIES = ("handskar", "engångsartiklar", "påsar och säckar", "livsmedelsemballage", "städ", "hygien", "kontor")
_SUPPLIERS = ("Nordisk Engångs AB", "Hygienkompaniet", "Städgrossisten Syd", "Förpacka Norden AB")
_MATERIALS = ("PE", "PP", "PET", "papper", "nitril", "kartong", "aluminium", "trä", "blandat")
_LABELS = ("", "", "", "Svanen", "EU Ecolabel", "FSC")
_MUNICIPALITIES = ("Botkyrka", "Huddinge", "Haninge", "Nynäshamn", "Salem", "Södertälje", "Tyresö", "Nykvarn")


def make_articles_xlsx(path: Path | None = None, rows: int = 100_000, cols: int = 20) -> Path:
    """An article list of ``rows`` rows and ``cols`` columns, header in row 1; cached by size.

    With ``path`` None the file is ``data_dir()/articles_<rows>x<cols>.xlsx``. An existing file is reused;
    a new one is written beside it first and renamed, so an interrupted run never leaves a half file.
    Columns are the sample's article columns (``Artikelnummer`` as text with leading zeros), then
    ``Extra n`` number columns up to ``cols``.
    """
    import xlsxwriter

    path = path or data_dir() / f"articles_{rows}x{cols}.xlsx"
    if path.exists():
        return path
    rng = random.Random(rows * 1000 + cols)
    headers = [*ARTICLE_HEADERS[:cols], *(f"Extra {n}" for n in range(1, cols - len(ARTICLE_HEADERS) + 1))]
    partial = path.with_name(path.name + ".partial")
    workbook = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = workbook.add_worksheet("Artiklar")
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header)
    for row in range(1, rows + 1):
        price = round(rng.uniform(0.5, 900), 2)
        quantity = rng.randrange(1, 5000)
        values: list[str | float] = [
            f"{row:07d}", f"{rng.choice(_NAMES)} {rng.randrange(1, 60)}", rng.choice(_CATEGORIES),
            rng.choice(_SUPPLIERS), f"LA-{rng.randrange(100000, 999999)}",
            f"73{rng.randrange(10**10, 10**11):011d}", rng.choice(("st", "förp", "rulle", "kartong")),
            rng.choice((1, 10, 50, 100, 250)), price, quantity, round(price * quantity, 2),
            rng.choice(_MATERIALS), round(rng.uniform(0.5, 2000), 1), rng.choice(_LABELS),
            rng.choice(_MUNICIPALITIES), "Vård- och omsorgsförvaltningen",
        ]
        values = values[:cols] + [round(rng.uniform(0, 1000), 2) for _ in range(cols - len(values))]
        for col, value in enumerate(values):
            if isinstance(value, str):
                if value:
                    sheet.write_string(row, col, value)
            else:
                sheet.write_number(row, col, value)
    workbook.close()
    partial.replace(path)
    return path


@dataclass(frozen=True)
class Row:
    """One candidate's result; ``target`` is (baseline name, maximum ratio to it), or None for a baseline.
    ``info``: the ratio to the target's baseline is shown for the record, never as a verdict."""

    name: str
    seconds: float
    peak_mb: float | None = None
    target: tuple[str, float] | None = None
    info: bool = False


def print_table(title: str, rows: Sequence[Row], *, baselines: Sequence[str] = (),
                enforce: bool = True) -> bool:
    """Print the results with a ratio column per baseline and the target check; True when all targets pass.

    With ``enforce`` False (quick smoke runs, where start-up overhead dominates) targets are shown as
    ``info`` and never fail.
    """
    by_name = {row.name: row for row in rows}
    baselines = baselines or [row.name for row in rows if row.target is None][:1]
    widths = [max(12, len(name) + 4) for name in baselines]
    header = f"{'candidate':<24}{'median s':>10}" + "".join(
        f"{'x ' + name:>{width}}" for name, width in zip(baselines, widths, strict=True)
    )
    header += f"{'peak MB':>10}  target"
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    all_pass = True
    for row in rows:
        line = f"{row.name:<24}{row.seconds:>10.3f}"
        for name, width in zip(baselines, widths, strict=True):
            base = by_name.get(name)
            line += f"{row.seconds / base.seconds:>{width}.2f}" if base and base.seconds > 0 else f"{'-':>{width}}"
        line += f"{row.peak_mb:>10.0f}" if row.peak_mb is not None else f"{'-':>10}"
        if row.target is not None:
            base_name, limit = row.target
            ratio = row.seconds / by_name[base_name].seconds
            passed = ratio <= limit
            verdict = ("PASS" if passed else "FAIL") if enforce and not row.info else "info"
            all_pass = all_pass and (passed or not enforce or row.info)
            line += f"  <= {limit:g}x {base_name}: {verdict} ({ratio:.2f}x)"
        print(line)
    return all_pass
