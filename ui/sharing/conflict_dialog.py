"""Conflicts with a colleague's saved changes: each article by name, both values, who saved theirs and
when; the user picks per row (or all one way). Nothing is preselected: no choice overwrites the
colleague's work until the user makes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.fields import field as field_info
from workbench.review.values import label

THEIRS, OURS = 0, 1


def _shown(name: str, value: Any, language: str) -> str:
    return label(name, value, language) or "–"


class ConflictDialog(QDialog):
    """Lists conflicts (dicts from the core's ``ConflictError`` or ``Conflict.as_dict()``);
    ``choices()`` maps cell -> side for the rows the user decided. ``names`` maps key -> article name.
    The save button stays disabled until every row has a choice."""

    def __init__(self, conflicts: list[dict[str, Any]], language: str, parent: QWidget | None = None,
                 names: Mapping[str, str] | None = None, accept_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflicts = conflicts
        names = names or {}
        self.setWindowTitle(self.tr("Conflicting changes"))
        layout = QVBoxLayout(self)
        count = len(conflicts)
        intro = QLabel(self.tr("A colleague saved other values for %Ln cell(s) that you have also changed. "
                               "Choose for each which value the workbook keeps.", "", count))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(count, 5)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Article"), self.tr("Field"), self.tr("Colleague's value"),
                                              self.tr("Your value"), self.tr("Use")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.groups: list[QButtonGroup] = []
        for row, conflict in enumerate(conflicts):
            name = conflict["field"]
            key = str(conflict["key"])
            theirs_by = conflict.get("theirs_by") or self.tr("a colleague")
            when = label("reviewed_at", conflict.get("theirs_at"), language)
            saved = (self.tr("saved by {who}, {when}").format(who=theirs_by, when=when) if when
                     else self.tr("saved by {who}").format(who=theirs_by))
            article = f"{key}  {names[key]}" if names.get(key) else key
            cells = [article, field_info(name).label(language),
                     f"{_shown(name, conflict['theirs'], language)}\n{saved}",
                     _shown(name, conflict["ours"], language)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            chooser = QWidget()
            box = QHBoxLayout(chooser)
            box.setContentsMargins(4, 0, 4, 0)
            theirs = QRadioButton(self.tr("Colleague's"))
            ours = QRadioButton(self.tr("Mine"))
            group = QButtonGroup(chooser)
            group.addButton(theirs, THEIRS)
            group.addButton(ours, OURS)
            group.idToggled.connect(lambda _id, _on: self._update_save_button())
            box.addWidget(theirs)
            box.addWidget(ours)
            self.groups.append(group)
            self.table.setCellWidget(row, 4, chooser)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        row_of_buttons = QHBoxLayout()
        self.all_theirs = QPushButton(self.tr("Use all of the colleague's"))
        self.all_theirs.setObjectName("allTheirsButton")
        self.all_ours = QPushButton(self.tr("Use all of mine"))
        self.all_ours.setObjectName("allOursButton")
        self.all_theirs.clicked.connect(lambda: self._choose_all(THEIRS))
        self.all_ours.clicked.connect(lambda: self._choose_all(OURS))
        row_of_buttons.addWidget(self.all_theirs)
        row_of_buttons.addWidget(self.all_ours)
        row_of_buttons.addStretch(1)
        layout.addLayout(row_of_buttons)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("conflictSaveButton")
        if accept_text:
            self.save_button.setText(accept_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 440)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._update_save_button()

    def _choose_all(self, side: int) -> None:
        for group in self.groups:
            group.button(side).setChecked(True)

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(all(group.checkedId() in (THEIRS, OURS) for group in self.groups))

    def choices(self) -> dict[tuple[str, str], str]:
        """Cell -> ``"theirs"`` or ``"ours"`` for every row with a choice."""
        return {(str(c["key"]), c["field"]): ("theirs" if g.checkedId() == THEIRS else "ours")
                for c, g in zip(self.conflicts, self.groups, strict=True) if g.checkedId() in (THEIRS, OURS)}
