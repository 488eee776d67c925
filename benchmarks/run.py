"""Run the benchmarks: ``.venv/bin/python benchmarks/run.py [--quick] [names]``.

Each ``benchmarks/bench_<name>.py`` exposes ``main(quick: bool = False) -> bool`` (True when all its
targets pass). With no names every benchmark runs. Exits 1 when a target fails, 2 on an unknown name.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def available() -> list[str]:
    """The benchmark names found beside this script, sorted."""
    return sorted(path.stem.removeprefix("bench_") for path in BENCH_DIR.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all): {', '.join(available())}")
    parser.add_argument("--quick", action="store_true", help="small sizes, targets not enforced (smoke run)")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.print_usage(sys.stderr)
        print(f"unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for folder in (BENCH_DIR.parent, BENCH_DIR):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    failed = []
    for name in names:
        module = importlib.import_module(f"bench_{name}")
        if not module.main(quick=args.quick):
            failed.append(name)
    if failed:
        print(f"\nFAILED targets in: {', '.join(failed)}")
        return 1
    print("\nall targets met" if not args.quick else "\nquick run done (targets not enforced)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
