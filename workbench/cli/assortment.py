"""``workbench merge`` and ``workbench link``: the joint assortment from the command line (DESIGN's
contract: a short Swedish report, or with ``--json`` one object with the listed keys)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.messages import current_language


def add_commands(commands: Any) -> None:
    merge = commands.add_parser("merge", help="create or update the joint workbook from municipalities' lists")
    merge.add_argument("-o", "--output", required=True, type=Path, metavar="JOINT.xlsx")
    merge.add_argument("sources", nargs="+", metavar="SOURCE", help="PATH or PATH=KOMMUN")
    merge.add_argument("--add", action="store_true",
                       help="add to a municipality's rows instead of replacing them (a file of the same name "
                            "is still replaced)")
    merge.add_argument("--lang", choices=("sv", "en"), help="headers of a new joint workbook (default: sv)")
    merge.add_argument("--json", action="store_true", help="print JSON")
    merge.add_argument("--wait", type=float, default=30.0, metavar="SECONDS")
    merge.add_argument("--user", help="name recorded in Källor and the lock (default: login name)")
    merge.add_argument("--save-anyway", action="store_true",
                       help="update even though the joint workbook is open in Excel or LibreOffice")

    link = commands.add_parser("link", help="join joint articles by hand: the first ID survives")
    link.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    link.add_argument("ids", nargs="+", metavar="ID")
    link.add_argument("--json", action="store_true", help="print JSON")
    link.add_argument("--wait", type=float, default=30.0, metavar="SECONDS")
    link.add_argument("--user")
    link.add_argument("--save-anyway", action="store_true")

    split = commands.add_parser("split", help="split one source row (its Källrader row) off into a new article")
    split.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    split.add_argument("row", type=int, metavar="ROW")
    split.add_argument("--json", action="store_true", help="print JSON")
    split.add_argument("--wait", type=float, default=30.0, metavar="SECONDS")
    split.add_argument("--user")
    split.add_argument("--save-anyway", action="store_true")


def _print(result: Any, as_json: bool) -> None:
    from workbench.cli import _stdout

    with _stdout():  # a reader that stops early (`| head`) ends the command quietly
        _write(result, as_json)


def _write(result: Any, as_json: bool) -> None:
    lang = current_language()
    if as_json:
        json.dump(result.to_json(lang) if hasattr(result, "warnings") else result.to_json(), sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(result.summary(lang))


def _on_wait(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def merge(args: argparse.Namespace) -> int:
    from workbench.assortment.merge import merge_lists
    from workbench.assortment.sources import source_from_arg

    sources = [source_from_arg(text) for text in args.sources]
    result = merge_lists(args.output, sources, user=args.user, lang=args.lang, mode="add" if args.add else "replace",
                         wait=args.wait, save_anyway=args.save_anyway, on_wait=_on_wait)
    _print(result, args.json)
    return 0


def link(args: argparse.Namespace) -> int:
    from workbench.assortment.link import link_articles

    result = link_articles(args.joint, args.ids, user=args.user, wait=args.wait, save_anyway=args.save_anyway,
                           on_wait=_on_wait)
    _print(result, args.json)
    return 0


def split(args: argparse.Namespace) -> int:
    from workbench.assortment.link import split_row

    result = split_row(args.joint, args.row, user=args.user, wait=args.wait, save_anyway=args.save_anyway,
                       on_wait=_on_wait)
    _print(result, args.json)
    return 0
