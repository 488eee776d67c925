"""Opening a file: the pandas-free first look (preview) and the import dialog."""

__all__ = ["import_dialog", "preview"]
