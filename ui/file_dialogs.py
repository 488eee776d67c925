"""Open and save file dialogs whose date column reads 2026-12-01 14:05 in either language.

Qt's own file dialog (used where the platform has no native one, e.g. Linux without a desktop
theme) formats dates in the operating system's locale ("12/1/26 2:05 PM" under an English system,
"1 12 2026" under the C locale), whatever language the app runs in. A proxy over its file model
shows them ISO, as the grid does. A native dialog (Windows, macOS) keeps the system's own format.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified
DATE_FORMAT = "yyyy-MM-dd HH:mm"


class IsoDateProxy(QIdentityProxyModel):
    """The file model with its "date modified" column as ``yyyy-MM-dd HH:mm``."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == DATE_COLUMN:
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                return model.lastModified(self.mapToSource(index)).toString(DATE_FORMAT)
        return super().data(index, role)


def file_dialog(parent: QWidget | None, caption: str, directory: str, name_filter: str, *,
                save: bool = False) -> QFileDialog:
    """A file dialog to open an existing file (or, with ``save``, to name one), ISO dates shown."""
    dialog = QFileDialog(parent, caption, directory)
    dialog.setProxyModel(IsoDateProxy(dialog))  # ignored by a native dialog
    dialog.setNameFilter(name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    tree = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog only
    if tree is not None:
        header = tree.header()
        # size, type and date as wide as their text (Qt's default widths cut the date to "2026-0…")
        for column in range(1, DATE_COLUMN + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def get_open_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    """Like ``QFileDialog.getOpenFileName``: the chosen path, or ``""`` when cancelled."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def get_save_file_name(parent: QWidget | None, caption: str, start: str, name_filter: str) -> tuple[str, str]:
    """Like ``QFileDialog.getSaveFileName``: the chosen path and name filter, ``("", "")`` when cancelled."""
    dialog = file_dialog(parent, caption, start, name_filter, save=True)
    if start:
        dialog.selectFile(start)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    return "", ""


def get_open_file_names(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> list[str]:
    """Like ``QFileDialog.getOpenFileNames``: the chosen paths, ``[]`` when cancelled."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return list(dialog.selectedFiles()) if dialog.exec() else []
