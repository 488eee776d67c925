"""Konsolidering in the main window: Visa > Konsolidering… shows the page in the window's stack, the core
finds the clusters of the loaded table in the background (again after every decision and every edit,
undo and redo), and the page's decisions go where they belong.

Accepting a cluster sets Ersätt and Ersätts av on the others (and Behåll on the keeper when it has no
decision) through the grid's ordinary edit path, together with the Kluster log row as ONE step on the
grid's undo stack: undoing it puts the values back and logs the cluster as reopened, redoing logs the
acceptance again. The values are saved by the ordinary save; the log rows are written at once by the
core (``decide(..., set_values=False)``) with the file watcher paused, one write at a time, as the joint
grid writes. Rejecting and splitting write only the log.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from ui import tasks
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.consolidation.page import ConsolidationPage
    from ui.main_window import MainWindow
    from ui.review.page import ReviewPage
    from workbench.consolidation import ClusterReport, ClusterView
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

_FIELDS = ("decision", "replaced_by", "env_score")  # the review values consolidation reads


class _LogCommand(QUndoCommand):
    """The Kluster log's half of an accepted cluster's undo step: done, it logs the acceptance; undone,
    the cluster's reopening."""

    def __init__(self, owner: Consolidation, cluster: ClusterView, keep: str) -> None:
        super().__init__()
        self.owner, self.cluster, self.keep = owner, cluster, keep

    def redo(self) -> None:
        self.owner.write_log(self.cluster, "accept", keep=self.keep)

    def undo(self) -> None:
        self.owner.write_log(self.cluster, "reopen")


class Consolidation(QObject):
    """The page, its action and the clusters of the loaded table."""

    computed = Signal()  # a new report is on the page (tests wait for it)
    written = Signal()  # a decision's log rows are in the workbook

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: SourceTable | None = None
        self.report: ClusterReport | None = None
        self.kluster_log: Any = None  # the workbook's KlusterLog, read with the first report
        self._page_widget: ConsolidationPage | None = None
        self._task: tasks.Task | None = None
        self._writes = 0  # log writes under way (they run one at a time in the save lane)
        self._dirty = False  # a recompute is wanted once the writes are done
        self.page_action = QAction(window)
        self.page_action.setObjectName("consolidationAction")
        self.page_action.setShortcut(QKeySequence("Ctrl+K"))
        self.page_action.triggered.connect(self.show_page)
        window.view_menu.addAction(self.page_action)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.recompute)
        self._hooked: ReviewPage | None = None
        self.notice: Any = None  # the last message box shown (tests read it)
        window.table_loaded.connect(self._on_window_table_loaded)
        self.page_action.setEnabled(False)

    def retranslate(self) -> None:
        self.page_action.setText(self.tr("C&onsolidation…"))
        if self._page_widget is not None:
            self._page_widget.retranslate(self.window.language)

    # --- the page -------------------------------------------------------------------------------
    @property
    def page(self) -> ConsolidationPage:
        """The page, built on first use and put in the window's stack."""
        if self._page_widget is None:
            from ui.consolidation.page import ConsolidationPage

            page = ConsolidationPage(self.window)
            page.accept_requested.connect(self.accept)
            page.reject_requested.connect(self.reject)
            page.reopen_requested.connect(self.reopen)
            page.keep_requested.connect(self._on_page_keep_requested)
            page.split_requested.connect(self.split)
            page.back_requested.connect(self.hide_page)
            self.window.stack.addWidget(page)
            page.retranslate(self.window.language)
            page.show_report(self.report)
            self._page_widget = page
        return self._page_widget

    def show_page(self) -> ConsolidationPage | None:
        if self.table is None:
            return None
        page = self.page
        self.window.stack.setCurrentWidget(page)
        page.list_view.setFocus()
        if self.report is None and self._task is None:
            self.recompute()
        return page

    def hide_page(self) -> None:
        if self.table is not None:
            self.window.stack.setCurrentWidget(self.window.table_page)

    @property
    def busy(self) -> bool:
        """A report is being computed or a decision written."""
        return self._task is not None or self._writes > 0 or self._debounce.isActive()

    # --- the report -----------------------------------------------------------------------------
    def _on_window_table_loaded(self, table: SourceTable) -> None:
        review_page = self.window.review_page
        if self._hooked is not review_page:
            self._hooked = review_page
            review_page.model.review_changed.connect(self._on_model_review_changed)
            self.window.saver.pulled.connect(self._on_saver_pulled)
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.table, self.report, self.kluster_log = table, None, None
        self.page_action.setEnabled(True)
        if self._page_widget is not None:
            self._page_widget.keepers.clear()
            self._page_widget.show_report(None)
            self.recompute()

    def _on_saver_pulled(self, _result: Any) -> None:
        """A colleague saved: their review values are in, and their Kluster rows are read again."""
        if self._writes == 0:
            self.kluster_log = None
        if self._page_widget is not None and self.table is not None:
            self._debounce.start()

    def _on_model_review_changed(self) -> None:
        if self._page_widget is not None and self.table is not None:
            self._debounce.start()

    def recompute(self) -> None:
        """The clusters of the table as it is now, in the background (decisions are edited meanwhile)."""
        self._debounce.stop()
        table = self.table
        if table is None:
            return
        if self._writes:
            self._dirty = True  # the log is being written: compute with it once it is in
            return
        if self._task is not None:
            self._task.cancel()
        snapshot = copy.copy(table)
        snapshot.review = table.review[[c for c in _FIELDS if c in table.review.columns]].copy()
        known_log = self.kluster_log
        workbook = self.logs_decisions

        def work(_progress: Any) -> Any:
            from workbench.consolidation import KlusterLog, consolidate_table, read_log

            if known_log is not None:
                kluster_log = known_log
            else:
                kluster_log = read_log(Path(table.path)) if workbook else KlusterLog()
            return kluster_log, consolidate_table(snapshot, kluster_log)

        def done(result: Any) -> None:
            if self._task is not task:
                return
            self._task = None
            if self.table is not table:
                return
            self.kluster_log, self.report = result
            if self._page_widget is not None:
                self._page_widget.show_report(self.report)
            self.computed.emit()

        def failed(error: BaseException) -> None:
            if self._task is not task:
                return
            self._task = None
            log.warning("Finding the clusters of %s failed: %r", table.path, error)
            show_error(self.window, error, self.window.language)

        task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._task = task

    # --- decisions ------------------------------------------------------------------------------
    @property
    def logs_decisions(self) -> bool:
        """Whether the open file can keep the Kluster log (an xlsx workbook; a csv, xls or ods cannot)."""
        from workbench.formats import XLSX_SUFFIXES

        # the core's rule (decide refuses any other ending): an xls or ods is saved as a new xlsx first
        return self.table is not None and Path(self.table.path).suffix.casefold() in XLSX_SUFFIXES

    def _no_log(self) -> None:
        """Rejections and splits live only in the Kluster sheet: say why they cannot be kept here."""
        from PySide6.QtWidgets import QMessageBox

        assert self.table is not None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Consolidation"), self.tr(
            "Rejected and split clusters are remembered in the workbook's sheet Kluster, and {file} is not an "
            "Excel workbook (xlsx). Save it as one first (File > Save as…); accepting a cluster works here "
            "as it is.").format(file=self.table.path.name), parent=self.window)
        box.setObjectName("consolidationNoLogBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notice = box

    def _ready(self) -> tuple[ConsolidationPage, ClusterView] | None:
        page = self._page_widget
        cluster = page.current_cluster() if page is not None else None
        review = self.window.review_page
        if page is None or cluster is None or page.busy or review.session is None or review.model.read_only:
            return None
        return page, cluster

    def accept(self) -> bool:
        """The current cluster: the others replaced by the keeper, as one undo step with its log row."""
        ready = self._ready()
        if ready is None or self.table is None or ready[1].kind != "same_product":
            return False  # variants are not interchangeable: the core accepts no variants cluster
        page, cluster = ready
        keep = page.keeper(cluster)
        cells = self._accept_cells(cluster, keep)
        model = self.window.review_page.model
        stack = model.undo_stack
        others = len(cluster.keys) - 1
        text = self.tr("Accept cluster {product}: %n article(s) replaced by {keep}", "", others).format(
            product=cluster.product_name(self.window.language), keep=keep)
        stack.beginMacro(text)
        ok = model.set_cells(cells, "accept_cluster", text=text)
        if ok and self.logs_decisions:
            stack.push(_LogCommand(self, cluster, keep))  # its first redo writes the log row
        stack.endMacro()
        if not ok:
            command = stack.command(stack.index() - 1)
            if command is not None:
                command.setObsolete(True)  # an empty step: undoing it takes it off the stack
            stack.undo()
            return False
        page.step(1)
        return True

    def _accept_cells(self, cluster: ClusterView, keep: str) -> dict[str, dict[int, Any]]:
        """Ersätt and Ersätts av on the others, Behåll on the keeper when it has no decision yet: the
        core's rule (``review_cells``, as ``workbench clusters --accept``), set at the rows of the grid."""
        from workbench.consolidation import ClusterDecision
        from workbench.consolidation.decisions import review_cells

        table = self.table
        assert table is not None
        positions: dict[str, int] = {}
        for position, key in enumerate(table.keys.to_numpy(dtype=object).tolist()):
            positions.setdefault(str(key), position)
        decisions = table.review["decision"].to_numpy(dtype=object)

        def current(key: str) -> str | None:
            value = decisions[positions[key]] if key in positions else None
            return value if isinstance(value, str) and value else None

        cells, _replaced, _skipped = review_cells([ClusterDecision(cluster, "accept", keep=keep)], current,
                                                  overwrite=True)
        by_field: dict[str, dict[int, Any]] = {}
        for key, name, value in cells:
            if key in positions:
                by_field.setdefault(name, {})[positions[key]] = value
        return by_field

    def reject(self) -> bool:
        """The current open cluster is not the same need: logged, it does not come back."""
        ready = self._ready()
        if ready is None or ready[1].status != "open":
            return False
        page, cluster = ready
        if not self.logs_decisions:
            self._no_log()
            return False
        self.write_log(cluster, "reject")
        page.step(1)
        return True

    def reopen(self) -> bool:
        """A rejected cluster is a candidate again (logged; a rejection is not a step of the grid's undo)."""
        ready = self._ready()
        if ready is None or ready[1].status != "rejected":
            return False
        self.write_log(ready[1], "reopen")
        return True

    def split(self, key: str) -> bool:
        """``key`` out of the current cluster (the others stay a cluster when two or more are left)."""
        ready = self._ready()
        if ready is None or ready[1].status != "open" or key not in ready[1].keys:
            return False
        if not self.logs_decisions:
            self._no_log()
            return False
        self.write_log(ready[1], "split", key=key)
        return True

    def _on_page_keep_requested(self, key: str) -> None:
        page = self._page_widget
        cluster = page.current_cluster() if page is not None else None
        if page is not None and cluster is not None:
            page.choose_keeper(cluster, key)

    def write_log(self, cluster: ClusterView, action: str, *, keep: str | None = None,
                  key: str | None = None) -> None:
        """The Kluster log rows of one decision, written by the core in the background (save lane)."""
        review = self.window.review_page
        session = review.session
        if session is None:
            return
        path, user, language = Path(session.table.path), session.user, self.window.language
        saver = self.window.saver
        saver.watcher.paused = True  # our own write is not a colleague's change
        self._writes += 1
        if self._page_widget is not None:
            self._page_widget.set_busy(True)

        def work(_progress: Any) -> Any:
            from workbench.consolidation import ClusterDecision, decide, read_log

            decide(path, [ClusterDecision(cluster, action, keep=keep, key=key)], user=user, set_values=False,
                   lang=language)
            return read_log(path)

        def finished() -> None:
            self._writes -= 1
            saver.watcher.accept_current()
            if not self._writes:
                saver.watcher.paused = False
                if self._page_widget is not None:
                    self._page_widget.set_busy(False)

        def succeeded(kluster_log: Any) -> None:
            finished()
            self.kluster_log = kluster_log
            self.written.emit()
            if not self._writes:
                self._dirty = False
                self.recompute()

        def failed(error: BaseException) -> None:
            finished()
            show_error(self.window, error, self.window.language)
            if not self._writes and self._dirty:
                self._dirty = False
                self.recompute()

        tasks.run_task(work, on_success=succeeded, on_failure=failed, lane="save", owner=self)

