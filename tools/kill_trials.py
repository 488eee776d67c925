"""Kill ``workbench apply`` with SIGKILL at random moments and check that nothing is ever lost or mixed.

Each trial copies a workbook into a fresh folder (with its own app home, so its own journal), runs
``python -m workbench apply`` with random decisions for 30 articles, and kills it with SIGKILL after a
random delay: half the trials at a uniform moment of the whole run, half shortly after the save lock
appears (inside the write). Then:

- the workbook must open (calamine; LibreOffice on every ``--libreoffice-every``-th trial) and its review
  values must equal the state before the save or after it, never a mixture;
- the journal's unsaved edits, replayed into a fresh read, must give the "after" state, and saving them
  (which takes over the dead process's lock) must write it.

Usage: ``python tools/kill_trials.py [--trials 200] [--report docs/reliability.md]``.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.reading.importer import read_table  # noqa: E402
from workbench.review.decisions import decisions_from_csv  # noqa: E402
from workbench.sharing.journal import Journal, encode_value  # noqa: E402
from workbench.sharing.lock import lock_path  # noqa: E402
from workbench.sharing.shared_save import save_shared  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "sodertorn_sortiment.xlsx"
DECISIONS = ("Behåll", "Ta bort", "Ersätt", "Utred")
USAGE = ("Dagligen", "Varje vecka", "Sällan")


@dataclass
class Counts:
    trials: int = 0
    outcomes: collections.Counter[str] = field(default_factory=collections.Counter)
    journal: collections.Counter[str] = field(default_factory=collections.Counter)
    replay_ok: int = 0
    retry_ok: int = 0
    libreoffice_checked: int = 0
    libreoffice_ok: int = 0
    leftover_temp: int = 0
    failures: list[str] = field(default_factory=list)


def snapshot(path: Path) -> dict[tuple[str, str], Any]:
    table = read_table(path)
    return {(str(k), name): encode_value(v) for k, (_, row) in zip(table.keys, table.review.iterrows(), strict=True)
            for name, v in row.items()}


def _decisions(path: Path, keys: list[str], rng: random.Random) -> None:
    lines = ["key,usage,decision,comment"]
    for key in rng.sample(keys, 30):
        lines.append(f"{key},{rng.choice(USAGE)},{rng.choice(DECISIONS)},trial {rng.randrange(10**6)} åäö")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _expected(book: Path, decisions: Path, before: dict[tuple[str, str], Any]) -> dict[tuple[str, str], Any]:
    table = read_table(book)
    after = dict(before)
    for key, values in decisions_from_csv(table, decisions).items():
        for name, value in values.items():
            after[(key, name)] = encode_value(value)
    return after


def libreoffice_opens(book: Path, workdir: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return False
    out = workdir / "lo"
    profile = workdir / "lo-profile"
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                             "csv", "--outdir", str(out), str(book)], capture_output=True, timeout=120, check=False)
    return result.returncode == 0 and (out / (book.stem + ".csv")).stat().st_size > 0


def prepare_with_review(workdir: Path) -> Path:
    """The sample with review columns already filled on some rows (the usual state of a shared list)."""
    book = workdir / "with_review.xlsx"
    shutil.copy2(SAMPLE, book)
    keys = [str(k) for k in read_table(book).keys]
    decisions = workdir / "seed.csv"
    _decisions(decisions, keys, random.Random(1))
    env = {**os.environ, "BEHOVSANALYS_HOME": str(workdir / "seed-home")}
    subprocess.run([sys.executable, "-m", "workbench", "apply", str(book), "--decisions", str(decisions)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return book


def run_trial(n: int, workdir: Path, sources: list[Path], keys: list[str], rng: random.Random,
              counts: Counts, libreoffice: bool) -> None:
    trial = workdir / f"t{n:03d}"
    home = trial / "home"
    home.mkdir(parents=True)
    book = trial / "lista.xlsx"
    shutil.copy2(sources[n % len(sources)], book)
    decisions = trial / "d.csv"
    _decisions(decisions, keys, rng)
    before = snapshot(book)
    after = _expected(book, decisions, before)
    env = {**os.environ, "BEHOVSANALYS_HOME": str(home), "BEHOVSANALYS_USER": f"trial{n}"}
    process = subprocess.Popen([sys.executable, "-m", "workbench", "apply", str(book), "--decisions",
                                str(decisions)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    started = time.monotonic()
    if n % 2 == 0:
        time.sleep(rng.uniform(0.1, 1.3))
    else:
        while process.poll() is None and not lock_path(book).exists() and time.monotonic() - started < 10:
            time.sleep(0.002)
        time.sleep(rng.uniform(0.0, 0.5))
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    counts.trials += 1
    try:
        state = snapshot(book)
    except Exception as error:
        counts.outcomes["unreadable"] += 1
        counts.failures.append(f"trial {n}: workbook does not open: {error}")
        return
    outcome = "after" if state == after else "before" if state == before else "mix"
    counts.outcomes[("finished, " if finished else "killed, ") + outcome] += 1
    if outcome == "mix":
        counts.failures.append(f"trial {n}: the workbook is a mixture of before and after")
    counts.leftover_temp += sum(1 for p in trial.glob(".lista.*.tmp.xlsx"))
    if libreoffice:
        counts.libreoffice_checked += 1
        if libreoffice_opens(book, trial):
            counts.libreoffice_ok += 1
        else:
            counts.failures.append(f"trial {n}: LibreOffice cannot open the workbook")
    with Journal(home / "journal.sqlite3") as journal:
        recorded = bool(journal.history(book))
        unsaved = journal.unsaved(book)
        table = read_table(book)
        base = table.review.copy(deep=True)
        cells = [(e.key, e.field) for e in unsaved]
        journal.replay_into(table)
        replayed = {(str(k), name): encode_value(v)
                    for k, (_, row) in zip(table.keys, table.review.iterrows(), strict=True) for name, v in row.items()}
        kind = ("not journalled yet" if not recorded else "all saved" if not unsaved
                else "unsaved, file has them" if outcome == "after" else "unsaved, replayed")
        counts.journal[kind] += 1
        if outcome in ("before", "after") and (recorded or outcome == "after"):
            if replayed == after:
                counts.replay_ok += 1
            else:
                counts.failures.append(f"trial {n}: replaying the journal does not give the saved state")
        if unsaved and outcome == "before":
            save_shared(table, base, cells, user=f"retry{n}", journal=journal, wait_seconds=5)
            if snapshot(book) == after and not journal.unsaved(book):
                counts.retry_ok += 1
            else:
                counts.failures.append(f"trial {n}: saving the replayed edits did not give the saved state")
    shutil.rmtree(trial, ignore_errors=True)


def run_trials(trials: int, *, libreoffice_every: int = 20, seed: int = 2025, workdir: Path | None = None) -> Counts:
    """Run ``trials`` kill trials; returns the counts."""
    rng = random.Random(seed)
    counts = Counts()
    with tempfile.TemporaryDirectory(dir=workdir) as temp:
        folder = Path(temp)
        sources = [SAMPLE, prepare_with_review(folder)]
        keys = [str(k) for k in read_table(SAMPLE).keys]
        for n in range(trials):
            lo = libreoffice_every > 0 and n % libreoffice_every == libreoffice_every - 1
            run_trial(n, folder, sources, keys, rng, counts, lo)
    return counts


def report(counts: Counts, seconds: float) -> str:
    lines = [f"- trials: {counts.trials} ({seconds:.0f} s)"]
    lines += [f"- workbook {name}: {count}" for name, count in sorted(counts.outcomes.items())]
    lines += [f"- journal {name}: {count}" for name, count in sorted(counts.journal.items())]
    lines += [f"- journal replay gives the saved state: {counts.replay_ok}",
              f"- retry after the kill (stale lock taken over) wrote the saved state: {counts.retry_ok}",
              f"- LibreOffice opened the workbook: {counts.libreoffice_ok} of {counts.libreoffice_checked} checked",
              f"- hidden temporary files left behind by the kill: {counts.leftover_temp}",
              f"- failures: {len(counts.failures)}"]
    lines += [f"  - {failure}" for failure in counts.failures]
    return "\n".join(lines)


def main() -> int:
    import logging

    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--libreoffice-every", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    started = time.monotonic()
    counts = run_trials(args.trials, libreoffice_every=args.libreoffice_every, seed=args.seed)
    print(report(counts, time.monotonic() - started))
    return 1 if counts.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
