"""The import dialog: check what the importer found and correct sheet, header row, key and mapping.

It shows the first rows of the sheet with the header row highlighted, one mapping choice per canonical
field, the columns to read as text, and the findings of a trial read. Reading runs in the background.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import tasks
from ui.errors import error_text
from workbench.fields import REVIEW_FIELDS, SOURCE_FIELDS
from workbench.reading.profiles import ImportProfile
from workbench.table import SourceTable

PREVIEW_ROWS = 40


class ImportDialog(QDialog):
    """Shows a trial read of ``path``; ``profile()`` gives the user's choices after ``accept()``."""

    def __init__(self, path: Path, table: SourceTable, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.path = path
        self.table = table
        self.language = language
        self._task: tasks.Task | None = None
        self._updating = False
        self._closed = False
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self._build()
        self._fill_from_table(table)
        self.resize(1100, 720)

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("headerRowSpin")
        self.header_spin.setRange(1, 1_048_576)
        self.header_spin.setAccessibleName(self.tr("Header row"))
        self.key_combo = QComboBox()
        self.key_combo.setObjectName("keyCombo")
        self.key_combo.setAccessibleName(self.tr("Key column"))
        for label, widget in ((self.tr("&Sheet:"), self.sheet_combo), (self.tr("&Header row:"), self.header_spin),
                              (self.tr("&Key column:"), self.key_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 1 if widget is not self.header_spin else 0)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.preview_table = QTableWidget()
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setAccessibleName(self.tr("First rows of the sheet"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.preview_table)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        mapping_box = QGroupBox(self.tr("Columns"))
        mapping_form = QFormLayout()
        self.mapping_combos: dict[str, QComboBox] = {}
        # review fields too: choosing a column here is how the user confirms a review column the
        # importer did not take as one (workbench.reading._findings.adopt_review_columns)
        for field in (*SOURCE_FIELDS, *REVIEW_FIELDS):
            if field.name == "key":
                continue
            combo = QComboBox()
            combo.setObjectName(f"mapping_{field.name}")
            combo.setAccessibleName(field.label(self.language))
            self.mapping_combos[field.name] = combo
            mapping_form.addRow(field.label(self.language) + ":", combo)
        holder = QWidget()
        holder.setLayout(mapping_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        box_layout = QVBoxLayout(mapping_box)
        box_layout.addWidget(scroll)
        lower_layout.addWidget(mapping_box, 3)

        text_box = QGroupBox(self.tr("Read as text"))
        text_layout = QVBoxLayout(text_box)
        self.text_list = QListWidget()
        self.text_list.setObjectName("textColumnsList")
        self.text_list.setAccessibleName(self.tr("Columns read as text"))
        text_layout.addWidget(self.text_list)
        lower_layout.addWidget(text_box, 2)

        findings_box = QGroupBox(self.tr("Findings"))
        findings_layout = QVBoxLayout(findings_box)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findingsList")
        self.findings_list.setWordWrap(True)
        findings_layout.addWidget(self.summary_label)
        findings_layout.addWidget(self.findings_list)
        lower_layout.addWidget(findings_box, 3)
        splitter.addWidget(lower)
        splitter.setSizes([330, 330])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self.header_spin.editingFinished.connect(self._on_header_spin_editing_finished)
        self.key_combo.activated.connect(lambda _i: self._reread())
        for combo in self.mapping_combos.values():
            combo.activated.connect(lambda _i: self._reread())
        self.text_list.itemChanged.connect(lambda _item: None if self._updating else self._reread())

    # --- showing a read -----------------------------------------------------------------------
    def _fill_from_table(self, table: SourceTable) -> None:
        from workbench.reading.importer import raw_rows

        self._updating = True
        self.table = table
        self.sheet_combo.clear()
        self.sheet_combo.addItems(table.sheets or [""])
        if table.sheet is not None:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(len(table.sheets) > 1)
        self.header_spin.setValue(table.header_row)
        headers = [str(h) for h in table.data.columns]
        none_text = self.tr("(none)")
        self.key_combo.clear()
        self.key_combo.addItem(none_text, None)
        for header in headers:
            self.key_combo.addItem(header, header)
        self.key_combo.setCurrentIndex(max(0, self.key_combo.findData(table.key_column)))
        for name, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(none_text, None)
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(table.columns.get(name) or table.review_columns.get(name))))
        chosen_text = set(table.read_options.get("text_columns") or ())
        self.text_list.clear()
        for header in headers:
            item = QListWidgetItem(header)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if header in chosen_text else Qt.CheckState.Unchecked)
            self.text_list.addItem(item)
        rows = raw_rows(self.path, table.sheet, PREVIEW_ROWS)
        self._show_preview(rows, table.header_row)
        self._show_findings(table)
        self._updating = False

    def _show_preview(self, rows: list[list[Any]], header_row: int) -> None:
        width = max((len(r) for r in rows), default=0)
        self.preview_table.clear()
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setColumnCount(width)
        highlight = QBrush(self.palette().color(QPalette.ColorRole.Highlight).lighter(170))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(cell_text(value, self.language))
                if r + 1 == header_row:
                    item.setBackground(highlight)
                    item.setForeground(QBrush(QColor("#000000")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.preview_table.setItem(r, c, item)
        self.preview_table.setVerticalHeaderLabels([str(i + 1) for i in range(len(rows))])
        self.preview_table.resizeColumnsToContents()
        if 0 < header_row <= len(rows):
            self.preview_table.scrollToItem(self.preview_table.item(header_row - 1, 0) or QTableWidgetItem())

    def _show_findings(self, table: SourceTable) -> None:
        summary = self.tr("%Ln article row(s) below header row {header}; key column: {key}", "", table.row_count)
        self.summary_label.setText(summary.format(header=table.header_row, key=table.key_column or self.tr("(none)")))
        self.findings_list.clear()
        for finding in table.findings:
            self.findings_list.addItem(finding.message(self.language))
        if not table.findings:
            self.findings_list.addItem(self.tr("No problems found."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(table.row_count > 0)

    # --- user choices -----------------------------------------------------------------------
    def profile(self) -> ImportProfile:
        """The choices currently shown, as a profile to remember and to read with."""
        mapping = {name: combo.currentData() for name, combo in self.mapping_combos.items()
                   if combo.currentData() is not None}
        key = self.key_combo.currentData()
        if key is not None:
            mapping["key"] = key
        texts = tuple(self.text_list.item(i).text() for i in range(self.text_list.count())
                      if self.text_list.item(i).checkState() == Qt.CheckState.Checked)
        return ImportProfile(sheet=self.sheet_combo.currentText() or None, header_row=self.header_spin.value(),
                             mapping=mapping, key_column=key, text_columns=texts)

    def _on_sheet_combo_activated(self, _index: int) -> None:
        # A new sheet: detect its header and mapping afresh.
        self._reread(ImportProfile(sheet=self.sheet_combo.currentText() or None))

    def _on_header_spin_editing_finished(self) -> None:
        if self.header_spin.value() != self.table.header_row:
            self._reread(ImportProfile(sheet=self.sheet_combo.currentText() or None,
                                       header_row=self.header_spin.value()))

    def _reread(self, profile: ImportProfile | None = None) -> None:
        if self._updating:
            return
        from workbench.reading.importer import read_table

        chosen = profile or self.profile()
        if self._task is not None:
            self._task.cancel()
        self.summary_label.setText(self.tr("Reading…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        def failed(error: BaseException) -> None:
            self._task = None
            if self._closed:
                return
            self.findings_list.clear()
            self.summary_label.setText(error_text(error, self.language))

        def done(table: SourceTable) -> None:
            self._task = None
            if self._closed:
                return
            self._fill_from_table(table)

        self._task = tasks.run_task(lambda progress: read_table(self.path, progress=progress,
                                                                **chosen.read_options()),
                                    on_success=done, on_failure=failed)

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(result)


def cell_text(value: Any, language: str) -> str:
    """A raw cell as the preview shows it: a whole number without ``.0`` and without digit groups (a GTIN
    stored as a number reads ``7349891759417``, as Excel shows it), a decimal with the language's decimal
    sign, a date as ISO."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        text = repr(value)
        return text.replace(".", ",") if language == "sv" and "e" not in text else text
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != dt.time(0) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

