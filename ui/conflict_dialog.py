"""Conflicts with a colleague's saved changes: each with both values and who made them; the user picks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.fields import field as field_info
from workbench.vocabularies import vocabularies


def _shown(name: str, value: Any, language: str) -> str:
    if value is None or value == "":
        return "–"
    info = field_info(name)
    if info.vocabulary is not None and value in vocabularies()[info.vocabulary]:
        return vocabularies()[info.vocabulary].label(value, language)
    return str(value)


class ConflictDialog(QDialog):
    """Lists conflicts (dicts from the core's ``ConflictError``); ``choices()`` maps cell -> side."""

    def __init__(self, conflicts: list[dict[str, Any]], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflicts = conflicts
        self.setWindowTitle(self.tr("Conflicting changes"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A colleague saved other values for these cells after you opened the file. "
                               "Choose which value to keep for each."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(conflicts), 5)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Article"), self.tr("Field"), self.tr("Colleague's value"),
                                              self.tr("Your value"), self.tr("Keep")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups: list[QButtonGroup] = []
        for row, conflict in enumerate(conflicts):
            name = conflict["field"]
            theirs_by = conflict.get("theirs_by") or self.tr("a colleague")
            ours_by = conflict.get("ours_by") or self.tr("you")
            cells = [conflict["key"], field_info(name).label(language),
                     f"{_shown(name, conflict['theirs'], language)}  ({theirs_by})",
                     f"{_shown(name, conflict['ours'], language)}  ({ours_by})"]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            chooser = QWidget()
            box = QHBoxLayout(chooser)
            box.setContentsMargins(4, 0, 4, 0)
            theirs = QRadioButton(self.tr("Colleague's"))
            ours = QRadioButton(self.tr("Mine"))
            ours.setChecked(True)
            group = QButtonGroup(chooser)
            group.addButton(theirs, 0)
            group.addButton(ours, 1)
            box.addWidget(theirs)
            box.addWidget(ours)
            self.groups.append(group)
            self.table.setCellWidget(row, 4, chooser)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        row_of_buttons = QHBoxLayout()
        self.all_theirs = QPushButton(self.tr("Keep all of the colleague's"))
        self.all_theirs.setObjectName("allTheirsButton")
        self.all_ours = QPushButton(self.tr("Keep all of mine"))
        self.all_ours.setObjectName("allOursButton")
        self.all_theirs.clicked.connect(lambda: self._choose_all(0))
        self.all_ours.clicked.connect(lambda: self._choose_all(1))
        row_of_buttons.addWidget(self.all_theirs)
        row_of_buttons.addWidget(self.all_ours)
        row_of_buttons.addStretch(1)
        layout.addLayout(row_of_buttons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _choose_all(self, side: int) -> None:
        for group in self.groups:
            group.button(side).setChecked(True)

    def choices(self) -> dict[tuple[str, str], str]:
        return {(c["key"], c["field"]): ("theirs" if g.checkedId() == 0 else "ours")
                for c, g in zip(self.conflicts, self.groups, strict=True)}
