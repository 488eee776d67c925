"""Behovsanalys desktop app (PySide6). Thin: every file operation goes through workbench."""
