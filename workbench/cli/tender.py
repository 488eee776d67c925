"""``workbench tender JOINT.xlsx -o OUT.xlsx [--json]``: the tender article list (DESIGN's contract: a
short Swedish report, or with ``--json`` one object with ``articles`` and ``file`` and more keys)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.messages import current_language


def add_commands(commands: Any) -> None:
    tender = commands.add_parser(
        "tender", help="the tender article list (xlsx): the remaining articles, their pooled yearly volumes and "
                       "requirements, and the columns the suppliers fill in")
    tender.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    tender.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.xlsx",
                        help="the tender list to write (replaced when it exists; never the joint workbook)")
    tender.add_argument("--json", action="store_true", help="print JSON")


def tender(args: argparse.Namespace) -> int:
    from workbench.cli import _stdout
    from workbench.tender.make import make_tender

    result = make_tender(args.joint, args.output)
    with _stdout():  # a reader that stops early (`| head`) ends the command quietly
        if args.json:
            json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(result.summary(current_language()))
    return 0
