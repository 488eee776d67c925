"""The main window: menus, the review area, the status bar. Every file operation goes through workbench.

:class:`MainWindow` puts together its parts in ui/window (one mixin per concept: menus, language, pages,
status bar, opening, saving, the joint assortment, window state) and owns the review grid and its save
controller, built on the first table: the window comes up without pandas (ui/window/opening.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMainWindow

from ui import tasks
from ui.errors import show_error
from ui.importing.preview import PreviewPage
from ui.window.assortment import AssortmentMixin
from ui.window.consolidation import ConsolidationMixin
from ui.window.environment import EnvironmentMixin
from ui.window.followup import FollowupMixin
from ui.window.language import LanguageMixin
from ui.window.menus import MenusMixin
from ui.window.opening import OpeningMixin
from ui.window.pages import PagesMixin
from ui.window.saving import SavingMixin
from ui.window.state import WindowStateMixin
from ui.window.status_bar import StatusBarMixin
from ui.window.summary import SummaryMixin
from ui.window.survey import SurveyMixin
from ui.window.tender import TenderMixin
from workbench.settings import Settings, UiState

if TYPE_CHECKING:
    from ui.review.model import ReviewTableModel
    from ui.review.page import ReviewPage
    from ui.review.view import ReviewTableView
    from ui.sharing.save_controller import SaveController
    from workbench.sharing.journal import Journal
    from workbench.table import SourceTable

_NO_CONTEXT = "ui.main_window: no context"  # no class is called so: Qt's answer for a text it cannot find


class MainWindow(MenusMixin, LanguageMixin, PagesMixin, StatusBarMixin, OpeningMixin, SavingMixin, AssortmentMixin,
                 EnvironmentMixin, ConsolidationMixin, SurveyMixin, SummaryMixin, TenderMixin, FollowupMixin,
                 WindowStateMixin,
                 QMainWindow):
    """The app's one main window."""

    table_loaded = Signal(object)
    # a file's rows are on screen: the read-only preview of a small workbook once painted, else the
    # loaded table
    rows_shown = Signal()

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``source`` in the app's language, from the translation context of the part (mixin) that says it.

        lupdate files a text under the class whose method says it, and PySide6's ``tr`` tries the contexts
        of the instance's classes in MRO order, but it stops at the first answer that differs from the
        source text: with a count (``%n``) the untranslated answer already differs, so a part's plural
        text would be looked up under "MainWindow" alone and shown in English.
        """
        untranslated = QCoreApplication.translate(_NO_CONTEXT, source, disambiguation, n)
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, source, disambiguation, n)
            if translated != untranslated:
                return translated
        return untranslated

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
        self._build_joint_grid()
        self._build_environment()
        self._build_consolidation()
        self._build_survey()
        self._build_summary()
        self._build_tender()
        self._build_followup()
        self._build_status_bar()
        self.retranslate()
        self._restore_geometry()

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
