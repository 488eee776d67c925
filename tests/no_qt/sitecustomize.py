"""Loaded (via PYTHONPATH) in the process that runs tests/workbench: makes PySide6 unimportable.

This proves the core and its tests work on a machine without Qt.
"""

import importlib.abc
import sys

_BLOCKED = ("PySide6", "shiboken6")


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in _BLOCKED:
            raise ImportError(f"{fullname} is blocked: the core must not need Qt")
        return None


sys.meta_path.insert(0, _BlockQt())
