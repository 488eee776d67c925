"""Enkäter in the main window: Enkäter > Skapa enkäter… and Läs in svar… run ``survey make`` and
``survey collect`` in the background (the pending review edits saved first, the file watcher paused: our
own write is not a colleague's), dropping returned forms on the page does the same, the page shows where
the round stands, and Redigera > Använd enheternas svar puts the answer the units agree on into the
selected rows' Användning and Framtida behov through the grid's ordinary edit path, as ONE undo step."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from ui import tasks
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.survey.detail import SurveySection
    from ui.survey.page import SurveyPage
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

_FIELDS = ("usage", "future_need")


@dataclass
class UnitRow:
    """One row of the page."""

    unit: str
    answered: bool
    collected: dt.datetime | None
    answers: int
    articles: int
    file: str | None = None


def _round(path: Path, preferred: str) -> tuple[Any, list[Any], str, list[UnitRow], dict[str, list[Any]],
                                              dict[str, dict[str, Any]]]:
    """The workbook's state, its answer rows, the kind of unit the round is by (``preferred`` unless the
    answers came from the other kind), a row per unit, per article the answer rows about it, and per article
    the answers the units agree on."""
    from workbench.assortment.joint_reader import read_joint
    from workbench.errors import WorkbenchError
    from workbench.survey import agreed_answers, read_answer_sheet, survey_status, units_of
    from workbench.survey.answers import survivor
    from workbench.survey.make import form_articles

    state = read_joint(path)
    rows = [row for _, row in read_answer_sheet(state).rows]
    by = preferred
    answered = {row.unit.casefold() for row in rows}
    municipalities = {u.name.casefold() for u in units_of(state, "municipality")}
    if answered:
        by = "municipality"
    if answered - municipalities:
        try:
            org_units = {u.name.casefold() for u in units_of(state, "org_unit")}
        except WorkbenchError:  # a workbook without förvaltningar: the round is by municipality
            org_units = set()
        if len(answered & org_units) > len(answered & municipalities):
            by = "org_unit"
    articles = {u.name.casefold(): len(form_articles(state, u)) for u in units_of(state, by)}  # type: ignore[arg-type]
    units = [UnitRow(s.unit, s.answered, s.collected, s.answers, articles.get(s.unit.casefold(), 0), s.file)
             for s in survey_status(state, by, rows)]  # type: ignore[arg-type]
    by_key: dict[str, list[Any]] = {}
    for row in rows:
        if row.key is not None:
            by_key.setdefault(survivor(state, row.key), []).append(row)
    return state, rows, by, units, by_key, agreed_answers(state, rows)


class Survey(QObject):
    """The Enkäter menu, its page, and adopting the units' answers."""

    refreshed = Signal()  # the page shows the round as the workbook now holds it (tests wait for it)
    finished = Signal()  # a make or collect is done and its message shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: SourceTable | None = None
        self.state: Any = None
        self.answer_rows: list[Any] = []
        self.by = "municipality"
        self.units: list[UnitRow] = []
        self.by_key: dict[str, list[Any]] = {}  # article -> the units' answer rows about it
        self.agreed: dict[str, dict[str, Any]] = {}  # article -> field -> the code the units agree on
        self._section: SurveySection | None = None
        self._hooked: Any = None
        self.notice: QMessageBox | None = None  # the last message shown (tests read it)
        self._page_widget: SurveyPage | None = None
        self._task: tasks.Task | None = None
        self._write_task: tasks.Task | None = None
        self._back_to_page = False
        self.menu = QMenu(window)
        self.menu.setObjectName("surveyMenu")
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.make_action = self.menu.addAction("", self.make)
        self.make_action.setObjectName("surveyMakeAction")
        self.collect_action = self.menu.addAction("", self.choose_and_collect)
        self.collect_action.setObjectName("surveyCollectAction")
        self.menu.addSeparator()
        self.page_action = self.menu.addAction("", self.show_page)
        self.page_action.setObjectName("surveyPageAction")
        self.adopt_action = QAction(window)
        self.adopt_action.setObjectName("surveyAdoptAction")
        self.adopt_action.triggered.connect(self.adopt_selection)
        window.edit_menu.addAction(self.adopt_action)
        window.table_loaded.connect(self._on_window_table_loaded)
        self._update_actions()

    @property
    def section(self) -> SurveySection:
        """The detail pane's answers section, made when first needed (not while the window starts)."""
        if self._section is None:
            from ui.survey.detail import SurveySection

            self._section = SurveySection()
            self._section.hide()
            self._section.language = self.window.language
        return self._section

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Surveys"))
        self.make_action.setText(self.tr("&Make forms…"))
        self.collect_action.setText(self.tr("&Read answers…"))
        self.page_action.setText(self.tr("&Where the round stands"))
        self.adopt_action.setText(self.tr("Use the units' ans&wers"))
        if self._page_widget is not None:
            self._page_widget.retranslate()
        if self._section is not None:
            self._section.language = self.window.language
        self._show_current()
        if self._hooked is not None:
            from ui.survey.facets import FACETS

            for name in FACETS:
                box = self._hooked.filter_panel.facets.get(name)
                if box is not None:
                    box.retranslate(self.window.language)

    def _update_actions(self) -> None:
        joint = self.table is not None and self.window.joint_grid.columns is not None
        for action in (self.make_action, self.collect_action, self.page_action, self.adopt_action):
            action.setEnabled(joint)

    # --- the page -------------------------------------------------------------------------------
    @property
    def page(self) -> SurveyPage:
        if self._page_widget is None:
            from ui.survey.page import SurveyPage

            page = SurveyPage(self.window)
            page.files_dropped.connect(self.collect)
            page.reminder_requested.connect(self.copy_reminder)
            page.make_requested.connect(self.make)
            page.collect_requested.connect(self.choose_and_collect)
            page.back_requested.connect(self.hide_page)
            self.window.stack.addWidget(page)
            page.retranslate()
            page.show_rows(self.units)
            self._page_widget = page
        return self._page_widget

    def show_page(self) -> SurveyPage | None:
        if self.table is None:
            return None
        page = self.page
        self.window.stack.setCurrentWidget(page)
        return page

    def hide_page(self) -> None:
        if self.table is not None:
            self.window.stack.setCurrentWidget(self.window.table_page)

    @property
    def busy(self) -> bool:
        return self._task is not None or self._write_task is not None

    def _hook(self) -> None:
        page = self.window.review_page
        if self._hooked is not page:
            self._hooked = page
            page.detail_pane.add_section(self.section)
            page.detail_pane.article_shown.connect(self._on_detail_pane_article_shown)

    def _on_detail_pane_article_shown(self, key: str | None) -> None:
        self.section.show_answers(self.by_key.get(key, []) if key is not None else [])

    def _show_current(self) -> None:
        if self._hooked is not None:  # a grid exists, so its model (and pandas) is loaded already
            from ui.review.model import KeyRole

            self._on_detail_pane_article_shown(self._hooked.view.currentIndex().data(KeyRole))

    def _on_window_table_loaded(self, table: SourceTable) -> None:
        self.table = table
        self._hook()
        if self._back_to_page:  # the workbook was read again after a collect: stay on the page
            self._back_to_page = False
            if self.window.joint_grid.columns is not None:
                self.show_page()
        self._update_actions()
        if self.window.joint_grid.columns is None:
            self.state, self.answer_rows, self.units, self.by_key, self.agreed = None, [], [], {}, {}
            self.section.show_answers([])
            if self._page_widget is not None:
                self._page_widget.show_rows([])
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the round from the workbook in the background."""
        if self.table is None:
            return
        if self._task is not None:
            self._task.cancel()
        path = Path(self.table.path)
        preferred = self.by
        if self._page_widget is not None:
            self._page_widget.show_loading()

        def done(result: Any) -> None:
            if self._task is not task:
                return
            self._task = None
            self.state, self.answer_rows, self.by, self.units, self.by_key, self.agreed = result
            self._show_current()
            if self.table is not None:
                from ui.survey.facets import show_facets

                show_facets(self.window.review_page, self.table, self.agreed, self.by_key, self.window.language)
            if self._page_widget is not None:
                self._page_widget.show_rows(self.units)
            self.refreshed.emit()

        def failed(error: BaseException) -> None:
            if self._task is not task:
                return
            self._task = None
            log.warning("Reading the survey answers of %s failed: %r", path, error)
            show_error(self.window, error, self.window.language)

        task = tasks.run_task(lambda _p: _round(path, preferred), on_success=done, on_failure=failed, owner=self)
        self._task = task

    def copy_reminder(self) -> str:
        from workbench.survey import reminder_text

        missing = [u.unit for u in self.units if not u.answered]
        if not missing:
            return ""
        reminder = reminder_text(missing, self.window.language)
        QGuiApplication.clipboard().setText(reminder)
        self.window.statusBar().showMessage(
            self.tr("Reminder for %n unit(s) copied to the clipboard.", "", len(missing)), 10_000)
        return reminder

    # --- forms out, answers in ------------------------------------------------------------------
    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the forms"))

    def ask_by(self) -> str | None:
        items = [self.tr("One form per municipality"), self.tr("One form per förvaltning")]
        choice, ok = QInputDialog.getItem(self.window, self.tr("Make forms"), self.tr("Forms for:"), items, 0,
                                          False)
        if not ok:
            return None
        return "org_unit" if choice == items[1] else "municipality"

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Returned forms"), "",
            self.tr("Forms (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"))
        return files

    def _is_writing(self) -> bool:
        if self._write_task is not None:
            self.window.statusBar().showMessage(self.tr("Wait: the workbook is still being written."), 8000)
            return True
        return False

    def make(self) -> None:
        if self.table is None or self._is_writing():
            return
        folder = self.ask_folder()
        if not folder:
            return
        by = self.ask_by()
        if by is None:
            return
        lang = self.window.language

        def work(path: Path, user: str) -> Any:
            from workbench.survey import make_forms

            return make_forms(path, folder, by=by, user=user)  # type: ignore[arg-type]

        def done(report: Any) -> None:
            self.by = by
            head = self.tr("%n form(s) made in {folder}.", "", len(report.forms)).format(folder=folder)
            self._tell(self.tr("Forms made"), head + "\n\n" + report.summary(lang),
                       [f.file.name for f in report.forms])
            if report.id_added:
                self._back_to_page = self.window.stack.currentWidget() is self._page_widget
                self.window.open_file(Path(report.joint))  # the workbook got its ID: read it again
            else:
                self.refresh()

        self._write(work, done)

    def choose_and_collect(self) -> None:
        files = self.ask_files()
        if files:
            self.collect([Path(f) for f in files])

    def collect(self, files: Sequence[Path]) -> None:
        if self.table is None or not files or self._is_writing():
            return
        lang = self.window.language

        def work(path: Path, user: str) -> Any:
            from workbench.survey import collect_forms

            return collect_forms(path, list(files), user=user, lang=lang)

        def done(report: Any) -> None:
            names = [f.path.name for f in report.forms] + [p.name for d in report.duplicates
                                                          for p in (d.kept, *d.ignored)]
            self._tell(self.tr("Answers read"), report.summary(lang), names)
            if report.written:
                self._back_to_page = self.window.stack.currentWidget() is self._page_widget
                self.window.open_file(Path(report.joint))  # the answers and their column are in the file
            else:
                self.refresh()

        self._write(work, done)

    def _write(self, work: Callable[[Path, str], Any], done: Callable[[Any], None]) -> None:
        """Run ``work`` (which may rewrite the workbook) once pending review edits are saved."""
        from ui.sharing.workbook_write import write_after_saving

        ran = [False]

        def remember(task: tasks.Task | None) -> None:
            self._write_task = task
            ran[0] = ran[0] or task is not None

        def succeeded(result: Any) -> None:
            done(result)
            self.finished.emit()

        def failed() -> None:
            if ran[0]:  # the work itself failed (a save that did not happen ends nothing that began)
                self.finished.emit()

        def cannot_save() -> None:
            self._tell(self.tr("Surveys"), self.tr("Save your changes first: the workbook could not be saved now."))

        write_after_saving(self.window, self, work, succeeded, cannot_save=cannot_save, started=remember,
                           failed=failed)

    def _tell(self, title: str, message: str, names: Sequence[str] = ()) -> None:
        """``names`` (the forms' file names) are kept whole: the box wraps between words, never inside
        "Enkät Botkyrka CGW3F90G-8BAD1F.xlsx"."""
        for name in sorted(set(names), key=len, reverse=True):
            message = message.replace(name, name.replace(" ", "\u00a0"))
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=self.window)
        box.setObjectName("surveyNoticeBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.open()

    # --- adopting the units' answers ------------------------------------------------------------
    def adopt_selection(self) -> bool:
        """The answer the units agree on into the selected rows' Användning and Framtida behov, where it
        differs from what is set, as one undo step."""
        from workbench.review.values import is_empty

        page = self.window.review_page
        table = self.table
        if page.session is None or table is None or self.state is None:
            return False
        agreed = self.agreed
        positions = page.model.positions(page.view.selected_rows())
        keys = table.keys.to_numpy(dtype=object)
        cells: dict[str, dict[int, Any]] = {name: {} for name in _FIELDS}
        articles: set[str] = set()
        for position in positions.tolist():
            key = str(keys[position])
            for name in _FIELDS:
                code = agreed.get(key, {}).get(name)
                current = table.review[name].iat[position]
                if code is not None and (is_empty(current) or str(current) != code):
                    cells[name][int(position)] = code
                    articles.add(key)
        cells = {name: values for name, values in cells.items() if values}
        if not cells:
            self.window.statusBar().showMessage(
                self.tr("The units do not agree on an answer that differs for the selected articles."), 8000)
            return False
        text = self.tr("Use the units' answers on %n article(s)", "", len(articles))
        return page.model.set_cells(cells, "survey_answers", text=text)
