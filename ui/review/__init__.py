"""The review page: the grid (model, view, delegates), filters and facets, the detail pane and the
dialogs that act on the review (columns, bulk set, export view, checks before a save)."""

__all__ = ["bulk_set_dialog", "columns_dialog", "delegates", "detail_pane", "empty_result", "export_view",
           "facet_list", "filter_panel", "grid_clipboard", "model", "page", "save_checks", "view"]
