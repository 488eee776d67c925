"""The review benchmark runs end to end at its small size (a smoke run: figures are not asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_quick_review_benchmark_prints_every_case_and_exits_zero(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "review"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "BEHOVSANALYS_BENCH_DATA": str(tmp_path)},
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert any(line.startswith("review grid core: 5,000 rows, in memory") for line in lines)
    for case in ("sort by name (text)", "text search 'sugrör'", "facet counts supplier", "bulk edit"):
        assert any(line.startswith(case) for line in lines), case
