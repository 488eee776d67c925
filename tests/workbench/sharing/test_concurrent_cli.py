"""Eight real processes saving 50 times each through the CLI into one workbook lose nothing.

Every process runs ``workbench.cli.main(["apply", ...])`` 50 times (the CLI code path, in one
interpreter per process so that 400 saves fit in the time budget; ``test_shared_save`` also runs the
``python -m workbench`` entry point). Keys overlap (``K0001``–``K0008`` are written by every process)
and are disjoint (each process also owns four keys of its own). Afterwards every decision is present
and each cell holds the value of its last writer, the order of writers being the order in which they
held the lock: the journal's save ids, assigned under the lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _shared_fixtures import ROOT, build_list, review_of

from workbench.sharing.journal import Journal, encode_value

PROCESSES = 8
SAVES = 50

WORKER = r"""
import random, sys
from pathlib import Path
from workbench.cli import main

book, folder, worker, saves = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(worker)
own = [f"K{9 + worker * 4 + i:04d}" for i in range(4)]
shared = [f"K{i:04d}" for i in range(1, 9)]
failures = 0
for n in range(saves):
    keys = rng.sample(shared, 3) + rng.sample(own, 2)
    decisions = folder / f"w{worker}.csv"
    choices = ["Behåll", "Ta bort", "Utred"]
    lines = ["key,decision,comment"] + [f"{k},{rng.choice(choices)},w{worker} n{n}" for k in keys]
    decisions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["apply", str(book), "--decisions", str(decisions), "--on-conflict", "ours", "--wait", "150"])
    failures += code != 0
sys.exit(1 if failures else 0)
"""


@pytest.mark.slow
def test_eight_processes_saving_fifty_times_each_lose_no_decision(tmp_path: Path) -> None:
    book = build_list(tmp_path / "delad.xlsx", rows=60)
    home = tmp_path / "home"
    env = {**os.environ, "BEHOVSANALYS_HOME": str(home), "BEHOVSANALYS_LANG": "en"}
    started = time.monotonic()
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(book), str(tmp_path), str(w), str(SAVES)],
                                cwd=ROOT, env={**env, "BEHOVSANALYS_USER": f"worker{w}"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for w in range(PROCESSES)]
    for worker in workers:
        _, err = worker.communicate(timeout=170)
        assert worker.returncode == 0, err[-2000:]
    elapsed = time.monotonic() - started

    with Journal(home / "journal.sqlite3") as journal:
        saves = journal.saves(book)
        edits = [e for e in journal.history(book) if e.state == "saved"]
        assert not journal.unsaved(book)
    assert len(saves) == PROCESSES * SAVES
    last: dict[tuple[str, str], tuple[int, object]] = {}
    for edit in edits:
        assert edit.save_id is not None
        cell = (edit.key, edit.field)
        if cell not in last or edit.save_id > last[cell][0]:
            last[cell] = (edit.save_id, edit.new)
    final = review_of(book)  # opens with calamine
    assert len(last) == (8 + PROCESSES * 4) * 2
    for (key, name), (_, value) in last.items():
        assert final[key][name] == encode_value(value), (key, name)
    for worker in range(PROCESSES):
        own = [f"K{9 + worker * 4 + i:04d}" for i in range(4)]
        assert all(final[k]["comment"].startswith(f'"w{worker} ') for k in own)
    print(f"\n{PROCESSES} x {SAVES} saves in {elapsed:.1f} s")
