"""The summary's hook in the main window; the logic is in ui/summary."""

from __future__ import annotations


class SummaryMixin:
    """Visa > Sammanfattning, its page and Arkiv > Skriv ut… of :class:`ui.main_window.MainWindow`."""

    def _build_summary(self) -> None:
        from ui.summary.controller import SummaryController

        self.summary = SummaryController(self)
