"""The joint assortment in the app (issue 15): the merge wizard, updating one municipality's list, and
the grid's joint columns, source rows, link and split."""

__all__ = ["joint_grid", "merge_files", "merge_result", "merge_wizard", "source_rows", "update_list"]
