"""Updating an existing joint workbook (a re-merge, a link, a split) by patching its cells.

Under the workbook's lock the file is read as it is now; the new source rows, volumes and articles are
computed from it; only cells whose value changes are written; new articles and source rows are appended
(the patcher grows the table, validations and dimension); emptied source rows are cleared. Review
columns are never written here, so whatever colleagues decided stays. An update that changes no cell
writes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workbench.assortment.joint import (
    Article,
    Figures,
    SourceFile,
    SourceRecord,
    article_fields,
    extra_source_headers,
    figures,
    municipality_order,
)
from workbench.assortment.joint_reader import JointState, clean, read_joint
from workbench.assortment.joint_writer import article_values
from workbench.assortment.layout import ARTICLE_FIELDS
from workbench.assortment.plan import assign
from workbench.assortment.sources import ReadList, municipality_in_name
from workbench.progress import Progress, finished, report

__all__ = ["JointChange", "update_joint", "write_change"]


@dataclass
class JointChange:
    """What an update writes: the new source rows, sources and articles, from a :class:`JointState`."""

    state: JointState
    records: list[SourceRecord]  # every source row after the update
    record_places: list[int | None]  # its Källrader row (None: appended)
    sources: list[SourceFile]
    source_places: list[int | None]
    articles: list[Article]  # every article after the update (existing first, in sheet order)
    cleared_records: list[int] = field(default_factory=list)  # Källrader rows emptied
    cleared_sources: list[int] = field(default_factory=list)
    # which records (positions in ``records``) and articles may differ from the file; None: any
    touched_records: set[int] | None = None
    touched_articles: set[str] | None = None
    # filled by write_change: the figures of the articles it wrote (touched ones, or all)
    figures: dict[str, Figures] = field(default_factory=dict)


def _same(a: Any, b: Any) -> bool:
    if a is None or (isinstance(a, str) and not a.strip()):
        return b is None or (isinstance(b, str) and not b.strip())
    if b is None:
        return False
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return abs((a - b).total_seconds()) < 1
    return str(a).strip() == str(b).strip()


def _unchanged(raw: Any, value: Any) -> bool:
    """:func:`_same` of a cell as read (before the reader's cleaning) and a value to write: equal values of
    one type (an integer read as a float counts as one) are decided at once, without a call."""
    kind = raw.__class__
    if (kind is value.__class__ or (kind is float and value.__class__ is int)) and raw == value:
        return True
    return _same(clean(raw), value)


def _row_cells(cells: dict[tuple[int, int], Any], row: int, columns: Sequence[int], values: Sequence[Any],
               old: Sequence[Any] | None) -> None:
    width = len(old) if old is not None else 0
    for column, value in zip(columns, values, strict=True):
        if not _unchanged(old[column] if column < width else None, value):  # type: ignore[index]  # width 0
            cells[(row, column)] = value


def _cells_of_rows(values_by_row: Mapping[int, list[Any]], headers: Sequence[str], columns: Mapping[str, int],
                   table_raw: Mapping[int, list[Any]]) -> dict[tuple[int, int], Any]:
    """The cells of ``values_by_row`` whose value differs from the sheet's (``table_raw``: its cells by
    row, as read)."""
    cells: dict[tuple[int, int], Any] = {}
    places = [columns[h] for h in headers]
    for row, values in values_by_row.items():
        _row_cells(cells, row, places, values, table_raw.get(row))
    return cells


def write_change(change: JointChange, *, who: str, progress: Progress | None = None,
                 save_anyway: bool = False) -> bool:
    """Patch ``change`` into its workbook (the caller holds the lock). Returns whether anything changed."""
    from workbench.savefile import atomic_save
    from workbench.xlsx.patch import NewColumn, SheetPatch, patch_sheets, verify_patch

    state = change.state
    names = state.names
    articles_sheet, rows_sheet, sources_sheet = names.sheets
    municipalities = municipality_order((r.municipality for r in change.records), state.municipalities)

    # Sortiment: the figures of every article; new articles and new municipality columns appended
    columns = dict(state.article_columns)
    new_columns: list[NewColumn] = []
    last = max(columns.values(), default=-1)
    for municipality in municipalities:
        for header in (names.quantity_of(municipality), names.spend_of(municipality)):
            if header not in columns:
                last += 1
                columns[header] = last
                new_columns.append(NewColumn(last, header))
    if names.merged_into not in columns:
        last += 1
        columns[names.merged_into] = last
        new_columns.append(NewColumn(last, names.merged_into))
    figure_headers = [names.price, *(h for m in municipalities for h in (names.quantity_of(m), names.spend_of(m))),
                      names.total_quantity, names.total_spend, names.municipalities, names.merged_into]
    cells: dict[tuple[int, int], Any] = {}
    next_row = state.article_last_row
    touched = None if new_columns else change.touched_articles
    # the figures of the articles written (each article's from its own rows, in their order)
    counted = change.records if touched is None else [r for r in change.records if r.article_id in touched]
    figs = change.figures = figures(counted)
    old_columns = [state.article_columns.get(h) for h in figure_headers]
    for article in change.articles:
        row = state.article_rows.get(article.id)
        if row is not None and touched is not None and article.id not in touched:
            continue
        figure = figs.get(article.id) or Figures()
        values = article_values(article, figure, municipalities)
        if row is None:
            next_row += 1
            headers = [names.article_id, *(names.fields[f] for f in ARTICLE_FIELDS), *figure_headers]
            for header, value in zip(headers, values, strict=True):
                if value is not None:
                    cells[(next_row, columns[header])] = value
            continue
        raw = state.article_raw.get(article.id, ())
        width = len(raw)
        for header, column, value in zip(figure_headers, old_columns, values[1 + len(ARTICLE_FIELDS):],
                                         strict=True):
            if not _unchanged(raw[column] if column is not None and column < width else None, value):
                cells[(row, columns[header])] = value
    article_patch = SheetPatch(articles_sheet, cells, grow_to_row=next_row if next_row > state.article_last_row
                               else None, header_row=1, new_columns=new_columns,
                               data_rows=(2, max(2, next_row)), last_row=state.article_last_row)

    # Källrader and Källor: rows placed where the replaced ones were, the rest appended
    row_headers = [*names.source_row_headers(), *extra_source_headers(names)]
    record_columns = dict(state.record_columns)
    record_values: dict[int, list[Any]] = {}
    appended = state.record_last_row
    for position, (record, place) in enumerate(zip(change.records, change.record_places, strict=True)):
        if place is None:
            appended += 1
            place = appended
        elif change.touched_records is not None and position not in change.touched_records:
            continue
        record_values[place] = record.values()
    for row in change.cleared_records:
        record_values[row] = [None] * len(row_headers)
    missing = [h for h in row_headers if h not in record_columns]
    for header in missing:  # a hand-made or older workbook without the extra columns
        record_columns[header] = max(record_columns.values(), default=-1) + 1
    record_cells = _cells_of_rows(record_values, row_headers, record_columns, state.record_raw)
    rows_patch = SheetPatch(rows_sheet, record_cells, grow_to_row=appended if appended > state.record_last_row
                            else None, header_row=1,
                            new_columns=[NewColumn(record_columns[h], h) for h in missing],
                            last_row=state.record_last_row)

    source_headers = names.source_headers()
    source_values: dict[int, list[Any]] = {}
    appended_sources = state.source_last_row
    for source, place in zip(change.sources, change.source_places, strict=True):
        if place is None:
            appended_sources += 1
            place = appended_sources
        source_values[place] = source.values()
    for row in change.cleared_sources:
        source_values[row] = [None] * len(source_headers)
    source_cells = _cells_of_rows(source_values, source_headers, state.source_columns, state.source_raw)
    sources_patch = SheetPatch(sources_sheet, source_cells,
                               grow_to_row=appended_sources if appended_sources > state.source_last_row else None,
                               last_row=state.source_last_row)

    if not cells and not new_columns and not record_cells and not source_cells:
        return False
    patches = [p for p in (article_patch, rows_patch, sources_patch) if p.cells or p.new_columns]
    report(progress, 1, 2, "write")
    results: list[Any] = []

    def write(temp: Path) -> None:
        results.append(patch_sheets(state.path, temp, patches))

    atomic_save(state.path, write, lambda temp: verify_patch(temp, results[-1]))
    return True


def check_open_elsewhere(path: Path, save_anyway: bool) -> None:
    from workbench.errors import FileOpenElsewhereError
    from workbench.sharing.lock import office_owner

    if save_anyway:
        return
    owner = office_owner(path)
    if owner is not None:
        raise FileOpenElsewhereError(path, who=owner)


def locked(path: Path, who: str, wait: float, on_wait: Callable[[str], None] | None) -> Any:
    """The workbook's lock, taken (waiting up to ``wait`` seconds while a colleague saves)."""
    from workbench.sharing.lock import WorkbookLock
    from workbench.sharing.shared_save import lock_waiter

    return WorkbookLock(path, who).acquire(wait=wait, on_wait=lock_waiter(path, on_wait))


def update_joint(joint: Path, lists: Sequence[ReadList], *, who: str, mode: Literal["replace", "add"] = "replace",
                 progress: Progress | None = None, wait: float = 30.0, save_anyway: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> Any:
    """Re-merge ``lists`` into the existing joint workbook (see :mod:`workbench.assortment.merge`)."""
    from workbench.assortment.report import (
        MergeReport,
        existing_rows,
        fill_report,
        list_findings,
        localised,
        new_rows_findings,
        price_findings,
        source_files,
        source_records,
    )
    from workbench.table import Finding

    with locked(joint, who, wait, on_wait):
        check_open_elsewhere(joint, save_anyway)
        state = read_joint(joint)
        spelling = {name.casefold(): name for name in state.municipalities}
        for read in lists:  # the workbook's spelling of a municipality wins ("botkyrka" is Botkyrka)
            read.municipality = spelling.get(read.municipality.casefold(), read.municipality)
            if read.municipality_from == "file_name" and read.municipality not in state.municipalities:
                # "Haninge 2026.csv" is Haninge's new list, not a municipality of its own that counts twice
                read.municipality = municipality_in_name(read.file_name, state.municipalities) or read.municipality
        result = MergeReport(joint)
        skipped: list[ReadList] = []
        fresh: list[ReadList] = []
        for read in lists:
            known = any(s.municipality == read.municipality and s.fingerprint and s.fingerprint == read.fingerprint
                        for s in state.sources)
            (skipped if known else fresh).append(read)
        result.skipped_files = [read.file_name for read in skipped]
        skipped_findings = [Finding("merge_skipped", {"source": read.file_name, "municipality": read.municipality})
                            for read in skipped]
        if not fresh:
            articles = list(state.articles.values())
            fill_report(result, state.records, articles, {r.article_id for r in state.records})
            result.findings = localised(skipped_findings)
            return result

        def replaced_record(record: SourceRecord) -> bool:
            for read in fresh:
                if record.municipality == read.municipality and (mode == "replace" or record.file == read.file_name):
                    return True
            return False

        def replaced_source(source: SourceFile) -> bool:
            for read in fresh:
                if source.municipality == read.municipality and (mode == "replace" or source.file == read.file_name):
                    return True
            return False

        for read in fresh:  # an empty export must not wipe out a municipality's list
            held = sum(1 for r in state.records if r.municipality == read.municipality)
            if not read.rows and held and mode == "replace":
                from workbench.errors import EmptyListError

                raise EmptyListError(read.source.path, municipality=read.municipality, rows=held, joint=joint.name)
        kept_at: list[int] = []
        gone_at: list[int] = []
        updated = {read.municipality for read in fresh}  # only their rows can be replaced
        for i, r in enumerate(state.records):
            (gone_at if r.municipality in updated and replaced_record(r) else kept_at).append(i)
        kept = [state.records[i] for i in kept_at]
        gone = [state.records[i] for i in gone_at]
        rows = [row for read in fresh for row in read.rows]
        report(progress, len(lists), len(lists) + 1, "match")
        assignment = assign([row.match for row in rows], existing_rows(kept), existing_rows(gone), state.highest)
        new_records = source_records(fresh, assignment)

        fields_by_id: dict[str, list[Any]] = {}
        for row, article_id in zip(rows, assignment.ids, strict=True):
            if article_id not in state.articles:
                fields_by_id.setdefault(article_id, []).append(row.fields)
        articles = list(state.articles.values())
        articles += [Article(i, article_fields(fields_by_id[i])) for i in assignment.new_ids]

        # the new rows take the places of the replaced ones and of rows emptied earlier, in sheet order
        free = sorted([state.record_rows[i] for i in gone_at] + state.free_record_rows())
        places: list[int | None] = [state.record_rows[i] for i in kept_at]
        places += [free[i] if i < len(free) else None for i in range(len(new_records))]
        cleared = free[len(new_records):]
        now = dt.datetime.now().replace(microsecond=0)
        new_sources = source_files(fresh, now, who)
        kept_sources = [(s, r) for s, r in zip(state.sources, state.source_rows, strict=True) if not replaced_source(s)]
        free_sources = sorted([r for s, r in zip(state.sources, state.source_rows, strict=True) if replaced_source(s)]
                              + state.free_source_rows())
        source_places: list[int | None] = [r for _, r in kept_sources]
        source_places += [free_sources[i] if i < len(free_sources) else None for i in range(len(new_sources))]
        change = JointChange(state, [*kept, *new_records], places, [*(s for s, _ in kept_sources), *new_sources],
                             source_places, articles, cleared_records=cleared,
                             cleared_sources=free_sources[len(new_sources):],
                             touched_records=set(range(len(kept), len(kept) + len(new_records))),
                             touched_articles={r.article_id for r in gone} | {r.article_id for r in new_records})
        result.written = write_change(change, who=who, progress=progress, save_anyway=save_anyway)
        result.new_articles = len(assignment.new_ids)
        result.new_ids = list(assignment.new_ids)
        result.merged_files = [read.file_name for read in fresh]
        fill_report(result, change.records, articles, {r.article_id for r in change.records})
        result.findings = localised([*skipped_findings, *list_findings(fresh, state, mode == "add"),
                                      *new_rows_findings(fresh, assignment), *price_findings(new_records)])
        finished(progress, len(lists) + 1)
        return result
