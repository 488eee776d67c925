"""``workbench summary``: the figures of the analysis (DESIGN's contract): a short report, ``--json`` one
object with the listed keys, ``-o OUT.pdf`` the one-page PDF for the politicians (with its appendix),
``-o OUT.xlsx`` a workbook of its own with native charts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.errors import NoKeyColumnError, UsageError, WriteError
from workbench.messages import current_language

OUTPUT_SUFFIXES = (".pdf", ".xlsx")


class SummaryOutputError(UsageError):
    """``-o`` names neither a PDF nor a workbook."""

    code = "summary_output_kind"


def add_commands(commands: Any) -> None:
    summary = commands.add_parser("summary", help="the figures of the analysis: PDF, workbook or JSON")
    summary.add_argument("file", type=Path, metavar="JOINT.xlsx")
    summary.add_argument("-o", "--output", type=Path, metavar="OUT.pdf|OUT.xlsx",
                         help="write the one-page PDF (.pdf) or a workbook with charts (.xlsx)")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.add_argument("--title", help="the page's title (default: the joint assortment)")
    summary.add_argument("--write-sheet", action="store_true",
                         help="write the figures as values into JOINT's sheet Sammanfattning (by the save protocol)")
    summary.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                         help="how long --write-sheet waits while a colleague is saving (default 30)")
    summary.add_argument("--user", help="name recorded in the lock and the sheet (default: login name)")
    summary.add_argument("--save-anyway", action="store_true",
                         help="write the sheet even though the file is open in Excel or LibreOffice")


def summary(args: argparse.Namespace) -> int:
    from workbench.reading.importer import read_table
    from workbench.summary.figures import summarise

    lang = current_language()
    output: Path | None = args.output
    if output is not None:
        if output.suffix.lower() not in OUTPUT_SUFFIXES:
            raise SummaryOutputError(output)
        if not output.parent.exists():
            raise WriteError(output, detail=f"no folder {output.parent}")
        if output.exists() and output.resolve() == args.file.resolve():
            raise SummaryOutputError(output)
    table = read_table(args.file)
    if table.key_column is None:
        raise NoKeyColumnError(table.path, header_row=table.header_row)
    result = summarise(table, file=args.file)
    if output is not None:
        write_output(result, output, lang, args.title, table)
    sheet = write_sheet(args, result) if args.write_sheet else None
    from workbench.cli import _stdout

    with _stdout():  # a reader that stops early (`| head`) ends the command quietly
        if args.json:
            json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(report(result, lang))
            if output is not None:
                from workbench.messages import text

                print(text("summary_written", lang, file=output))
    if sheet is not None:
        from workbench.messages import text

        print(text("summary_sheet_written", lang, sheet=sheet, file=args.file), file=sys.stderr)
    return 0


def write_sheet(args: argparse.Namespace, result: Any) -> str:
    """The figures into JOINT's Sammanfattning sheet; returns the sheet's name. Busy: exit 3 (the
    error's own code), nothing written."""
    from workbench.reading.importer import list_sheets
    from workbench.summary.layout import SHEETS
    from workbench.summary.sheet import write_summary_sheet

    write_summary_sheet(args.file, result, user=args.user, wait=args.wait, save_anyway=args.save_anyway,
                        on_wait=lambda message: print(message, file=sys.stderr, flush=True))
    names = {SHEETS["summary"]["sv"].casefold(), SHEETS["summary"]["en"].casefold()}
    return next((name for name in list_sheets(args.file) if name.casefold() in names), SHEETS["summary"]["sv"])


def write_output(result: Any, output: Path, lang: str, title: str | None = None, table: Any = None) -> None:
    """The PDF or the workbook, by the output's ending (``table``: the articles' names for the workbook's
    open problems)."""
    if output.suffix.lower() == ".pdf":
        from workbench.summary.pdf import write_pdf

        write_pdf(result, output, lang, title)
    else:
        from workbench.summary.workbook import article_names, write_workbook

        write_workbook(result, output, lang, title, names=article_names(table) if table is not None else None)


def report(result: Any, lang: str) -> str:
    from workbench.messages import text
    from workbench.numbers import format_number

    whole = result.whole
    return text("summary_report", lang, file=result.file or "", before=whole.articles_before,
                after=whole.articles_after, decided=whole.decided,
                spend_after=format_number(round(whole.spend_after, 2), lang, 2),
                spend_total=format_number(round(whole.spend_total, 2), lang, 2))
