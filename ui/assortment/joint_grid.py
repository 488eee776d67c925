"""The review grid on a joint workbook (issue 15): the per-municipality columns as one group to show or
hide, the facet "Antal kommuner", the selected article's source rows in the detail pane, and
"Slå ihop markerade artiklar" / "Dela upp".

The core says what is joint (``workbench.assortment.grid``) and does the linking and splitting
(``workbench.assortment.link``, under the workbook's lock); this only wires it to the window. Link and
split rewrite the workbook, so pending review edits are saved first (the window's ordinary save) and
the workbook is opened again afterwards. Each is a step on the grid's undo stack: undoing puts the
rows back where they were (``workbench.assortment.grid.undo_step``), redoing where the step put them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QBoxLayout, QMessageBox, QWidget

from ui import tasks

if TYPE_CHECKING:
    from ui.assortment.source_rows import SourceRowsSection
    from ui.main_window import MainWindow
    from ui.review.page import ReviewPage
    from workbench.assortment.grid import JointColumns, JointStep
    from workbench.assortment.joint_reader import JointState
    from workbench.table import SourceTable

log = logging.getLogger(__name__)


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return str(path.resolve()), status.st_mtime_ns, status.st_size


class _StepCommand(QUndoCommand):
    """A link or split on the grid's undo stack; undoing and redoing rewrite the workbook."""

    def __init__(self, grid: JointGrid, text: str, step: JointStep) -> None:
        super().__init__(text)
        self.grid = grid
        self.step = step
        self.first = True
        self.quiet = False  # pushed as undone: the stack is told, the file is as it should be

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.grid.run_step(self.text(), self.step, undo=False)

    def undo(self) -> None:
        if not self.quiet:
            self.grid.run_step(self.text(), self.step, undo=True)


class JointGrid(QObject):
    """Adds the joint workbook's columns, facet, source rows and actions to the main window's grid."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.columns: JointColumns | None = None
        self.state: JointState | None = None
        self._stamp: tuple[str, int, int] | None = None  # the workbook the state was read from
        self._read_task: tasks.Task | None = None
        self._page: ReviewPage | None = None
        self._select_after_load: str | None = None
        self._after_load: tuple[str, JointStep, str] | None = None  # the step to put on the undo stack
        self._message_after_load: str | None = None  # what the step did: the reload's "Read …" must not hide it
        self._write_task: tasks.Task | None = None
        self.confirm_box: QMessageBox | None = None
        self._section: SourceRowsSection | None = None
        self.columns_action = QAction(window)
        self.columns_action.setObjectName("municipalityColumnsAction")
        self.columns_action.setCheckable(True)
        self.columns_action.setChecked(True)
        self.columns_action.toggled.connect(self.show_municipality_columns)
        self.link_action = QAction(window)
        self.link_action.setObjectName("linkArticlesAction")
        self.link_action.triggered.connect(self._on_link_action_triggered)
        self.split_action = QAction(window)
        self.split_action.setObjectName("splitRowAction")
        self.split_action.triggered.connect(self._on_split_action_triggered)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.link_action)
        window.edit_menu.addAction(self.split_action)
        window.view_menu.addAction(self.columns_action)
        window.table_loaded.connect(self._on_window_table_loaded)
        self._set_joint(False)

    @property
    def section(self) -> SourceRowsSection:
        """The detail pane's source rows, made when first needed (not while the window starts)."""
        if self._section is None:
            from ui.assortment.source_rows import SourceRowsSection

            section = SourceRowsSection()
            section.hide()
            section.selection_changed.connect(self._update_actions)
            section.retranslate(self.window.language)
            self._section = section
        return self._section

    # --- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.columns_action.setText(self.tr("Show &municipality columns"))
        self.link_action.setText(self.tr("&Link selected articles…"))
        self.split_action.setText(self.tr("Spli&t off source row"))
        if self._section is not None:
            self._section.retranslate(self.window.language)

    def facet_title(self) -> str:
        return self.tr("Number of municipalities")

    # --- opening --------------------------------------------------------------------------------
    def _hook(self) -> ReviewPage:
        page = self.window.review_page
        if self._page is not page:
            self._page = page
            page.detail_pane.add_section(self.section, first=True)
            page.detail_pane.article_shown.connect(self._on_detail_pane_article_shown)
            page.view.context_actions.extend([self.link_action, self.split_action])
            page.view.selection_rows_changed.connect(self._update_actions)
        return page

    def _on_window_table_loaded(self, table: SourceTable) -> None:
        from workbench.assortment.grid import count_order, joint_columns

        page = self._hook()
        self.columns = joint_columns(table)
        self._set_joint(self.columns is not None)
        if self.columns is None or page.session is None:
            self.state, self._stamp = None, None
            return
        page.filter_panel.set_available(page.session, extra=self.columns.facets)
        for name in self.columns.facets:
            box = page.filter_panel.facets[name]
            box.fixed_title = self.facet_title
            box.order = count_order(box.order)
            box.retranslate(self.window.language)
            self._put_first(box)
        page.refresh()
        self._lead_with(page, self.columns.leading)
        hidden = [page.model.column_id(c) for c in range(page.model.columnCount()) if page.view.isColumnHidden(c)]
        self.columns_action.blockSignals(True)
        self.columns_action.setChecked(not set(self.columns.municipality_columns) <= set(hidden))
        self.columns_action.blockSignals(False)
        self._read(Path(table.path))
        if self._select_after_load is not None:
            row = page.model.row_of_key(self._select_after_load)
            self._select_after_load = None
            if row >= 0:
                index = page.model.index(row, 0)
                page.view.setCurrentIndex(index)
                # once the reloaded rows are laid out: a split's new article is the last row
                QTimer.singleShot(0, lambda: page.view.scrollTo(page.view.currentIndex()))
        if self._after_load is not None:
            self._push(*self._after_load)
            self._after_load = None
        if self._message_after_load is not None:
            self.window.statusBar().showMessage(self._message_after_load, 10_000)
        self._message_after_load = None

    @staticmethod
    def _put_first(box: QWidget) -> None:
        """Move the joint facet above the others: in a joint analysis how many municipalities buy an
        article is the first thing to filter on (the panel adds extra facets after its own)."""
        parent = box.parentWidget()
        layout = parent.layout() if parent is not None else None
        if not isinstance(layout, QBoxLayout):
            return
        panel = [w for w in parent.findChildren(type(box), options=Qt.FindChildOption.FindDirectChildrenOnly)
                 if w is not box and layout.indexOf(w) >= 0]
        if not panel:
            return
        first = min(layout.indexOf(w) for w in panel)
        if layout.indexOf(box) > first:
            layout.removeWidget(box)
            layout.insertWidget(first, box)

    @staticmethod
    def _lead_with(page: ReviewPage, columns: tuple[str, ...]) -> None:
        """Show ``columns`` right after the frozen key and name, unless the user's own order is in place
        (the columns then stand in the order the user left them)."""
        header = page.view.horizontalHeader()
        model = page.model
        if any(header.visualIndex(c) != c for c in range(model.columnCount())):
            return
        ids = [model.column_id(c) for c in range(model.columnCount())]
        for offset, column_id in enumerate(c for c in columns if c in ids):
            header.moveSection(header.visualIndex(ids.index(column_id)), model.frozen_count + offset)

    def _set_joint(self, joint: bool) -> None:
        for action in (self.columns_action, self.link_action, self.split_action):
            action.setVisible(joint)
        if joint or self._section is not None:
            self.section.setVisible(joint)
        self._update_actions()

    def _read(self, path: Path) -> None:
        """Read the workbook's source rows in the background, once per version of the file."""
        stamp = _stamp(path)
        if stamp is not None and stamp == self._stamp and self.state is not None:
            self._show_current()
            return
        if self._read_task is not None:
            self._read_task.cancel()
        self.state, self._stamp = None, stamp
        self.section.show_loading()

        def read(_progress: Any) -> Any:
            from workbench.assortment.joint_reader import read_joint

            return read_joint(path)

        def done(state: Any) -> None:
            if self._read_task is not task:
                return
            self._read_task = None
            self.state = state
            self._show_current()

        def failed(error: BaseException) -> None:
            if self._read_task is not task:
                return
            self._read_task = None
            log.warning("Reading the source rows of %s failed: %r", path, error)
            self.section.show_failed()

        task = tasks.run_task(read, on_success=done, on_failure=failed, owner=self)
        self._read_task = task

    @property
    def reading(self) -> bool:
        return self._read_task is not None

    def _show_current(self) -> None:
        from ui.review.model import KeyRole

        page = self._page
        self._on_detail_pane_article_shown(page.view.currentIndex().data(KeyRole) if page is not None else None)

    def _on_detail_pane_article_shown(self, key: str | None) -> None:
        if self.columns is None:
            return
        if self.state is None:
            if self._read_task is not None:
                self.section.show_loading()
            return
        from workbench.assortment.grid import source_rows_of

        rows = source_rows_of(self.state, key) if key is not None else None
        self.section.show_rows(rows)
        if rows is not None and len(rows) == 1:
            self.section.select(0)
        self._update_actions()

    # --- the municipality columns ---------------------------------------------------------------
    def show_municipality_columns(self, visible: bool) -> None:
        """Show or hide every municipality's quantity and spend column at once (remembered per workbook)."""
        page = self._page
        if page is None or self.columns is None:
            return
        wanted = set(self.columns.municipality_columns)
        for column in range(page.model.columnCount()):
            if page.model.column_id(column) in wanted:
                page.view.setColumnHidden(column, not visible)
        page.save_layout()
        if self.columns_action.isChecked() != visible:
            self.columns_action.setChecked(visible)

    # --- link and split -------------------------------------------------------------------------
    def selected_keys(self) -> list[str]:
        """The selected articles' IDs, the first selected first (it survives a link)."""
        page = self._page
        if page is None:
            return []
        from ui.review.model import KeyRole

        model = page.model
        rows: list[int] = []
        for part in page.view.selectionModel().selection():
            rows.extend(r for r in range(part.top(), part.bottom() + 1) if r not in rows)
        if not rows and page.view.currentIndex().isValid():
            rows = [page.view.currentIndex().row()]
        keys = [model.data(model.index(r, 0), KeyRole) for r in rows]
        return list(dict.fromkeys(k for k in keys if k))

    def _update_actions(self) -> None:
        joint = self.columns is not None and self._page is not None
        self.link_action.setEnabled(joint and len(self.selected_keys()) >= 2)
        self.split_action.setEnabled(joint and self.section.selected_row() is not None
                                     and len(self.section.rows()) > 1)

    def _article_name(self, key: str) -> str:
        page = self._page
        if page is None or page.session is None:
            return ""
        return str(page.session.table.article_names().get(key, "") or "")

    def _on_link_action_triggered(self) -> None:
        import html  # here, not at start: html.entities alone takes milliseconds to load

        keys = self.selected_keys()
        if len(keys) < 2:
            self._tell(self.tr("Select at least two articles to link."))
            return
        survivor, others = keys[0], keys[1:]
        listed = "".join(f"<li>{html.escape(k)} {html.escape(self._article_name(k))}</li>" for k in others)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Link articles"), "", parent=self.window)
        box.setObjectName("linkConfirmBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.tr("Link %n article(s) into {survivor} {name}?", "", len(others)).format(
            survivor=html.escape(survivor), name=html.escape(self._article_name(survivor)))
            + f"<ul>{listed}</ul>"
            + html.escape(self.tr("Their source rows move to {survivor}; they stay in the list with no volume. "
                                  "\"Split off source row\" takes a row back out.").format(survivor=survivor)))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Link"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            self.confirm_box = None
            if result == QMessageBox.StandardButton.Ok:
                self.link(keys)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def link(self, keys: list[str]) -> None:
        """Link ``keys`` into the first (after saving pending edits), then open the workbook again."""
        from workbench.assortment.link import link_articles

        text = self.tr("Link %n article(s) into {survivor}", "", len(keys) - 1).format(survivor=keys[0])
        self._step(lambda path, user: link_articles(path, keys, user=user), text)

    def _on_split_action_triggered(self) -> None:
        chosen = self.section.selected_row()
        if chosen is None:
            self._tell(self.tr("Select the source row to split off in the detail pane."))
            return
        self.split(chosen.sheet_row)

    def split(self, sheet_row: int) -> None:
        """Split the source row on Källrader row ``sheet_row`` into an article of its own."""
        from workbench.assortment.link import split_row

        text = self.tr("Split off source row {row}").format(row=sheet_row)
        self._step(lambda path, user: split_row(path, sheet_row, user=user), text)

    def _step(self, change: Callable[[Path, str], Any], text: str) -> None:
        """Run a link or split and remember what it changed, as an undo step of the grid."""
        page = self._page
        if page is None or page.session is None:
            return
        path = Path(page.session.table.path)
        known = self.state if self.state is not None and self._stamp == _stamp(path) else None

        def work(path: Path, user: str) -> Any:
            from workbench.assortment.grid import step_between
            from workbench.assortment.joint_reader import read_joint

            before = known if known is not None else read_joint(path)
            report = change(path, user)
            after = read_joint(path)
            return report, step_between(before, after), after

        def done(result: Any) -> None:
            report, step, after = result
            select = step.rows[0][3] if step.rows else None
            self._after_load = (text, step, "done") if step else None
            self._message_after_load = report.summary(self.window.language, name_only=True)
            self.window.statusBar().showMessage(self._message_after_load, 10_000)
            self._reopen(path, after, select)

        self._write(work, done)

    def run_step(self, text: str, step: JointStep, undo: bool) -> None:
        """Undo (or redo) a link or split: its rows go back where they were (or again where it put them)."""
        from workbench.assortment.grid import redo_step, undo_step

        page = self._page
        if page is None or page.session is None:
            return
        path = Path(page.session.table.path)

        def work(path: Path, user: str) -> Any:
            from workbench.assortment.joint_reader import read_joint

            (undo_step if undo else redo_step)(path, step, user=user)
            return read_joint(path)

        def done(after: Any) -> None:
            self._after_load = (text, step, "undone" if undo else "done")
            message = self.tr("Undone: {step}") if undo else self.tr("Redone: {step}")
            self._message_after_load = message.format(step=text)
            self.window.statusBar().showMessage(self._message_after_load, 10_000)
            select = (step.rows[0][1] if undo else step.rows[0][3]) if step.rows else None
            self._reopen(path, after, select)

        def failed() -> None:
            # nothing was written: the step stays where it was on the stack
            self._push(text, step, "done" if undo else "undone")

        self._write(work, done, failed)

    def _reopen(self, path: Path, after: JointState, select: str | None) -> None:
        self.state, self._stamp = after, _stamp(path)  # read already: the reload need not read it again
        self._select_after_load = select
        self.window.open_file(path)

    def _push(self, text: str, step: JointStep, where: str) -> None:
        """Put ``step`` on the grid's undo stack (reopening the workbook cleared it), done or undone."""
        page = self._page
        if page is None:
            return
        stack = page.model.undo_stack
        stack.clear()
        command = _StepCommand(self, text, step)
        stack.push(command)  # its first redo does nothing: the step is in the file already
        if where == "undone":
            command.quiet = True
            stack.undo()
            command.quiet = False

    def _write(self, work: Callable[[Path, str], Any], done: Callable[[Any], None],
               failed_too: Callable[[], None] | None = None) -> None:
        """Run ``work`` (which rewrites the workbook) once pending review edits are saved."""
        from ui.sharing.workbook_write import write_after_saving

        def remember(task: tasks.Task | None) -> None:
            self._write_task = task

        write_after_saving(
            self.window, self, work, done, failed=failed_too, started=remember,
            cannot_save=lambda: self._tell(self.tr("Save your changes first: the workbook could not be saved now.")))

    def _tell(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Joint assortment"), message,
                          parent=self.window)
        box.setObjectName("jointNoticeBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
