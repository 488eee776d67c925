"""The ``workbench`` command line: the core, headless (contract in ``../shared/DESIGN.md``).

Exit codes: 0 done; 2 bad input or usage; 3 the file is busy or has conflicts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from workbench import __version__
from workbench.errors import UsageError, WorkbenchError
from workbench.messages import current_language


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(detail=message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench", description="Behovsanalys: the core, headless.")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    inspect = commands.add_parser("inspect", help="show what the importer found in FILE")
    inspect.add_argument("file", type=Path)
    inspect.add_argument("--sheet")
    inspect.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser("export", help="the review record of every article row, as csv")
    export.add_argument("file", type=Path)
    export.add_argument("--sheet")
    export.add_argument("-o", "--output", default="-")

    apply = commands.add_parser("apply", help="write review values from a csv into FILE")
    apply.add_argument("file", type=Path)
    apply.add_argument("--decisions", required=True, type=Path)
    apply.add_argument("--sheet")
    apply.add_argument("-o", "--output", type=Path)
    apply.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                       help="how long to wait while a colleague is saving (default 30)")
    apply.add_argument("--on-conflict", choices=("ours", "theirs"),
                       help="settle conflicts with a colleague's saved values this way instead of exit 3")
    apply.add_argument("--user", help="name recorded in the journal and the lock (default: login name)")
    apply.add_argument("--save-anyway", action="store_true",
                       help="save even though the file is open in Excel or LibreOffice")
    return parser


@contextlib.contextmanager
def _output(target: str) -> Iterator[TextIO]:
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(target, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _inspect(args: argparse.Namespace) -> int:
    from workbench.importer import read_table

    table = read_table(args.file, sheet=args.sheet)
    info = table.inspection()
    if args.json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
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
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbench.export import write_review_csv
    from workbench.importer import read_table

    table = read_table(args.file, sheet=args.sheet)
    with _output(args.output) as handle:
        write_review_csv(table, handle)
    return 0


def _apply(args: argparse.Namespace) -> int:
    from workbench.shared_save import apply_shared

    lang = current_language()
    result = apply_shared(args.file, args.decisions, sheet=args.sheet, output=args.output, wait=args.wait,
                          on_conflict=args.on_conflict, user=args.user, save_anyway=args.save_anyway,
                          on_wait=lambda message: print(message, file=sys.stderr, flush=True), lang=lang)
    print(result.summary(Path(args.file), lang))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        handler = {"inspect": _inspect, "export": _export, "apply": _apply}[args.command]
        return handler(args)
    except WorkbenchError as error:
        print(error.message(current_language()), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
