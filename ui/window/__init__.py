"""The main window's parts, one mixin per concept, put together by :class:`ui.main_window.MainWindow`: the
menus, the language, the pages, the status bar, opening a file, saving, the joint assortment's hooks and
the window's state."""

__all__ = ["assortment", "consolidation", "language", "menus", "opening", "pages", "saving", "state", "status_bar"]
