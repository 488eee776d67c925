"""The main window's state across runs (its geometry, the grid's layout) and closing it."""

from __future__ import annotations

import logging

from PySide6.QtGui import QCloseEvent

log = logging.getLogger(__name__)


class WindowStateMixin:
    """The geometry and the close of :class:`ui.main_window.MainWindow`."""

    def _restore_geometry(self) -> None:
        self.resize(1280, 800)
        geometry = self.ui_state.get("main_window_geometry")
        if isinstance(geometry, list) and len(geometry) == 4:
            self.setGeometry(*geometry)

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        saver = self._saver
        if saver is not None and (saver.saving or (saver.is_dirty and not self._closing_confirmed)):
            event.ignore()
            if not saver.saving:
                saver.confirm_discard(self._close_confirmed)
            return
        if self._review_page is not None:
            self._review_page.save_layout()
        geometry = self.geometry()
        self.ui_state.set("main_window_geometry", [geometry.x(), geometry.y(), geometry.width(), geometry.height()])
        try:
            self.ui_state.save()
        except OSError:
            log.warning("Could not save the window state", exc_info=True)
        if self._load_task is not None:
            self._load_task.cancel()
        super().closeEvent(event)
