"""The benchmark runner works end to end on a small workbook (a smoke run, not a measurement)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_every_benchmark_runs_in_an_interpreter_of_its_own(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 item 19: run in one process, the grid reported 1,396 MB (the earlier benchmarks' memory)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    commands: list[list[str]] = []

    def fake_run(command: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        return subprocess.CompletedProcess(command, 1 if "grid" in command else 0)

    monkeypatch.setattr(run.subprocess, "run", fake_run)
    monkeypatch.setattr(run, "run_here", lambda *_a: pytest.fail("a benchmark ran in the runner's process"))
    assert run.main(["--quick", "open", "grid", "review"]) == 1
    assert [c[c.index("--in-process") + 1] for c in commands] == ["open", "grid", "review"]
    assert all(c[0] == sys.executable and "--quick" in c for c in commands)
    assert "FAILED targets in: grid" in capsys.readouterr().out
