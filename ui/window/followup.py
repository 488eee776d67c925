"""The follow-up's hook in the main window; the logic is in ui/followup."""

from __future__ import annotations


class FollowupMixin:
    """Visa > Uppföljning and its page of :class:`ui.main_window.MainWindow`."""

    def _build_followup(self) -> None:
        from ui.followup.controller import Followup

        self.followup = Followup(self)
