"""``workbench survey make | collect | export``: questionnaires to the operations from the command line
(DESIGN's contract: a short Swedish report, or with ``--json`` one object with the listed keys)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.messages import current_language


def add_commands(commands: Any) -> None:
    from workbench.cli import _Parser

    survey = commands.add_parser("survey", help="questionnaires to the operations: make, collect, export")
    steps = survey.add_subparsers(dest="survey_command", required=True, parser_class=_Parser)

    make = steps.add_parser("make", help="one form (xlsx) per unit, with that unit's articles and volumes")
    make.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    make.add_argument("-o", "--output", required=True, type=Path, metavar="DIR",
                      help="the folder the forms are written to (made when missing)")
    make.add_argument("--by", choices=("municipality", "org_unit"), default="municipality",
                      help="one form per municipality (default) or per förvaltning (needs a Förvaltning column "
                           "in Källrader)")
    make.add_argument("--json", action="store_true", help="print JSON")
    _add_save_options(make, "give the workbook its ID")

    collect = steps.add_parser("collect", help="read the returned forms' answers into JOINT")
    collect.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    collect.add_argument("files", nargs="+", type=Path, metavar="FILE",
                         help="returned forms (xlsx, xls, ods, csv) or folders holding them")
    collect.add_argument("--json", action="store_true", help="print JSON")
    _add_save_options(collect, "write the answers")

    export = steps.add_parser("export", help="every collected answer as csv")
    export.add_argument("joint", type=Path, metavar="JOINT.xlsx")
    export.add_argument("-o", "--output", default="-", metavar="OUT", help="the csv (default: standard output)")


def _add_save_options(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                         help="how long to wait while a colleague is saving (default 30)")
    command.add_argument("--user", help="name recorded in the lock (default: login name)")
    command.add_argument("--save-anyway", action="store_true",
                         help=f"{what} even though the joint workbook is open in Excel or LibreOffice")


def _on_wait(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print(result: Any, as_json: bool) -> None:
    from workbench.cli import _stdout

    lang = current_language()
    with _stdout():  # a reader that stops early (`| head`) ends the command quietly
        if as_json:
            json.dump(result.to_json(lang) if hasattr(result, "refused") else result.to_json(), sys.stdout,
                      ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(result.summary(lang))


def survey(args: argparse.Namespace) -> int:
    handler = {"make": _make, "collect": _collect, "export": _export}[args.survey_command]
    return handler(args)


def _make(args: argparse.Namespace) -> int:
    from workbench.survey.make import make_forms

    result = make_forms(args.joint, args.output, by=args.by, user=args.user, wait=args.wait,
                        save_anyway=args.save_anyway, on_wait=_on_wait)
    _print(result, args.json)
    return 0


def _collect(args: argparse.Namespace) -> int:
    from workbench.errors import NothingCollectedError
    from workbench.survey.collect import collect_forms

    result = collect_forms(args.joint, args.files, user=args.user, wait=args.wait, save_anyway=args.save_anyway,
                           on_wait=_on_wait, lang=current_language())
    _print(result, args.json)
    if not result.forms:
        raise NothingCollectedError(args.joint)
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbench.cli import _output
    from workbench.survey.export import collected_answers, write_answers_csv

    answers = collected_answers(args.joint)  # before OUT is opened: no empty file left behind
    with _output(args.output) as handle:
        write_answers_csv(answers, handle)
    return 0
