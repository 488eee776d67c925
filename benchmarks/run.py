"""Run the benchmarks: ``.venv/bin/python benchmarks/run.py [--quick] [names]``.

Each ``benchmarks/bench_<name>.py`` exposes ``main(quick: bool = False) -> bool`` (True when all its
targets pass). With no names every benchmark runs. Exits 1 when a target fails (or a benchmark
crashes), 2 on an unknown name.

Every benchmark runs in an interpreter of its own, so the memory it reports is its own: run in one
process, the grid's resident memory would include what the load and open benchmarks still held.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def available() -> list[str]:
    """The benchmark names found beside this script, sorted."""
    return sorted(path.stem.removeprefix("bench_") for path in BENCH_DIR.glob("bench_*.py"))


def run_here(name: str, quick: bool) -> bool:
    """Run one benchmark in this process; True when its targets pass."""
    for folder in (BENCH_DIR.parent, BENCH_DIR):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    module = importlib.import_module(f"bench_{name}")
    return bool(module.main(quick=quick))


def run_apart(name: str, quick: bool) -> int:
    """Run one benchmark in a fresh interpreter (its output goes straight to ours); its exit code."""
    command = [sys.executable, str(Path(__file__).resolve()), "--in-process", name, *(["--quick"] if quick else [])]
    sys.stdout.flush()
    return subprocess.run(command, env=dict(os.environ), check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all): {', '.join(available())}")
    parser.add_argument("--quick", action="store_true", help="small sizes, targets not enforced (smoke run)")
    parser.add_argument("--in-process", metavar="NAME", help=argparse.SUPPRESS)  # the child of run_apart
    args = parser.parse_args(argv)
    if args.in_process:
        return 0 if run_here(args.in_process, args.quick) else 1
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.print_usage(sys.stderr)
        print(f"unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    failed, crashed = [], []
    for name in names:
        code = run_apart(name, args.quick)
        if code == 1:
            failed.append(name)
        elif code != 0:
            crashed.append(f"{name} (exit code {code})")
    if crashed:
        print(f"\nCRASHED: {', '.join(crashed)}")
    if failed:
        print(f"\nFAILED targets in: {', '.join(failed)}")
    if failed or crashed:
        return 1
    print("\nall targets met" if not args.quick else "\nquick run done (targets not enforced)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
