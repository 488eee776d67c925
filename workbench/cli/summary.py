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
        write_output(result, output, lang, args.title)
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
    return 0


def write_output(result: Any, output: Path, lang: str, title: str | None = None) -> None:
    """The PDF or the workbook, by the output's ending."""
    if output.suffix.lower() == ".pdf":
        from workbench.summary.pdf import write_pdf

        write_pdf(result, output, lang, title)
    else:
        from workbench.summary.workbook import write_workbook  # type: ignore[import-not-found, unused-ignore]

        write_workbook(result, output, lang, title)


def report(result: Any, lang: str) -> str:
    from workbench.messages import text
    from workbench.numbers import format_number

    whole = result.whole
    return text("summary_report", lang, file=result.file or "", before=whole.articles_before,
                after=whole.articles_after, decided=whole.decided,
                spend_after=format_number(round(whole.spend_after, 2), lang, 2),
                spend_total=format_number(round(whole.spend_total, 2), lang, 2))
