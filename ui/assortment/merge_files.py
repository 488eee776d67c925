"""The merge wizard's first page: the municipalities' lists, each read in the background to show its
municipality (editable) and rows, with the import dialog to check its columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui import tasks
from ui.errors import error_text
from ui.file_dialogs import file_dialog
from workbench.assortment import ReadList, Source, read_list
from workbench.formats import SPREADSHEET_SUFFIXES
from workbench.numbers import format_number
from workbench.reading.profiles import ImportProfile, remember_profile, remembered_profile
from workbench.settings import Settings

FILE, MUNICIPALITY, FOUND_IN, ROWS, COLUMNS = range(5)


@dataclass
class ListEntry:
    """One chosen list: how to read it, what reading it found, the municipality the user settled on."""

    path: Path
    read: dict[str, Any]
    found: ReadList | None = None
    error: str | None = None
    municipality: str = ""
    edited: bool = False  # the user typed the municipality
    task: tasks.Task | None = field(default=None, repr=False)

    def source(self) -> Source:
        return Source(self.path, self.municipality if self.edited else None, dict(self.read))


def choose_lists(parent: QWidget, caption: str, start: str, name_filter: str) -> list[Path]:
    """Several existing files from the app's file dialog (ISO dates), ``[]`` when cancelled."""
    dialog = file_dialog(parent, caption, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return [Path(p) for p in dialog.selectedFiles()] if dialog.exec() else []


def read_options(settings: Settings, path: Path) -> dict[str, Any]:
    """The import choices remembered for ``path`` (detection afresh when there are none)."""
    return (remembered_profile(settings, path) or ImportProfile()).read_options()


class FilesPage(QWizardPage):
    """Page 1: pick or drop the lists; each row shows file, municipality, where it was found, rows."""

    def __init__(self, settings: Settings, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeFilesPage")
        self.settings = settings
        self.language = language
        self.entries: list[ListEntry] = []
        self._filling = False
        self._closed = False
        self.setTitle(self.tr("The municipalities' lists"))
        self.setSubTitle(self.tr("Add each municipality's article list or purchase statistics (or drop the files "
                                 "here). Check the municipality of each list; \"Columns…\" shows how it is read."))
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("mergeFilesTable")
        self.table.setAccessibleName(self.tr("Lists to merge"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Municipality"), self.tr("Municipality from"),
                                              self.tr("Rows"), ""])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MUNICIPALITY, QHeaderView.ResizeMode.Interactive)
        for column in (FOUND_IN, ROWS, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(MUNICIPALITY, 170)
        self.table.itemChanged.connect(self._on_table_item_changed)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setObjectName("addFilesButton")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeFileButton")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("mergeFilesStatus")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        layout.addLayout(buttons)

    # --- adding and removing ------------------------------------------------------------------
    def add_files(self, paths: Iterable[Path]) -> None:
        known = {entry.path.resolve() for entry in self.entries}
        for path in paths:
            if path.resolve() in known or not path.is_file():
                continue
            known.add(path.resolve())
            entry = ListEntry(path, read_options(self.settings, path))
            self.entries.append(entry)
            self._detect(entry)
        self._refill()

    def _on_add_button_clicked(self) -> None:
        start = str(self.entries[-1].path.parent) if self.entries else ""
        self.add_files(choose_lists(self, self.tr("Choose the municipalities' lists"), start, self.tr(
            "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)")))

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            entry = self.entries.pop(row)
            if entry.task is not None:
                entry.task.cancel()
                entry.task = None
        self._refill()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(p for p in paths if p.suffix.lower() in SPREADSHEET_SUFFIXES)
        event.acceptProposedAction()

    # --- reading --------------------------------------------------------------------------------
    def _detect(self, entry: ListEntry) -> None:
        if entry.task is not None:
            entry.task.cancel()
        entry.found, entry.error = None, None
        source = Source(entry.path, entry.municipality if entry.edited else None, dict(entry.read))

        def done(found: ReadList) -> None:
            if self._closed or entry.task is not task:
                return
            entry.task, entry.found = None, found
            if not entry.edited:
                entry.municipality = found.municipality
            self._refill()

        def failed(error: BaseException) -> None:
            if self._closed or entry.task is not task:
                return
            entry.task, entry.error = None, error_text(error, self.language)
            self._refill()

        task = tasks.run_task(lambda progress: read_list(source, progress=progress), on_success=done,
                              on_failure=failed, owner=self)
        entry.task = task

    @property
    def reading(self) -> bool:
        return any(entry.task is not None for entry in self.entries)

    def stop(self) -> None:
        """Cancel the reads still running (the wizard is closing)."""
        self._closed = True
        for entry in self.entries:
            if entry.task is not None:
                entry.task.cancel()
                entry.task = None

    # --- showing ----------------------------------------------------------------------------
    def _found_in(self, entry: ListEntry) -> str:
        if entry.edited:
            return self.tr("typed")
        how = entry.found.municipality_from if entry.found is not None else ""
        return {"given": self.tr("given"), "column": self.tr("municipality column"),
                "file_name": self.tr("file name – check")}.get(how, "")

    def _refill(self) -> None:
        self._filling = True
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            name = QTableWidgetItem(entry.path.name)
            name.setToolTip(str(entry.path))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, FILE, name)
            municipality = QTableWidgetItem(entry.municipality)
            municipality.setToolTip(self.tr("Double-click to change the municipality"))
            self.table.setItem(row, MUNICIPALITY, municipality)
            found_in = QTableWidgetItem(self._found_in(entry))
            found_in.setFlags(found_in.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, FOUND_IN, found_in)
            if entry.error is not None:
                rows = QTableWidgetItem(self.tr("Cannot be read"))
                rows.setForeground(QBrush(QColor("#b00020")))
                rows.setToolTip(entry.error)
            elif entry.found is None:
                rows = QTableWidgetItem(self.tr("Reading…"))
            else:
                rows = QTableWidgetItem(format_number(len(entry.found.rows), self.language))
                rows.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            rows.setFlags(rows.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, ROWS, rows)
            button = QPushButton(self.tr("Columns…"))
            button.setObjectName(f"columnsButton{row}")
            button.setEnabled(entry.found is not None)
            button.clicked.connect(self._columns_opener(entry))
            self.table.setCellWidget(row, COLUMNS, button)
        self._filling = False
        self._update_status()
        self.completeChanged.emit()

    def _update_status(self) -> None:
        problems = [entry for entry in self.entries if entry.error is not None]
        if problems:
            self.status_label.setText(self.tr("%n list(s) cannot be read: remove or check them.", "",
                                              len(problems)))
        elif self.reading:
            self.status_label.setText(self.tr("Reading the lists…"))
        else:
            rows = sum(len(entry.found.rows) for entry in self.entries if entry.found is not None)
            self.status_label.setText(self.tr("%n list(s)", "", len(self.entries)) + ", "
                                      + self.tr("%Ln row(s)", "", rows))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != MUNICIPALITY:
            return
        entry = self.entries[item.row()]
        entry.municipality, entry.edited = item.text().strip(), True
        self._filling = True
        found_in = self.table.item(item.row(), FOUND_IN)
        if found_in is not None:
            found_in.setText(self._found_in(entry))
        self._filling = False
        self.completeChanged.emit()

    def set_municipality(self, row: int, name: str) -> None:
        """Type ``name`` as the municipality of the list in ``row`` (as editing the cell does)."""
        item = self.table.item(row, MUNICIPALITY)
        assert item is not None
        item.setText(name)

    # --- the import dialog --------------------------------------------------------------------
    def _columns_opener(self, entry: ListEntry) -> Callable[[], object]:
        return lambda: self.open_columns(entry)

    def open_columns(self, entry: ListEntry) -> QWidget | None:
        """Show the import dialog for ``entry``; accepting it rereads the list with the choices made."""
        def chosen() -> None:
            self._detect(entry)
            self._refill()

        return open_list_columns(entry, self.settings, self.language, self, chosen)

    # --- the wizard's questions ---------------------------------------------------------------
    def isComplete(self) -> bool:
        return bool(self.entries) and all(entry.found is not None and entry.error is None and entry.municipality
                                          for entry in self.entries)

    def sources(self) -> list[Source]:
        return [entry.source() for entry in self.entries]


def open_list_columns(entry: ListEntry, settings: Settings, language: str, parent: QWidget,
                      then: Callable[[], None]) -> QWidget | None:
    """The import dialog for one list of a merge (the wizard's and the update's "Kolumner…"): accepting it
    remembers the choices for the file, makes them the list's read options and calls ``then``."""
    from PySide6.QtCore import QCoreApplication

    from ui.importing.import_dialog import ImportDialog

    if entry.found is None:
        return None
    dialog = ImportDialog(entry.path, entry.found.table, language, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # nothing is imported here: the choices say how the list is read for the merge
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
        QCoreApplication.translate("FilesPage", "&Use these columns"))

    def accepted() -> None:
        profile = dialog.profile()
        remember_profile(settings, entry.path, profile)
        settings.save()
        entry.read = profile.read_options()
        then()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog

