"""The review grid as the user meets it, on 100,000 rows: the core view plus the Qt model's reset.

Targets (issue "The review grid"): sorting by any column and applying a text or facet filter each under
150 ms including the model reset; a bulk edit of 10,000 selected rows under 300 ms including
``dataChanged`` and the journal write;
resident memory under 700 MB with the 100,000-row table shown. Runs offscreen. The
caches that ``prepare()`` builds in the background after loading are built first, as in the app.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from _harness import REPO, make_articles_xlsx, measure, search_words

sys.path.insert(0, str(REPO))

import shiboken6
from PySide6.QtWidgets import QApplication

from ui import tasks
from ui.review.page import ReviewPage
from workbench.reading.importer import read_table
from workbench.review.session import prepare
from workbench.settings import UiState
from workbench.sharing.journal import Journal

FULL_ROWS = 100_000
QUICK_ROWS = 5_000
VIEW_LIMIT_S = 0.150
EDIT_LIMIT_S = 0.300
RSS_LIMIT_MB = 700


def main(quick: bool = False) -> bool:
    rows = QUICK_ROWS if quick else FULL_ROWS
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = make_articles_xlsx(rows=rows, cols=20)
    table = read_table(path)
    page = ReviewPage(UiState(Path(os.devnull)), "sv")
    page.resize(1400, 900)
    # As in the app: every edit is journalled (SQLite, synchronous=FULL) before it reaches the table,
    # and the log is copied into the database after a pause, in the background (ui.sharing.journal_upkeep).
    journal = Journal(Path(tempfile.mkdtemp(prefix="bench-journal-")) / "journal.sqlite3", auto_checkpoint=False)
    page.set_table(table, "bench", journal)
    page.show()
    prepare(table)
    app.processEvents()
    model = page.model
    columns = {model.column_id(c): c for c in range(model.columnCount())}
    repeat = 2 if quick else 5
    cases = []
    for column_id in [*list(columns)[:6], "decision", "env_score"]:
        cases.append((f"sort by {column_id}", lambda c=column_id: page.sort_by(c, True), VIEW_LIMIT_S))
    cases.append(("sort by spend descending", lambda: page.sort_by(table.columns["spend"], False), VIEW_LIMIT_S)
                 if "spend" in table.columns else ("sort by spend", lambda: None, VIEW_LIMIT_S))

    def search(text: str) -> None:
        page.search_edit.blockSignals(True)
        page.search_edit.setText(text)
        page.search_edit.blockSignals(False)
        page.refresh()

    # a new word every run ("mugg", "sugrör", ...): the core keeps the last searches, so repeating one
    # word would measure a cache hit, not a search
    words = search_words("mugg")
    cases.append(("text filter (a new word)", lambda: search(next(words)), VIEW_LIMIT_S))
    cases.append(("clear text filter", lambda: search(""), VIEW_LIMIT_S))
    facet_name = next((n for n in ("category", "supplier", "material") if n in table.columns), None)
    if facet_name is not None:
        box = page.filter_panel.facets[facet_name]
        value = box._counts[0][0] if box._counts else ""

        def facet_on() -> None:
            box.selected = {value}
            page.refresh()

        def facet_off() -> None:
            box.selected = set()
            page.refresh()

        cases.append((f"facet filter {facet_name}", facet_on, VIEW_LIMIT_S))
        cases.append((f"clear facet {facet_name}", facet_off, VIEW_LIMIT_S))
    edit_rows = list(range(min(rows, 10_000)))
    codes = iter(["keep", "remove"] * 100)
    cases.append((f"bulk edit {len(edit_rows):,} rows", lambda: model.set_field(edit_rows, "decision", next(codes)),
                  EDIT_LIMIT_S))
    # The issue sets no undo target: undo + redo of that edit is printed for information.
    cases.append(("undo + redo of that edit", lambda: (model.undo_stack.undo(), model.undo_stack.redo()), None))

    ok = True
    print(f"\nreview grid with the Qt model: {rows:,} rows (limits {VIEW_LIMIT_S * 1000:.0f} ms for views, "
          f"{EDIT_LIMIT_S * 1000:.0f} ms for a bulk edit)")
    print(f"{'case':<34}{'median ms':>10}{'cpu ms':>9}  verdict (on the wall-clock median)")
    for name, run, limit in cases:
        timing = measure(run, repeat=repeat, warmup=1)
        passed = limit is None or timing.median <= limit
        ok = ok and (passed or quick)
        verdict = "info" if quick or limit is None else ("PASS" if passed else "FAIL")
        print(f"{name:<34}{timing.median * 1000:>10.1f}{timing.cpu_median * 1000:>9.1f}  {verdict}")
    start = time.perf_counter()
    for row in range(0, model.rowCount(), max(1, model.rowCount() // 2000)):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    per_cell_us = (time.perf_counter() - start) / (2000 * model.columnCount()) * 1e6
    print(f"{'data() per cell (scrolling)':<34}{per_cell_us:>10.1f}  info (microseconds)")
    start = time.perf_counter()
    journal.checkpoint()
    print(f"{'journal checkpoint after a pause':<34}{(time.perf_counter() - start) * 1000:>10.1f}  "
          "info (background, after every edit above)")
    rss = psutil.Process().memory_info().rss / 1e6
    rss_ok = rss <= RSS_LIMIT_MB
    print(f"{'resident memory, table shown':<34}{rss:>10.0f}  "
          f"{'info' if quick else ('PASS' if rss_ok else 'FAIL')} (MB, limit {RSS_LIMIT_MB})")
    page.close()
    # Tear the page down while the application lives (its background preparation finished first): left
    # to the interpreter's exit, Qt objects outlived the QApplication and the process crashed on exit.
    while tasks.active_tasks():
        app.processEvents()
        time.sleep(0.01)
    shiboken6.delete(page)
    journal.close()
    return ok and (rss_ok or quick)


if __name__ == "__main__":
    raise SystemExit(0 if main(quick="--quick" in sys.argv) else 1)
