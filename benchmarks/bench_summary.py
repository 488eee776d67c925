"""Summary benchmark (issue 19): ``workbench summary JOINT.xlsx -o OUT.pdf`` on a 20,000-article joint
workbook of eight municipalities with decisions of every kind, materials and weights.

Target: at most 3 s for the whole command (interpreter start, reading, figures, environment, PDF), the
median of three runs, each in a process of its own. Beside it, for where the time goes: reading the
workbook alone (read_table), the figures (summarise, environment included) and the PDF in process.
Run: ``.venv/bin/python benchmarks/run.py summary``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import REPO, Row, Timing, data_dir, peak_rss_mb_of, print_table

ARTICLES, QUICK_ARTICLES = 20_000, 1_000
LIMIT_SECONDS = 3.0
MUNICIPALITIES = ("Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje", "Tyresö")
_FAMILIES = (
    ("Sugrör PLA", "PLA", 0.4, "st", "engångsartiklar"), ("Mugg PP", "PP", 4.0, "st", "engångsartiklar"),
    ("Pappersmugg PE-belagd", "papper/PE", 9.0, "st", "engångsartiklar"),
    ("Handske nitril", "nitril", 3.5, "förp", "handskar"), ("Handske vinyl", "vinyl", 4.0, "förp", "handskar"),
    ("Sopsäck PE", "PE", 30.0, "rle", "påsar och säckar"), ("Bestick trä", "trä", 2.0, "st", "engångsartiklar"),
    ("Matlåda PP med lock", "PP", 18.0, "st", "livsmedelsemballage"),
    ("Fryspåse LDPE", "PE-LD", 3.0, "rle", "påsar och säckar"), ("Servett papper", "papper", 1.5, "förp", "hygien"),
    ("Aluminiumfolie", "aluminium", 250.0, "rle", "livsmedelsemballage"), ("Mikrofiberduk", "polyester", 40.0,
                                                                           "st", "städ"),
)
_DECISIONS = ("Behåll", "Behåll", "Ta bort", "Ersätt", "Utred", None)


def make_joint(count: int) -> Path:
    """A joint workbook (``Sortiment``, ``Källrader``, ``Källor``) of ``count`` articles, cached."""
    import xlsxwriter

    path = data_dir() / f"summary_joint_{count}.xlsx"
    if path.exists():
        return path
    rng = random.Random(count)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet("Sortiment")
    header = ["Artikel-ID", "Benämning", "Kategori", "Leverantör", "Leverantörens artikelnummer", "GTIN", "Enhet",
              "Antal per förpackning", "Material", "Vikt (g)", "Miljömärkning", "Pris"]
    for name in MUNICIPALITIES:
        header += [f"Antal {name}", f"Belopp {name}"]
    header += ["Antal totalt", "Belopp totalt", "Kommuner", "Sammanslagen med", "Användning", "Framtida behov",
               "Miljöpoäng", "Beslut", "Ersätts av", "Kommentar", "Granskad av", "Granskad"]
    for column, name in enumerate(header):
        sheet.write_string(0, column, name)
    for row in range(1, count + 1):
        family, material, weight, unit, category = _FAMILIES[row % len(_FAMILIES)]
        price = round(rng.uniform(0.2, 400), 4)
        quantities = [rng.randrange(0, 3_000) if rng.random() < 0.6 else 0 for _ in MUNICIPALITIES]
        if not any(quantities):
            quantities[row % len(MUNICIPALITIES)] = rng.randrange(1, 500)
        decision = _DECISIONS[row % len(_DECISIONS)]
        values: list[object] = [f"G{row:05d}", f"{family} {rng.randrange(5, 60)} cm nr {row}", category,
                                f"Leverantör {row % 40}", f"L{row:06d}", None, unit, (1, 10, 50, 100)[row % 4],
                                material if row % 9 else None, round(weight * rng.uniform(0.8, 1.2), 2), None,
                                price]
        for quantity in quantities:
            values += [quantity, round(quantity * price * rng.uniform(0.95, 1.05), 2)]
        values += [sum(quantities), round(sum(v for v in values[13::2] if isinstance(v, float | int)), 2),
                   sum(1 for q in quantities if q), None, None, None, None, decision,
                   f"G{max(1, row - 1 - (row % 7)):05d}" if decision == "Ersätt" else None, None,
                   ("Anna Lind", "Omar Haddad", "Karin Ek")[row % 3] if decision else None, None]
        for column, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, column, value)
            elif value is not None:
                sheet.write_number(row, column, value)  # type: ignore[arg-type]
    sources = book.add_worksheet("Källrader")
    for column, name in enumerate(("Artikel-ID", "Kommun", "Fil", "Blad", "Rad", "Källnyckel", "Lev. art.nr",
                                   "GTIN", "Antal", "Belopp", "Pris", "Matchning")):
        sources.write_string(0, column, name)
    files = book.add_worksheet("Källor")
    for column, name in enumerate(("Fil", "Kommun", "Rader", "Fingeravtryck", "Sammanslagen", "Av")):
        files.write_string(0, column, name)
    book.close()
    partial.replace(path)
    return path


def summarise_file(path: str) -> object:
    from workbench.reading.importer import read_table
    from workbench.summary.figures import summarise

    return summarise(read_table(Path(path)), file=Path(path))


def pdf_of(path: str, out: str) -> None:
    from workbench.summary.pdf import write_pdf

    write_pdf(summarise_file(path), Path(out))  # type: ignore[arg-type]


def _command(path: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "workbench", "summary", str(path), "-o", str(out)], check=True,
                   capture_output=True, cwd=REPO)
    return time.perf_counter() - started


def main(quick: bool = False) -> bool:
    from workbench.reading.importer import read_table
    from workbench.summary.figures import summarise
    from workbench.summary.pdf import pdf_bytes

    count = QUICK_ARTICLES if quick else ARTICLES
    path = make_joint(count)
    repeat = 1 if quick else 3
    reads, figures, pdfs, commands = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sammanfattning.pdf"
        for _ in range(repeat):
            started = time.perf_counter()
            table = read_table(path)
            read_done = time.perf_counter()
            summary = summarise(table, file=path)
            figures_done = time.perf_counter()
            pdf_bytes(summary)
            pdf_done = time.perf_counter()
            reads.append(read_done - started)
            figures.append(figures_done - read_done)
            pdfs.append(pdf_done - figures_done)
            commands.append(_command(path, out))
        pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
        _, peak = peak_rss_mb_of("bench_summary:pdf_of", str(path), str(Path(folder) / "peak.pdf"))
    command = Timing(tuple(commands)).median
    ok = print_table(f"summary: {count:,} joint articles, eight municipalities, PDF ({pages} page objects)", [
        Row("read_table", Timing(tuple(reads)).median, None, None),
        Row("summarise", Timing(tuple(figures)).median, None, None),
        Row("pdf", Timing(tuple(pdfs)).median, None, None),
        Row("workbench summary -o", command, peak, None),
    ], baselines=("read_table",), enforce=not quick)
    within = command <= LIMIT_SECONDS
    print(f"  workbench summary -o OUT.pdf {command:.2f} s <= {LIMIT_SECONDS:g} s: "
          f"{'PASS' if within or quick else 'FAIL'}{' (quick: info)' if quick else ''}")
    return (ok and within) or quick


if __name__ == "__main__":
    sys.exit(0 if main("--quick" in sys.argv) else 1)
