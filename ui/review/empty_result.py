"""What the grid shows when the filter leaves no rows: a sentence and a link that clears the filter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyResultNote(QWidget):
    """Centred over the grid's viewport while no row passes the filter; ``clear_requested`` on the link."""

    clear_requested = Signal()

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("emptyResultNote")
        self.label = QLabel()
        self.label.setObjectName("emptyResultLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.clear_link = QPushButton()
        self.clear_link.setObjectName("emptyResultClearLink")
        self.clear_link.setFlat(True)
        self.clear_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_link.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline;"
                                      " border: none; }")
        self.clear_link.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_link, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        viewport.installEventFilter(self)
        self.setGeometry(viewport.rect())
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(self.tr("No articles match the filter"))
        self.clear_link.setText(self.tr("Clear filters"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False
