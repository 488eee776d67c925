"""The main window: menus, the review area, the status bar. Every file operation goes through workbench."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import tasks
from ui.about import AboutDialog
from ui.errors import show_error
from ui.i18n import install_translator
from ui.review_model import ReviewTableModel
from workbench.settings import Settings, UiState
from workbench.table import SourceTable

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


class MainWindow(QMainWindow):
    """The app's one main window."""

    table_loaded = Signal(object)

    def __init__(self, settings: Settings, ui_state: UiState, language: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.ui_state = ui_state
        self.language = language
        self.table: SourceTable | None = None
        self._load_task: tasks.Task | None = None
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_menus()
        self._build_central()
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
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.swedish_action = QAction("Svenska", self, checkable=True)
        self.english_action = QAction("English", self, checkable=True)
        self.swedish_action.triggered.connect(lambda: self.set_language("sv"))
        self.english_action.triggered.connect(lambda: self.set_language("en"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = QMenu(self)
        self.language_menu.addAction(self.swedish_action)
        self.language_menu.addAction(self.english_action)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
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
        self.table_view = QTableView()
        self.table_view.setObjectName("reviewTable")
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.model = ReviewTableModel(self.language, self)
        self.table_view.setModel(self.model)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.table_view)
        self.setCentralWidget(self.stack)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("reviewProgressLabel")
        self.load_progress = QProgressBar()
        self.load_progress.setMaximumWidth(220)
        self.load_progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelLoadButton")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        status.addPermanentWidget(self.load_progress)
        status.addPermanentWidget(self.cancel_button)
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
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Behovsanalys"))
        self.empty_title.setText("<h2>" + self.tr("No article list open") + "</h2>")
        self.empty_hint.setText(self.tr(
            "Open an article list or purchase statistics (xlsx, xlsm, xls, ods or csv), "
            "or drop the file here."))
        self.empty_open_button.setText(self.tr("Open file…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table_view.setAccessibleName(self.tr("Review table"))
        self.swedish_action.setChecked(self.language == "sv")
        self.english_action.setChecked(self.language == "en")
        self.model.set_language(self.language)
        self._update_title()
        self._update_progress_label()

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
        start = str(Path(self.settings.get("recent_files")[0]).parent) if self.settings.get("recent_files") else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open article list"), start,
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> tasks.Task:
        """Load ``path`` in the background; the table appears when it is read."""
        from workbench.importer import read_table

        if self._load_task is not None:
            self._load_task.cancel()
        self.statusBar().showMessage(self.tr("Reading {file}…").format(file=path.name))
        self.load_progress.setRange(0, 0)
        self.load_progress.show()
        self.cancel_button.show()

        def done(table: Any) -> None:
            self._finish_loading()
            self._show_table(table)

        def failed(error: BaseException) -> None:
            self._finish_loading()
            self.statusBar().clearMessage()
            show_error(self, error, self.language)

        task = tasks.run_task(lambda progress: read_table(path, progress=progress),
                              on_success=done, on_failure=failed, on_progress=self._on_load_progressed)
        self._load_task = task
        return task

    def _on_load_progressed(self, done: int, total: int, _stage: str) -> None:
        if total > 0:
            self.load_progress.setRange(0, total)
            self.load_progress.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        if self._load_task is not None:
            self._load_task.cancel()

    def _finish_loading(self) -> None:
        self._load_task = None
        self.load_progress.hide()
        self.cancel_button.hide()

    def _show_table(self, table: SourceTable) -> None:
        self.table = table
        self.model.set_table(table)
        self.stack.setCurrentWidget(self.table_view)
        self.model.apply_column_widths(self.table_view)
        self.settings.add_recent_file(table.path)
        self.settings.save()
        self._refresh_recent_menu()
        self._update_title()
        self._update_progress_label()
        self.statusBar().showMessage(
            self.tr("Read {rows} articles from {file}").format(rows=table.row_count, file=table.path.name), 8000)
        self.table_loaded.emit(table)

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for text in self.settings.get("recent_files"):
            action = self.recent_menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(lambda _checked=False, p=text: self.open_file(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.get("recent_files")))

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.open_file(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    # --- orientation ------------------------------------------------------------------------
    def _update_title(self) -> None:
        if self.table is None:
            self.setWindowTitle("Behovsanalys")
        else:
            self.setWindowTitle(f"{self.table.path.name} – Behovsanalys")

    def _update_progress_label(self) -> None:
        if self.table is None:
            self.progress_label.setText("")
            return
        total = self.table.row_count
        reviewed = int(self.table.review["decision"].notna().sum())
        percent = round(100 * reviewed / total) if total else 0
        self.progress_label.setText(self.tr("Reviewed {done} of {total} articles ({percent} %)").format(
            done=self.locale().toString(reviewed), total=self.locale().toString(total), percent=percent))

    def _on_about_action_triggered(self) -> None:
        AboutDialog(self).open()

    def closeEvent(self, event: QCloseEvent) -> None:
        geometry = self.geometry()
        self.ui_state.set("main_window_geometry", [geometry.x(), geometry.y(), geometry.width(), geometry.height()])
        try:
            self.ui_state.save()
        except OSError:
            log.warning("Could not save the window state", exc_info=True)
        if self._load_task is not None:
            self._load_task.cancel()
        super().closeEvent(event)
