"""``workbench clusters``: consolidation candidates of a joint workbook (DESIGN's contract: the csv with
``-o``, or on standard output; ``--json`` one object with the listed keys; ``--accept all|ID[,ID]``
writes the decisions, Ersätt and Ersätts av, into the workbook through the save protocol)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.errors import UsageError, WriteError
from workbench.messages import current_language, text


def add_commands(commands: Any) -> None:
    clusters = commands.add_parser("clusters", help="consolidation candidates: same product, variants, keepers")
    clusters.add_argument("file", type=Path, metavar="JOINT.xlsx")
    clusters.add_argument("-o", "--output", type=Path, metavar="OUT.csv",
                          help="write the clusters' csv here (default: standard output, unless --json)")
    clusters.add_argument("--json", action="store_true", help="print JSON")
    clusters.add_argument("--accept", metavar="all|ID[,ID]",
                          help="accept these same-product clusters: Ersätt and Ersätts av on all but the keeper")
    clusters.add_argument("--overwrite", action="store_true",
                          help="with --accept: also replace decisions a person already set")
    clusters.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                          help="how long --accept waits while a colleague is saving (default 30)")
    clusters.add_argument("--user", help="name recorded in the journal, the lock and the Kluster sheet")
    clusters.add_argument("--save-anyway", action="store_true",
                          help="write even though the file is open in Excel or LibreOffice")


def clusters(args: argparse.Namespace) -> int:
    from workbench.cli import _stdout
    from workbench.consolidation.clusters import SAME_PRODUCT
    from workbench.consolidation.decisions import ClusterDecision, decide
    from workbench.consolidation.report import consolidate

    lang = current_language()
    if args.output is not None and not args.output.parent.exists():
        raise WriteError(args.output, detail=f"no folder {args.output.parent}")
    report = consolidate(args.file)
    decided = None
    if args.accept:
        wanted = [w.strip() for w in args.accept.split(",") if w.strip()]
        if [w.casefold() for w in wanted] == ["all"]:
            chosen = [c for c in report.clusters if c.kind == SAME_PRODUCT and c.status == "open"]
        else:
            unknown = [w for w in wanted if report.cluster(w) is None]
            if unknown:
                raise UsageError(args.file, detail=text("cluster_unknown", lang, file=str(args.file),
                                                         ids=", ".join(unknown)))
            chosen = [c for w in wanted if (c := report.cluster(w)) is not None]
        decided = decide(args.file, [ClusterDecision(c, "accept") for c in chosen], user=args.user,
                         overwrite=args.overwrite, wait=args.wait, save_anyway=args.save_anyway, lang=lang,
                         on_wait=lambda message: print(message, file=sys.stderr, flush=True))
        report = consolidate(args.file)
    if args.output is not None:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                report.write_csv(handle)
        except OSError as error:
            raise WriteError(args.output, detail=error.strerror or str(error)) from None
    with _stdout():
        if args.json:
            json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif args.output is None:
            report.write_csv(sys.stdout)
    print(report.summary(lang), file=sys.stderr)
    if decided is not None and decided.summary(lang):
        print(decided.summary(lang), file=sys.stderr)
    return 0
