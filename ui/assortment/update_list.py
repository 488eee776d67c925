"""Arkiv > Uppdatera kommunlista…: merge one municipality's new list into a joint workbook.

The list is read in the background to pre-fill its municipality; when the workbook already holds a list
for that municipality the user says whether the new one replaces it or adds to it. The merge runs in the
background (progress, cancel); the summary says what changed and the grid reloads the workbook on close.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import tasks
from ui.assortment.merge_files import ListEntry, open_list_columns, read_options
from ui.assortment.merge_result import MergeResultView
from ui.errors import error_text
from ui.file_dialogs import get_open_file_name
from workbench.assortment import JointState, ReadList, Source, municipality_in_name, read_joint, read_list
from workbench.errors import Cancelled
from workbench.numbers import format_number
from workbench.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from workbench.assortment import MergeReport
    from workbench.assortment.changes import QuantityChange

_LISTED = 10  # articles named per line of the summary; the rest are "…"

def joint_municipalities(state: JointState) -> dict[str, list[str]]:
    """Municipality -> its files in the workbook's ``Källor`` (in the workbook's order)."""
    files: dict[str, list[str]] = {}
    for source in state.sources:
        files.setdefault(source.municipality, [])
        if source.file not in files[source.municipality]:
            files[source.municipality].append(source.file)
    return files


class UpdateListDialog(QDialog):
    """Pick a list and its municipality, choose replace or add, merge, see what changed."""

    def __init__(self, settings: Settings, language: str, joint: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateListDialog")
        self.settings = settings
        self.language = language
        self.joint = joint
        self.state: JointState | None = None
        self.lists: dict[str, list[str]] = {}
        self.entry: ListEntry | None = None
        self.report: MergeReport | None = None
        self.quantity_changes: list[QuantityChange] = []
        self._joint_task: tasks.Task | None = None
        self.merge_task: tasks.Task | None = None
        self._closed = False
        self.shrink_question: QMessageBox | None = None  # asked before a much shorter list replaces one
        self.setWindowTitle(self.tr("Update municipality list"))
        self._build()
        self.resize(820, 560)
        if joint is not None:
            self.set_joint(joint)
        self._update_buttons()

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.joint_label = QLabel()
        self.joint_label.setObjectName("jointLabel")
        self.joint_label.setWordWrap(True)
        self.joint_button = QPushButton(self.tr("C&hoose…"))
        self.joint_button.setObjectName("chooseJointButton")
        self.joint_button.clicked.connect(self._on_joint_button_clicked)
        form.addRow(self.tr("Joint workbook:"), self._row(self.joint_label, self.joint_button))
        self.file_label = QLabel(self.tr("(no list chosen)"))
        self.file_label.setObjectName("listLabel")
        self.file_button = QPushButton(self.tr("Choose &list…"))
        self.file_button.setObjectName("chooseListButton")
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.columns_button = QPushButton(self.tr("C&olumns…"))
        self.columns_button.setObjectName("listColumnsButton")
        self.columns_button.clicked.connect(self._on_columns_button_clicked)
        form.addRow(self.tr("New list:"), self._row(self.file_label, self.file_button, self.columns_button))
        self.municipality_combo = QComboBox()
        self.municipality_combo.setObjectName("municipalityCombo")
        self.municipality_combo.setEditable(True)
        self.municipality_combo.setMinimumWidth(220)
        self.municipality_combo.currentTextChanged.connect(lambda _text: self._update_question())
        self.list_status = QLabel()
        self.list_status.setObjectName("listStatus")
        # a read error is long: it wraps under the combo rather than stretching the dialog off the screen
        self.list_status.setWordWrap(True)
        self.list_status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        municipality_row = self._row(self.municipality_combo, self.list_status)
        row_layout = municipality_row.layout()
        if isinstance(row_layout, QHBoxLayout):  # the status, not the combo, takes the room left
            row_layout.setStretch(0, 0)
            row_layout.setStretch(1, 1)
        form.addRow(self.tr("&Municipality:"), municipality_row)
        layout.addLayout(form)

        self.question_box = QGroupBox()
        self.question_box.setObjectName("replaceOrAdd")
        self.replace_radio = QRadioButton(self.tr("&Replace its list (its old rows go)"))
        self.replace_radio.setObjectName("replaceRadio")
        self.add_radio = QRadioButton(self.tr("&Add to its list (the old rows stay)"))
        self.add_radio.setObjectName("addRadio")
        self.replace_radio.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.replace_radio)
        self._modes.addButton(self.add_radio)
        question = QVBoxLayout(self.question_box)
        question.addWidget(self.replace_radio)
        question.addWidget(self.add_radio)
        layout.addWidget(self.question_box)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("updateProgress")
        self.cancel_button = QPushButton(self.tr("&Cancel update"))
        self.cancel_button.setObjectName("cancelUpdateButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("updateStage")
        self.stage_label.setWordWrap(True)
        running = QHBoxLayout()
        running.addWidget(self.progress_bar, 1)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)
        layout.addWidget(self.stage_label)
        self.result_view = MergeResultView()
        self.result_view.setObjectName("updateResult")
        layout.addWidget(self.result_view, 1)
        layout.addStretch(0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.update_button = self.buttons.addButton(self.tr("&Update"), QDialogButtonBox.ButtonRole.ActionRole)
        self.update_button.setObjectName("updateButton")
        self.update_button.setDefault(True)
        self.update_button.clicked.connect(self.start)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for widget in (self.progress_bar, self.cancel_button, self.result_view):
            widget.hide()
        self.question_box.hide()

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for number, widget in enumerate(widgets):
            row.addWidget(widget, 1 if number == 0 else 0)
        return holder

    # --- the joint workbook ---------------------------------------------------------------------
    def set_joint(self, path: Path) -> None:
        """Read the joint workbook at ``path`` in the background for its municipalities."""
        self.joint, self.state, self.lists = path, None, {}
        self.joint_label.setText(self.tr("Reading {file}…").format(file=path.name))

        def done(state: JointState) -> None:
            if self._closed or self._joint_task is not task:
                return
            self._joint_task, self.state = None, state
            self.lists = joint_municipalities(state)
            municipalities = self.tr("%n municipality(-ies)", "", len(self.lists))
            articles = self.tr("%Ln article(s)", "", len(state.articles))
            self.joint_label.setText(f"{path.name} ({municipalities}, {articles})")
            self.joint_label.setToolTip(str(path))
            typed = self.municipality_combo.currentText()
            entry = self.entry
            if entry is not None and entry.found is not None and not entry.edited:
                typed = self._suggested(entry.found)  # the list was read first: now its municipality is known
            edited = entry.edited if entry is not None else False
            self.municipality_combo.clear()  # (says "" to _update_question, which is no edit of the user's)
            self.municipality_combo.addItems(list(self.lists))
            self.municipality_combo.setCurrentText(typed)
            if entry is not None:
                entry.edited = edited
            self._update_question()

        def failed(error: BaseException) -> None:
            if self._closed or self._joint_task is not task:
                return
            self._joint_task = None
            self.joint_label.setText(error_text(error, self.language))
            self._update_buttons()

        task = tasks.run_task(lambda _progress: read_joint(path), on_success=done, on_failure=failed,
                              owner=self)
        self._joint_task = task
        self._update_buttons()

    def _on_joint_button_clicked(self) -> None:
        start = str(self.joint) if self.joint is not None else ""
        chosen = get_open_file_name(self, self.tr("Choose the joint analysis"), start,
                                    self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            self.set_joint(Path(chosen))

    # --- the new list ---------------------------------------------------------------------------
    def set_list(self, path: Path) -> None:
        """Read the new list at ``path`` in the background; its municipality fills the field."""
        if self.entry is not None and self.entry.task is not None:
            self.entry.task.cancel()
        self.entry = ListEntry(path, read_options(self.settings, path))
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self._read_list(self.entry)

    def _read_list(self, entry: ListEntry) -> None:
        self.list_status.setText(self.tr("Reading…"))
        self.list_status.setToolTip("")
        source = Source(entry.path, None, dict(entry.read))

        def done(found: ReadList) -> None:
            if self._closed or entry.task is not task:
                return
            entry.task, entry.found = None, found
            if not self.municipality_combo.currentText().strip() or not entry.edited:
                self.municipality_combo.setCurrentText(self._suggested(found))
            self.list_status.setText(self.tr("%Ln row(s)", "", len(found.rows)))
            self._update_buttons()

        def failed(error: BaseException) -> None:
            if self._closed or entry.task is not task:
                return
            entry.task, entry.error = None, error_text(error, self.language)
            # the file's name is enough beside "New list:"; the whole path is in the tooltip
            self.list_status.setText(entry.error.replace(str(entry.path), entry.path.name))
            self.list_status.setToolTip(entry.error)
            self._update_buttons()

        entry.found, entry.error = None, None
        task = tasks.run_task(lambda progress: read_list(source, progress=progress), on_success=done,
                              on_failure=failed, owner=self)
        entry.task = task
        self._update_buttons()

    def _suggested(self, found: ReadList) -> str:
        """The list's municipality; for one named after its file, the workbook's municipality the name holds
        ("Haninge 2026.csv" is Haninge's new list, not a municipality of its own that counts twice)."""
        if found.municipality_from == "file_name" and found.municipality not in self.lists:
            return municipality_in_name(found.file_name, self.lists) or found.municipality
        return found.municipality

    def _on_file_button_clicked(self) -> None:
        start = str(self.joint.parent) if self.joint is not None else ""
        chosen = get_open_file_name(self, self.tr("Choose the municipality's new list"), start,
                                    self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"))
        if chosen:
            self.set_list(Path(chosen))

    def _on_columns_button_clicked(self) -> None:
        entry = self.entry
        if entry is None:
            return

        def chosen() -> None:
            entry.edited = True  # keep the municipality shown
            self._read_list(entry)

        open_list_columns(entry, self.settings, self.language, self, chosen)

    def _update_question(self) -> None:
        name = self.municipality_combo.currentText().strip()
        if self.entry is not None and self.entry.found is not None and name != self.entry.found.municipality:
            self.entry.edited = True
        files = self.lists.get(name)
        self.question_box.setVisible(bool(files))
        if files:
            self.question_box.setTitle(self.tr("{municipality} already has a list in the workbook ({files}). "
                                               "The new list should:").format(municipality=name,
                                                                              files=", ".join(files)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.entry
        ready = (self.state is not None and entry is not None and entry.found is not None and entry.error is None
                 and bool(self.municipality_combo.currentText().strip()) and self.merge_task is None
                 and self.report is None)
        self.update_button.setEnabled(ready)
        busy = self.merge_task is not None
        for widget in (self.joint_button, self.file_button, self.municipality_combo, self.question_box):
            widget.setEnabled(not busy and self.report is None)
        self.columns_button.setEnabled(not busy and self.report is None and entry is not None
                                       and entry.found is not None)

    # --- merging ----------------------------------------------------------------------------------
    def mode(self) -> Literal["replace", "add"]:
        return "add" if self.add_radio.isChecked() and self.question_box.isVisible() else "replace"

    def start(self) -> None:
        if self.joint is None or self.entry is None:
            return
        municipality = self.municipality_combo.currentText().strip()
        old_rows = self._rows_held(municipality)
        new_rows = len(self.entry.found.rows) if self.entry.found is not None else 0
        if self.mode() == "replace" and old_rows >= 4 and new_rows * 2 < old_rows:
            self._confirm_shrink(municipality, old_rows, new_rows)
            return
        self._start()

    def _rows_held(self, municipality: str) -> int:
        """How many source rows the workbook (as read when the dialog opened) holds for ``municipality``."""
        if self.state is None:
            return 0
        return sum(1 for record in self.state.records if record.municipality == municipality)

    def _confirm_shrink(self, municipality: str, old_rows: int, new_rows: int) -> None:
        """A list with less than half the rows the municipality has (the wrong file, an export cut short)
        would take the rest out of its volumes: asked first, No the default."""
        assert self.entry is not None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Replace the list?"), "", parent=self)
        box.setObjectName("shrinkQuestion")
        box.setText(self.tr("{municipality} has {old} source rows in the joint workbook; {file} has only {new}. "
                            "Replacing the list takes the other rows out of {municipality}'s volumes.")
                    .format(municipality=municipality, old=format_number(old_rows, self.language),
                            new=format_number(new_rows, self.language), file=self.entry.path.name))
        box.setInformativeText(self.tr("Check that it is the right file and municipality. Replace anyway?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Replace"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Cancel"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            self.shrink_question = None
            if result == QMessageBox.StandardButton.Yes:
                self._start()

        box.finished.connect(answered)
        self.shrink_question = box
        box.open()

    def _start(self) -> None:
        from workbench.assortment import merge_lists

        if self.joint is None or self.entry is None:
            return
        joint, language, mode = self.joint, self.language, self.mode()
        source = Source(self.entry.path, self.municipality_combo.currentText().strip(), dict(self.entry.read))
        old_rows = self._rows_held(source.municipality or "")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.stage_label.setText(self.tr("Merging {file}…").format(file=source.path.name))

        before = self.state
        municipality = source.municipality or ""

        def work(progress: Any) -> tuple[MergeReport, list[QuantityChange]]:
            from workbench.assortment.changes import quantity_changes

            report = merge_lists(joint, [source], lang=language, mode=mode, progress=progress)
            if not report.written or before is None:
                return report, []
            return report, quantity_changes(before, read_joint(joint), municipality)

        def done(result: tuple[MergeReport, list[QuantityChange]]) -> None:
            if self._closed or self.merge_task is not task:
                return
            report, changes = result
            self.merge_task, self.report, self.quantity_changes = None, report, changes
            self.progress_bar.hide()
            self.cancel_button.hide()
            self.stage_label.setText(self._changes(report, municipality, old_rows, changes))
            self.result_view.show_report(report, language)
            self.result_view.show()
            self.question_box.hide()
            self._grow()
            self._update_buttons()

        def failed(error: BaseException) -> None:
            if self._closed or self.merge_task is not task:
                return
            self.merge_task = None
            self.progress_bar.hide()
            self.cancel_button.hide()
            self.stage_label.setText(self.tr("The update was cancelled. Nothing was saved.")
                                     if isinstance(error, Cancelled) else error_text(error, language))
            self._update_buttons()

        task = tasks.run_task(work, on_success=done, on_failure=failed, on_progress=self._on_progress, lane="save",
                              owner=self)
        self.merge_task = task
        self._update_buttons()

    def _grow(self) -> None:
        """Make room for the summary (as much as the screen allows) rather than squeezing its tables."""
        wanted = self.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = max(self.height(), wanted.height())
        if screen is not None:
            height = min(height, screen.height() - 40)
        self.resize(max(self.width(), wanted.width()), height)

    def _changes(self, report: MergeReport, municipality: str, old_rows: int,
                 changes: list[QuantityChange]) -> str:
        if not report.written:
            return self.tr("Nothing changed: the workbook already holds this list.")
        rows = self.tr("%Ln source row(s)", "", report.municipalities.get(municipality, 0))
        before = self.tr("%Ln row(s) before", "", old_rows)
        lines = ["<b>" + self.tr("Updated: {municipality} now has {source_rows} ({before}).").format(
            municipality=municipality, source_rows=rows, before=before) + "</b>"]

        def number(value: float | None) -> str:
            return format_number(value or 0, self.language)

        def listed(found: list[QuantityChange], show: Callable[[QuantityChange], str]) -> str:
            return ", ".join(show(c) for c in found[:_LISTED]) + (" …" if len(found) > _LISTED else "")

        def named(change: QuantityChange) -> str:  # "G00528 Handske nitril M": an ID alone says little
            return html.escape(f"{change.article_id} {change.name}".strip())

        changed = [c for c in changes if c.kind == "changed"]
        added = [c for c in changes if c.kind == "added"]
        removed = [c for c in changes if c.kind == "removed"]
        if changed:
            lines.append(self.tr("Another quantity for %n article(s): {changes}", "", len(changed)).format(
                changes=listed(changed, lambda c: f"{named(c)} ({number(c.before)} → {number(c.after)})")))
        if added:
            lines.append(self.tr("%n article(s) new in the list: {ids}", "", len(added)).format(
                ids=listed(added, lambda c: self.tr("{article}, quantity {quantity}").format(
                    article=named(c), quantity=number(c.after)))))
        if removed:
            lines.append(self.tr("%n article(s) no longer in the list: {ids}", "", len(removed)).format(
                ids=listed(removed, lambda c: self.tr("{article}, quantity {quantity} before").format(
                    article=named(c), quantity=number(c.before)))))
        if not changes:
            lines.append(self.tr("No article's quantity changed."))
        return "<br>".join(lines)

    def _on_progress(self, done: int, total: int, _stage: str) -> None:
        if not self._closed and total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def cancel(self) -> None:
        if self.merge_task is not None:
            self.merge_task.cancel()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling…"))

    def done(self, result: int) -> None:
        self.cancel()
        for task in (self._joint_task, self.entry.task if self.entry is not None else None):
            if task is not None:
                task.cancel()
        self._closed = True
        super().done(result)


def open_update_list(window: MainWindow, joint: Path | None = None) -> UpdateListDialog | None:
    """Show the dialog for ``joint``, else the workbook open in ``window``, else one the user picks; the
    grid reloads the workbook when the dialog closes after an update."""
    if joint is None and window.table is not None:
        joint = window.table.path
    if joint is None:
        chosen = get_open_file_name(window, QCoreApplication.translate("UpdateListDialog", "Choose the joint analysis"),
                                    "", QCoreApplication.translate("UpdateListDialog", "Excel workbook (*.xlsx)"))
        if not chosen:
            return None
        joint = Path(chosen)
    dialog = UpdateListDialog(window.settings, window.language, joint, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if dialog.report is not None and dialog.report.written:
            window.request_open(dialog.report.joint)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


