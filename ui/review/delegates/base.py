"""What every review editor shares: Enter commits at once, as in Excel.

Qt's own delegate commits on Enter through a *queued* call so that the editor can fix its input up
first. With a burst of keystrokes (letter, Enter, letter, Enter … faster than the event loop turns)
the next letter then reaches the editor that is about to close, the queued commit arrives after the
editor has left the view ("commitData called with an editor that does not belong to this view") and
the value is lost while the cursor still moves down. Committing and closing synchronously, inside the
Enter key press, makes every keystroke-started edit land before the next key is read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QStyledItemDelegate, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReviewDelegate(QStyledItemDelegate):
    """A delegate whose editors commit and close on Enter within the key press itself."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _ENTER
                and isinstance(watched, QWidget) and not _completer_open(watched)):
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                return self.alt_enter(watched)
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)

    def alt_enter(self, editor: QWidget) -> bool:
        """Alt+Enter in ``editor``; True when handled. Single-line editors commit as on Enter."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
        return True


def _completer_open(editor: QWidget) -> bool:
    # An open completion list takes Enter to pick its entry; the editor commits on the next Enter.
    completer = editor.completer() if isinstance(editor, QComboBox) else None
    return completer is not None and completer.popup().isVisible()
