"""Warnings before a save: the core's review checks (``workbench.review.checks``) shown in a bar.

Saving is never held up: the bar says what to look at and its "Visa" button filters the grid to
those articles. While the bar is shown it follows the edits, and goes away once all is well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ui.notice_bar import NoticeBar
from ui.review.page import ReviewPage
from workbench.review.checks import ReviewProblem, check_review
from workbench.review.session import ViewSpec


class SaveChecks(QObject):
    """Runs the checks for one review page and shows them in its own :class:`NoticeBar`."""

    def __init__(self, page: ReviewPage, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._language = language
        self.bar = NoticeBar()
        self.bar.setObjectName("saveChecksBar")
        self.problems: list[ReviewProblem] = []
        self._checked_table: object = None
        page.model.review_changed.connect(self._on_model_review_changed)
        page.model.modelReset.connect(self._on_model_model_reset)

    def check(self) -> list[ReviewProblem]:
        """Check the open table now; show the problems (or hide the bar when there are none)."""
        session = self.page.session
        self._checked_table = session.table if session is not None else None
        self.problems = check_review(session.table) if session is not None else []
        if not self.problems:
            self.bar.hide()
            return self.problems
        language = self._language()
        listed = " · ".join(problem.message(language) for problem in self.problems)
        self.bar.show_notice(self.tr("Please check: {problems}").format(problems=listed),
                             self.tr("Show"), self.show_rows)
        return self.problems

    def show_rows(self) -> None:
        """Filter the grid to the articles the problems concern."""
        keys = {key for problem in self.problems for key in problem.keys}
        if keys:
            self.page.apply_view(ViewSpec(facets={"key": keys}))

    def _on_model_review_changed(self) -> None:
        if self.bar.isVisible():
            self.check()

    def _on_model_model_reset(self) -> None:
        if self.page.model.table is not self._checked_table:  # another workbook: its own checks later
            self.bar.hide()
