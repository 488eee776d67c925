"""Saving and pulling a shared workbook: the save controller, the conflict dialog, the watcher that
notices a colleague's save, and the journal's upkeep."""

__all__ = ["conflict_dialog", "file_watcher", "journal_upkeep", "save_controller"]
