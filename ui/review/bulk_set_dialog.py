"""Redigera > Sätt … för markerade rader: every editable review field, not only Beslut.

The menus are built from the field declarations (``workbench.fields``) and the vocabularies
(``workbench.vocabularies``); each choice is one undo step through the model's ``set_field``, so the core
validates it (a replacement must be an existing article, never the row itself). Ersätts av and Kommentar
take free input, in a small dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.fields import REVIEW_FIELDS, Field
from workbench.vocabularies import vocabularies

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_SEPARATOR = " – "


class BulkValueDialog(QDialog):
    """Asks for one Ersätts av key (with completion over "key – name") or one comment."""

    def __init__(self, field: Field, rows: int, articles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkValueDialog")
        self.field = field
        self.setWindowTitle(field.label(_language(parent)))
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        self.editor: QLineEdit | QPlainTextEdit
        if field.name == "replaced_by":
            self.prompt.setText(self.tr("Article that replaces the %Ln selected row(s) (article number or name):",
                                        "", rows))
            line = QLineEdit()
            line.setObjectName("bulkReplacementEdit")
            completer = QCompleter(QStringListModel(articles, line), line)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            line.setCompleter(completer)
            self.editor = line
        else:
            self.prompt.setText(self.tr("Comment for the %Ln selected row(s) (empty clears it):", "", rows))
            text = QPlainTextEdit()
            text.setObjectName("bulkCommentEdit")
            text.setTabChangesFocus(True)
            self.editor = text
        self.prompt.setBuddy(self.editor)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.on_value: Callable[[str | None], bool] = lambda _value: True
        self.resize(460, 140 if field.name == "replaced_by" else 240)

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setText(text)
        else:
            self.editor.setPlainText(text)

    def value(self) -> str | None:
        """The key (the part before " – " of a completion) or the comment; ``None`` when empty."""
        if isinstance(self.editor, QLineEdit):
            text = self.editor.text().split(_SEPARATOR)[0].strip()
        else:
            text = self.editor.toPlainText()
        return text if text.strip() else None

    def accept(self) -> None:
        # a value the core refuses (its message is shown) keeps the dialog open to correct it
        if self.on_value(self.value()):
            super().accept()


def _language(widget: QWidget | None) -> str:
    return str(getattr(widget, "language", "sv"))


class BulkSetMenus(QObject):
    """The Edit menu's "set for the selected rows" entries of every review field but Beslut (whose menu,
    with its Ctrl+Alt+digit keys, the main window keeps)."""

    def __init__(self, window: MainWindow, menu: QMenu, before: QAction | None) -> None:
        super().__init__(window)
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}  # "field:code", "field:clear", "field:ask"
        for spec in REVIEW_FIELDS:
            if not spec.editable or spec.name == "decision":
                continue
            submenu = QMenu(menu)
            submenu.setObjectName(f"bulkSet_{spec.name}")
            # usage, future need and score before Beslut; replacement and comment after it (field order)
            if spec.name in ("usage", "future_need", "env_score") and before is not None:
                menu.insertMenu(before, submenu)
            else:
                menu.addMenu(submenu)
            self.menus[spec.name] = submenu
            if spec.vocabulary is not None:
                for term in vocabularies()[spec.vocabulary].terms:
                    self._add(submenu, f"{spec.name}:{term.code}", lambda f=spec.name, c=term.code: self.set(f, c))
            else:
                self._add(submenu, f"{spec.name}:ask", lambda f=spec: self.ask(f))
            submenu.addSeparator()
            self._add(submenu, f"{spec.name}:clear", lambda f=spec.name: self.set(f, None))

    def _add(self, menu: QMenu, name: str, slot: Callable[[], Any]) -> None:
        action = menu.addAction("")
        action.setObjectName(f"bulkSet_{name.replace(':', '_')}")
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = action

    def retranslate(self, language: str) -> None:
        titles = {
            "usage": self.tr("Set us&age for selected rows"),
            "future_need": self.tr("Set &future need for selected rows"),
            "env_score": self.tr("Set environmental &score for selected rows"),
            "replaced_by": self.tr("Set re&placement for selected rows"),
            "comment": self.tr("Set &comment for selected rows"),
        }
        for name, submenu in self.menus.items():
            submenu.setTitle(titles[name])
        for name, action in self.actions.items():
            field_name, code = name.split(":")
            if code == "clear":
                action.setText(self.tr("Clear"))
            elif code == "ask":
                action.setText(self.tr("Replaced by…") if field_name == "replaced_by" else self.tr("Comment…"))
            else:
                action.setText(vocabularies()[field_name].label(code, language))

    def _rows(self) -> list[int]:
        return self.window.table_view.selected_rows() if self.window.table is not None else []

    def set(self, field: str, value: Any) -> bool:
        """Set ``field`` on the selected rows (one undo step); False when nothing is selected or refused."""
        rows = self._rows()
        return bool(rows) and self.window.model.set_field(rows, field, value)

    def ask(self, spec: Field) -> BulkValueDialog | None:
        """Open the dialog for a free value (Ersätts av, Kommentar); it sets the value on OK."""
        rows = self._rows()
        if not rows:
            return None
        articles = _articles(self.window) if spec.name == "replaced_by" else []
        dialog = BulkValueDialog(spec, len(rows), articles, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        model = self.window.model
        if len(rows) == 1:  # one row: start from its value
            current = model.data(model.index(rows[0], model.column_of_field(spec.name)), Qt.ItemDataRole.EditRole)
            dialog.set_text("" if current is None else str(current))

        def apply(value: str | None) -> bool:
            refused: list[object] = []

            def note(error: object) -> None:
                refused.append(error)

            model.edit_failed.connect(note)
            try:
                done = model.set_field(rows, spec.name, value)
            finally:
                model.edit_failed.disconnect(note)
            return done or not refused  # unchanged values are not an error

        dialog.on_value = apply
        dialog.open()
        return dialog


def _articles(window: MainWindow) -> list[str]:
    """"key – name" of every article, for completing a replacement."""
    table = window.table
    if table is None:
        return []
    keys = table.keys.to_numpy(dtype=object)
    name_column = table.columns.get("name")
    names = table.data[name_column].to_numpy(dtype=object) if name_column else [None] * len(keys)
    seen: set[str] = set()
    choices: list[str] = []
    for key, name in zip(keys, names, strict=True):
        if isinstance(key, str) and key not in seen:
            seen.add(key)
            choices.append(f"{key}{_SEPARATOR}{name}" if isinstance(name, str) and name else key)
    return choices
