"""The environment on the review grid: the core assesses the loaded table in the background; the
suggested Miljöpoäng are shown faintly in the empty cells (never stored until accepted), accepted for the
selection (Ctrl+Enter) or for every empty cell (Redigera > Fyll i föreslagna miljöpoäng) as one undo step
through the session's normal edit path; the detail pane's section, the Miljö panel and the facet
"SUP-regel" follow."""

from __future__ import annotations

import copy
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from ui import tasks
from ui.environment.words import sup_rule_label

if TYPE_CHECKING:
    import numpy as np

    from ui.environment.detail import EnvironmentSection
    from ui.environment.panel import EnvironmentPanel
    from ui.main_window import MainWindow
    from ui.review.page import ReviewPage
    from workbench.environment import Assessment, BeforeAfter, CriteriaData, EnvironmentReport
    from workbench.table import SourceTable

log = logging.getLogger(__name__)

SUP_FACET = "sup_rule"
_FIELD = "env_score"


class EnvironmentGrid(QObject):
    assessed = Signal()  # the loaded table's assessment is in (tests wait for it)
    figures_changed = Signal()  # before/after recomputed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.table: SourceTable | None = None
        self.report: EnvironmentReport | None = None
        self.data: CriteriaData | None = None
        self.figures: BeforeAfter | None = None
        self.by_key: dict[str, Assessment] = {}
        self.suggested: np.ndarray | None = None  # per row position: the suggested code
        self._page: ReviewPage | None = None
        self._task: tasks.Task | None = None
        self._figures_task: tasks.Task | None = None
        self.panel: EnvironmentPanel | None = None
        self._panel_back = False  # the panel was open when another page hid it: show it again on the grid
        self._section: EnvironmentSection | None = None
        self.accept_action = QAction(window)
        self.accept_action.setObjectName("acceptSuggestedScoreAction")
        self.accept_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.accept_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.accept_action.triggered.connect(self.accept_selection)
        self.fill_action = QAction(window)
        self.fill_action.setObjectName("fillSuggestedScoresAction")
        self.fill_action.triggered.connect(self.fill_all)
        self.panel_action = QAction(window)
        self.panel_action.setObjectName("environmentPanelAction")
        self.panel_action.triggered.connect(self.show_panel)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.accept_action)
        window.edit_menu.addAction(self.fill_action)
        window.view_menu.addAction(self.panel_action)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._recompute_figures)
        window.table_loaded.connect(self._on_window_table_loaded)
        self._update_actions()

    @property
    def section(self) -> EnvironmentSection:
        """The detail pane's environment section, made when first needed (not while the window starts)."""
        if self._section is None:
            from ui.environment.detail import EnvironmentSection

            self._section = EnvironmentSection()
            self._section.hide()
            self._section.language = self.window.language
        return self._section

    # --- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.accept_action.setText(self.tr("Accept su&ggested environmental score"))
        self.fill_action.setText(self.tr("Fill &in suggested environmental scores"))
        self.panel_action.setText(self.tr("&Environment…"))
        if self._section is not None:
            self._section.language = self.window.language
        if self.panel is not None:
            self.panel.retranslate(self.window.language)
        if self._page is not None and SUP_FACET in self._page.filter_panel.facets:
            self._page.filter_panel.facets[SUP_FACET].retranslate(self.window.language)
        self._show_current()

    def facet_title(self) -> str:
        return self.tr("SUP rule")

    # --- loading --------------------------------------------------------------------------------
    def _hook(self) -> ReviewPage:
        page = self.window.review_page
        if self._page is not page:
            self._page = page
            page.detail_pane.add_section(self.section)
            page.detail_pane.article_shown.connect(self._on_detail_pane_article_shown)
            page.model.review_changed.connect(self._on_model_review_changed)
            page.view.context_actions.append(self.accept_action)
        return page

    def _on_window_table_loaded(self, table: SourceTable) -> None:
        page = self._hook()
        if self._task is not None:
            self._task.cancel()
        self.table, self.report, self.figures, self.by_key, self.suggested = table, None, None, {}, None
        self.section.show()
        self.section.show_loading()
        self._update_actions()
        if self.panel is not None:
            self.panel.show_report(None, None)
            self.panel.show_figures(None, {})

        def work(_progress: Any) -> Any:
            from workbench.environment import Assessor, assess_table

            assessor = Assessor()
            report = assess_table(table, assessor)
            report.articles  # noqa: B018  # built here, off the GUI thread (the report builds them when first asked)
            return assessor.data, report

        def done(result: Any) -> None:
            if self._task is not task:
                return
            self._task = None
            if page.session is None or page.session.table is not table:
                return
            self._assessed(page, table, *result)

        def failed(error: BaseException) -> None:
            if self._task is not task:
                return
            self._task = None
            log.warning("Assessing the environment of %s failed: %r", table.path, error)
            self.section.setText(self.tr("The environmental assessment failed: {error}").format(error=error))

        task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._task = task

    @property
    def assessing(self) -> bool:
        return self._task is not None

    def _assessed(self, page: ReviewPage, table: SourceTable, data: CriteriaData,
                  report: EnvironmentReport) -> None:
        from workbench.review.session import set_derived_facet
        from workbench.review.values import normalise

        self.data, self.report = data, report
        positions = table.data.index.get_indexer(report.rows)
        import numpy as np  # here, not at start-up: the window is built before any table is read

        suggested = np.full(table.row_count, None, dtype=object)
        rules = np.full(table.row_count, "", dtype=object)
        codes = {score: normalise(_FIELD, score) for score in range(1, 6)}
        for position, article in zip(positions.tolist(), report.articles, strict=True):
            self.by_key.setdefault(article.key, article)
            if position >= 0:
                suggested[position] = codes.get(article.suggested_score)
                rules[position] = article.sup_rule
        self.suggested = suggested
        page.model.set_suggestions(_FIELD, suggested)
        set_derived_facet(table, SUP_FACET, rules)
        assert page.session is not None
        box = page.filter_panel.add_facet(page.session, SUP_FACET)
        box.fixed_title = self.facet_title
        box.value_label = sup_rule_label
        box.retranslate(self.window.language)
        page.filter_panel.update_counts(page.session, page.spec)
        if self.panel is not None:
            self.panel.show_report(report, data)
        self._update_actions()
        self._show_current()
        self._recompute_figures()
        self.assessed.emit()

    # --- accepting ------------------------------------------------------------------------------
    def _empty_suggested(self, positions: np.ndarray) -> dict[int, Any]:
        """``{position: code}`` for the given rows whose Miljöpoäng is empty and has a suggestion."""
        if self.suggested is None or self.table is None:
            return {}
        current = self.table.review[_FIELD].to_numpy(dtype=object)
        from workbench.review.values import is_empty

        return {int(p): self.suggested[p] for p in positions.tolist()
                if self.suggested[p] is not None and is_empty(current[p])}

    def accept_selection(self) -> bool:
        """The suggestion into the selected rows' empty Miljöpoäng cells, as one undo step."""
        page = self._page
        if page is None or page.session is None:
            return False
        cells = self._empty_suggested(page.model.positions(page.view.selected_rows()))
        return self._set(cells)

    def fill_all(self) -> bool:
        """Every empty Miljöpoäng cell with a suggestion gets it, as one undo step."""
        if self.table is None:
            return False
        import numpy as np

        return self._set(self._empty_suggested(np.arange(self.table.row_count)))

    def _set(self, cells: dict[int, Any]) -> bool:
        page = self._page
        if page is None or not cells:
            if page is not None:
                self.window.statusBar().showMessage(self.tr("No empty environmental score with a suggestion."), 5000)
            return False
        text = self.tr("Accept %n suggested environmental score(s)", "", len(cells))
        # a suggestion accepted is not a review of the article: no "Granskad av"/"Granskad" stamp
        if not page.model.set_cells({_FIELD: cells}, "accept_suggestion", text=text, stamp=False):
            return False
        assert self.table is not None
        articles = self.table.keys.iloc[sorted(cells)].nunique()
        self.window.show_status(
            lambda: self.tr("Filled in suggested environmental scores for %n article(s)", "", articles), 15000)
        return True

    def _update_actions(self) -> None:
        ready = self.report is not None
        self.accept_action.setEnabled(ready)
        self.fill_action.setEnabled(ready)
        self.panel_action.setEnabled(self.table is not None)

    # --- the detail pane ------------------------------------------------------------------------
    def _show_current(self) -> None:
        page = self._page
        if page is not None:  # a grid exists, so its model (and pandas) is loaded already
            from ui.review.model import KeyRole

            self._on_detail_pane_article_shown(page.view.currentIndex().data(KeyRole))

    def _on_detail_pane_article_shown(self, key: str | None) -> None:
        if self.report is None:
            if self._task is not None:
                self.section.show_loading()
            return
        article = self.by_key.get(key) if key is not None else None
        score_set = False
        page = self._page
        if article is not None and page is not None and page.detail_pane.row >= 0 and self.table is not None:
            from workbench.review.values import is_empty

            position = page.model.position(page.detail_pane.row)
            score_set = not is_empty(self.table.review[_FIELD].iat[position])
        self.section.show_article(article, self.data, score_set)

    # --- the panel and before/after -------------------------------------------------------------
    def show_panel(self) -> EnvironmentPanel:
        from ui.environment.panel import EnvironmentPanel

        if self.panel is None:
            self.panel = EnvironmentPanel(self.window)
            self.panel.show_requested.connect(self.show_articles)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
            self.panel.retranslate(self.window.language)
            self.panel.show_report(self.report, self.data)
            self.panel.show_figures(self.figures, self._names())
            self.window.stack.currentChanged.connect(self._on_page_changed)
        # The panel belongs to the review grid: asked for from another page, it shows the grid with it.
        if not self._on_grid():
            self.window.stack.setCurrentWidget(self.window.table_page)
        self.panel.show()
        self.panel.raise_()
        return self.panel

    def _on_grid(self) -> bool:
        return self.window.stack.currentWidget() is self.window.table_page

    def _on_page_changed(self, _index: int) -> None:
        """Hide the panel while another page (Konsolidering, Sammanfattning, Uppföljning …) is shown and
        bring it back, if it was open, when the grid is shown again."""
        panel = self.panel
        if panel is None:
            return
        if self._on_grid():
            if self._panel_back:
                panel.show()
            self._panel_back = False
        elif not panel.isHidden():
            self._panel_back = True
            panel.hide()

    def _names(self) -> dict[str, str]:
        if self.table is None or self.figures is None:
            return {}
        names = self.table.article_names()
        return {k: str(names.get(k, "") or "") for k in self.figures.sup_banned_left}

    def show_articles(self, keys: list[str]) -> None:
        """Filter the grid to these articles (the panel's "Show in the grid")."""
        page = self._page
        if page is None or page.session is None or not keys:
            return
        from workbench.review.session import ViewSpec

        page.apply_view(ViewSpec(facets={"key": set(keys)}, sort=page.spec.sort))

    def _on_model_review_changed(self) -> None:
        if self.report is not None:
            self._debounce.start()

    def _recompute_figures(self) -> None:
        """Before/after the decisions, in the background on a copy of the decisions (edits go on)."""
        table, report = self.table, self.report
        if table is None or report is None:
            return
        if self._figures_task is not None:
            self._figures_task.cancel()
        snapshot = copy.copy(table)
        columns = [c for c in ("decision", "replaced_by") if c in table.review.columns]
        snapshot.review = table.review[columns].copy()

        def work(_progress: Any) -> Any:
            from workbench.environment import before_after

            return before_after(snapshot, report)

        def done(figures: Any) -> None:
            if self._figures_task is not task:
                return
            self._figures_task = None
            if self.table is not table:
                return
            self.figures = figures
            if self.panel is not None:
                self.panel.show_figures(figures, self._names())
            self.figures_changed.emit()

        def failed(error: BaseException) -> None:
            if self._figures_task is task:
                self._figures_task = None
            log.warning("Before/after of %s failed: %r", table.path, error)

        task = tasks.run_task(work, on_success=done, on_failure=failed, owner=self)
        self._figures_task = task
