"""A small non-blocking bar above the grid: a message, an optional action button and a close button.

For findings that need attention but must not stop the user (house style: a banner, never a pop-up):
the checks before a save, a colleague's conflicting save. Texts given as functions are worded again on
a language switch (:meth:`NoticeBar.reword`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class NoticeBar(QFrame):
    """``show_notice(text, action_text, callback)`` shows it; ``hide()`` or its ✕ closes it."""

    closed = Signal()  # the user closed it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        # a property, not the object name, carries the style: an owner may rename its bar
        self.setProperty("notice", True)
        self.setStyleSheet("QFrame[notice=\"true\"] { background: #fff4ce; border-bottom: 1px solid #e0c36c; }"
                           "QFrame[notice=\"true\"] QLabel { color: #3b2f00; background: transparent; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.action_button = QPushButton()
        self.action_button.setObjectName("noticeAction")
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.close_button = QToolButton()
        self.close_button.setObjectName("noticeClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], object] | None = None
        self._wording: tuple[Callable[[], str], Callable[[], str] | None] | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Hide"))
        self.close_button.setAccessibleName(self.tr("Hide the message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_notice(self, text: str | Callable[[], str], action_text: str | Callable[[], str] | None = None,
                    callback: Callable[[], object] | None = None) -> None:
        """Show ``text``; with ``action_text`` a button that calls ``callback`` (the bar stays open).
        Either text may be a function that words it in the current language: :meth:`reword` calls it
        again after a language switch."""
        if callable(text):
            self._wording = (text, action_text if callable(action_text) else None)
            text = text()
        else:
            self._wording = None
        if callable(action_text):
            action_text = action_text()
        self.label.setText(text)
        self.setAccessibleName(text)
        self._callback = callback
        self.action_button.setText(action_text or "")
        self.action_button.setVisible(bool(action_text) and callback is not None)
        self.show()

    def reword(self) -> None:
        """After a language switch: a shown notice worded again, or closed when it was given as bare text
        (it cannot be worded again, and a notice in the old language reads as a fault)."""
        if self.isHidden():
            return
        if self._wording is None:
            self.hide()
            return
        text, action_text = self._wording
        self.show_notice(text, action_text or self.action_button.text(), self._callback)

    @property
    def text(self) -> str:
        return self.label.text()

    def _on_action_button_clicked(self) -> None:
        if self._callback is not None:
            self._callback()

    def _on_close_button_clicked(self) -> None:
        self.hide()
        self.closed.emit()
