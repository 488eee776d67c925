"""The follow-up's progress hooks: ``on_file`` before each file, ``on_loaded`` after it with the lines
loaded so far (the app's lines per second), and a cancel raised from a hook stops the run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.followup import follow_up
from workbench.resources import resource_path

SAMPLE = resource_path("sample")
FILES = SAMPLE / "uppfoljning" / "inkop"
ROOT = Path(__file__).resolve().parents[3]


def decided_joint(folder: Path) -> Path:
    """The sample's joint workbook with the sample's decisions (beslut.csv) applied."""
    joint = folder / "gemensam.xlsx"
    shutil.copy(SAMPLE / "sodertorn_gemensam.xlsx", joint)
    done = subprocess.run([sys.executable, "-m", "workbench", "apply", str(joint), "--sheet", "Sortiment",
                           "--decisions", str(SAMPLE / "uppfoljning" / "beslut.csv")], cwd=ROOT,
                          env={**os.environ, "BEHOVSANALYS_LANG": "sv"}, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return joint


class Stop(Exception):
    pass


def test_on_loaded_counts_the_lines_after_each_file(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path)
    files = sorted(FILES.iterdir())
    events: list[tuple[str, int, int]] = []
    result = follow_up(joint, files, snapshot=False, on_file=lambda i, _f: events.append(("file", i, -1)),
                       on_loaded=lambda i, lines: events.append(("loaded", i, lines)))
    assert [e[:2] for e in events] == [(kind, i) for i in range(len(files)) for kind in ("file", "loaded")]
    counts = [lines for kind, _, lines in events if kind == "loaded"]
    assert counts == sorted(counts) and counts[0] > 0
    assert counts[-1] == result.lines  # no date filter: every line loaded is counted


def test_raising_from_on_loaded_stops_before_the_snapshot(tmp_path: Path) -> None:
    joint = decided_joint(tmp_path)
    before = joint.read_bytes()

    def stop(_index: int, _lines: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        follow_up(joint, sorted(FILES.iterdir()), snapshot=True, on_loaded=stop)
    assert joint.read_bytes() == before
