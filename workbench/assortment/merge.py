"""``workbench merge``: create or update the joint workbook from the municipalities' own lists.

A new workbook is written whole (streamed). An existing one is updated by the save protocol: under
its lock the file is read as it is now, only the cells that change are patched (volumes, counts, new
articles and source rows appended, the replaced lists' source rows overwritten), and the result replaces
the file atomically with a backup. Review values are never touched, so colleagues' review edits stay as
they are; a list whose fingerprint ``Källor`` already holds for its municipality is skipped, and when
nothing is left to merge nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from workbench.assortment.joint import Article, article_fields, figures, municipality_order
from workbench.assortment.layout import headers
from workbench.assortment.plan import assign
from workbench.assortment.report import (
    MergeReport,
    fill_report,
    list_findings,
    localised,
    new_rows_findings,
    price_findings,
    source_files,
    source_records,
)
from workbench.assortment.sources import ReadList, Source, read_list
from workbench.messages import current_language
from workbench.progress import Progress, finished, report

__all__ = ["merge_lists"]


class _CancelOnly(Progress):
    """What a list's reader gets: the merge's cancel, not its progress bar (whose steps are the files)."""

    def __init__(self, parent: Progress) -> None:
        super().__init__()
        self._parent = parent

    def check(self) -> None:
        self._parent.check()

    def report(self, done: int, total: int, stage: str = "") -> None:
        self._parent.check()


def _read_lists(sources: Sequence[Source], progress: Progress | None,
                known: Sequence[str] = ()) -> list[ReadList]:
    """Read every list, two at a time: most of a list's reading is calamine parsing the file, which
    lets go of the interpreter, so one list is parsed while the rows of the one before are turned into
    Python values. The lists come back, and a bad one fails the merge, in the order given. Municipalities
    spelled alike but for case are one ("botkyrka", "Botkyrka"): the first spelling (the workbook's, if it
    has one) is kept, as Excel would refuse two columns of one name."""
    from concurrent.futures import ThreadPoolExecutor

    reader_progress = _CancelOnly(progress) if progress is not None else None
    spelling = {name.casefold(): name for name in known}
    lists = []
    with ThreadPoolExecutor(max_workers=min(_READERS, max(1, len(sources))),
                            thread_name_prefix="merge-read") as pool:
        pending = [pool.submit(read_list, source, progress=reader_progress) for source in sources]
        try:
            for number, future in enumerate(pending):
                report(progress, number, len(sources) + 1, "read")
                read = future.result()
                read.municipality = spelling.setdefault(read.municipality.casefold(), read.municipality)
                lists.append(read)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return lists


_READERS = 2  # lists read at once (the calamine part runs in parallel; more buys nothing on two cores)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A merge makes a few objects per source row and frees none of them until it ends: the cycle
    collector would walk them again and again (a tenth of a merge's time) to find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def merge_lists(joint: str | Path, sources: Sequence[Source], *, user: str | None = None, lang: str | None = None,
                mode: Literal["replace", "add"] = "replace", progress: Progress | None = None,
                wait: float = 30.0, save_anyway: bool = False,
                on_wait: Callable[[str], None] | None = None) -> MergeReport:
    """Merge ``sources`` into the joint workbook ``joint`` (created when it does not exist).

    ``mode`` says what a list does for a municipality the workbook already holds: ``replace`` its
    rows (the CLI), or ``add`` to them (a file of the same name is still replaced).
    """
    from workbench.errors import JointNotXlsxError
    from workbench.sharing.lock import current_user

    joint = Path(joint)
    if joint.suffix.lower() != ".xlsx":
        raise JointNotXlsxError(joint)
    who = user or current_user()
    with _no_cycle_collection():
        lists = _read_lists(sources, progress)
        if joint.exists():
            from workbench.assortment.update import update_joint

            updated: MergeReport = update_joint(joint, lists, who=who, mode=mode, progress=progress, wait=wait,
                                                save_anyway=save_anyway, on_wait=on_wait)
            return updated
        return _create(joint, lists, who, lang or current_language(), progress)


def _create(joint: Path, lists: list[ReadList], who: str, lang: str, progress: Progress | None) -> MergeReport:
    from workbench.assortment.joint_writer import write_joint
    from workbench.savefile import atomic_save
    from workbench.sharing.lock import WorkbookLock
    from workbench.xlsx.patch import check_package

    names = headers(lang)
    rows = [row for read in lists for row in read.rows]
    report(progress, len(lists), len(lists) + 1, "match")
    assignment = assign([row.match for row in rows])
    records = source_records(lists, assignment)
    fields_by_id: dict[str, list[Any]] = {}
    for row, article_id in zip(rows, assignment.ids, strict=True):
        fields_by_id.setdefault(article_id, []).append(row.fields)
    articles = [Article(article_id, article_fields(fields_by_id[article_id])) for article_id in assignment.new_ids]
    figs = figures(records)
    municipalities = municipality_order(read.municipality for read in lists)
    now = dt.datetime.now().replace(microsecond=0)
    sources = source_files(lists, now, who)
    result = MergeReport(joint, created=True, written=True, new_articles=len(articles),
                         merged_files=[read.file_name for read in lists], new_ids=list(assignment.new_ids))
    fill_report(result, records, articles, figs)
    result.findings = localised([*list_findings(lists, None, False), *new_rows_findings(lists, assignment),
                                  *price_findings(records)])
    report(progress, len(lists), len(lists) + 1, "write")  # the last moment a cancel leaves nothing written
    with WorkbookLock(joint, who).acquire(wait=5):
        atomic_save(joint, lambda temp: write_joint(temp, names, articles, figs, municipalities, records, sources),
                    lambda temp: check_package(temp, ()))
    finished(progress, len(lists) + 1)
    return result



