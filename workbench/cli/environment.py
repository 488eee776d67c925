"""``workbench environment``: per article a suggested Miljöpoäng with reasons, the requirement level, the
single-use plastics rule and plastic and CO2e per year (DESIGN's contract: the csv with ``-o``, or on
standard output; ``--json`` one object with the listed keys; ``--fill`` the suggestions into empty
Miljöpoäng cells through the save protocol)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.errors import NoKeyColumnError, WriteError
from workbench.messages import current_language


def add_commands(commands: Any) -> None:
    environment = commands.add_parser(
        "environment", help="suggested Miljöpoäng, requirement level, single-use plastics rule, plastic and CO2e")
    environment.add_argument("file", type=Path, metavar="JOINT.xlsx")
    environment.add_argument("-o", "--output", type=Path, metavar="OUT.csv",
                             help="write the per-article csv here (default: standard output, unless --json)")
    environment.add_argument("--json", action="store_true", help="print JSON")
    environment.add_argument("--fill", action="store_true",
                             help="write the suggested scores into empty Miljöpoäng cells (never over a set score)")
    environment.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                             help="how long --fill waits while a colleague is saving (default 30)")
    environment.add_argument("--user", help="name recorded in the journal and the lock (default: login name)")
    environment.add_argument("--save-anyway", action="store_true",
                             help="fill even though the file is open in Excel or LibreOffice")


def environment(args: argparse.Namespace) -> int:
    from workbench.environment.fill import fill_scores
    from workbench.environment.report import assess_table
    from workbench.reading.importer import read_table

    lang = current_language()
    filled = None
    if args.output is not None and args.output.parent.exists() is False:
        # before anything is read or filled: a csv that cannot be written is said at once
        raise WriteError(args.output, detail=f"no folder {args.output.parent}")
    if args.fill:
        filled = fill_scores(args.file, wait=args.wait, user=args.user, save_anyway=args.save_anyway,
                             on_wait=lambda message: print(message, file=sys.stderr, flush=True), lang=lang)
        report = filled.report
    else:
        table = read_table(args.file)
        if table.key_column is None:
            raise NoKeyColumnError(table.path, header_row=table.header_row)
        report = assess_table(table)
    joint_shares: dict[str, dict[int, float]] = {}
    if args.json:
        from workbench.assortment.shares import municipality_shares

        joint_shares = municipality_shares(table if filled is None else read_table(args.file))
    if args.output is not None:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                report.write_csv(handle)
        except OSError as error:
            raise WriteError(args.output, detail=error.strerror or str(error)) from None
    from workbench.cli import _stdout

    with _stdout():  # a reader that stops early (`| head`) ends the command quietly
        if args.json:
            data = report.to_json()
            if joint_shares:  # a joint workbook: the totals per municipality too (more keys may follow)
                data["by_municipality"] = report.split(joint_shares)
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif args.output is None:
            report.write_csv(sys.stdout)
    if filled is not None:
        print(filled.summary(lang), file=sys.stderr)
    return 0
