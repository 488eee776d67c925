"""``workbench followup``: purchases against the agreed assortment from the command line (DESIGN's
contract: a short Swedish report, or with ``--json`` one object with the listed keys)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.messages import current_language


def add_commands(commands: Any) -> None:
    followup = commands.add_parser("followup", help="purchase lines against the agreed assortment (avtalstrohet)")
    followup.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    followup.add_argument("purchases", nargs="+", metavar="PURCHASES",
                          help="purchase files (csv, xlsx) or folders holding them; PATH=KOMMUN names the "
                               "municipality of a file without a Kommun column")
    followup.add_argument("-o", "--output", type=Path, metavar="OUT.xlsx", help="a report workbook with charts")
    followup.add_argument("--from", dest="date_from", metavar="DATE", help="first day of the period (2026-01-01)")
    followup.add_argument("--to", dest="date_to", metavar="DATE", help="last day of the period (2026-12-31)")
    followup.add_argument("--json", action="store_true", help="print JSON")
    followup.add_argument("--no-snapshot", action="store_true",
                          help="do not add the result to the joint workbook's sheet Uppföljning")
    followup.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                          help="how long to wait while a colleague is saving (default 30)")
    followup.add_argument("--user", help="name recorded in the snapshot and the lock (default: login name)")
    followup.add_argument("--save-anyway", action="store_true",
                          help="add the snapshot even though the joint workbook is open in Excel or LibreOffice")


def followup(args: argparse.Namespace) -> int:
    from workbench.cli import _stdout
    from workbench.errors import UsageError
    from workbench.followup.run import follow_up
    from workbench.messages import text

    if args.output is not None and args.output.suffix.casefold() != ".xlsx":
        raise UsageError(args.output, detail=f"{args.output}: {text('followup_report_xlsx', None)}")
    lang = current_language()
    result = follow_up(args.joint, args.purchases, date_from=args.date_from, date_to=args.date_to,
                       output=args.output, snapshot=not args.no_snapshot, user=args.user, wait=args.wait,
                       save_anyway=args.save_anyway, on_wait=lambda m: print(m, file=sys.stderr, flush=True))
    with _stdout():
        if args.json:
            json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(result.summary(lang))
    return 0
