"""The tender list's hook in the main window; the logic is in ui/tender."""

from __future__ import annotations


class TenderMixin:
    """Arkiv > Anbudsunderlag… of :class:`ui.main_window.MainWindow`."""

    def _build_tender(self) -> None:
        from ui.tender.controller import TenderList

        self.tender = TenderList(self)

    def _on_tender_action_triggered(self) -> None:
        self.tender.make()
