"""A calm bar above the grid for findings that need attention but must not block: a line of text, one
action button ("Visa") and a close button. Never a pop-up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class NoticeBar(QWidget):
    """``show_notice(text, action_text, callback)`` shows it; the action runs ``callback``."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "noticeBar") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(f"#{object_name} {{ background: #fff4ce; border-bottom: 1px solid #e0c36c; }}"
                           f"#{object_name} QLabel {{ color: #3b2f00; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setObjectName(object_name + "Label")
        self.label.setWordWrap(True)
        self.action_button = QPushButton()
        self.action_button.setObjectName(object_name + "Action")
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self.hide()

    def show_notice(self, text: str, action_text: str = "", callback: Callable[[], None] | None = None,
                    close_tip: str = "") -> None:
        self.label.setText(text)
        self._callback = callback
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text) and callback is not None)
        self.close_button.setToolTip(close_tip)
        self.show()

    def _on_action_button_clicked(self) -> None:
        if self._callback is not None:
            self._callback()
