"""The csv half of ``bench_load``: the importer on a 1,000,000-line csv against ``pandas.read_csv``.

Target: ``read_table`` <= 1.5x ``pandas.read_csv(sep=";", decimal=",")``, measured in the same run.
Run: ``.venv/bin/python benchmarks/run.py csv`` (a few seconds; ``run.py load`` also runs the xlsx part).
"""

from __future__ import annotations

from bench_load import main_csv


def main(quick: bool = False) -> bool:
    return main_csv(quick)


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
