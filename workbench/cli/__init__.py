"""The ``workbench`` command line: the core, headless (contract in ``../shared/DESIGN.md``).

Exit codes: 0 done; 2 bad input or usage; 3 the file is busy or has conflicts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from workbench import __version__
from workbench.errors import NoKeyColumnError, UsageError, WorkbenchError
from workbench.messages import current_language


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(detail=message)


_EPILOG = """\
Each command reads FILE with the import choices the app remembers for it (sheet, header row, column
mapping, key column, columns read as text); --sheet, --header-row and --key override them.
Exit codes: 0 done; 2 bad input or usage (the message names the file); 3 the file is busy or has
conflicts."""


def _add_read_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", type=Path)
    command.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
    command.add_argument("--header-row", type=_row_number, metavar="N",
                         help="the sheet row (1-based) that holds the column headers (default: detected)")
    command.add_argument("--key", metavar="HEADER",
                         help="the header of the column with the article keys (default: detected)")


def _row_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a row number (1, 2, ...): {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench", description="Behovsanalys: the core, headless.", epilog=_EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    inspect = commands.add_parser("inspect", help="show what the importer found in FILE")
    _add_read_options(inspect)
    inspect.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser("export", help="the review record of every article row, as csv")
    _add_read_options(export)
    export.add_argument("-o", "--output", default="-")

    apply = commands.add_parser("apply", help="write review values from a csv into FILE")
    _add_read_options(apply)
    apply.add_argument("--decisions", required=True, type=Path)
    apply.add_argument("-o", "--output", type=Path)
    apply.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                       help="how long to wait while a colleague is saving (default 30)")
    apply.add_argument("--on-conflict", choices=("ours", "theirs"),
                       help="settle conflicts with a colleague's saved values this way instead of exit 3")
    apply.add_argument("--user", help="name recorded in the journal and the lock (default: login name)")
    apply.add_argument("--save-anyway", action="store_true",
                       help="save even though the file is open in Excel or LibreOffice")
    from workbench.cli import assortment, consolidation, environment, followup, summary, survey

    assortment.add_commands(commands)
    consolidation.add_commands(commands)
    environment.add_commands(commands)
    survey.add_commands(commands)
    followup.add_commands(commands)
    summary.add_commands(commands)
    return parser


class _ReaderGone(Exception):
    """Whoever read standard output closed it (``workbench export FILE | head``)."""


@contextlib.contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output; a reader that stops reading ends the command quietly (:class:`_ReaderGone`).
    Only writes made here count so: a broken pipe elsewhere (a helper process) is a real error."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        raise _ReaderGone from None


def _quiet_stdout() -> None:
    # what is still buffered would fail again when Python flushes at exit ("Exception ignored ...")
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def _output(target: str) -> Iterator[TextIO]:
    if target == "-":
        with _stdout() as handle:
            yield handle
        return
    with open(target, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _read_options(args: argparse.Namespace, remembered: bool = True) -> dict[str, Any]:
    """Keyword arguments for ``read_table``: the import choices remembered for the file (as the app
    uses them; not with ``remembered=False``), overridden by the options given."""
    from workbench.reading.profiles import ImportProfile, remembered_profile
    from workbench.settings import Settings

    profile = (remembered_profile(Settings(), args.file) if remembered else None) or ImportProfile()
    if (args.sheet is not None and args.sheet != profile.sheet) or (
            args.header_row is not None and args.header_row != profile.header_row):
        # the remembered mapping, key and text columns name the headers of another sheet or row
        profile = ImportProfile(sheet=profile.sheet, header_row=profile.header_row)
    options = profile.read_options()
    for name, value in (("sheet", args.sheet), ("header_row", args.header_row), ("key_column", args.key)):
        if value is not None:
            options[name] = value
    return options


def _with_read_options(args: argparse.Namespace, run: Callable[[dict[str, Any]], int]) -> int:
    """``run`` with the read options; when the remembered choices no longer fit the file (a remembered
    header is gone), again with the given options only, as the app then detects afresh."""
    options = _read_options(args)
    try:
        return run(options)
    except UsageError:
        fresh = _read_options(args, remembered=False)
        if fresh == options:
            raise
        return run(fresh)


def _inspect(args: argparse.Namespace) -> int:
    return _with_read_options(args, lambda options: _inspect_with(args, options))


def _inspect_with(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from workbench.reading.importer import read_table

    table = read_table(args.file, **options)
    with _stdout():
        _print_inspection(table.inspection(), args.json)
    return 0


def _print_inspection(info: dict[str, Any], as_json: bool) -> None:
    if as_json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for name, value in info.items():
        if isinstance(value, dict):
            print(f"{name}:")
            for key, header in value.items():
                print(f"  {key}: {header}")
        elif isinstance(value, list):
            print(f"{name}: {len(value)}")
            for item in value:
                print(f"  {item}")
        else:
            print(f"{name}: {value}")


def _export(args: argparse.Namespace) -> int:
    return _with_read_options(args, lambda options: _export_with(args, options))


def _export_with(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from workbench.reading.importer import read_table
    from workbench.review.export import write_review_csv

    table = read_table(args.file, **options)
    if table.key_column is None:  # before -o OUT is opened: no empty file left behind
        raise NoKeyColumnError(table.path, header_row=table.header_row)
    with _output(args.output) as handle:
        write_review_csv(table, handle)
    return 0


def _apply(args: argparse.Namespace) -> int:
    return _with_read_options(args, lambda options: _apply_with(args, options))


def _apply_with(args: argparse.Namespace, options: dict[str, Any]) -> int:
    from workbench.sharing.shared_save import apply_shared

    lang = current_language()
    result = apply_shared(args.file, args.decisions, read=options, output=args.output, wait=args.wait,
                          on_conflict=args.on_conflict, user=args.user, save_anyway=args.save_anyway,
                          on_wait=lambda message: print(message, file=sys.stderr, flush=True), lang=lang)
    with _stdout():
        print(result.summary(lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        from workbench.cli import assortment, consolidation, environment, followup, summary, survey

        handler = {"inspect": _inspect, "export": _export, "apply": _apply, "merge": assortment.merge,
                   "link": assortment.link, "split": assortment.split, "clusters": consolidation.clusters,
                   "environment": environment.environment, "survey": survey.survey,
                   "followup": followup.followup, "summary": summary.summary}[args.command]
        return handler(args)
    except WorkbenchError as error:
        print(error.message(current_language()), file=sys.stderr)
        return error.exit_code
    except _ReaderGone:
        # the reader has all it wanted (``| head``): as quiet as a program killed by SIGPIPE, and done
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
