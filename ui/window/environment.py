"""The environment's hooks in the main window; the logic is in ui/environment."""

from __future__ import annotations


class EnvironmentMixin:
    """The suggested scores, the detail pane's section, the Miljö panel and the SUP facet of
    :class:`ui.main_window.MainWindow`."""

    def _build_environment(self) -> None:
        from ui.environment.grid import EnvironmentGrid

        self.environment = EnvironmentGrid(self)
