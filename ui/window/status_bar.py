"""The main window's status bar: review progress, decision counts, the selection's sums, the load's
progress and the wait for a colleague's file."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from workbench.numbers import format_number
from workbench.vocabularies import vocabularies


class StatusBarMixin:
    """The status bar of :class:`ui.main_window.MainWindow`."""

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
        self._owner_wait_who = ""  # whose file a save waits for ("?": someone unknown); "" when none
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
        # the message shown by show_status: how to word it, the text shown, when it goes (None: stays)
        self._status_wording: tuple[Callable[[], str], str, float | None] | None = None

    def show_status(self, wording: Callable[[], str], timeout_ms: int = 0) -> None:
        """Show ``wording()`` in the status bar for ``timeout_ms`` (0: until replaced). A language switch
        words it again, for the rest of its time (:meth:`_reword_status`)."""
        message = wording()
        deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms else None
        self._status_wording = (wording, message, deadline)
        self.statusBar().showMessage(message, timeout_ms)

    def _reword_status(self) -> None:
        """The status bar's message in the new language; one shown as bare text (by a part that cannot
        word it again) is cleared rather than left in the old language."""
        current = self.statusBar().currentMessage()
        if not current:
            return
        if self._status_wording is None or self._status_wording[1] != current:
            self.statusBar().clearMessage()
            return
        wording, _, deadline = self._status_wording
        left = 0 if deadline is None else max(1, round((deadline - time.monotonic()) * 1000))
        self.show_status(wording, left)

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
