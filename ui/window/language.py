"""The main window's language: every visible text, set at start and again when the user switches language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ui.i18n import install_translator
from workbench.vocabularies import vocabularies


class LanguageMixin:
    """Texts and the language switch of :class:`ui.main_window.MainWindow`."""

    def retranslate(self) -> None:
        """Set every visible text; called at start and whenever the language changes."""
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &as…"))
        self.import_settings_action.setText(self.tr("&Import settings…"))
        self.new_joint_action.setText(self.tr("&New joint analysis…"))
        self.update_list_action.setText(self.tr("Up&date municipality list…"))
        self.banner_button.setText(self.tr("Import settings…"))
        self.banner_close.setToolTip(self.tr("Hide"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Behovsanalys"))
        self.empty_title.setText("<h2>" + self.tr("No article list open") + "</h2>")
        self.empty_hint.setText(self.tr(
            "Open an article list or purchase statistics (xlsx, xlsm, xls, ods or csv), "
            "or drop the file here."))
        self.empty_open_button.setText(self.tr("Open file…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.owner_wait_cancel.setText(self.tr("Stop waiting"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.joint_grid.retranslate()
        self.environment.retranslate()
        self.consolidation.retranslate()
        self.survey.retranslate()
        self.summary.retranslate()
        self.tender.retranslate()
        self.followup.retranslate()
        self._update_undo_texts()
        self.decision_menu.setTitle(self.tr("Set &decision for selected rows"))
        for action in self.decision_actions:
            action.setText(vocabularies()["decision"].label(action.data(), self.language))
        self.clear_decision_action.setText(self.tr("Clear decision"))
        self.bulk_menus.retranslate(self.language)
        self.export_view_action.setText(self.tr("&Export view…"))
        self.columns_action.setText(self.tr("&Columns…"))
        self.guide_action.setText(self.tr("&User guide"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        if self._review_page is not None:
            self._review_page.retranslate(self.language)
        self.swedish_action.setChecked(self.language == "sv")
        self.english_action.setChecked(self.language == "en")
        self._update_title()
        self._update_progress_label()
        self._reword_messages()

    def _reword_messages(self) -> None:
        """What the window says at the moment (status bar, banner, notice bars) in the new language, or
        gone where it cannot be worded again: never left in the old one."""
        self._reword_status()
        self._reword_owner_wait()
        self._reword_banner()
        self.conflict_bar.reword()
        if self._review_page is not None and not self.save_checks.bar.isHidden():
            self.save_checks.check()  # the checks' own words, in the window's language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        assert app is not None
        self.language = install_translator(app, language)
        self.settings.set("language", self.language)
        self.settings.save()
        self.retranslate()
