"""Hjälp > Kortkommandon: every keyboard shortcut, gathered from the window's actions so it cannot drift.

Menu commands are read from the live ``QAction`` objects (their shortcuts and where they sit in the
menus); the grid's own keys, which are handled by the view rather than by actions, are listed in
:data:`GRID_KEYS` (a key an action already has is not listed twice).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (keys, what they do) of the review grid: English source text, translated when the dialog is built
GRID_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "A–Z"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Start editing the cell with that letter (in Decision: K = Keep, R = Remove …)")),  # noqa: E501
    ("1–5", QT_TRANSLATE_NOOP("ShortcutsDialog", "Set the environmental score of the selected rows")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Commit the edit and move down")),
    ("F2", QT_TRANSLATE_NOOP("ShortcutsDialog", "Edit the current cell")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Cancel the edit")),
    ("Del", QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear the review values of the selected cells")),
    ("Backspace", QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear the review values of the selected cells")),
    ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next cell")),
    ("Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous cell")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+arrow keys"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Extend the selection")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+arrow keys"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Jump to the edge of the data (with Shift: extend the selection there)")),
    ("Ctrl+C", QT_TRANSLATE_NOOP("ShortcutsDialog", "Copy the selection as Excel pastes it")),
    ("Ctrl+V", QT_TRANSLATE_NOOP("ShortcutsDialog", "Paste a block copied from Excel into the review columns")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("ShortcutsDialog", "Fill down the review values of the top selected row")),
    ("Alt+Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "New line in a comment")),
    ("Ctrl+A", QT_TRANSLATE_NOOP("ShortcutsDialog", "Select all rows")),
    ("Ctrl+Home", QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to the first cell")),
    ("Ctrl+End", QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to the last cell")),
    ("PgUp", QT_TRANSLATE_NOOP("ShortcutsDialog", "One screen up")),
    ("PgDown", QT_TRANSLATE_NOOP("ShortcutsDialog", "One screen down")),
)

# (keys, what they do) on the Konsolidering and Sammanfattning pages (Visa > …), keys as Qt words them
PAGE_KEYS: tuple[tuple[str, str], ...] = (
    ("A, Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: accept the cluster (one undo step)")),
    ("R, Del", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: reject the cluster")),
    ("K", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: keep the selected article instead")),
    ("S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: split the selected article out of the cluster")),
    ("O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: reopen a rejected cluster")),
    ("N, PgDown", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: next cluster")),
    ("P, PgUp", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: previous cluster")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Consolidation: back to the list")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Summary: back to the list")),
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Spara" -> "Spara") or its trailing "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_path(action: QAction) -> str:
    """Where ``action`` sits: "Arkiv › Spara", "Redigera › Sätt beslut för markerade rader › Behåll"."""
    parts = [_plain(action.text())]
    menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
    seen: set[int] = set()
    while menus and id(menus[0]) not in seen:
        menu = menus[0]
        seen.add(id(menu))
        if menu.title():
            parts.append(_plain(menu.title()))
        menus = [o for o in menu.menuAction().associatedObjects() if isinstance(o, QMenu)]
    return " › ".join(reversed([p for p in parts if p]))


def shortcut_text(action: QAction) -> str:
    """The action's keys, each once ("Ctrl+Y, Ctrl+Shift+Z"; a platform may give Redo Ctrl+Y twice)."""
    keys = (s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
    return ", ".join(dict.fromkeys(k for k in keys if k))


def _in_menu_order(window: QObject) -> list[QAction]:
    """The window's actions: those in the menu bar first, in menu order, then any others (Search)."""
    ordered: list[QAction] = []
    bar = window.menuBar() if isinstance(window, QMainWindow) else None

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif action not in ordered:
                ordered.append(action)

    if bar is not None:
        walk(bar.actions())
    return ordered + [a for a in window.findChildren(QAction) if a not in ordered]


def shortcut_rows(window: QObject) -> list[tuple[str, str]]:
    """(keys, command) of every action of ``window`` that has a shortcut, then the grid's own keys."""
    rows: list[tuple[str, str]] = []
    taken: set[str] = set()
    for action in _in_menu_order(window):
        try:
            if not action.shortcuts():
                continue
        except RuntimeError:  # a menu's action deleted meanwhile (recent files are rebuilt)
            continue
        keys = shortcut_text(action)
        rows.append((keys, menu_path(action) or action.toolTip()))
        taken.update(s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts())
    for keys, english in GRID_KEYS:
        if QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText) in taken:
            continue
        sequence = QKeySequence(keys)
        if sequence.toString(QKeySequence.SequenceFormat.PortableText) == keys:  # a real key: as Qt words it
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        else:  # "A–Z", "1–5", "Shift+arrow keys"
            shown = QCoreApplication.translate("ShortcutsDialog", keys)
        rows.append((shown, QCoreApplication.translate("ShortcutsDialog", english)))
    for keys, english in PAGE_KEYS:
        shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys.split(", "))
        rows.append((shown, QCoreApplication.translate("ShortcutsDialog", english)))
    return rows


class ShortcutsDialog(QDialog):
    """A two-column table: the keys, and the command (menu path) or what the key does in the grid."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Command")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for number, (keys, command) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(keys))
            self.table.setItem(number, 1, QTableWidgetItem(command))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 680)

    def rows(self) -> list[tuple[str, str]]:
        """The listed (keys, command) pairs, as shown."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
