"""The joint assortment's hooks in the main window; the logic is in ui/assortment."""

from __future__ import annotations


class AssortmentMixin:
    """The joint grid and the File menu's joint-analysis entries of :class:`ui.main_window.MainWindow`."""

    def _build_joint_grid(self) -> None:
        from ui.assortment.joint_grid import JointGrid

        self.joint_grid = JointGrid(self)

    def _on_new_joint_action_triggered(self) -> None:
        from ui.assortment.merge_wizard import open_merge_wizard

        open_merge_wizard(self)

    def _on_update_list_action_triggered(self) -> None:
        from ui.assortment.update_list import open_update_list

        open_update_list(self)
