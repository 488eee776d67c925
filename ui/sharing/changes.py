"""Showing what a save or a pull changed: the core's change summary, worded by the core, in the status bar.

Every save (the shared save and Save As) and every pull hands back a ``ChangeSummary``
(``result.changes``); :func:`show_changes` is the one place that shows it, so the app words it as the CLI
does (``workbench.writing.changes``), in the window's language, the file by its name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from workbench.writing.changes import ChangeSummary

SHOWN_MS = 15_000


def show_changes(window: QMainWindow, changes: ChangeSummary, language: str) -> str:
    """Show ``changes`` in ``window``'s status bar (and its tooltip, for a line cut short); returns the
    text shown ("" when there is nothing to tell, e.g. a pull that brought nothing in)."""
    message = changes.text(language, separator=" \u00b7 ", file_name_only=True)
    if message:
        window.statusBar().showMessage(message, SHOWN_MS)
        window.statusBar().setToolTip(message)
    return message
