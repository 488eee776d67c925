"""Open a 100,000-row workbook: python-calamine raw read vs pandas+openpyxl vs our importer.

The importer (``workbench.reading.importer.read_table``) is measured when it exists; its target is a ratio to
the raw calamine read measured in the same run, so the figure does not depend on the machine.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from _harness import Row, make_articles_xlsx, measure, peak_rss_mb_of, print_table

FULL_ROWS = 100_000
QUICK_ROWS = 2_000
OURS_VS_CALAMINE = 1.5  # header detection and typed columns may cost at most this much over a raw read


def read_calamine(path: str) -> None:
    """Every cell as Python values, the least any reader can do."""
    from python_calamine import CalamineWorkbook

    CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


def read_openpyxl(path: str) -> None:
    """What most tools do: pandas with the openpyxl engine."""
    import pandas as pd

    pd.read_excel(path, engine="openpyxl")


def read_ours(path: str) -> None:
    """Our importer, producing the full SourceTable."""
    from workbench.reading.importer import read_table

    read_table(Path(path))


def _have_importer() -> bool:
    try:
        return importlib.util.find_spec("workbench.reading.importer") is not None
    except ImportError:
        return False


def main(quick: bool = False) -> bool:
    """Run the benchmark; True when every target passes (always True in a quick smoke run)."""
    rows = QUICK_ROWS if quick else FULL_ROWS
    path = str(make_articles_xlsx(rows=rows, cols=20))
    candidates = [("calamine", read_calamine, None, 5), ("pandas+openpyxl", read_openpyxl, None, 1)]
    if _have_importer():
        candidates.append(("workbench", read_ours, ("calamine", OURS_VS_CALAMINE), 3))
    results = []
    for name, function, target, repeat in candidates:
        _, peak_mb = peak_rss_mb_of(f"bench_open:{function.__name__}", path)
        timing = measure(lambda f=function: f(path), repeat=1 if quick else repeat, warmup=0 if quick else 1)
        results.append(Row(name, timing.median, peak_mb, target))
    return print_table(
        f"open: {rows:,} rows x 20 columns", results, baselines=("calamine", "pandas+openpyxl"), enforce=not quick
    )


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
