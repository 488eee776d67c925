"""Environment benchmark (issue 16): scoring and estimating 20,000 articles (suggested score, reasons,
requirement level, SUP rule, plastic kg and CO2e per year) against reading that joint-sized list.

Target (same run): ``assess_table`` <= 0.5x ``read_table`` of the list it assesses; shown beside it, for
the record, the same with every article's ``Assessment`` object built (the app's grid asks for them, in its
worker) and with the csv written (``workbench environment -o``). Names are drawn from
the product families municipalities buy, each article its own name (article numbers and sizes differ), so
the assessor's per-text cache helps no more than real lists let it.
Run: ``.venv/bin/python benchmarks/run.py environment``.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from _harness import Row, Timing, data_dir, peak_rss_mb_of, print_table

ARTICLES, QUICK_ARTICLES = 20_000, 1_000
TARGET = 0.5
_FAMILIES = (
    ("Sugrör PLA", "PLA", 0.4, "st"), ("Sugrör papper", "papper", 0.5, "st"), ("Mugg PP", "PP", 4.0, "st"),
    ("Pappersmugg PE-belagd", "papper/PE", 9.0, "st"), ("Handske nitril", "nitril", 3.5, "förp"),
    ("Handske vinyl", "vinyl", 4.0, "förp"), ("Sopsäck PE", "PE", 30.0, "rle"), ("Bestick trä", "trä", 2.0, "st"),
    ("Tallrik kartong", "kartong", 12.0, "st"), ("Matlåda PP med lock", "PP", 18.0, "st"),
    ("Fryspåse LDPE", "PE-LD", 3.0, "rle"), ("Servett papper", "papper", 1.5, "förp"),
    ("Aluminiumfolie", "aluminium", 250.0, "rle"), ("Mikrofiberduk", "polyester", 40.0, "st"),
)


def make_list(count: int) -> Path:
    import xlsxwriter

    path = data_dir() / f"environment_{count}.xlsx"
    if path.exists():
        return path
    rng = random.Random(count)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet("Sortiment")
    header = ["Artikel-ID", "Benämning", "Kategori", "Material", "Vikt (g)", "Enhet", "Antal per förpackning",
              "Antal totalt", "Miljömärkning"]
    for column, name in enumerate(header):
        sheet.write_string(0, column, name)
    for row in range(1, count + 1):
        family, material, weight, unit = _FAMILIES[row % len(_FAMILIES)]
        values: list[object] = [f"G{row:05d}", f"{family} {rng.randrange(5, 60)} cm nr {row}", "Engångsartiklar",
                                material if row % 9 else None, round(weight * rng.uniform(0.8, 1.2), 2),
                                unit, (1, 10, 50, 100)[row % 4], rng.randrange(10, 50_000),
                                "Svanen" if row % 11 == 0 else None]
        for column, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, column, value)
            elif value is not None:
                sheet.write_number(row, column, value)  # type: ignore[arg-type]
    book.close()
    partial.replace(path)
    return path


def read(path: str) -> object:
    from workbench.reading.importer import read_table

    return read_table(Path(path))


def assess(path: str) -> None:
    from workbench.environment import assess_table

    assess_table(read(path))  # type: ignore[arg-type]


def main(quick: bool = False) -> bool:
    import io

    from workbench.environment import assess_table

    count = QUICK_ARTICLES if quick else ARTICLES
    path = str(make_list(count))
    table = read(path)
    repeat = 1 if quick else 5
    reads: list[float] = []
    scores: list[float] = []
    built: list[float] = []
    written: list[float] = []
    for round_ in range(repeat + 1):
        started = time.perf_counter()
        read(path)
        between = time.perf_counter()
        report = assess_table(table)  # type: ignore[arg-type]  # a fresh assessor each time: no warm cache
        ended = time.perf_counter()
        report.articles  # noqa: B018  # what the app's grid and detail pane ask for
        objects = time.perf_counter()
        assess_table(table).write_csv(io.StringIO())  # type: ignore[arg-type]  # workbench environment -o
        csv_ended = time.perf_counter()
        if round_:
            reads.append(between - started)
            scores.append(ended - between)
            built.append(objects - between)
            written.append(csv_ended - objects)
    _, peak = peak_rss_mb_of("bench_environment:assess", path)
    return print_table(f"environment: {count:,} articles scored and estimated", [
        Row("read_table (the list)", Timing(tuple(reads)).median, None, None),
        Row("assess_table", Timing(tuple(scores)).median, peak, ("read_table (the list)", TARGET)),
        Row("  + Assessment objects", Timing(tuple(built)).median, None, ("read_table (the list)", TARGET), info=True),
        Row("assess_table + csv", Timing(tuple(written)).median, None, ("read_table (the list)", TARGET), info=True),
    ], baselines=("read_table (the list)",), enforce=not quick) or quick


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
