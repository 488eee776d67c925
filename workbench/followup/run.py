"""``workbench followup``: purchase files against the joint assortment, from files to figures, the snapshot
in the joint workbook and the report workbook."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench.errors import UsageError
from workbench.followup.files import PurchaseFile, inspect_purchase_file
from workbench.followup.joint import JointKeys, read_assortment
from workbench.followup.report import FollowupResult, build_result
from workbench.formats import TEXT_SUFFIXES, XLSX_SUFFIXES
from workbench.messages import text

__all__ = ["PurchaseSource", "follow_up", "parse_date", "purchase_source"]

_SUFFIXES = (*TEXT_SUFFIXES, *XLSX_SUFFIXES)


class PurchaseSource:
    """A purchase file as named: its path and the municipality given with ``PATH=KOMMUN`` (or None)."""

    def __init__(self, path: Path, municipality: str | None = None) -> None:
        self.path = Path(path)
        self.municipality = municipality

    def __repr__(self) -> str:
        return f"PurchaseSource({self.path!s}, {self.municipality!r})"


def purchase_source(value: str | Path | PurchaseSource) -> PurchaseSource:
    """``PATH`` or ``PATH=KOMMUN``; a path that itself holds ``=`` and exists is a path."""
    if isinstance(value, PurchaseSource):
        return value
    if isinstance(value, Path) or "=" not in value or Path(value).exists():
        return PurchaseSource(Path(value))
    path, _, name = value.rpartition("=")
    return PurchaseSource(Path(path), name.strip() or None) if path else PurchaseSource(Path(value))


def parse_date(value: str | dt.date | None, name: str = "") -> dt.date | None:
    """A --from/--to date: 2026-03-14, 14.03.2026 or 20260314."""
    if value is None or isinstance(value, dt.date):
        return value
    cleaned = value.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%Y%m%d", "%Y-%m"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise UsageError(detail=f"{name} {text('followup_bad_date', None, value=value)}".strip())


def _expand(sources: Sequence[str | Path | PurchaseSource]) -> list[PurchaseSource]:
    found: list[PurchaseSource] = []
    for value in sources:
        source = purchase_source(value)
        if source.path.is_dir():
            found += [PurchaseSource(p, source.municipality) for p in sorted(source.path.iterdir())
                      if p.suffix.casefold() in _SUFFIXES and not p.name.startswith(("~$", "."))]
        else:
            found.append(source)
    return found


def _municipality_from_name(path: Path, joint: JointKeys) -> str:
    """The joint municipality the file's name holds ("Botkyrka_2026.csv"; the merge's rule, so a purchase file
    and an updated list are read alike), else the stem."""
    from workbench.assortment import municipality_in_name

    return municipality_in_name(path.name, joint.municipalities) or path.stem


def inspect_files(sources: Sequence[str | Path | PurchaseSource], joint: JointKeys) -> list[PurchaseFile]:
    """Every purchase file detected (all of them before any is read: a bad file stops the run early)."""
    files = []
    for source in _expand(sources):
        file = inspect_purchase_file(source.path, source.municipality)
        if file.municipality is None and "municipality" not in file.columns:
            file = _with_municipality(file, _municipality_from_name(source.path, joint))
        files.append(file)
    if not files:
        raise UsageError(detail=text("followup_no_lines", None))
    return files


def _with_municipality(file: PurchaseFile, municipality: str) -> PurchaseFile:
    from dataclasses import replace

    return replace(file, municipality=municipality)


def follow_up(joint_path: str | Path, purchases: Sequence[str | Path | PurchaseSource], *,
              date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
              output: str | Path | None = None, snapshot: bool = True, user: str | None = None, wait: float = 30.0,
              save_anyway: bool = False, on_wait: Callable[[str], None] | None = None,
              on_file: Callable[[int, PurchaseFile], None] | None = None, lang: str | None = None,
              on_progress: Callable[[int, int], None] | None = None,
              on_loaded: Callable[[int, int], None] | None = None) -> FollowupResult:
    """The follow-up of ``purchases`` against the joint workbook ``joint_path``: the figures; with ``snapshot``
    their rows appended to its ``Uppföljning`` sheet (save protocol); with ``output`` a report workbook.
    ``on_file``, ``on_progress`` and ``on_loaded``: see :func:`~workbench.followup.engine.follow_up_lines`
    (raise from any to cancel: nothing is written then)."""
    from workbench.followup.engine import follow_up_lines

    started = time.perf_counter()
    start, end = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    if start and end and start > end:
        raise UsageError(detail=f"--from {start.isoformat()} > --to {end.isoformat()}")
    joint_path = Path(joint_path)
    joint = read_assortment(joint_path)
    files = inspect_files(purchases, joint)
    removed = [a.id for a in joint.articles.values() if not a.inside]
    sums = follow_up_lines(files, joint, date_from=start, date_to=end, removed=removed, on_file=on_file,
                           on_progress=on_progress, on_loaded=on_loaded)
    result = build_result(joint, [f.path for f in files], sums, start, end)
    words = lang or joint.lang
    if output is not None:
        from workbench.followup.workbook import write_report

        result.report_file = write_report(result, Path(output), words)
    if snapshot:
        from workbench.followup.snapshot import append_snapshot
        from workbench.sharing.lock import current_user

        result.snapshot_sheet = append_snapshot(joint_path, result, who=user or current_user(), wait=wait,
                                                save_anyway=save_anyway, on_wait=on_wait)
    result.seconds = time.perf_counter() - started
    return result
