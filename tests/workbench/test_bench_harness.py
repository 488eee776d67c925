"""The benchmark runner works end to end on a small workbook (a smoke run, not a measurement)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_quick_open_benchmark_prints_ratios_and_exits_zero(tmp_path: Path) -> None:
    env = {**os.environ, "BEHOVSANALYS_BENCH_DATA": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "open"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert any(line.startswith("open: 2,000 rows") for line in lines)
    calamine = next(line for line in lines if line.startswith("calamine "))
    openpyxl = next(line for line in lines if line.startswith("pandas+openpyxl "))
    assert calamine.split()[2] == "1.00"  # its own ratio to itself
    assert float(openpyxl.split()[2]) > 0
    assert list(tmp_path.glob("articles_2000x20.xlsx"))


def test_unknown_benchmark_name_is_a_usage_error() -> None:
    completed = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "no_such_bench"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert completed.returncode == 2
    assert "no_such_bench" in completed.stderr
