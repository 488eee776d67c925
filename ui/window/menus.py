"""The main window's menus and their actions: built once, enabled as a table opens, and the small actions
that open a dialog (export view, columns, the user guide, shortcuts, about) or set a decision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.about import AboutDialog
from ui.review.bulk_set_dialog import BulkSetMenus
from workbench.vocabularies import vocabularies


class MenusMixin:
    """The menu bar of :class:`ui.main_window.MainWindow` (its texts: :class:`ui.window.language.LanguageMixin`)."""

    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setObjectName("openAction")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.save_action = QAction(self)
        self.save_action.setObjectName("saveAction")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.save_as_action = QAction(self)
        self.save_as_action.setObjectName("saveAsAction")
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_as_action.setEnabled(False)
        self.save_as_action.triggered.connect(lambda: self.saver.save_as())
        self.import_settings_action = QAction(self)
        self.import_settings_action.setObjectName("importSettingsAction")
        self.import_settings_action.setEnabled(False)
        self.import_settings_action.triggered.connect(self._on_import_settings_action_triggered)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self._build_view_actions()
        self.swedish_action = QAction("Svenska", self, checkable=True)
        self.english_action = QAction("English", self, checkable=True)
        self.swedish_action.triggered.connect(lambda: self.set_language("sv"))
        self.english_action.triggered.connect(lambda: self.set_language("en"))

    def _build_view_actions(self) -> None:
        """Export view, Columns, the user guide and the shortcut list (ui/review/export_view.py and friends)."""
        self.export_view_action = QAction(self)
        self.export_view_action.setObjectName("exportViewAction")
        self.export_view_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_view_action.setEnabled(False)
        self.export_view_action.triggered.connect(self._on_export_view_action_triggered)
        self.columns_action = QAction(self)
        self.columns_action.setObjectName("columnsAction")
        self.columns_action.setEnabled(False)
        self.columns_action.triggered.connect(self._on_columns_action_triggered)
        self.guide_action = QAction(self)
        self.guide_action.setObjectName("userGuideAction")
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda: self._open_help("guide"))
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.triggered.connect(lambda: self._open_help("shortcuts"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.import_settings_action)
        self.file_menu.addSeparator()
        self.new_joint_action = self.file_menu.addAction("", self._on_new_joint_action_triggered)
        self.new_joint_action.setObjectName("newJointAction")
        self.update_list_action = self.file_menu.addAction("", self._on_update_list_action_triggered)
        self.update_list_action.setObjectName("updateListAction")
        self.tender_action = self.file_menu.addAction("", self._on_tender_action_triggered)
        self.tender_action.setObjectName("tenderAction")
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addAction(self.export_view_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        # tied to the grid's undo stack when the review page is built (_review_parts)
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setEnabled(False)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setEnabled(False)
        # each key once: where the platform's Redo is Ctrl+Y already, Qt calls a twice-bound key ambiguous
        redo_keys = [QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.redo_action.setShortcuts(list({key.toString(): key for key in redo_keys}.values()))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.decision_actions: list[QAction] = []
        self.decision_menu = self.edit_menu.addMenu("")
        self.decision_menu.setObjectName("decisionMenu")
        for number, term in enumerate(vocabularies()["decision"].terms, start=1):
            action = self.decision_menu.addAction("")
            action.setData(term.code)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _c=False, code=term.code: self._set_decision_for_selection(code))
            self.decision_actions.append(action)
        self.clear_decision_action = self.decision_menu.addAction("")
        self.clear_decision_action.setShortcut(QKeySequence("Ctrl+Alt+0"))
        self.clear_decision_action.triggered.connect(lambda: self._set_decision_for_selection(None))
        self.bulk_menus = BulkSetMenus(self, self.edit_menu, self.decision_menu.menuAction())
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.columns_action)
        self.language_menu = QMenu(self)
        self.language_menu.addAction(self.swedish_action)
        self.language_menu.addAction(self.english_action)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for recent in self.settings.get("recent_files"):
            action = self.recent_menu.addAction(Path(recent).name)
            action.setToolTip(recent)
            action.triggered.connect(lambda _checked=False, p=recent: self.request_open(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.get("recent_files")))

    def _update_undo_texts(self) -> None:
        """"Ångra Sätt beslut på 3 rader": the menu names the step it would undo or redo."""
        stack = self._review_page.model.undo_stack if self._review_page is not None else None
        undo, redo = (stack.undoText(), stack.redoText()) if stack is not None else ("", "")
        self.undo_action.setText(self.tr("&Undo {step}").format(step=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {step}").format(step=redo) if redo else self.tr("&Redo"))

    def _set_decision_for_selection(self, code: str | None) -> None:
        if self.table is None:
            return
        view = self.review_page.view
        self.model.set_field(view.selected_rows(), "decision", code)

    def _on_export_view_action_triggered(self) -> None:
        from ui.review.export_view import ViewExporter

        if self._exporter is None:
            self._exporter = ViewExporter(self)
        self._exporter.export()

    def _on_columns_action_triggered(self) -> None:
        from ui.review.columns_dialog import ColumnsDialog

        if self.table is not None:
            dialog = ColumnsDialog(self.review_page, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _open_help(self, which: str) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog
        from ui.user_guide import UserGuideDialog

        dialog = ShortcutsDialog(self) if which == "shortcuts" else UserGuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about_action_triggered(self) -> None:
        AboutDialog(self).open()
