"""Consolidation's hook in the main window; the logic is in ui/consolidation."""

from __future__ import annotations


class ConsolidationMixin:
    """Visa > Konsolidering… and its page of :class:`ui.main_window.MainWindow`."""

    def _build_consolidation(self) -> None:
        from ui.consolidation.controller import Consolidation

        self.consolidation = Consolidation(self)
