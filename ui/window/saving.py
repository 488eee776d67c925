"""Saving from the main window: Save and Save As go to the save controller (ui/sharing/save_controller.py),
which also reports pulls, conflicts and waits for a colleague's lock; the window shows them."""

from __future__ import annotations

from typing import Any

from ui.sharing.changes import show_changes
from workbench.messages import text


class SavingMixin:
    """The save controller's side of :class:`ui.main_window.MainWindow`."""

    def _on_save_action_triggered(self) -> None:
        self._warn_before_save()
        self.saver.save()

    def _warn_before_save(self) -> None:
        """Replacements that do not add up go in a bar (with "Visa"); the save goes ahead regardless."""
        if self.table is not None:
            self._review_parts()
            self.save_checks.check()

    def _confirm_discard(self, then: Any) -> None:
        """Run ``then`` once unsaved changes are saved or discarded (at once when nothing is open)."""
        if self._saver is None:
            then()
        else:
            self._saver.confirm_discard(then)

    def _on_saver_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self.save_action.setEnabled(dirty)

    def _on_saver_saved(self, result: Any) -> None:
        self._update_title()
        if self._restore_note_shown and self.table is not None:
            self._show_banner(self.table)  # the restored edits are saved: the note goes
        show_changes(self, result.changes, self.language)  # a shared save or Save As

    def _on_saver_pulled(self, result: Any) -> None:
        show_changes(self, result.changes, self.language)

    def _on_saver_conflicts_pending(self, conflicts: list[Any]) -> None:
        """A colleague saved other values for cells we have also changed: say so at once, not at the save."""
        if not conflicts:
            self.conflict_bar.hide()
            return
        names = sorted({c.theirs_by for c in conflicts if c.theirs_by})
        articles = len({c.key for c in conflicts})

        def wording() -> str:  # worded again on a language switch
            who = names[0] if len(names) == 1 else (self.tr("Colleagues") if names else self.tr("A colleague"))
            return self.tr("{who} saved other values for %Ln article(s) that you have also changed. "
                           "Choose which to keep now, or when you save.", "", articles).format(who=who)

        self.conflict_bar.show_notice(wording, lambda: self.tr("Show"), lambda: self.saver.settle_pending())

    def _on_saver_owner_wait(self, who: str) -> None:
        waiting = bool(who)
        self.owner_wait_label.setVisible(waiting)
        self.owner_wait_cancel.setVisible(waiting)
        self._owner_wait_who = who
        if waiting:
            self.statusBar().clearMessage()
            self._reword_owner_wait()

    def _reword_owner_wait(self) -> None:
        """The wait for a colleague's file, in the current language (again on a language switch)."""
        if self._owner_wait_who:
            file = self.table.path.name if self.table is not None else ""
            who = self._owner_wait_who if self._owner_wait_who != "?" else self.tr("someone")
            self.owner_wait_label.setText(self.tr("Waiting for {who} to close {file}; saves by itself then").format(
                who=who, file=file))

    def _on_saver_waiting(self, who: str) -> None:
        file = self.table.path.name if self.table else ""
        self.show_status(lambda: text("lock_waiting", self.language, who=who, file=file), 10_000)
