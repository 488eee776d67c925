"""A bare PySide6 window, frozen with the same spec options as the app: the start-up time baseline.

``bare_window --screenshot PNG`` mirrors the app's screenshot mode (show the main window, wait the same
600 ms from its first paint, grab it, save, quit), so the difference between the two start-up times is
the app's own work: imports, building the main window and reading and painting the sample.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main(argv: list[str]) -> int:
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.resize(1200, 800)
    window.show()
    shot = Path(argv[argv.index("--screenshot") + 1]) if "--screenshot" in argv else None

    def grab() -> None:
        if shot is not None:
            window.grab().save(str(shot))
        app.quit()

    class FirstPaint(QObject):
        """Start the 600 ms once the window has been painted, as the app does for its rows."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: QTimer.singleShot(600, grab))
            return False

    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
