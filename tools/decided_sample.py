"""A copy of the joint sample with a working group's decisions in it, for screenshots and the summary's
pictures: every same-product cluster accepted (keep one, replace the others), the single-use plastics the
directive bans removed, a share of the rest kept or sent for investigation, three reviewers' names.

    python tools/decided_sample.py OUT.xlsx   (a new file)"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REVIEWERS = ("Anna Lind", "Omar Haddad", "Karin Ek")


def write_decided_sample(target: Path, seed: int = 7) -> Path:
    from workbench.cli import main
    from workbench.environment.report import assess_table
    from workbench.reading.importer import read_table

    if target.exists():  # the save protocol would take a copy over an edited workbook for an older copy
        raise SystemExit(f"{target} exists: give a new file")
    shutil.copy2(ROOT / "resources" / "sample" / "sodertorn_gemensam.xlsx", target)
    with contextlib.redirect_stdout(io.StringIO()):  # the candidates' csv: not wanted here
        accepted = main(["clusters", str(target), "--accept", "all", "--user", REVIEWERS[0]])
    if accepted != 0:
        raise SystemExit("clusters --accept failed")
    table = read_table(target)
    report = assess_table(table)
    banned = set(report.sup_banned())
    rng = random.Random(seed)
    decided = {str(k) for k, d in zip(table.keys, table.review["decision"], strict=True) if d}
    rows = []
    for key in table.keys:
        key = str(key)
        if key in decided:
            continue
        if key in banned:
            rows.append({"key": key, "decision": "Ta bort", "reviewed_by": REVIEWERS[1],
                         "comment": "Förbjuden enligt engångsplastdirektivet"})
        elif rng.random() < 0.12:
            rows.append({"key": key, "decision": "Ta bort", "reviewed_by": rng.choice(REVIEWERS), "comment": ""})
        elif rng.random() < 0.55:
            rows.append({"key": key, "decision": rng.choice(("Behåll", "Behåll", "Behåll", "Utred")),
                         "reviewed_by": rng.choice(REVIEWERS), "comment": ""})
    with tempfile.TemporaryDirectory() as folder:
        decisions = Path(folder) / "beslut.csv"
        with open(decisions, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["key", "decision", "reviewed_by", "comment"])
            writer.writeheader()
            writer.writerows(rows)
        if main(["apply", str(target), "--decisions", str(decisions), "--user", REVIEWERS[1]]) != 0:
            raise SystemExit("apply failed")
    return target


if __name__ == "__main__":
    print(write_decided_sample(Path(sys.argv[1] if len(sys.argv) > 1 else "beslutat.xlsx")))
