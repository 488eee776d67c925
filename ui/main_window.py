"""The main window: menus, the review area, the status bar. Every file operation goes through workbench.

The window comes up without the review core (pandas and the grid's modules load on the first table):
opening a small workbook first shows its rows read-only (:class:`ui.importing.preview.PreviewPage`) and the review
grid replaces them when the full load finishes, so a user sees the file in a fraction of the time.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import tasks
from ui.about import AboutDialog
from ui.errors import show_error
from ui.file_dialogs import get_open_file_name
from ui.i18n import install_translator
from ui.importing.preview import PreviewPage
from ui.review.bulk_set_dialog import BulkSetMenus
from ui.sharing.changes import show_changes
from workbench.errors import Cancelled, UsageError
from workbench.formats import SPREADSHEET_SUFFIXES
from workbench.messages import text
from workbench.numbers import format_number
from workbench.reading.preview import Preview, read_preview
from workbench.reading.profiles import (
    ImportProfile,
    forget_profile,
    needs_confirming,
    remember_profile,
    remembered_profile,
)
from workbench.settings import Settings, UiState
from workbench.vocabularies import vocabularies

if TYPE_CHECKING:
    from ui.review.model import ReviewTableModel
    from ui.review.page import ReviewPage
    from ui.review.view import ReviewTableView
    from ui.sharing.save_controller import SaveController
    from workbench.sharing.journal import Journal
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

PREVIEW_HEAD_START_S = 0.5  # the longest the background load waits for a preview to be painted


class MainWindow(QMainWindow):
    """The app's one main window."""

    table_loaded = Signal(object)
    # a file's rows are on screen: the read-only preview of a small workbook once painted, else the
    # loaded table
    rows_shown = Signal()

    def __init__(self, settings: Settings, ui_state: UiState, language: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.ui_state = ui_state
        self.language = language
        self.table: SourceTable | None = None
        self._load_task: tasks.Task | None = None
        self._closing_confirmed = False
        self._review_page: ReviewPage | None = None
        self._saver: SaveController | None = None
        self._preview: PreviewPage | None = None
        self._journal: Journal | None = None
        self._exporter: Any = None  # ui.review.export_view.ViewExporter, made on first use
        self._restore_note_shown = False  # the banner leads with the journal's restore note
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_central()
        self._build_menus()
        from ui.assortment.joint_grid import JointGrid

        self.joint_grid = JointGrid(self)
        self._build_status_bar()
        self.retranslate()
        self.resize(1280, 800)
        geometry = ui_state.get("main_window_geometry")
        if isinstance(geometry, list) and len(geometry) == 4:
            self.setGeometry(*geometry)

    # --- construction -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setObjectName("openAction")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.save_action = QAction(self)
        self.save_action.setObjectName("saveAction")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.save_as_action = QAction(self)
        self.save_as_action.setObjectName("saveAsAction")
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_as_action.setEnabled(False)
        self.save_as_action.triggered.connect(lambda: self.saver.save_as())
        self.import_settings_action = QAction(self)
        self.import_settings_action.setObjectName("importSettingsAction")
        self.import_settings_action.setEnabled(False)
        self.import_settings_action.triggered.connect(self._on_import_settings_action_triggered)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self._build_view_actions()
        self.swedish_action = QAction("Svenska", self, checkable=True)
        self.english_action = QAction("English", self, checkable=True)
        self.swedish_action.triggered.connect(lambda: self.set_language("sv"))
        self.english_action.triggered.connect(lambda: self.set_language("en"))

    def _build_view_actions(self) -> None:
        """Export view, Columns, the user guide and the shortcut list (ui/review/export_view.py and friends)."""
        self.export_view_action = QAction(self)
        self.export_view_action.setObjectName("exportViewAction")
        self.export_view_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_view_action.setEnabled(False)
        self.export_view_action.triggered.connect(self._on_export_view_action_triggered)
        self.columns_action = QAction(self)
        self.columns_action.setObjectName("columnsAction")
        self.columns_action.setEnabled(False)
        self.columns_action.triggered.connect(self._on_columns_action_triggered)
        self.guide_action = QAction(self)
        self.guide_action.setObjectName("userGuideAction")
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda: self._open_help("guide"))
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.triggered.connect(lambda: self._open_help("shortcuts"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.import_settings_action)
        self.file_menu.addSeparator()
        self.new_joint_action = self.file_menu.addAction("", self._on_new_joint_action_triggered)
        self.new_joint_action.setObjectName("newJointAction")
        self.update_list_action = self.file_menu.addAction("", self._on_update_list_action_triggered)
        self.update_list_action.setObjectName("updateListAction")
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addAction(self.export_view_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        # tied to the grid's undo stack when the review page is built (_review_parts)
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setEnabled(False)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setEnabled(False)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.decision_actions: list[QAction] = []
        self.decision_menu = self.edit_menu.addMenu("")
        self.decision_menu.setObjectName("decisionMenu")
        for number, term in enumerate(vocabularies()["decision"].terms, start=1):
            action = self.decision_menu.addAction("")
            action.setData(term.code)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _c=False, code=term.code: self._set_decision_for_selection(code))
            self.decision_actions.append(action)
        self.clear_decision_action = self.decision_menu.addAction("")
        self.clear_decision_action.setShortcut(QKeySequence("Ctrl+Alt+0"))
        self.clear_decision_action.triggered.connect(lambda: self._set_decision_for_selection(None))
        self.bulk_menus = BulkSetMenus(self, self.edit_menu, self.decision_menu.menuAction())
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.columns_action)
        self.language_menu = QMenu(self)
        self.language_menu.addAction(self.swedish_action)
        self.language_menu.addAction(self.english_action)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self._refresh_recent_menu()

    def _build_central(self) -> None:
        self.stack = QStackedWidget(self)
        empty = QWidget()
        empty.setObjectName("emptyPage")
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        self.empty_title = QLabel()
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setObjectName("emptyTitle")
        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_open_button = QPushButton()
        self.empty_open_button.setObjectName("emptyOpenButton")
        self.empty_open_button.clicked.connect(self._on_open_action_triggered)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_open_button)
        row.addStretch(1)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_hint)
        layout.addLayout(row)
        layout.addStretch(2)
        self.table_page = QWidget()
        self.table_page.setObjectName("tablePage")
        page_layout = QVBoxLayout(self.table_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QWidget()
        self.banner.setObjectName("findingsBanner")
        self.banner.setStyleSheet("#findingsBanner { background: #fff4ce; border-bottom: 1px solid #e0c36c; }"
                                  "#findingsBanner QLabel { color: #3b2f00; }")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("bannerLabel")
        self.banner_label.setWordWrap(True)
        self.banner_button = QPushButton()
        self.banner_button.setObjectName("bannerImportButton")
        self.banner_button.clicked.connect(self._on_import_settings_action_triggered)
        self.banner_close = QToolButton()
        self.banner_close.setText("✕")
        self.banner_close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.banner_button)
        banner_layout.addWidget(self.banner_close)
        self.banner.hide()
        page_layout.addWidget(self.banner)
        from ui.notice_bar import NoticeBar

        self.conflict_bar = NoticeBar(self.table_page)
        self.conflict_bar.setObjectName("conflictBar")
        page_layout.addWidget(self.conflict_bar)
        self._page_layout = page_layout
        self.stack.addWidget(empty)
        self.stack.addWidget(self.table_page)
        self.setCentralWidget(self.stack)

    def _review_parts(self) -> tuple[ReviewPage, SaveController]:
        """The review grid and its save controller, built (with their modules: pandas) on first use."""
        if self._review_page is None or self._saver is None:
            from ui.review.page import ReviewPage
            from ui.sharing.save_controller import SaveController

            page = ReviewPage(self.ui_state, self.language)
            page.status_changed.connect(self._update_progress_label)
            page.edit_refused.connect(lambda error: show_error(self, error, self.language))
            stack = page.model.undo_stack
            stack.canUndoChanged.connect(self.undo_action.setEnabled)
            stack.canRedoChanged.connect(self.redo_action.setEnabled)
            self.undo_action.triggered.connect(stack.undo)
            self.redo_action.triggered.connect(stack.redo)
            stack.undoTextChanged.connect(self._update_undo_texts)
            stack.redoTextChanged.connect(self._update_undo_texts)
            from ui.review.save_checks import SaveChecks

            self.save_checks = SaveChecks(page, lambda: self.language, self)
            from ui.sharing.journal_upkeep import JournalUpkeep

            self.journal_upkeep = JournalUpkeep(lambda: self._journal, self)
            page.model.review_changed.connect(self.journal_upkeep.edited)
            self._page_layout.addWidget(self.save_checks.bar)
            self._page_layout.addWidget(page, 1)
            self._review_page = page
            saver = SaveController(self, page, lambda: self.language)
            saver.dirty_changed.connect(self._on_saver_dirty_changed)
            saver.saved.connect(self._on_saver_saved)
            saver.pulled.connect(self._on_saver_pulled)
            saver.waiting.connect(self._on_saver_waiting)
            saver.converted.connect(lambda path: self.open_file(path))
            saver.conflicts_pending.connect(self._on_saver_conflicts_pending)
            saver.owner_wait.connect(self._on_saver_owner_wait)
            self._saver = saver
        return self._review_page, self._saver

    @property
    def journal(self) -> Journal:
        """The edit journal, opened with the first table (SQLite: not needed to show the window)."""
        if self._journal is None:
            from workbench.sharing.journal import Journal

            # checkpoints wait for a pause (ui.sharing.journal_upkeep): an edit only appends to the log
            self._journal = Journal(auto_checkpoint=False)
        return self._journal

    @property
    def review_page(self) -> ReviewPage:
        return self._review_parts()[0]

    @property
    def saver(self) -> SaveController:
        return self._review_parts()[1]

    @property
    def model(self) -> ReviewTableModel:
        return self.review_page.model

    @property
    def table_view(self) -> ReviewTableView:
        return self.review_page.view

    def _on_save_action_triggered(self) -> None:
        self._warn_before_save()
        self.saver.save()

    def _warn_before_save(self) -> None:
        """Replacements that do not add up go in a bar (with "Visa"); the save goes ahead regardless."""
        if self.table is not None:
            self._review_parts()
            self.save_checks.check()

    def _confirm_discard(self, then: Any) -> None:
        """Run ``then`` once unsaved changes are saved or discarded (at once when nothing is open)."""
        if self._saver is None:
            then()
        else:
            self._saver.confirm_discard(then)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("reviewProgressLabel")
        self.decisions_label = QLabel()
        self.decisions_label.setObjectName("decisionCountsLabel")
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionSumsLabel")
        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(220)
        self.load_progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelLoadButton")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.owner_wait_label = QLabel()
        self.owner_wait_label.setObjectName("ownerWaitLabel")
        self.owner_wait_label.hide()
        self.owner_wait_cancel = QToolButton()
        self.owner_wait_cancel.setObjectName("ownerWaitCancelButton")
        self.owner_wait_cancel.hide()
        self.owner_wait_cancel.clicked.connect(lambda: self.saver.cancel_owner_wait())
        status.addPermanentWidget(self.owner_wait_label)
        status.addPermanentWidget(self.owner_wait_cancel)
        status.addPermanentWidget(self.load_progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.selection_label)
        status.addPermanentWidget(self.decisions_label)
        status.addPermanentWidget(self.progress_label)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible text; called at start and whenever the language changes."""
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &as…"))
        self.import_settings_action.setText(self.tr("&Import settings…"))
        self.new_joint_action.setText(self.tr("&New joint analysis…"))
        self.update_list_action.setText(self.tr("Up&date municipality list…"))
        self.banner_button.setText(self.tr("Import settings…"))
        self.banner_close.setToolTip(self.tr("Hide"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Behovsanalys"))
        self.empty_title.setText("<h2>" + self.tr("No article list open") + "</h2>")
        self.empty_hint.setText(self.tr(
            "Open an article list or purchase statistics (xlsx, xlsm, xls, ods or csv), "
            "or drop the file here."))
        self.empty_open_button.setText(self.tr("Open file…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.owner_wait_cancel.setText(self.tr("Stop waiting"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.joint_grid.retranslate()
        self._update_undo_texts()
        self.decision_menu.setTitle(self.tr("Set &decision for selected rows"))
        for action in self.decision_actions:
            action.setText(vocabularies()["decision"].label(action.data(), self.language))
        self.clear_decision_action.setText(self.tr("Clear decision"))
        self.bulk_menus.retranslate(self.language)
        self.export_view_action.setText(self.tr("&Export view…"))
        self.columns_action.setText(self.tr("&Columns…"))
        self.guide_action.setText(self.tr("&User guide"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        if self._review_page is not None:
            self._review_page.retranslate(self.language)
        self.swedish_action.setChecked(self.language == "sv")
        self.english_action.setChecked(self.language == "en")
        self._update_title()
        self._update_progress_label()

    def _update_undo_texts(self) -> None:
        """"Ångra Sätt beslut på 3 rader": the menu names the step it would undo or redo."""
        stack = self._review_page.model.undo_stack if self._review_page is not None else None
        undo, redo = (stack.undoText(), stack.redoText()) if stack is not None else ("", "")
        self.undo_action.setText(self.tr("&Undo {step}").format(step=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {step}").format(step=redo) if redo else self.tr("&Redo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        assert app is not None
        self.language = install_translator(app, language)
        self.settings.set("language", self.language)
        self.settings.save()
        self.retranslate()

    # --- opening ----------------------------------------------------------------------------
    def _on_open_action_triggered(self) -> None:
        self._confirm_discard(self._choose_file_to_open)

    def _choose_file_to_open(self) -> None:
        start = str(Path(self.settings.get("recent_files")[0]).parent) if self.settings.get("recent_files") else ""
        path = get_open_file_name(
            self, self.tr("Open article list"), start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def request_open(self, path: Path) -> None:
        """Open ``path`` once unsaved changes of the current table are saved or discarded."""
        self._confirm_discard(lambda: self.open_file(path))

    def open_file(self, path: Path, profile: ImportProfile | None = None) -> tasks.Task:
        """Load ``path`` in the background with the remembered (or given) import choices.

        A file read for the first time whose detection needs attention (no key column, findings) opens
        the import dialog; a clean one is shown at once, its findings in the banner.
        """
        if self._load_task is not None:
            self._load_task.cancel()
        remembered = profile or remembered_profile(self.settings, path)
        options = (remembered or ImportProfile()).read_options()
        self.statusBar().showMessage(self.tr("Reading {file}…").format(file=path.name))
        self.load_progress.setRange(0, 0)
        self.load_progress.show()
        self.cancel_button.show()
        # the load waits (at most half a second) until a preview has been painted: importing pandas holds
        # the interpreter, and the rows should not wait for it
        painted = threading.Event()
        joint = [False]
        if self.table is None:
            self._show_preview(read_preview(path, options.get("sheet"), options.get("header_row")))
        if self._preview is not None:
            self._preview.painted.connect(painted.set)
        else:
            painted.set()

        def done(table: Any) -> None:
            if task.progress.cancelled:  # the user cancelled (or opened another file) meanwhile
                if self._load_task is task:
                    self._finish_loading()
                    self.statusBar().showMessage(self.tr("Opening cancelled."), 5000)
                return
            self._finish_loading()
            # a joint workbook's layout is the app's own: nothing for the import dialog to ask
            if needs_confirming(table, remembered) and not joint[0]:
                self._confirm_import(path, table)
            else:
                self._show_table(table)

        def failed(error: BaseException) -> None:
            if self._load_task is not task:
                return  # a later open superseded this one
            self._finish_loading()
            if isinstance(error, Cancelled):
                self.statusBar().showMessage(self.tr("Opening cancelled."), 5000)
                return
            if isinstance(error, UsageError) and remembered is not None and profile is None:
                # The remembered columns are no longer in the file: detect afresh and let the user check.
                log.info("Remembered import choices for %s no longer fit: %s", path, error)
                forget_profile(self.settings, path)
                self.open_file(path)
                return
            self.statusBar().clearMessage()
            show_error(self, error, self.language)

        def read(progress: Any) -> Any:
            painted.wait(PREVIEW_HEAD_START_S)
            # pandas and the grid's modules load here, off the window's thread (on the first open)
            from workbench.reading.importer import read_table

            table = read_table(path, progress=progress, **options)
            from workbench.assortment.grid import joint_columns, joint_findings

            columns = joint_columns(table)
            if columns is not None:  # the joint layout's own columns are no unrecognised ones
                table.findings = joint_findings(table, columns)
            joint[0] = columns is not None
            import ui.review.page
            import ui.sharing.save_controller  # noqa: F401

            return table

        task = tasks.run_task(read,
                              on_success=done, on_failure=failed, on_progress=self._on_load_progressed)
        self._load_task = task
        return task

    def _confirm_import(self, path: Path, table: SourceTable) -> None:
        from ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(path, table, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            remember_profile(self.settings, path, dialog.profile())
            self.settings.save()
            self._show_table(dialog.table)

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: self.statusBar().clearMessage())
        dialog.open()

    def _on_import_settings_action_triggered(self) -> None:
        if self.table is not None:
            self._confirm_import(self.table.path, self.table)

    def _on_new_joint_action_triggered(self) -> None:
        from ui.assortment.merge_wizard import open_merge_wizard

        open_merge_wizard(self)

    def _on_update_list_action_triggered(self) -> None:
        from ui.assortment.update_list import open_update_list

        open_update_list(self)

    def _on_load_progressed(self, done: int, total: int, _stage: str) -> None:
        if total > 0:
            self.load_progress.setRange(0, total)
            self.load_progress.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        if self._load_task is not None:
            self._load_task.cancel()

    @property
    def loading(self) -> bool:
        """Whether a file is being read in the background."""
        return self._load_task is not None

    def _finish_loading(self) -> None:
        self._load_task = None
        self.load_progress.hide()
        self.cancel_button.hide()
        self._drop_preview()

    def _show_preview(self, preview: Preview | None) -> None:
        """Show the rows of a small workbook read-only while the full load runs (nothing when the file
        is large, not a workbook or unreadable: the load then reports as usual)."""
        if preview is None:
            return
        self._drop_preview()
        self._preview = PreviewPage(preview, self, self.language)
        self._preview.painted.connect(self.rows_shown)
        self.stack.addWidget(self._preview)
        self.stack.setCurrentWidget(self._preview)

    def _drop_preview(self) -> None:
        if self._preview is not None:
            if self.stack.currentWidget() is self._preview:
                self.stack.setCurrentIndex(0 if self.table is None else self.stack.indexOf(self.table_page))
            self.stack.removeWidget(self._preview)
            self._preview.deleteLater()
            self._preview = None

    def _show_table(self, table: SourceTable) -> None:
        if self._saver is not None:
            self._saver.cancel_owner_wait()
        self.conflict_bar.hide()
        self.table = table
        self._update_title()  # the "[*]" placeholder must be in the title before the dirty state is shown
        from workbench.sharing.lock import current_user

        # the name chosen in the settings, else what the core records everywhere (BEHOVSANALYS_USER or the login)
        restored = self.review_page.set_table(table, self.settings.get("user_name") or current_user(),
                                              self.journal)
        self.saver.table_opened()
        self.stack.setCurrentWidget(self.table_page)
        self._drop_preview()
        self.import_settings_action.setEnabled(True)
        self.save_as_action.setEnabled(True)
        self.export_view_action.setEnabled(True)
        self.columns_action.setEnabled(True)
        self.saver.update_dirty()
        self._on_saver_dirty_changed(self.saver.is_dirty)
        self._show_banner(table)
        self.settings.add_recent_file(table.path)
        self.settings.save()
        self._refresh_recent_menu()
        self._update_title()
        self._update_progress_label()
        self.statusBar().showMessage(
            self.tr("Read %Ln article(s) from {file}", "", table.row_count).format(file=table.path.name), 8000)
        if restored:
            # Edits that were never saved (the app or the computer stopped): back from the journal.
            self._show_restore_note(text("journal_restored", self.language, count=restored, file=table.path.name))
        self.rows_shown.emit()
        self.table_loaded.emit(table)

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for recent in self.settings.get("recent_files"):
            action = self.recent_menu.addAction(Path(recent).name)
            action.setToolTip(recent)
            action.triggered.connect(lambda _checked=False, p=recent: self.request_open(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.get("recent_files")))

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.request_open(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    # --- orientation ------------------------------------------------------------------------
    def _show_banner(self, table: SourceTable) -> None:
        """Non-blocking findings go in a banner above the table, not in a pop-up."""
        self._restore_note_shown = False
        self.banner_button.show()  # "Import settings…" belongs to the findings
        if not table.findings:
            self.banner.hide()
            return
        lines = [finding.message(self.language) for finding in table.findings[:4]]
        if len(table.findings) > 4:
            lines.append(self.tr("…and %Ln more", "", len(table.findings) - 4))
        self.banner_label.setText("\n".join(lines))
        self.banner.show()

    def _show_restore_note(self, note: str) -> None:
        """The journal's restore note heads the banner until the restored edits are saved; the import
        button stays only for findings shown below it."""
        findings = self.banner_label.text() if self.banner.isVisibleTo(self) else ""
        self.banner_label.setText("\n".join(line for line in (note, findings) if line))
        self.banner_button.setVisible(bool(findings))
        self.banner.show()
        self._restore_note_shown = True

    def _update_title(self) -> None:
        if self.table is None:
            self.setWindowTitle("Behovsanalys")
        else:
            # "[*]" shows an asterisk while the review has unsaved changes.
            self.setWindowTitle(f"{self.table.path.name}[*] – Behovsanalys")

    def _on_saver_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self.save_action.setEnabled(dirty)

    def _on_saver_saved(self, result: Any) -> None:
        self._update_title()
        if self._restore_note_shown and self.table is not None:
            self._show_banner(self.table)  # the restored edits are saved: the note goes
        show_changes(self, result.changes, self.language)  # a shared save or Save As

    def _on_saver_pulled(self, result: Any) -> None:
        show_changes(self, result.changes, self.language)

    def _on_saver_conflicts_pending(self, conflicts: list[Any]) -> None:
        """A colleague saved other values for cells we have also changed: say so at once, not at the save."""
        if not conflicts:
            self.conflict_bar.hide()
            return
        names = sorted({c.theirs_by for c in conflicts if c.theirs_by})
        who = names[0] if len(names) == 1 else (self.tr("Colleagues") if names else self.tr("A colleague"))
        articles = len({c.key for c in conflicts})
        self.conflict_bar.show_notice(
            self.tr("{who} saved other values for %Ln article(s) that you have also changed. "
                    "Choose which to keep now, or when you save.", "", articles).format(who=who),
            self.tr("Show"), lambda: self.saver.settle_pending())

    def _on_saver_owner_wait(self, who: str) -> None:
        waiting = bool(who)
        self.owner_wait_label.setVisible(waiting)
        self.owner_wait_cancel.setVisible(waiting)
        if waiting:
            self.statusBar().clearMessage()
            file = self.table.path.name if self.table is not None else ""
            who = who if who != "?" else self.tr("someone")
            self.owner_wait_label.setText(self.tr("Waiting for {who} to close {file}; saves by itself then").format(
                who=who, file=file))

    def _on_saver_waiting(self, who: str) -> None:
        self.statusBar().showMessage(text("lock_waiting", self.language, who=who,
                                          file=self.table.path.name if self.table else ""), 10_000)

    def _update_progress_label(self) -> None:
        figures = self.review_page.progress_figures() if self.table is not None else None
        if figures is None:
            for label in (self.progress_label, self.decisions_label, self.selection_label):
                label.setText("")
            return
        def number(value: float) -> str:
            return format_number(value, self.language, 0)

        # Whole percents, but never "0 %" once something is reviewed nor "100 %" before all is.
        percent = figures.percent
        near_edge = 0 < percent < 1 or 99 < percent < 100
        shown = format_number(percent, self.language, 1) if near_edge else str(round(percent))
        self.progress_label.setText(self.tr("Reviewed {done} of %Ln article(s) ({percent} %)", "", figures.total)
                                    .format(done=number(figures.reviewed), percent=shown))
        decision = vocabularies()["decision"]
        parts = [f"{decision.label(code, self.language)} {number(count)}"
                 for code, count in figures.per_decision.items() if code in decision and count]
        self.decisions_label.setText(" · ".join(parts))
        rows, spend, quantity = self.review_page.selection_sums()
        if rows > 1:
            text = self.tr("%Ln row(s) selected", "", rows)
            if spend is not None:
                text += " · " + self.tr("spend {spend} kr").format(spend=number(round(spend)))
            if quantity is not None:
                text += " · " + self.tr("quantity {quantity}").format(quantity=number(round(quantity)))
            self.selection_label.setText(text)
        else:
            self.selection_label.setText("")

    def _set_decision_for_selection(self, code: str | None) -> None:
        if self.table is None:
            return
        view = self.review_page.view
        self.model.set_field(view.selected_rows(), "decision", code)

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()

    def _on_export_view_action_triggered(self) -> None:
        from ui.review.export_view import ViewExporter

        if self._exporter is None:
            self._exporter = ViewExporter(self)
        self._exporter.export()

    def _on_columns_action_triggered(self) -> None:
        from ui.review.columns_dialog import ColumnsDialog

        if self.table is not None:
            dialog = ColumnsDialog(self.review_page, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _open_help(self, which: str) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog
        from ui.user_guide import UserGuideDialog

        dialog = ShortcutsDialog(self) if which == "shortcuts" else UserGuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about_action_triggered(self) -> None:
        AboutDialog(self).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        saver = self._saver
        if saver is not None and (saver.saving or (saver.is_dirty and not self._closing_confirmed)):
            event.ignore()
            if not saver.saving:
                saver.confirm_discard(self._close_confirmed)
            return
        if self._review_page is not None:
            self._review_page.save_layout()
        geometry = self.geometry()
        self.ui_state.set("main_window_geometry", [geometry.x(), geometry.y(), geometry.width(), geometry.height()])
        try:
            self.ui_state.save()
        except OSError:
            log.warning("Could not save the window state", exc_info=True)
        if self._load_task is not None:
            self._load_task.cancel()
        super().closeEvent(event)
